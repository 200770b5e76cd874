package org.qualigraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A title-only save and a read of a 100-unit × 10-outcome document from one client (issue #21 targets: save p95 ≤ 80 ms,
 * GET p95 ≤ 25 ms), against the packaged application with the full ESCO v1.1.1 and every outcome mapping a real ESCO
 * skill. The client sends back the document the previous save answered with only the title changed, so each PUT is the
 * one-field edit a designer makes, and nothing else competes with it; then it reads the document as the editor does.
 * <p>
 * Run: {@code ./mvnw -B -ntp -Pproduction package -DskipTests && ./mvnw -B -ntp -Pbench test -Dtest=LargeDocumentSaveBenchmark}
 * ({@code -Dlarge.saves} and {@code -Dlarge.reads} change the 100 timed saves and reads, {@code -Dlarge.more} the 100 timed
 * after them that are reported on their own; {@code -Dbench.graph=driver} and
 * {@code -Dbench.during-embedding=true} as for {@link LoadBenchmark}).
 */
class LargeDocumentSaveBenchmark {

    static final String COMMAND = "./mvnw -B -ntp -Pproduction package -DskipTests && ./mvnw -B -ntp -Pbench test "
            + "-Dtest=LargeDocumentSaveBenchmark";
    private static final int WARM_UP = 20;
    private static final int TIMED = Integer.getInteger("large.saves", 100);
    private static final int READS = Integer.getInteger("large.reads", 100);
    /**
     * Timed saves (and reads) after the first series, reported on their own: the first series starts while the JIT still
     * compiles the save's code paths and the quality worker encodes the new document's statements (issue 21: a profile of
     * the first series showed the compiler threads at about a third of the machine); the second shows the same request
     * on an application that has done it a hundred times more. 0 leaves it out.
     */
    private static final int MORE = Integer.getInteger("large.more", 100);

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void titleOnlySaveOfAHundredUnitDocument() throws Exception {
        var raw = new RawOutput(BenchApp.variant("large-save"), COMMAND);
        try (var app = BenchApp.start("large-save")) {
            raw.line("application: " + app.command());
            raw.line(app.importEscoAndSay());
            measure(app, raw);
        }
    }

