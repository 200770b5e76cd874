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
 * ({@code -Dlarge.saves} and {@code -Dlarge.reads} change the 100 timed saves and reads; {@code -Dbench.graph=driver} and
 * {@code -Dbench.during-embedding=true} as for {@link LoadBenchmark}).
 */
class LargeDocumentSaveBenchmark {

    static final String COMMAND = "./mvnw -B -ntp -Pproduction package -DskipTests && ./mvnw -B -ntp -Pbench test "
            + "-Dtest=LargeDocumentSaveBenchmark";
    private static final int WARM_UP = 20;
    private static final int TIMED = Integer.getInteger("large.saves", 100);
    private static final int READS = Integer.getInteger("large.reads", 100);

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
        for (int i = 0; i < WARM_UP + TIMED; i++) {
            ObjectNode body = (ObjectNode) doc.deepCopy();
            ((ObjectNode) body.get("title")).put("en", "Large qualification, save " + i);
            long start = System.nanoTime();
            var response = app.send("PUT", "/api/qualifications/" + id, body.toString());
            long elapsed = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new AssertionError("save " + i + " answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= WARM_UP) {
                puts.add(elapsed, response.statusCode());
            }
            doc = json.readTree(response.body());
        }
        app.sayEmbeddingJob(raw, "when the saves end");
        var gets = new RawOutput.Series();
        for (int i = 0; i < WARM_UP + READS; i++) {
            long start = System.nanoTime();
            var response = app.send("GET", "/api/qualifications/" + id, null);
            long elapsed = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new AssertionError("read " + i + " answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= WARM_UP) {
                gets.add(elapsed, response.statusCode());
            }
        }
        app.sayEmbeddingJob(raw, "when the reads end");
        JsonNode last = app.getJson("/api/qualifications/" + id);
        if (last.get("version").asLong() != firstVersion + WARM_UP + TIMED
                || !last.get("title").get("en").asText().equals("Large qualification, save " + (WARM_UP + TIMED - 1))
                || last.get("units").size() != 100) {
            throw new AssertionError("the saves are not all visible: " + last.get("version") + " " + last.get("title"));
        }
        var figures = new ArrayList<String>();
        figures.add(String.format(Locale.ROOT, "Title-only PUT of the 100 × 10 document, one client, %d timed after %d "
                        + "warm-up: p50 %.1f ms, p95 %.1f ms, max %.1f ms (target p95 ≤ 80 ms). All %d saves visible.", TIMED,
                WARM_UP, puts.percentile(0.50), puts.percentile(0.95), puts.percentile(1.0), WARM_UP + TIMED));
        figures.add(String.format(Locale.ROOT, "GET of the same document (%d characters of JSON), one client, %d timed after %d warm-up: "
                        + "p50 %.1f ms, p95 %.1f ms, max %.1f ms (target p95 ≤ 25 ms).", last.toString().length(), READS, WARM_UP,
                gets.percentile(0.50), gets.percentile(0.95), gets.percentile(1.0)));
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
}
