package org.qualigraph.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualigraph.support.Documents;
import org.qualigraph.support.SharedData;

/**
 * Two application instances over one database, each its own process from the packaged jar: A runs the embedded
 * database on a fixed Bolt port, B reaches it with {@code spring.neo4j.uri} and the Bolt credentials A generated, and
 * starts no store of its own. Whatever a client does through one instance holds on the other: documents, optimistic
 * locking, the login throttle, background jobs and the one-import-at-a-time rule; and when the instance running an
 * import is killed, the other marks the job FAILED after the heartbeat timeout.
 */
class ScaleOutIT {

    private static final String ADMIN_PASSWORD = "scale-out-admin-1";
    private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(15);

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @TempDir
    Path work;

    @Test
    void twoInstancesOverOneDatabaseBehaveAsOne() throws Exception {
        // preconditions first: a missing ESCO skips the test before anything ran, not after three checks had passed
        Path esco = SharedData.requireEsco();
        int bolt = freePort();
        String[] jobSettings = {"--qualigraph.jobs.heartbeat-interval=1s",
                "--qualigraph.jobs.heartbeat-timeout=" + HEARTBEAT_TIMEOUT.toSeconds() + "s"};
        try (var a = Instance.start(work, "a", concat(jobSettings, "--qualigraph.embedded.bolt-port=" + bolt))) {
            String boltPassword = Files.readString(work.resolve("a/bolt.password")).strip();
            assertThat(Files.isDirectory(work.resolve("a/data/databases/neo4j"))).isTrue();
            try (var b = Instance.start(work, "b", concat(jobSettings, "--spring.neo4j.uri=bolt://127.0.0.1:" + bolt,
                    "--spring.neo4j.authentication.username=neo4j", "--spring.neo4j.authentication.password=" + boltPassword))) {
                try (var files = Files.list(work.resolve("b"))) {
                    assertThat(files.map(p -> p.getFileName().toString())).as("B must start no store of its own")
                            .doesNotContain("data", "bolt.password");
                }
                documentsReadTheSameThroughBoth(a, b);
                staleSavesAreRefusedAcrossInstances(a, b);
                failedLoginsOnBothLockTheAccountOnBoth(a, b);
                anImportRunsOnceAndDiesWithItsInstance(a, b, esco);
            }
        }
    }