    /**
     * Creates the document, times the saves and then the reads, writes the raw output and the section of
     * docs/benchmarks.md. Also a section of {@link Issue21Benchmark}.
     */
    void measure(BenchApp app, RawOutput raw) throws Exception {
        var curricula = MappedCurricula.pick(1);
        long createStart = System.nanoTime();
        JsonNode doc = app.create(curricula.document("Large qualification", 0, 100, 10));
        raw.line(String.format(Locale.ROOT, "100 units × 10 outcomes (1,000 outcomes, each mapping a real skill of %s) "
                + "created in %.0f ms", curricula.target(0).occupation(), (System.nanoTime() - createStart) / 1e6));
        String id = doc.get("id").asText();
        var puts = new RawOutput.Series();
        app.sayEmbeddingJob(raw, "when the saves start");
        long firstVersion = doc.get("version").asLong();
        String uri = "uri:/api/qualifications/{id}";
        BenchApp.Timer putsBefore = null;
        java.time.Duration cpuBeforePuts = null;
        var putsLater = new RawOutput.Series();
        BenchApp.Timer putsMiddle = null;
        java.time.Duration cpuMiddlePuts = null;
        for (int i = 0; i < WARM_UP + TIMED + MORE; i++) {
            if (i == WARM_UP) {
                putsBefore = app.timer("http.server.requests", uri, "method:PUT");
                cpuBeforePuts = app.cpuTime();
            }
            if (i == WARM_UP + TIMED) {
                putsMiddle = app.timer("http.server.requests", uri, "method:PUT");
                cpuMiddlePuts = app.cpuTime();
            }
            ObjectNode body = (ObjectNode) doc.deepCopy();
            ((ObjectNode) body.get("title")).put("en", "Large qualification, save " + i);
            long start = System.nanoTime();
            var response = app.send("PUT", "/api/qualifications/" + id, body.toString());
            long elapsed = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new AssertionError("save " + i + " answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= WARM_UP + TIMED) {
                putsLater.add(elapsed, response.statusCode());
            } else if (i >= WARM_UP) {
                puts.add(elapsed, response.statusCode());
            }
            doc = json.readTree(response.body());
        }
        java.time.Duration cpuAfterPuts = app.cpuTime();
        BenchApp.Timer putsAfter = app.timer("http.server.requests", uri, "method:PUT");
        app.sayEmbeddingJob(raw, "when the saves end");
        var gets = new RawOutput.Series();
        BenchApp.Timer getsBefore = null;
        java.time.Duration cpuBeforeGets = null;
        var getsLater = new RawOutput.Series();
        BenchApp.Timer getsMiddle = null;
        java.time.Duration cpuMiddleGets = null;
        for (int i = 0; i < WARM_UP + READS + MORE; i++) {
            if (i == WARM_UP) {
                getsBefore = app.timer("http.server.requests", uri, "method:GET");
                cpuBeforeGets = app.cpuTime();
            }
            if (i == WARM_UP + READS) {
                getsMiddle = app.timer("http.server.requests", uri, "method:GET");
                cpuMiddleGets = app.cpuTime();
            }
            long start = System.nanoTime();
            var response = app.send("GET", "/api/qualifications/" + id, null);
            long elapsed = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new AssertionError("read " + i + " answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= WARM_UP + READS) {
                getsLater.add(elapsed, response.statusCode());
            } else if (i >= WARM_UP) {
                gets.add(elapsed, response.statusCode());
            }
        }
        java.time.Duration cpuAfterGets = app.cpuTime();
        BenchApp.Timer getsAfter = app.timer("http.server.requests", uri, "method:GET");
        app.sayEmbeddingJob(raw, "when the reads end");
        JsonNode last = app.getJson("/api/qualifications/" + id);
        if (last.get("version").asLong() != firstVersion + WARM_UP + TIMED + MORE
                || !last.get("title").get("en").asText().equals("Large qualification, save " + (WARM_UP + TIMED + MORE - 1))
                || last.get("units").size() != 100) {
            throw new AssertionError("the saves are not all visible: " + last.get("version") + " " + last.get("title"));
        }
        var figures = new ArrayList<String>();
        figures.add(String.format(Locale.ROOT, "Title-only PUT of the 100 × 10 document, one client, %d timed after %d "
                        + "warm-up: p50 %.1f ms, p95 %.1f ms, max %.1f ms (target p95 ≤ 80 ms). All %d saves visible.", TIMED,
                WARM_UP, puts.percentile(0.50), puts.percentile(0.95), puts.percentile(1.0), WARM_UP + TIMED + MORE));
        figures.add(String.format(Locale.ROOT, "GET of the same document (%d characters of JSON), one client, %d timed after %d warm-up: "
                        + "p50 %.1f ms, p95 %.1f ms, max %.1f ms (target p95 ≤ 25 ms).", last.toString().length(), READS, WARM_UP,
                gets.percentile(0.50), gets.percentile(0.95), gets.percentile(1.0)));
        boolean more = MORE > 0;
        figures.add(server("PUT", putsBefore, more ? putsMiddle : putsAfter, puts, (more ? cpuMiddlePuts : cpuAfterPuts).minus(cpuBeforePuts)));
        figures.add(server("GET", getsBefore, more ? getsMiddle : getsAfter, gets, (more ? cpuMiddleGets : cpuAfterGets).minus(cpuBeforeGets)));
        if (more) {
            figures.add(String.format(Locale.ROOT, "The next %d title-only PUTs (after %d saves of the document): p50 %.1f ms, "
                            + "p95 %.1f ms, max %.1f ms.", MORE, WARM_UP + TIMED, putsLater.percentile(0.50),
                    putsLater.percentile(0.95), putsLater.percentile(1.0)));
            figures.add(server("PUT", putsMiddle, putsAfter, putsLater, cpuAfterPuts.minus(cpuMiddlePuts)));
            figures.add(String.format(Locale.ROOT, "The next %d GETs (after %d reads): p50 %.1f ms, p95 %.1f ms, max %.1f ms.",
                    MORE, WARM_UP + READS, getsLater.percentile(0.50), getsLater.percentile(0.95), getsLater.percentile(1.0)));
            figures.add(server("GET", getsMiddle, getsAfter, getsLater, cpuAfterGets.minus(cpuMiddleGets)));
        }
        raw.line("");
        figures.forEach(raw::line);
        var file = raw.write();
        var section = new ArrayList<String>();
        section.add("Packaged application (`" + app.command() + "`), full ESCO v1.1.1. " + app.importSummary()
                + ". Raw output and load averages: `" + file + "`.");
        section.add("");
        figures.forEach(line -> {
            section.add(line);
            section.add("");
        });
        BenchReport.append("Title-only save and GET of a 100 × 10 document"
                + (app.overDriver() ? ", driver adapter over a separate database process" : "")
                + (BenchApp.DURING_EMBEDDING ? ", during the embedding job" : "") + " (raw: " + file.getFileName() + ")", section);
    }

    /**
     * The server's own mean time per timed request (its http.server.requests timer: filters, security, JSON and the
     * service, without the client and the loopback) against the client's mean, and the application's CPU time per
     * request over the same window (all its threads: a figure above the latency means work beside the request, e.g.
     * the quality report worker).
     */
    private static String server(String method, BenchApp.Timer before, BenchApp.Timer after, RawOutput.Series latencies,
                                 java.time.Duration cpu) {
        int calls = latencies.count();
        String cpuPerCall = String.format(Locale.ROOT, "application CPU time %.1f ms per timed %s (all its threads)",
                cpu.toNanos() / 1e6 / Math.max(1, calls), method);
        if (before == null || after == null) {
            return "Server-side time of " + method + ": no http.server.requests timer; " + cpuPerCall + ".";
        }
        long counted = after.count() - before.count();
        double serverMeanMs = (after.totalSeconds() - before.totalSeconds()) * 1000 / Math.max(1, counted);
        return String.format(Locale.ROOT, "Server-side %s (http.server.requests of /api/qualifications/{id}: filters, "
                        + "security, JSON and the service): %d counted (%d sent), mean %.1f ms against the client's mean %.1f ms "
                        + "(%.0f %%); %s.", method, counted, calls, serverMeanMs, latencies.mean(),
                100 * serverMeanMs / Math.max(1e-9, latencies.mean()), cpuPerCall);
    }
}
