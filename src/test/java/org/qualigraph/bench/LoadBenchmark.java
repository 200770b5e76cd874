package org.qualigraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The 50-client load run of issue #11 against the packaged application ({@link BenchApp}: {@code java -jar
 * target/qualigraph.jar}, production mode, its own process) with the full ESCO v1.1.1 imported through the API and 20
 * qualifications of 10 units × 6 outcomes whose outcomes map real ESCO skills of a real target occupation.
 * <p>
 * Each client repeats one step for the run's duration, chosen at random: 35 % GET a document, 10 % GET the list, 25 %
 * read-modify-write save (GET, then PUT with the version read, a new title and one outcome mapped to another real
 * skill), 15 % GET the quality report, 15 % ESCO skill search. Reports requests/s, overall and PUT p50/p95, 5xx, 4xx by
 * status, and lost updates (every acknowledged save must be visible at the end, versions distinct, see
 * {@link SaveLedger}). The raw output goes to docs/benchmarks/load-*.txt, a summary section to docs/benchmarks.md.
 * <p>
 * Run: {@code ./mvnw -B -ntp -Pproduction package -DskipTests && ./mvnw -B -ntp -Pbench test -Dtest=LoadBenchmark}
 * ({@code -Dload.clients}, {@code -Dload.seconds}, {@code -Dload.warmup} change the defaults 50, 60 and 10;
 * {@code -Dbench.graph=driver} runs the mix against the driver adapter over a separate database process, see
 * {@link BenchApp#GRAPH}; {@code -Dbench.during-embedding=true} measures while the post-import embedding job runs).
 */
class LoadBenchmark {

    static final String COMMAND = "./mvnw -B -ntp -Pproduction package -DskipTests && ./mvnw -B -ntp -Pbench test -Dtest=LoadBenchmark";
    private static final int CLIENTS = Integer.getInteger("load.clients", 50);
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("load.seconds", 60));
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("load.warmup", 10));
    private static final int QUALIFICATIONS = 20;
    private static final String[] QUERIES = {"weld", "battery", "safety", "quality control", "electrical", "teamwork",
            "chemistry", "maintain machinery", "communicate", "programming", "lithium", "recycl", "inspect", "assemble",
            "test equipment", "documentation", "hazard", "customer", "data analysis", "supervise"};
    private static final List<String> OPERATIONS = List.of("GET document", "GET list", "GET document (read of a save)",
            "PUT document", "GET quality report", "GET ESCO skill search");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void fiftyClientsMixedWorkload() throws Exception {
        var raw = new RawOutput(BenchApp.variant("load"), COMMAND);
        try (var app = BenchApp.start("load")) {
            raw.line("application: " + app.command());
            raw.line(app.importEscoAndSay());
            measure(app, raw);
        }
    }

    /**
     * The mix against an application that has ESCO imported: creates its 20 qualifications, runs the clients, writes
     * the raw output and the section of docs/benchmarks.md. Also a section of {@link Issue21Benchmark}.
     */
    void measure(BenchApp app, RawOutput raw) throws Exception {
        var curricula = MappedCurricula.pick(QUALIFICATIONS);
        var ledger = new SaveLedger();
        var ids = new ArrayList<String>();
        JsonNode previous = null;
        int sharing = 0;
        for (int i = 0; i < QUALIFICATIONS; i++) {
            var document = (ObjectNode) json.valueToTree(curricula.document("Load qualification " + i, i, 10, 6));
            if (i % 2 == 1 && previous != null) {
                // every second qualification shares its first unit (U1) with the one before, as a partner's
                // variant shares the core's: saves through both write the same unit
                var shared = previous.get("units").get(0).deepCopy();
                ((ObjectNode) shared).putArray("prerequisites");
                ((ArrayNode) document.get("units")).set(0, shared);
                sharing++;
            }
            JsonNode stored = app.create(document);
            ids.add(stored.get("id").asText());
            ledger.created(stored.get("id").asText(), stored.get("version").asLong());
            previous = stored;
        }
        raw.line(sharing + " pairs of qualifications share a unit (U1); the ledger checks every unit's acknowledged "
                + "changes by unit version, whichever qualification they went through");
        raw.line(QUALIFICATIONS + " qualifications of 10 units × 6 outcomes created, each targeting a real ESCO occupation "
                + "whose essential skills its outcomes map; pool of " + curricula.skillPool().size()
                + " real skill URIs for the saves' re-mappings");
        raw.line(CLIENTS + " clients, " + WARM_UP.toSeconds() + " s warm-up (not measured, its saves are verified too), then "
                + DURATION.toSeconds() + " s measured");

        long warmUpErrors = run(app, ids, curricula, ledger, WARM_UP, null);
        raw.line("warm-up done, transport errors in it: " + warmUpErrors);
        var series = new LinkedHashMap<String, RawOutput.Series>();
        OPERATIONS.forEach(op -> series.put(op, new RawOutput.Series()));
        var perSecond = new AtomicIntegerArray((int) DURATION.toSeconds() + 5);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        Duration appCpuBefore = app.cpuTime();
        Duration databaseCpuBefore = app.databaseCpuTime();
        long clientCpuBefore = os.getProcessCpuTime();
        app.sayEmbeddingJob(raw, "when the measurement starts");
        long transportErrors = run(app, ids, curricula, ledger, DURATION, new Recorder(series, perSecond, System.nanoTime()));
        app.sayEmbeddingJob(raw, "when the measurement ends");
        double appCpu = (app.cpuTime().toMillis() - appCpuBefore.toMillis()) / 1000.0;
        double databaseCpu = (app.databaseCpuTime().toMillis() - databaseCpuBefore.toMillis()) / 1000.0;
        double clientCpu = (os.getProcessCpuTime() - clientCpuBefore) / 1e9;
        raw.line(String.format(Locale.ROOT, "CPU used in the measured %d s: application %.1f s,%s load clients (this JVM) %.1f s,"
                + " of %d s the %d cores offer", DURATION.toSeconds(), appCpu,
                app.overDriver() ? String.format(Locale.ROOT, " separate database process %.1f s,", databaseCpu) : "", clientCpu,
                DURATION.toSeconds() * Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors()));
        var lost = ledger.verify(app);
        report(raw, app, series, perSecond, transportErrors, lost, ledger.acknowledged());
    }

    private record Recorder(Map<String, RawOutput.Series> series, AtomicIntegerArray perSecond, long start) {
        void add(String operation, long startNanos, int status) {
            long now = System.nanoTime();
            series.get(operation).add(now - startNanos, status);
            int second = (int) ((now - start) / 1_000_000_000L);
            if (second < perSecond.length()) {
                perSecond.incrementAndGet(second);
            }
        }
    }

    /** Runs the clients for this long; records into {@code recorder} unless it is null (warm-up). */
    private long run(BenchApp app, List<String> ids, MappedCurricula curricula, SaveLedger ledger, Duration duration,
                     Recorder recorder) throws InterruptedException {
        var transportErrors = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        var done = new CountDownLatch(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        try {
                            step(app, ids, curricula, ledger, recorder);
                        } catch (Exception e) {
                            transportErrors.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "load-client-" + c).start();
        }
        done.await();
        return transportErrors.get();
    }

    private void step(BenchApp app, List<String> ids, MappedCurricula curricula, SaveLedger ledger, Recorder recorder)
            throws Exception {
        var random = ThreadLocalRandom.current();
        String id = ids.get(random.nextInt(ids.size()));
        int dice = random.nextInt(100);
        long start = System.nanoTime();
        if (dice < 35) {
            record(recorder, "GET document", start, app.send("GET", "/api/qualifications/" + id, null).statusCode());
        } else if (dice < 45) {
            record(recorder, "GET list", start, app.send("GET", "/api/qualifications", null).statusCode());
        } else if (dice < 70) {
            var read = app.send("GET", "/api/qualifications/" + id, null);
            record(recorder, "GET document (read of a save)", start, read.statusCode());
            if (read.statusCode() != 200) {
                return;
            }
            var edit = ledger.edit(json.readTree(read.body()), curricula.skillPool(), "Load qualification", true);
            long putStart = System.nanoTime();
            var response = app.send("PUT", "/api/qualifications/" + id, edit.body());
            record(recorder, "PUT document", putStart, response.statusCode());
            ledger.answered(id, edit, response);
        } else if (dice < 85) {
            record(recorder, "GET quality report", start, app.send("GET", "/api/qualifications/" + id + "/quality", null).statusCode());
        } else {
            String query = QUERIES[random.nextInt(QUERIES.length)];
            record(recorder, "GET ESCO skill search", start, app.send("GET", "/api/esco/skills?limit=10&q="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8), null).statusCode());
        }
    }

    private static void record(Recorder recorder, String operation, long start, int status) {
        if (recorder != null) {
            recorder.add(operation, start, status);
        }
    }

    private void report(RawOutput raw, BenchApp app, Map<String, RawOutput.Series> series, AtomicIntegerArray perSecond,
                        long transportErrors, List<String> lost, long acknowledged) throws Exception {
        var all = new RawOutput.Series();
        series.values().forEach(all::addAll);
        var put = series.get("PUT document");
        long serverErrors = all.count(5);
        double seconds = DURATION.toMillis() / 1000.0;
        var table = new ArrayList<String>();
        table.add("| operation | requests | 2xx | 4xx by status | 5xx | p50 ms | p95 ms | p99 ms |");
        table.add("|---|---|---|---|---|---|---|---|");
        var rows = new LinkedHashMap<>(series);
        rows.put("all", all);
        rows.forEach((name, s) -> table.add(String.format(Locale.ROOT, "| %s | %d | %d | %s | %d | %.1f | %.1f | %.1f |", name,
                s.count(), s.count(2), s.clientErrors(), s.count(5), s.percentile(0.50), s.percentile(0.95), s.percentile(0.99))));
        int steps = all.count() - series.get("GET document (read of a save)").count();
        var summary = new ArrayList<String>();
        summary.add(String.format(Locale.ROOT, "Throughput: %.1f requests/s (every HTTP request, the read of each save "
                        + "included); %.1f operations/s (mix steps, a save counted once). Overall p50 %.1f ms, p95 %.1f ms. PUT p50 "
                        + "%.1f ms, p95 %.1f ms.", all.count() / seconds, steps / seconds, all.percentile(0.50), all.percentile(0.95),
                put.percentile(0.50), put.percentile(0.95)));
        summary.add("5xx: " + serverErrors + ". Transport errors: " + transportErrors + ". 4xx by status: " + all.clientErrors()
                + ". Acknowledged saves (warm-up included): " + acknowledged + ". Lost updates: " + lost.size()
                + (lost.isEmpty() ? " (every acknowledged save visible at the end, versions distinct)." : ": " + lost));
        summary.add("Application log: " + app.logLines("DeadlockDetected") + " lines naming DeadlockDetected, "
                + app.logLines("transient") + " naming a transient error, " + app.logLines(" ERROR ") + " ERROR lines; "
                + app.reportCache() + ".");

        raw.line("");
        table.forEach(raw::line);
        raw.line("");
        summary.forEach(raw::line);
        var timeline = new StringBuilder("completed requests per second of the measured run:");
        for (int i = 0; i < DURATION.toSeconds(); i++) {
            timeline.append(' ').append(perSecond.get(i));
        }
        raw.line(timeline.toString());
        var file = raw.write();

        var section = new ArrayList<String>();
        section.add("Packaged application (`" + app.command() + "`), full ESCO v1.1.1, 20 qualifications of 10 × 6 outcomes "
                + "mapping real ESCO skills; " + CLIENTS + " clients, " + WARM_UP.toSeconds() + " s warm-up, "
                + DURATION.toSeconds() + " s measured. " + app.importSummary() + ". Load average before / after (1, 5, 15 min): see `"
                + file + "`.");
        section.add("");
        section.addAll(table);
        section.add("");
        section.addAll(summary);
        BenchReport.append("Load: " + CLIENTS + " clients against the packaged application"
                + (app.overDriver() ? ", driver adapter over a separate database process" : "")
                + BenchApp.headingVariant() + " (raw: " + file.getFileName() + ")", section);
        if (serverErrors > 0 || !lost.isEmpty()) {
            throw new AssertionError("the load run had " + serverErrors + " server errors and lost updates " + lost);
        }
    }
}
