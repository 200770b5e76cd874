package org.qualigraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.qualigraph.support.PackagedApp;
import org.qualigraph.support.SharedData;

/**
 * The packaged application under load, for the benchmarks: started by the one launcher of the tests
 * ({@link PackagedApp}: {@code java -jar target/qualigraph.jar} as its own process on a fresh data directory) with a
 * bigger heap and without the demo, and driven over HTTP/1.1 on loopback by a client of its own, so that the figures
 * are those of the shipped artefact. Adds what the benchmarks read: JSON answers, the ESCO import's time, log lines,
 * Micrometer counters.
 */
final class BenchApp implements AutoCloseable {

    static final Path JAR = Path.of("target/qualigraph.jar");
    static final String HEAP = System.getProperty("bench.app.heap", "3g");
    private static final String[] ARGS = {"--qualigraph.demo=false",
            "--management.endpoints.web.exposure.include=health,info,metrics"};

    /**
     * {@code -Dbench.graph=driver} (or {@code -Dload.graph=driver}): measure the application over a separate database
     * process through the driver adapter, as in the scale-out test: a first instance of the jar runs the embedded
     * database with Bolt on a fixed port and serves no request of the benchmark; the measured instance reaches it with
     * {@code spring.neo4j.uri} and starts no store of its own. Default {@code embedded}: one process, in-process graph.
     */
    static final String GRAPH = System.getProperty("bench.graph", System.getProperty("load.graph", "embedded"));