    private void documentsReadTheSameThroughBoth(Instance a, Instance b) throws Exception {
        var created = a.api("POST", "/api/qualifications", json.writeValueAsString(Documents.generated("Scaled out", 3, 3)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asText();
        var throughA = a.api("GET", "/api/qualifications/" + id, null);
        var throughB = b.api("GET", "/api/qualifications/" + id, null);
        assertThat(throughB.statusCode()).isEqualTo(200);
        assertThat(json.readTree(throughB.body())).isEqualTo(json.readTree(throughA.body()));
        assertThat(json.readTree(b.api("GET", "/api/qualifications", null).body()).findValuesAsText("id")).contains(id);
    }

    private void staleSavesAreRefusedAcrossInstances(Instance a, Instance b) throws Exception {
        var created = a.api("POST", "/api/qualifications", json.writeValueAsString(Documents.generated("Contended", 2, 2)));
        String id = json.readTree(created.body()).get("id").asText();
        ObjectNode base = (ObjectNode) json.readTree(b.api("GET", "/api/qualifications/" + id, null).body());

        var saved = b.api("PUT", "/api/qualifications/" + id, retitled(base, "Saved through B"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        var stale = a.api("PUT", "/api/qualifications/" + id, retitled(base, "Stale through A"));
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(title(a, id)).isEqualTo("Saved through B");

        ObjectNode current = (ObjectNode) json.readTree(a.api("GET", "/api/qualifications/" + id, null).body());
        var pool = Executors.newFixedThreadPool(8);
        var saves = new ArrayList<Callable<Map.Entry<String, Integer>>>();
        for (int i = 0; i < 8; i++) {
            Instance instance = i % 2 == 0 ? a : b;
            String title = "Concurrent " + i + " through " + instance.name;
            saves.add(() -> Map.entry(title, instance.api("PUT", "/api/qualifications/" + id, retitled(current, title)).statusCode()));
        }
        var answers = new ArrayList<Map.Entry<String, Integer>>();
        for (var future : pool.invokeAll(saves, 5, TimeUnit.MINUTES)) {
            answers.add(future.get());
        }
        pool.shutdown();
        var accepted = answers.stream().filter(e -> e.getValue() == 200).toList();
        assertThat(accepted).as("answers: %s", answers).hasSize(1);
        assertThat(answers).filteredOn(e -> e.getValue() != 200).extracting(Map.Entry::getValue).containsOnly(409);
        assertThat(title(b, id)).isEqualTo(accepted.get(0).getKey());
        assertThat(json.readTree(a.api("GET", "/api/qualifications/" + id, null).body()).get("version").asLong())
                .isEqualTo(current.get("version").asLong() + 1);
    }

    private void failedLoginsOnBothLockTheAccountOnBoth(Instance a, Instance b) throws Exception {
        var created = a.api("POST", "/api/admin/users",
                "{\"username\":\"scale-victim\",\"password\":\"right-password-1\",\"roles\":[\"DESIGNER\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(b.send("scale-victim", "right-password-1", "GET", "/api/qualifications", null).statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            Instance instance = i % 2 == 0 ? a : b;
            assertThat(instance.send("scale-victim", "guess-" + i, "GET", "/api/qualifications", null).statusCode()).isEqualTo(401);
        }
        assertThat(a.send("scale-victim", "right-password-1", "GET", "/api/qualifications", null).statusCode()).isEqualTo(401);
        assertThat(b.send("scale-victim", "right-password-1", "GET", "/api/qualifications", null).statusCode()).isEqualTo(401);
        assertThat(b.api("GET", "/api/qualifications", null).statusCode()).as("other accounts are not locked").isEqualTo(200);
    }

    private void anImportRunsOnceAndDiesWithItsInstance(Instance a, Instance b, Path esco) throws Exception {
        var started = startImport(b, esco);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String job = json.readTree(started.body()).get("job").asText();

        JsonNode progress = await(a, job, s -> !"RUNNING".equals(s.path("state").asText()) || s.path("progress").asDouble() > 0,
                Duration.ofMinutes(3));
        assertThat(progress.path("state").asText()).as("the import must still run: %s", progress).isEqualTo("RUNNING");
        assertThat(progress.path("progress").asDouble()).isBetween(0.0, 1.0).isPositive();
        assertThat(json.readTree(b.api("GET", "/api/jobs/" + job, null).body()).path("state").asText()).isEqualTo("RUNNING");

        var second = startImport(a, esco);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(json.readTree(second.body()).path("message").asText()).contains(job);

        b.kill();
        long killed = System.nanoTime();
        JsonNode failed = await(a, job, s -> !"RUNNING".equals(s.path("state").asText()), HEARTBEAT_TIMEOUT.multipliedBy(6));
        long seconds = (System.nanoTime() - killed) / 1_000_000_000L;
        assertThat(failed.path("state").asText()).as("%s", failed).isEqualTo("FAILED");
        assertThat(failed.path("error").asText()).contains("run it again");
        assertThat(seconds).as("marked FAILED only once the heartbeat was overdue").isGreaterThanOrEqualTo(
                HEARTBEAT_TIMEOUT.toSeconds() - 2);

        var again = startImport(a, esco);
        assertThat(again.statusCode()).as("the dead job no longer blocks: %s", again.body()).isEqualTo(202);
        String rerun = json.readTree(again.body()).get("job").asText();
        JsonNode done = await(a, rerun, s -> !"RUNNING".equals(s.path("state").asText()), Duration.ofMinutes(8));
        assertThat(done.path("state").asText()).as("%s", done).isEqualTo("DONE");
        JsonNode status = json.readTree(a.api("GET", "/api/esco/status", null).body());
        assertThat(status.path("skills").asLong()).isEqualTo(EscoCsvCounts.skills(esco));
        assertThat(status.path("occupations").asLong()).isEqualTo(EscoCsvCounts.occupations(esco));
    }

    private JsonNode await(Instance instance, String job, Predicate<JsonNode> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var response = instance.api("GET", "/api/jobs/" + job, null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode status = json.readTree(response.body());
            if (condition.test(status)) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + job + " did not reach the expected state within " + timeout + ": " + status);
            }
            Thread.sleep(250);
        }
    }

    private String retitled(ObjectNode document, String title) {
        ObjectNode copy = document.deepCopy();
        copy.putObject("title").put("en", title);
        return copy.toString();
    }

    private String title(Instance instance, String id) throws Exception {
        return json.readTree(instance.api("GET", "/api/qualifications/" + id, null).body()).path("title").path("en").asText();
    }

    private static HttpResponse<String> startImport(Instance instance, Path esco) throws Exception {
        var request = org.qualigraph.support.EscoUpload.request(instance.base(), ADMIN_PASSWORD, esco);
        return instance.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String[] concat(String[] first, String... more) {
        var all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    /**
     * The packaged jar as its own process ({@code java -jar target/qualigraph.jar}). Kept small and private on purpose:
     * it is to be replaced by the shared {@code org.qualigraph.support.PackagedApp} once that is on this branch.
     */
    private static final class Instance implements AutoCloseable {
        private final String name;
        private final Process process;
        private final int port;
        private final Path log;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        private Instance(String name, Process process, int port, Path log) {
            this.name = name;
            this.process = process;
            this.port = port;
            this.log = log;
        }

        static Instance start(Path work, String name, String... args) throws Exception {
            Path jar = Path.of(System.getProperty("user.dir"), "target", "qualigraph.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: run this test with ./mvnw verify (package runs before it)");
            }
            Path dataDir = Files.createDirectories(work.resolve(name));
            Path log = work.resolve(name + ".log");
            int port = freePort();
            var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-jar", jar.toString(), "--server.port=" + port, "--qualigraph.data-dir=" + dataDir,
                    "--qualigraph.demo=false", "--vaadin.launch-browser=false"));
            command.addAll(List.of(args));
            var builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("QUALIGRAPH_ADMIN_PASSWORD", ADMIN_PASSWORD);
            builder.directory(new File(System.getProperty("user.dir")));
            var instance = new Instance(name, builder.start(), port, log);
            instance.awaitHealthy(Duration.ofMinutes(6));
            return instance;
        }

        private void awaitHealthy(Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("instance " + name + " exited with " + process.exitValue() + "; log: "
                            + tail());
                }
                try {
                    var response = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("UP")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            close();
            throw new IllegalStateException("instance " + name + " did not become healthy within " + timeout + "; log: " + tail());
        }

        private String tail() throws IOException {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        HttpResponse<String> api(String method, String path, String body) throws Exception {
            return send("admin", ADMIN_PASSWORD, method, path, body);
        }

        HttpResponse<String> send(String user, String password, String method, String path, String body) throws Exception {
            var builder = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofMinutes(2))
                    .header("Authorization", basic(user, password));
            if (body != null) {
                builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                builder.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** SIGKILL: no shutdown hooks, so its jobs are not marked as stopped; only the heartbeat timeout finds them. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    kill();
                }
            }
        }
    }
}
