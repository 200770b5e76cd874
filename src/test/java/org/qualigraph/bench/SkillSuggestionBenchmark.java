package org.qualigraph.bench;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.qualigraph.esco.EscoEmbeddings;
import org.qualigraph.esco.EscoService;
import org.qualigraph.esco.SkillSuggestions;
import org.qualigraph.esco.SuggestionEvaluation;
import org.qualigraph.esco.SuggestionLab;
import org.qualigraph.support.EscoTestData;
import org.qualigraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Skills by meaning on the full ESCO v1.1.1: the embedding job's time, recall@1/5/10 and MRR of words only, meaning
 * only and the hybrid on the labelled set, the fusion settings tried, which text of a skill to embed and which model
 * variant (quantised or full precision), and the suggestion latency from one client. Appends to docs/benchmarks.md.
 */
class SkillSuggestionBenchmark extends IntegrationTest {

    @Autowired
    EscoService esco;
    @Autowired
    EscoEmbeddings embeddings;
    @Autowired
    SkillSuggestions suggestions;
    @Autowired
    Driver driver;

    @Test
    void qualityAndSpeedOnTheFullRelease() throws IOException {
        String loadBefore = uptime();
        EscoTestData.ensureLoaded(esco);
        // time the whole job, also when another test of this JVM embedded the release already
        try (var session = driver.session()) {
            session.run("MATCH (n) WHERE n:EscoSkill OR n:EscoOccupation "
                    + "CALL (n) { REMOVE n.embedding, n.embeddingHash, n.embeddingModel } IN TRANSACTIONS OF 5000 ROWS").consume();
        }
        long start = System.nanoTime();
        var counts = embeddings.embedNow(done -> { });
        double jobSeconds = (System.nanoTime() - start) / 1e9;
        var cases = SuggestionEvaluation.cases();
        var lines = new ArrayList<String>();

        var fusion = SkillSuggestions.Fusion.DEFAULT;
        var methods = new ArrayList<SuggestionEvaluation.Metrics>();
        for (var method : SkillSuggestions.Method.values()) {
            methods.add(SuggestionEvaluation.measure(method.name().toLowerCase(Locale.ROOT), cases,
                    text -> suggestions.rank(text, 10, method, fusion).stream().map(SkillSuggestions.Suggestion::uri).toList()));
        }

        var sweep = new ArrayList<SuggestionEvaluation.Metrics>();
        for (int k : new int[] {10, 20, 60}) {
            for (double words : new double[] {0.3, 0.5, 1.0}) {
                var f = new SkillSuggestions.Fusion(k, 1.0, words, 60);
                sweep.add(SuggestionEvaluation.measure("hybrid k=" + k + ", words weight " + words, cases,
                        text -> suggestions.rank(text, 10, SkillSuggestions.Method.HYBRID, f).stream()
                                .map(SkillSuggestions.Suggestion::uri).toList()));
            }
        }

        // which text of a skill to embed, and which model: brute-force cosine over in-memory vectors of every skill.
        // Each variant encodes the whole release again (minutes each), so only with -Dqualigraph.bench.variants=true.
        var texts = new ArrayList<String>();
        if (Boolean.getBoolean("qualigraph.bench.variants")) {
            var lab = new SuggestionLab(driver);
            var label = lab.measure("meaning, q model, preferred label", cases, embeddings.encoder(), EscoEmbeddings.Text.LABEL);
            texts.add(label.metrics().row() + " " + seconds(label.seconds()) + " |");
            var alt = lab.measure("meaning, q model, label + alternative labels", cases, embeddings.encoder(), EscoEmbeddings.Text.LABEL_ALT_LABELS);
            texts.add(alt.metrics().row() + " " + seconds(alt.seconds()) + " |");
            var full = lab.measure("meaning, full-precision model, preferred label", cases,
                    SuggestionLab.encoder("all-minilm-l6-v2", AllMiniLmL6V2EmbeddingModel::new), EscoEmbeddings.Text.LABEL);
            texts.add(full.metrics().row() + " " + seconds(full.seconds()) + " |");
        }

        // latency of the endpoint's work from one client: encode + vector query + full-text query + fusion
        var statements = cases.stream().map(SuggestionEvaluation.Case::statement).toList();
        for (int i = 0; i < 50; i++) {
            suggestions.suggest(statements.get(i % statements.size()), 10);
        }
        long[] nanos = new long[300];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            suggestions.suggest(statements.get(i % statements.size()), 10);
            nanos[i] = System.nanoTime() - t;
        }
        long[] sorted = BenchReport.sorted(nanos);

        lines.add("");
        lines.add("## Skills by meaning");
        lines.add("");
        lines.add(LocalDate.now() + ", `SkillSuggestionBenchmark` (-Pbench), full ESCO v1.1.1 in the neo4j-harness database of"
                + " the tests, labelled set `src/test/resources/evaluation/skill-suggestions.tsv` (" + cases.size()
                + " statements). Machine: " + BenchReport.machine() + "; load before: " + loadBefore + ", after: " + uptime()
                + " (the machine was shared with other builds).");
        lines.add("");
        lines.add("Embedding job (model " + counts.get("model") + ", label + description, skills and occupations): "
                + counts.get("embedded") + " concepts in " + String.format(Locale.ROOT, "%.0f s", jobSeconds) + ".");
        lines.add("");
        lines.add("recall@k: share of statements with a correct skill among the first k; MRR: mean of 1/rank of the first correct one.");
        lines.add("");
        lines.add("| method | statements | recall@1 | recall@5 | recall@10 | MRR |");
        lines.add("|---|---|---|---|---|---|");
        methods.forEach(m -> lines.add(m.row()));
        lines.add("");
        lines.add("Fusion settings tried (weighted reciprocal-rank fusion, 60 candidates from each ranking; default k="
                + fusion.k() + ", words weight " + fusion.wordsWeight() + "):");
        lines.add("");
        lines.add("| hybrid setting | statements | recall@1 | recall@5 | recall@10 | MRR |");
        lines.add("|---|---|---|---|---|---|");
        sweep.forEach(m -> lines.add(m.row()));
        lines.add("");
        if (!texts.isEmpty()) {
            lines.add("Text embedded and model variant (meaning only, exact cosine over every skill in memory; time = encoding"
                    + " all skills; label + description with the quantised model is the \"meaning\" row above):");
            lines.add("");
            lines.add("| variant | statements | recall@1 | recall@5 | recall@10 | MRR | encode time |");
            lines.add("|---|---|---|---|---|---|---|");
            lines.addAll(texts);
        }
        lines.add("");
        lines.add(String.format(Locale.ROOT, "Suggestion latency (SkillSuggestions.suggest, hybrid, limit 10, one client, %d calls"
                        + " after 50 warm-up): p50 %.1f ms, p95 %.1f ms, max %.1f ms (target p95 ≤ 50 ms).", nanos.length,
                BenchReport.percentile(sorted, 0.50), BenchReport.percentile(sorted, 0.95), sorted[sorted.length - 1] / 1e6));
        String text = String.join("\n", lines) + "\n";
        Path file = Path.of("docs/benchmarks.md");
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println(text);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.0f s", s);
    }

    private static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
