package org.qualigraph.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualigraph.support.Documents;
import org.qualigraph.support.PackagedApp;
import org.qualigraph.support.SharedData;

/**
 * Two application instances over one database, each its own process from the packaged jar: A runs the embedded
 * database on a fixed Bolt port, B reaches it with {@code spring.neo4j.uri} and the Bolt credentials A generated, and
 * starts no store of its own. Whatever a client does through one instance holds on the other: documents, optimistic
 * locking, the login throttle, background jobs and the one-import-at-a-time rule; and when the instance running an
 * import is killed, the other marks the job FAILED after the heartbeat timeout.
 */
class ScaleOutIT {

    private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(15);

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @TempDir
    Path work;

    @Test
    void twoInstancesOverOneDatabaseBehaveAsOne() throws Exception {
        // preconditions first: a missing ESCO skips the test before anything ran, not after three checks had passed
        Path esco = SharedData.requireEsco();
        int bolt = freePort();
        String[] jobSettings = {"--qualigraph.demo=false", "--qualigraph.jobs.heartbeat-interval=1s",
                "--qualigraph.jobs.heartbeat-timeout=" + HEARTBEAT_TIMEOUT.toSeconds() + "s"};
        try (var a = PackagedApp.start(work.resolve("a"), concat(jobSettings, "--qualigraph.embedded.bolt-port=" + bolt))) {
            String boltPassword = Files.readString(work.resolve("a/bolt.password")).strip();
            assertThat(Files.isDirectory(work.resolve("a/data/databases/neo4j"))).isTrue();
            try (var b = PackagedApp.start(work.resolve("b"), concat(jobSettings, "--spring.neo4j.uri=bolt://127.0.0.1:" + bolt,
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

    private void documentsReadTheSameThroughBoth(PackagedApp a, PackagedApp b) throws Exception {
        var created = a.api("POST", "/api/qualifications", json.writeValueAsString(Documents.generated("Scaled out", 3, 3)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asText();
        var throughA = a.api("GET", "/api/qualifications/" + id, null);
        var throughB = b.api("GET", "/api/qualifications/" + id, null);
        assertThat(throughB.statusCode()).isEqualTo(200);
        assertThat(json.readTree(throughB.body())).isEqualTo(json.readTree(throughA.body()));
        assertThat(json.readTree(b.api("GET", "/api/qualifications", null).body()).findValuesAsText("id")).contains(id);
    }

    private void staleSavesAreRefusedAcrossInstances(PackagedApp a, PackagedApp b) throws Exception {
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
            PackagedApp instance = i % 2 == 0 ? a : b;
            String title = "Concurrent " + i + " through " + (i % 2 == 0 ? "a" : "b");
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

    private void failedLoginsOnBothLockTheAccountOnBoth(PackagedApp a, PackagedApp b) throws Exception {
        var created = a.api("POST", "/api/admin/users",
                "{\"username\":\"scale-victim\",\"password\":\"right-password-1\",\"roles\":[\"DESIGNER\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(b.api("scale-victim", "right-password-1", "GET", "/api/qualifications", null).statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            PackagedApp instance = i % 2 == 0 ? a : b;
            assertThat(instance.api("scale-victim", "guess-" + i, "GET", "/api/qualifications", null).statusCode()).isEqualTo(401);
        }
        assertThat(a.api("scale-victim", "right-password-1", "GET", "/api/qualifications", null).statusCode()).isEqualTo(401);
        assertThat(b.api("scale-victim", "right-password-1", "GET", "/api/qualifications", null).statusCode()).isEqualTo(401);
        assertThat(b.api("GET", "/api/qualifications", null).statusCode()).as("other accounts are not locked").isEqualTo(200);
    }

    private void anImportRunsOnceAndDiesWithItsInstance(PackagedApp a, PackagedApp b, Path esco) throws Exception {
        String job = b.startEscoImport(esco);

        JsonNode progress = a.awaitJob(job, s -> !"RUNNING".equals(s.path("state").asText()) || s.path("progress").asDouble() > 0,
                Duration.ofMinutes(3));
        assertThat(progress.path("state").asText()).as("the import must still run: %s", progress).isEqualTo("RUNNING");
        assertThat(progress.path("progress").asDouble()).isBetween(0.0, 1.0).isPositive();
        assertThat(json.readTree(b.api("GET", "/api/jobs/" + job, null).body()).path("state").asText()).isEqualTo("RUNNING");

        var second = startImport(a, esco);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(json.readTree(second.body()).path("message").asText()).contains(job);

        b.kill();
        long killed = System.nanoTime();
        JsonNode failed = a.awaitJob(job, s -> !"RUNNING".equals(s.path("state").asText()), HEARTBEAT_TIMEOUT.multipliedBy(6));
        long seconds = (System.nanoTime() - killed) / 1_000_000_000L;
        assertThat(failed.path("state").asText()).as("%s", failed).isEqualTo("FAILED");
        assertThat(failed.path("error").asText()).contains("run it again");
        assertThat(seconds).as("marked FAILED only once the heartbeat was overdue").isGreaterThanOrEqualTo(
                HEARTBEAT_TIMEOUT.toSeconds() - 2);

        String rerun = a.startEscoImport(esco); // the dead job no longer blocks: accepted with 202
        JsonNode done = a.awaitJob(rerun, Duration.ofMinutes(8));
        assertThat(done.path("state").asText()).as("%s", done).isEqualTo("DONE");
        JsonNode status = json.readTree(a.api("GET", "/api/esco/status", null).body());
        assertThat(status.path("skills").asLong()).isEqualTo(EscoCsvCounts.skills(esco));
        assertThat(status.path("occupations").asLong()).isEqualTo(EscoCsvCounts.occupations(esco));
    }

    private String retitled(ObjectNode document, String title) {
        ObjectNode copy = document.deepCopy();
        copy.putObject("title").put("en", title);
        return copy.toString();
    }

    private String title(PackagedApp instance, String id) throws Exception {
        return json.readTree(instance.api("GET", "/api/qualifications/" + id, null).body()).path("title").path("en").asText();
    }

    private static HttpResponse<String> startImport(PackagedApp instance, Path esco) throws Exception {
        return instance.send(org.qualigraph.support.EscoUpload.request(instance.baseUrl(), PackagedApp.ADMIN_PASSWORD, esco),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String[] concat(String[] first, String... more) {
        var all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
