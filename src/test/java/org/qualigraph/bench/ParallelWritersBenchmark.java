package org.qualigraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Saves of different qualifications in parallel (issue #11): one writer on one qualification, then eight writers each
 * on its own, against the packaged application with the full ESCO v1.1.1. The eight qualifications target different
 * real occupations but share the awarding body and, through the pool, ESCO skill nodes; every save is a
 * read-modify-write that changes the title and maps one outcome to another real skill. A writer never conflicts with
 * another, so any slowdown is contention inside the server. Reports saves/s and PUT p50/p95 of both phases and their
 * ratio (target: eight writers at least 1.7× one), 5xx and lost updates.
 * <p>
 * Run: {@code ./mvnw -B -ntp -Pproduction package -DskipTests && ./mvnw -B -ntp -Pbench test -Dtest=ParallelWritersBenchmark}
 * ({@code -Dwriters.seconds} changes the 30 s of each phase, {@code -Dwriters.warmup} the 10 s warm-up;
 * {@code -Dbench.graph=driver} and {@code -Dbench.during-embedding=true} as for {@link LoadBenchmark}).
 */
class ParallelWritersBenchmark {

    static final String COMMAND = "./mvnw -B -ntp -Pproduction package -DskipTests && ./mvnw -B -ntp -Pbench test "
            + "-Dtest=ParallelWritersBenchmark";
    private static final int WRITERS = 8;
    private static final Duration PHASE = Duration.ofSeconds(Long.getLong("writers.seconds", 30));
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("writers.warmup", 10));

    private final ObjectMapper json = new ObjectMapper();

    private record Phase(int writers, long saves, double seconds, RawOutput.Series puts, long transportErrors) {
        double savesPerSecond() {
            return saves / seconds;
        }
    }

    @Test
    void eightWritersOnEightQualificationsAgainstOne() throws Exception {
        var raw = new RawOutput(BenchApp.variant("writers"), COMMAND);
        try (var app = BenchApp.start("writers")) {
            raw.line("application: " + app.command());
            raw.line(app.importEscoAndSay());
            measure(app, raw);
        }
    }

    /**
     * Creates the eight qualifications, runs both phases, writes the raw output and the section of docs/benchmarks.md.
     * Also a section of {@link Issue21Benchmark}.
     */
    void measure(BenchApp app, RawOutput raw) throws Exception {
        var curricula = MappedCurricula.pick(WRITERS);
        var ledger = new SaveLedger();
        var ids = new ArrayList<String>();
        for (int i = 0; i < WRITERS; i++) {
            JsonNode stored = app.create(curricula.document("Writer qualification " + i, i, 10, 6));
            ids.add(stored.get("id").asText());
            ledger.created(stored.get("id").asText(), stored.get("version").asLong());
        }
        raw.line(WRITERS + " qualifications of 10 units × 6 outcomes mapping real ESCO skills; each writer saves its own "
                + "one in a loop (GET, PUT with the version read, new title, one outcome re-mapped)");

        run(app, ids.subList(0, WRITERS), curricula, ledger, WARM_UP);
        app.sayEmbeddingJob(raw, "when the measured phases start");
        Phase one = run(app, ids.subList(0, 1), curricula, ledger, PHASE);
        Phase eight = run(app, ids, curricula, ledger, PHASE);
        app.sayEmbeddingJob(raw, "when the measured phases end");
        var lost = ledger.verify(app);

        var table = new ArrayList<String>();
        table.add("| writers | saves | saves/s | PUT p50 ms | PUT p95 ms | PUT max ms | 4xx by status | 5xx | transport errors |");
        table.add("|---|---|---|---|---|---|---|---|---|");
        for (Phase p : List.of(one, eight)) {
            table.add(String.format(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.1f | %.1f | %s | %d | %d |", p.writers(), p.saves(),
                    p.savesPerSecond(), p.puts().percentile(0.50), p.puts().percentile(0.95), p.puts().percentile(1.0),
                    p.puts().clientErrors(), p.puts().count(5), p.transportErrors()));
        }
        long serverErrors = one.puts().count(5) + eight.puts().count(5);
        String verdict = String.format(Locale.ROOT, "Eight writers / one writer: %.2f× the saves/s (target ≥ 1.7×). "
                        + "5xx: %d. Lost updates: %d%s. Application log: %d lines naming DeadlockDetected, %d naming a "
                        + "transient error.", eight.savesPerSecond() / one.savesPerSecond(), serverErrors, lost.size(),
                lost.isEmpty() ? " (every acknowledged save visible, versions distinct)" : " " + lost,
                app.logLines("DeadlockDetected"), app.logLines("transient"));
        raw.line("");
        table.forEach(raw::line);
        raw.line("");
        raw.line(verdict);
        var file = raw.write();
        var section = new ArrayList<String>();
        section.add("Packaged application (`" + app.command() + "`), full ESCO v1.1.1 (" + app.importSummary() + "); " + PHASE.toSeconds()
                + " s per phase after a " + WARM_UP.toSeconds() + " s warm-up of eight writers. Raw output and load averages: `"
                + file + "`.");
        section.add("");
        section.addAll(table);
        section.add("");
        section.add(verdict);
        BenchReport.append("Parallel writers: eight against one"
                + (app.overDriver() ? ", driver adapter over a separate database process" : "")
                + BenchApp.headingVariant() + " (raw: " + file.getFileName() + ")", section);
        if (serverErrors > 0 || !lost.isEmpty()) {
            throw new AssertionError("the writers run had " + serverErrors + " server errors and lost updates " + lost);
        }
    }

    /** One writer per qualification in {@code ids}, each saving its own in a loop for {@code duration}. */
    private Phase run(BenchApp app, List<String> ids, MappedCurricula curricula, SaveLedger ledger, Duration duration)
            throws InterruptedException {
        var puts = new RawOutput.Series();
        var saves = new AtomicLong();
        var transportErrors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        var done = new CountDownLatch(ids.size());
        for (String id : ids) {
            new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        try {
                            var read = app.send("GET", "/api/qualifications/" + id, null);
                            var edit = ledger.edit(json.readTree(read.body()), curricula.skillPool(), "Writer qualification", true);
                            long t = System.nanoTime();
                            var response = app.send("PUT", "/api/qualifications/" + id, edit.body());
                            puts.add(System.nanoTime() - t, response.statusCode());
                            ledger.answered(id, edit, response);
                            if (response.statusCode() / 100 == 2) {
                                saves.incrementAndGet();
                            }
                        } catch (Exception e) {
                            transportErrors.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "writer-" + id).start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Phase(ids.size(), saves.get(), seconds, puts, transportErrors.get());
    }
}