    private final PackagedApp app;
    private final Path dataDir;
    /** The separate database process in driver mode (another instance of the jar), else null. */
    private final BenchApp database;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String authorization = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + PackagedApp.ADMIN_PASSWORD).getBytes());

    private BenchApp(PackagedApp app, Path dataDir, BenchApp database) {
        this.app = app;
        this.dataDir = dataDir;
        this.database = database;
    }

    /**
     * Starts the jar and waits until it is healthy. Refuses (skips the benchmark) when the jar is missing, and fails
     * when it is older than the newest main source, so a benchmark never measures a stale build.
     */
    static BenchApp start(String name) throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "Skipped: " + JAR.toAbsolutePath() + " is missing; build it first with "
                + "./mvnw -B -ntp -Pproduction package -DskipTests");
        Instant newestSource;
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            newestSource = files.filter(Files::isRegularFile).map(BenchApp::modified).max(Comparator.naturalOrder())
                    .orElse(Instant.EPOCH);
        }
        if (modified(JAR).isBefore(newestSource)) {
            throw new IllegalStateException(JAR + " is older than the sources under src/main: rebuild it with "
                    + "./mvnw -B -ntp -Pproduction package -DskipTests before benchmarking");
        }
        var jvm = new ArrayList<>(List.of("-Xmx" + HEAP));
        // e.g. -Dbench.app.jvm-args=-XX:StartFlightRecording=filename=target/load.jfr,settings=profile to profile a run
        String jvmArgs = System.getProperty("bench.app.jvm-args", "").strip();
        if (!jvmArgs.isEmpty()) {
            jvm.addAll(List.of(jvmArgs.split("\\s+")));
        }
        switch (GRAPH) {
            case "embedded" -> {
                return launch(name, jvm, COLD ? List.of("--qualigraph.embeddings.automatic=false") : List.of(), null);
            }
            case "driver" -> {
                int bolt = freePort();
                // the database process: the same jar with its embedded store, Bolt on a fixed loopback port
                var database = launch(name + "-database", List.of("-Xmx" + HEAP), List.of("--qualigraph.embedded.bolt-port=" + bolt), null);
                try {
                    String password = Files.readString(database.dataDir.resolve("bolt.password")).strip();
                    var measuredArgs = new ArrayList<>(List.of("--spring.neo4j.uri=bolt://127.0.0.1:" + bolt,
                            "--spring.neo4j.authentication.username=neo4j",
                            "--spring.neo4j.authentication.password=" + password));
                    if (COLD) {
                        measuredArgs.add("--qualigraph.embeddings.automatic=false");
                    }
                    var measured = launch(name, jvm, measuredArgs, database);
                    if (measured.logLines("Embedded Neo4j started") > 0 || database.logLines("Embedded Neo4j started") == 0) {
                        measured.close();
                        throw new IllegalStateException("-Dbench.graph=driver: the measured instance must start no database "
                                + "and the database process must; see " + measured.app.log() + " and " + database.app.log());
                    }
                    return measured;
                } catch (IOException | RuntimeException | Error e) {
                    database.close();
                    throw e;
                }
            }
            default -> throw new IllegalArgumentException("-Dbench.graph must be embedded or driver, got " + GRAPH);
        }
    }

    private static BenchApp launch(String name, List<String> jvm, List<String> graphArgs, BenchApp database) throws IOException {
        Path dataDir = Files.createTempDirectory("qualigraph-bench-" + name);
        var args = new ArrayList<>(List.of(ARGS));
        args.addAll(graphArgs);
        var app = PackagedApp.launch(jvm, dataDir, args.toArray(String[]::new));
        try {
            app.awaitHealthy(Duration.ofMinutes(8));
        } catch (RuntimeException | Error e) {
            app.kill();
            if (database != null) {
                database.close();
            }
            throw e;
        }
        return new BenchApp(app, dataDir, database);
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket()) {
            socket.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    /** Whether the measured instance reaches its graph through the driver over a separate database process. */
    boolean overDriver() {
        return database != null;
    }

    /** CPU time the separate database process has used so far (driver mode), else zero. */
    Duration databaseCpuTime() {
        return database == null ? Duration.ZERO : database.cpuTime();
    }

    /** CPU time the application process has used so far (all its threads), for the share of the machine it took. */
    Duration cpuTime() {
        return app.cpuTime();
    }

    String command() {
        String measured = "java -Xmx" + HEAP + " -jar target/qualigraph.jar --server.port=<free> --qualigraph.data-dir=<fresh temp dir> "
                + String.join(" ", ARGS) + (COLD ? " --qualigraph.embeddings.automatic=false" : "");
        if (database == null) {
            return measured;
        }
        return measured + " --spring.neo4j.uri=bolt://127.0.0.1:<bolt port> --spring.neo4j.authentication.username=neo4j "
                + "--spring.neo4j.authentication.password=<the database's bolt.password> (driver adapter), over a separate "
                + "database process: java -Xmx" + HEAP + " -jar target/qualigraph.jar --server.port=<free> "
                + "--qualigraph.data-dir=<fresh temp dir> " + String.join(" ", ARGS) + " --qualigraph.embedded.bolt-port=<bolt port>"
                + " (embedded store, Bolt on loopback, no benchmark request sent to it)";
    }

    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        var builder = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(120))
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

    /** {@code -Dbench.during-embedding=true}: do not wait for the embedding job after the import (issue #21, item 4). */
    static final boolean DURING_EMBEDDING = Boolean.getBoolean("bench.during-embedding");

    /**
     * {@code -Dbench.cold=true}: the quiet figure to compare a during-embedding run with (issue #21, item 4). The
     * application runs with {@code qualigraph.embeddings.automatic=false}, so the import starts no embedding job, and
     * the benchmark measures right after the import, on a JVM exactly as cold as in a during-embedding run; the default
     * quiet run waits minutes for the job to end and so measures a JVM warmed by it.
     */
    static final boolean COLD = Boolean.getBoolean("bench.cold");

    static {
        if (COLD && DURING_EMBEDDING) {
            throw new IllegalArgumentException("-Dbench.cold and -Dbench.during-embedding exclude each other: cold is the "
                    + "quiet figure of the same moment, with no embedding job");
        }
    }

    private String embeddingJob = "";

    /**
     * The raw output's name for this run: {@code name}, plus {@code -driver} over a separate database process and
     * {@code -during-embedding} while the embedding job runs, so that such runs are never read as the quiet figure.
     */
    static String variant(String name) {
        return name + ("driver".equals(GRAPH) ? "-driver" : "") + (DURING_EMBEDDING ? "-during-embedding" : "")
                + (COLD ? "-cold" : "");
    }

    /** What a section's heading adds for this run's variant, so that a cold or during-job figure is never read as the quiet one. */
    static String headingVariant() {
        return DURING_EMBEDDING ? ", during the embedding job"
                : COLD ? ", cold: right after the import, with no embedding job (-Dbench.cold)" : "";
    }

    /**
     * For {@code -Dbench.during-embedding=true}: the job's state line, and a warning in the raw output when the job is
     * not running at that moment, since figures measured then are not figures "during the job".
     */
    void sayEmbeddingJob(RawOutput raw, String when) throws IOException, InterruptedException {
        if (!DURING_EMBEDDING) {
            return;
        }
        String state = embeddingJobState();
        raw.line("embedding job " + when + ": " + state);
        if (!state.contains(" RUNNING")) {
            raw.line("WARNING: the embedding job was not running " + when + "; what follows is not (wholly) a figure during the job");
        }
    }

    /**
     * With {@code -Dbench.during-embedding=true}, where the embedding job the import started stands now ("RUNNING,
     * progress 41.0 %", "DONE"); otherwise empty. Benchmarks print it before and after what they measure, so the
     * figures say whether the job ran throughout.
     */
    String embeddingJobState() throws IOException, InterruptedException {
        if (!DURING_EMBEDDING) {
            return "";
        }
        if (embeddingJob.isEmpty()) {
            return "none: the import started no embedding job, so nothing ran in the background";
        }
        JsonNode job = getJson("/api/jobs/" + embeddingJob);
        JsonNode counts = job.path("counts");
        return "job " + embeddingJob + " " + job.path("state").asText()
                + (job.path("progress").isNumber() ? String.format(java.util.Locale.ROOT, ", progress %.1f %%",
                        100 * job.path("progress").asDouble()) : "")
                + (counts.isObject() && !counts.isEmpty() ? ", counts " + counts : "");
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
        JsonNode state = app.awaitJob(app.startEscoImport(dir), Duration.ofMinutes(15));
        if (!"DONE".equals(state.path("state").asText())) {
            throw new IllegalStateException("the ESCO import ended " + state.path("state").asText() + ": " + state);
        }
        var imported = Duration.ofNanos(System.nanoTime() - start);
        JsonNode status = getJson("/api/esco/status");
        if (status.path("skills").asLong() < 13_000) {
            throw new IllegalStateException("the ESCO import ended without the full classification: " + status);
        }
        // the import starts the background job that embeds every skill and occupation (minutes of CPU on 2 cores); a
        // benchmark of the API measures a server that has finished it, as any server soon has
        String embedding = state.path("counts").path("embeddingJob").asText("");
        if (DURING_EMBEDDING) {
            // issue #21 item 4: measure while the background job runs, to compare with the quiet figure
            embeddingJob = embedding;
            return imported;
        }
        if (COLD) {
            if (!embedding.isEmpty()) {
                throw new IllegalStateException("-Dbench.cold: the import started embedding job " + embedding
                        + " although the application runs with qualigraph.embeddings.automatic=false");
            }
            return imported;
        }
        if (!embedding.isEmpty()) {
            JsonNode embedded = app.awaitJob(embedding, Duration.ofMinutes(30));
            if (!"DONE".equals(embedded.path("state").asText())) {
                throw new IllegalStateException("the embedding job ended " + embedded.path("state").asText() + ": " + embedded);
            }
        }
        return imported;
    }

    private String imported = "";

    /** Imports ESCO ({@link #importEsco}) and says how long it took and whether the embedding job ran first. */
    String importEscoAndSay() throws IOException, InterruptedException {
        double seconds = importEsco().toMillis() / 1000.0;
        imported = String.format(java.util.Locale.ROOT, DURING_EMBEDDING
                ? "ESCO v1.1.1 imported through POST /api/imports/esco in %.1f s; measured WHILE its embedding job runs (-Dbench.during-embedding=true)"
                : COLD
                ? "ESCO v1.1.1 imported through POST /api/imports/esco in %.1f s; measured right after it with no embedding job "
                        + "(-Dbench.cold=true, qualigraph.embeddings.automatic=false): the quiet figure on a JVM as cold as a during-embedding run's"
                : "ESCO v1.1.1 imported through POST /api/imports/esco in %.1f s; its embedding job then ran to the end before anything was measured",
                seconds) + (database == null ? "" : "; graph through the driver adapter over the separate database process");
        return imported;
    }

    /** What {@link #importEscoAndSay} said, for the later sections of a suite run on this one application. */
    String importSummary() {
        return imported;
    }

    /** Lines of the application's log that contain this text, ignoring case (e.g. deadlocks, retries). */
    long logLines(String text) throws IOException {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        try (var lines = Files.lines(app.log())) {
            return lines.filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains(lower)).count();
        }
    }

    /**
     * The value of a Micrometer counter with one tag from {@code /actuator/metrics} (exposed for the benchmarks on the
     * command line), or -1 when the application does not have it.
     */
    long counter(String name, String tag) throws IOException, InterruptedException {
        var response = send("GET", "/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag), null);
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

    /** A Micrometer timer's count, total and max from {@code /actuator/metrics}, or null when absent. */
    record Timer(long count, double totalSeconds, double maxSeconds) {
    }

    /** The timer {@code name} restricted to these tags ({@code key:value}), e.g. http.server.requests of one URI. */
    Timer timer(String name, String... tags) throws IOException, InterruptedException {
        var query = new StringBuilder("/actuator/metrics/").append(name);
        for (int i = 0; i < tags.length; i++) {
            query.append(i == 0 ? '?' : '&').append("tag=").append(java.net.URLEncoder.encode(tags[i], java.nio.charset.StandardCharsets.UTF_8));
        }
        var response = send("GET", query.toString(), null);
        if (response.statusCode() != 200) {
            return null;
        }
        long count = 0;
        double total = 0;
        double max = 0;
        for (JsonNode measurement : json.readTree(response.body()).path("measurements")) {
            switch (measurement.path("statistic").asText()) {
                case "COUNT" -> count = measurement.path("value").asLong();
                case "TOTAL_TIME" -> total = measurement.path("value").asDouble();
                case "MAX" -> max = measurement.path("value").asDouble();
                default -> { }
            }
        }
        return new Timer(count, total, max);
    }

    /** Hits and misses of the quality report cache and the reports the background computed, for the raw output. */
    String reportCache() throws IOException, InterruptedException {
        long hits = counter("qualigraph.quality.report.cache", "result:hit");
        long misses = counter("qualigraph.quality.report.cache", "result:miss");
        long refreshed = counter("qualigraph.quality.report.refreshed", null);
        long fromSaved = counter("qualigraph.quality.report.from-saved-document", null);
        return hits < 0 || misses < 0 ? "quality report cache: no counters in this build"
                : "quality report cache since start: " + hits + " hits, " + misses + " misses"
                + (refreshed < 0 ? "" : ", " + refreshed + " computed in the background")
                + (fromSaved < 0 ? "" : ", " + fromSaved + " of the computed from the document a save returned");
    }

    @Override
    public void close() {
        app.close();
        if (database != null) {
            database.close();
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
}
