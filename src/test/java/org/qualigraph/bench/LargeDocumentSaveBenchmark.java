package org.qualigraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
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
        JsonNode created = app.create(curricula.document("Large qualification", 0, 100, 10));
        raw.line(String.format(Locale.ROOT, "100 units × 10 outcomes (1,000 outcomes, each mapping a real skill of %s) "
                + "created in %.0f ms", curricula.target(0).occupation(), (System.nanoTime() - createStart) / 1e6));
        String id = created.get("id").asText();
        app.sayEmbeddingJob(raw, "when the saves start");
        long firstVersion = created.get("version").asLong();
        var doc = new AtomicReference<>(created);
        Run puts = run(app, "PUT", id, "save", TIMED, i -> {
            ObjectNode body = (ObjectNode) doc.get().deepCopy();
            ((ObjectNode) body.get("title")).put("en", "Large qualification, save " + i);
            return body;
        }, answer -> doc.set(json.readTree(answer)));
        app.sayEmbeddingJob(raw, "when the saves end");
        Run gets = run(app, "GET", id, "read", READS, i -> null, answer -> { });
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
                WARM_UP, puts.timed().percentile(0.50), puts.timed().percentile(0.95), puts.timed().percentile(1.0),
                WARM_UP + TIMED + MORE));
        figures.add(String.format(Locale.ROOT, "GET of the same document (%d characters of JSON), one client, %d timed after %d warm-up: "
                        + "p50 %.1f ms, p95 %.1f ms, max %.1f ms (target p95 ≤ 25 ms).", last.toString().length(), READS, WARM_UP,
                gets.timed().percentile(0.50), gets.timed().percentile(0.95), gets.timed().percentile(1.0)));
        figures.add(puts.serverOfTimed("PUT"));
        figures.add(gets.serverOfTimed("GET"));
        if (MORE > 0) {
            figures.add(String.format(Locale.ROOT, "The next %d title-only PUTs (after %d saves of the document): p50 %.1f ms, "
                            + "p95 %.1f ms, max %.1f ms.", MORE, WARM_UP + TIMED, puts.later().percentile(0.50),
                    puts.later().percentile(0.95), puts.later().percentile(1.0)));
            figures.add(puts.serverOfLater("PUT"));
            figures.add(String.format(Locale.ROOT, "The next %d GETs (after %d reads): p50 %.1f ms, p95 %.1f ms, max %.1f ms.",
                    MORE, WARM_UP + READS, gets.later().percentile(0.50), gets.later().percentile(0.95), gets.later().percentile(1.0)));
            figures.add(gets.serverOfLater("GET"));
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
                + BenchApp.headingVariant() + " (raw: " + file.getFileName() + ")", section);
    }

    /** What is done with a request's answer, after its clock has stopped. */
    @FunctionalInterface
    private interface Answered {
        void accept(String body) throws IOException;
    }

    /**
     * One method's series: the latencies of the timed requests and of the {@link #MORE} after them, and the server's
     * timer and the application's CPU time read when the timed requests start ({@code before}), when the later ones
     * start ({@code middle}, null without them) and after the last ({@code after}).
     */
    private record Run(RawOutput.Series timed, RawOutput.Series later, BenchApp.Timer before, BenchApp.Timer middle,
                       BenchApp.Timer after, Duration cpuBefore, Duration cpuMiddle, Duration cpuAfter) {

        /** The server-side line of the timed requests: up to the later ones when there are some, else to the end. */
        String serverOfTimed(String method) {
            boolean more = MORE > 0;
            return server(method, before, more ? middle : after, timed, (more ? cpuMiddle : cpuAfter).minus(cpuBefore));
        }

        /** The server-side line of the later requests. */
        String serverOfLater(String method) {
            return server(method, middle, after, later, cpuAfter.minus(cpuMiddle));
        }
    }

    /**
     * Sends {@code method} to the document {@link #WARM_UP} + {@code timed} + {@link #MORE} times, one after another,
     * and fails on any answer but 200 ({@code what} and the request's number name it). The clock of a request runs
     * around the send alone: {@code body} (null for none) is made before it starts, written to JSON inside it, and
     * {@code answered} is given the answer after it stops.
     */
    private static Run run(BenchApp app, String method, String id, String what, int timed, IntFunction<JsonNode> body,
                           Answered answered) throws Exception {
        String uri = "uri:/api/qualifications/{id}";
        var latencies = new RawOutput.Series();
        var later = new RawOutput.Series();
        BenchApp.Timer before = null;
        BenchApp.Timer middle = null;
        Duration cpuBefore = null;
        Duration cpuMiddle = null;
        for (int i = 0; i < WARM_UP + timed + MORE; i++) {
            if (i == WARM_UP) {
                before = app.timer("http.server.requests", uri, "method:" + method);
                cpuBefore = app.cpuTime();
            }
            if (i == WARM_UP + timed) {
                middle = app.timer("http.server.requests", uri, "method:" + method);
                cpuMiddle = app.cpuTime();
            }
            JsonNode content = body.apply(i);
            long start = System.nanoTime();
            var response = app.send(method, "/api/qualifications/" + id, content == null ? null : content.toString());
            long elapsed = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new AssertionError(what + " " + i + " answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= WARM_UP + timed) {
                later.add(elapsed, response.statusCode());
            } else if (i >= WARM_UP) {
                latencies.add(elapsed, response.statusCode());
            }
            answered.accept(response.body());
        }
        Duration cpuAfter = app.cpuTime();
        BenchApp.Timer after = app.timer("http.server.requests", uri, "method:" + method);
        return new Run(latencies, later, before, middle, after, cpuBefore, cpuMiddle, cpuAfter);
    }

    /**
     * The server's own mean time per timed request (its http.server.requests timer: filters, security, JSON and the
     * service, without the client and the loopback) against the client's mean, and the application's CPU time per
     * request over the same window (all its threads: a figure above the latency means work beside the request, e.g.
     * the quality report worker).
     */
    private static String server(String method, BenchApp.Timer before, BenchApp.Timer after, RawOutput.Series latencies,
                                 Duration cpu) {
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
