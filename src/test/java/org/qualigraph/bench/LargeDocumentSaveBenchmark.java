package org.qualigraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A title-only save of a 100-unit × 10-outcome document from one client (issue #11, target p95 ≤ 100 ms), against the
 * packaged application with the full ESCO v1.1.1 and every outcome mapping a real ESCO skill. The client sends back the
 * document the previous save answered with only the title changed, so each PUT is the one-field edit a designer makes,
 * and nothing else competes with it.
 * <p>
 * Run: {@code ./mvnw -B -ntp -Pproduction package -DskipTests && ./mvnw -B -ntp -Pbench test -Dtest=LargeDocumentSaveBenchmark}.
 */
class LargeDocumentSaveBenchmark {

    static final String COMMAND = "./mvnw -B -ntp -Pproduction package -DskipTests && ./mvnw -B -ntp -Pbench test "
            + "-Dtest=LargeDocumentSaveBenchmark";
    private static final int WARM_UP = 20;
    private static final int TIMED = Integer.getInteger("large.saves", 100);

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void titleOnlySaveOfAHundredUnitDocument() throws Exception {
        var raw = new RawOutput("large-save", COMMAND);
        var curricula = MappedCurricula.pick(1);
        try (var app = BenchApp.start("large-save")) {
            raw.line("application: " + app.command());
            raw.line(app.importEscoAndSay());
            long createStart = System.nanoTime();
            JsonNode doc = app.create(curricula.document("Large qualification", 0, 100, 10));
            raw.line(String.format(Locale.ROOT, "100 units × 10 outcomes (1,000 outcomes, each mapping a real skill of %s) "
                    + "created in %.0f ms", curricula.target(0).occupation(), (System.nanoTime() - createStart) / 1e6));
            String id = doc.get("id").asText();
            var puts = new RawOutput.Series();
            if (BenchApp.DURING_EMBEDDING) {
                raw.line("embedding job when the saves start: " + app.embeddingJobState());
            }
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
            if (BenchApp.DURING_EMBEDDING) {
                raw.line("embedding job when the saves end: " + app.embeddingJobState());
            }
            JsonNode last = app.getJson("/api/qualifications/" + id);
            if (last.get("version").asLong() != firstVersion + WARM_UP + TIMED
                    || !last.get("title").get("en").asText().equals("Large qualification, save " + (WARM_UP + TIMED - 1))) {
                throw new AssertionError("the saves are not all visible: " + last.get("version") + " " + last.get("title"));
            }
            String figures = String.format(Locale.ROOT, "Title-only PUT of the 100 × 10 document, one client, %d timed after %d "
                            + "warm-up: p50 %.1f ms, p95 %.1f ms, max %.1f ms (target p95 ≤ 100 ms). All %d saves visible.", TIMED,
                    WARM_UP, puts.percentile(0.50), puts.percentile(0.95), puts.percentile(1.0), WARM_UP + TIMED);
            raw.line("");
            raw.line(figures);
            var file = raw.write();
            var section = new ArrayList<String>();
            section.add("Packaged application (`" + app.command() + "`), full ESCO v1.1.1. Raw output and load averages: `"
                    + file + "`.");
            section.add("");
            section.add(figures);
            BenchReport.append("Title-only save of a 100 × 10 document (raw: " + file.getFileName() + ")", section);
        }
    }
}
