package org.qualigraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.qualigraph.support.SharedData;

/**
 * The packaged application ({@code target/qualigraph.jar}, built with {@code -Pproduction}) started with
 * {@code java -jar} as its own process on a fresh data directory, as an operator would run it, and driven over HTTP on
 * loopback. The load benchmarks use it so that their figures are those of the shipped artefact, not of a test JVM that
 * shares its heap and CPU with the clients' bookkeeping.
 */
final class PackagedApp implements AutoCloseable {

    static final String PASSWORD = "bench-admin-password-1";
    static final Path JAR = Path.of("target/qualigraph.jar");
    static final String HEAP = System.getProperty("bench.app.heap", "3g");

    private final Process process;
    private final Path dataDir;
    final Path log;
    final String base;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String authorization = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes());

    private PackagedApp(Process process, Path dataDir, Path log, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.base = "http://127.0.0.1:" + port;
    }

    /**
     * Starts the jar and waits until it is healthy. Refuses (skips the benchmark) when the jar is missing, and fails
     * when it is older than the newest main source, so a benchmark never measures a stale build.
     */
    static PackagedApp start(String name) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "Skipped: " + JAR.toAbsolutePath() + " is missing; build it first with "
                + "./mvnw -B -ntp -Pproduction package -DskipTests");
        Instant newestSource;
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            newestSource = files.filter(Files::isRegularFile).map(PackagedApp::modified).max(Comparator.naturalOrder())
                    .orElse(Instant.EPOCH);
        }
        if (modified(JAR).isBefore(newestSource)) {
            throw new IllegalStateException(JAR + " is older than the sources under src/main: rebuild it with "
                    + "./mvnw -B -ntp -Pproduction package -DskipTests before benchmarking");
        }
        Path dataDir = Files.createTempDirectory("qualigraph-bench-" + name);
        Path logDir = Files.createDirectories(Path.of("target/bench-logs"));
        Path log = logDir.resolve(name + "-" + System.currentTimeMillis() + ".log");
        int port = freePort();
        var command = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP));
        // e.g. -Dbench.app.jvm-args=-XX:StartFlightRecording=filename=target/load.jfr,settings=profile to profile a run
        String jvmArgs = System.getProperty("bench.app.jvm-args", "").strip();
        if (!jvmArgs.isEmpty()) {
            command.addAll(List.of(jvmArgs.split("\\s+")));
        }
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString(), "--server.port=" + port,
                "--qualigraph.data-dir=" + dataDir, "--qualigraph.demo=false",
                "--management.endpoints.web.exposure.include=health,info,metrics"));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUALIGRAPH_ADMIN_PASSWORD", PASSWORD);
        builder.directory(new File(System.getProperty("user.dir")));
        var app = new PackagedApp(builder.start(), dataDir, log, port);
        try {
            app.awaitHealthy(Duration.ofMinutes(8));
        } catch (RuntimeException | InterruptedException e) {
            app.close();
            throw e;
        }
        return app;
    }

    /** CPU time the application process has used so far (all its threads), for the share of the machine it took. */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    String command() {
        return "java -Xmx" + HEAP + " -jar target/qualigraph.jar --server.port=<free> --qualigraph.data-dir=<fresh temp dir> "
                + "--qualigraph.demo=false --management.endpoints.web.exposure.include=health,info,metrics";
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + "; see " + log);
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the application did not become healthy within " + timeout + "; see " + log);
    }

    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization).header("Accept", "application/json");
        if (body != null) {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        var response = send("GET", path, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    /** Creates a qualification and returns the stored document. */
    JsonNode create(Object document) throws IOException, InterruptedException {
        var response = send("POST", "/api/qualifications", json.writeValueAsString(document));
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException("POST /api/qualifications answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    /** Waits until the job has ended, which must be DONE. */
    void awaitJob(String job, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode state = getJson("/api/jobs/" + job);
            String value = state.path("state").asText();
            if (!"RUNNING".equals(value)) {
                if (!"DONE".equals(value)) {
                    throw new IllegalStateException("job " + job + " ended " + value + ": " + state);
                }
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("job " + job + " did not end within " + timeout);
    }

    /**
     * Uploads the official ESCO v1.1.1 packages from ../shared through {@code POST /api/imports/esco} and waits for the
     * job; returns how long that took. Then waits, untimed, for the embedding job the import starts, so that no
     * measurement shares the CPU with it. Skips the benchmark when ../shared is absent: the figures are only
     * meaningful with the full classification loaded.
     */
    Duration importEsco() throws IOException, InterruptedException {
        Path dir = SharedData.requireEsco();
        long start = System.nanoTime();
        String boundary = "qualigraph-bench-" + System.nanoTime();
        var parts = new ArrayList<byte[]>();
        for (var part : Map.of("classification", "esco-v1.1.1-classification-en-csv.zip",
                "relations", "esco-v1.1.1-relations-csv.zip").entrySet()) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.getKey() + "\"; filename=\""
                    + part.getValue() + "\"\r\nContent-Type: application/zip\r\n\r\n").getBytes());
            parts.add(Files.readAllBytes(dir.resolve(part.getValue())));
            parts.add("\r\n".getBytes());
        }
        parts.add(("--" + boundary + "--\r\n").getBytes());
        var request = HttpRequest.newBuilder(URI.create(base + "/api/imports/esco")).timeout(Duration.ofMinutes(5))
                .header("Authorization", authorization).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("the ESCO import was refused (" + response.statusCode() + "): " + response.body());
        }
        String job = json.readTree(response.body()).get("job").asText();
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            JsonNode state = getJson("/api/jobs/" + job);
            String value = state.path("state").asText();
            if (!"RUNNING".equals(value)) {
                if (!"DONE".equals(value)) {
                    throw new IllegalStateException("the ESCO import ended " + value + ": " + state);
                }
                JsonNode status = getJson("/api/esco/status");
                if (status.path("skills").asLong() < 13_000) {
                    throw new IllegalStateException("the ESCO import ended without the full classification: " + status);
                }
                var imported = Duration.ofNanos(System.nanoTime() - start);
                // the import starts the background job that embeds every skill and occupation (minutes of CPU on 2
                // cores); a benchmark of the API measures a server that has finished it, as any server soon has
                String embedding = state.path("counts").path("embeddingJob").asText("");
                if (!embedding.isEmpty()) {
                    awaitJob(embedding, Duration.ofMinutes(30));
                }
                return imported;
            }
        }
        throw new IllegalStateException("the ESCO import did not finish within 15 minutes");
    }

    /** Lines of the application's log that contain this text, ignoring case (e.g. deadlocks, retries). */
    long logLines(String text) throws IOException {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains(lower)).count();
        }
    }

    /**
     * The value of a Micrometer counter with one tag from {@code /actuator/metrics} (exposed for the benchmarks on the
     * command line), or -1 when the application does not have it.
     */
    long counter(String name, String tag) throws IOException, InterruptedException {
        var response = send("GET", "/actuator/metrics/" + name + "?tag=" + tag, null);
        if (response.statusCode() != 200) {
            return -1;
        }
        for (JsonNode measurement : json.readTree(response.body()).path("measurements")) {
            if ("COUNT".equals(measurement.path("statistic").asText())) {
                return measurement.path("value").asLong();
            }
        }
        return -1;
    }

    /** Hits and misses of the quality report cache, for the raw output. */
    String reportCache() throws IOException, InterruptedException {
        long hits = counter("qualigraph.quality.report.cache", "result:hit");
        long misses = counter("qualigraph.quality.report.cache", "result:miss");
        return hits < 0 || misses < 0 ? "quality report cache: no counters in this build"
                : "quality report cache since start: " + hits + " hits, " + misses + " misses";
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
