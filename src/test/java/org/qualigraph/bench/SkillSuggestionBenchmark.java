package org.qualigraph.bench;

import java.io.IOException;
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
 * Skills by meaning on the full ESCO v1.1.1, on the split labelled set: the fusion settings are tried on the tuning
 * part only and the best one there is named; words only, meaning only and the hybrid are measured on the held-out part
 * only (recall@1/5/10, MRR); which text of a skill to embed (preferred label; label + description; label + alternative
 * labels) is measured on the held-out part with the real in-process model over every skill (exact cosine in memory,
 * about 83 s of encoding per variant on a quiet machine); then the suggestion latency from one client. The raw output
 * goes to docs/benchmarks/skill-suggestions-*.txt; docs/benchmarks.md quotes it. {@code -Dqualigraph.bench.variants=false}
 * leaves the text variants out.
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
        var out = new RawOutput("skill-suggestions", "./mvnw -B -o -Pbench test -Dtest=SkillSuggestionBenchmark "
                + "-Dsurefire.failIfNoSpecifiedTests=false");
        EscoTestData.ensureLoaded(esco);
        // time the whole job, also when another test of this JVM embedded the release already
        try (var session = driver.session()) {
            session.run("MATCH (n) WHERE n:EscoSkill OR n:EscoOccupation "
                    + "CALL (n) { REMOVE n.embedding, n.embeddingHash, n.embeddingModel } IN TRANSACTIONS OF 5000 ROWS").consume();
        }
        long start = System.nanoTime();
        var counts = embeddings.embedNow(done -> { });
        double jobSeconds = (System.nanoTime() - start) / 1e9;
        var tuning = SuggestionEvaluation.tuning();
        var heldOut = SuggestionEvaluation.heldOut();
        out.line("labelled set: " + tuning.size() + " tuning statements, " + heldOut.size() + " held-out statements");
        out.line("embedding job (model " + counts.get("model") + ", label + description, skills and occupations): "
                + counts.get("embedded") + " concepts in " + seconds(jobSeconds));
        out.line("");

        // 1. fusion settings, on the tuning part only
        out.line("fusion settings on the TUNING part (weighted reciprocal-rank fusion, 60 candidates from each ranking):");
        out.line("| hybrid setting | statements | recall@1 | recall@5 | recall@10 | MRR |");
        out.line("|---|---|---|---|---|---|");
        SkillSuggestions.Fusion best = null;
        SuggestionEvaluation.Metrics bestMetrics = null;
        for (int k : new int[] {10, 20, 60}) {
            for (double words : new double[] {0.3, 0.5, 1.0}) {
                var f = new SkillSuggestions.Fusion(k, 1.0, words, 60);
                var m = SuggestionEvaluation.measure("hybrid k=" + k + ", words weight " + words, tuning, ranking(SkillSuggestions.Method.HYBRID, f));
                out.line(m.row());
                if (bestMetrics == null || m.mrr() > bestMetrics.mrr()
                        || m.mrr() == bestMetrics.mrr() && m.recallAt10() > bestMetrics.recallAt10()) {
                    best = f;
                    bestMetrics = m;
                }
            }
        }
        var fusion = SkillSuggestions.Fusion.DEFAULT;
        out.line("best on the tuning part (MRR, then recall@10): k=" + best.k() + ", words weight " + best.wordsWeight()
                + "; shipped default: k=" + fusion.k() + ", words weight " + fusion.wordsWeight());
        out.line("");

        // 2. the methods with the shipped settings, on the held-out part only
        out.line("methods on the HELD-OUT part (shipped fusion k=" + fusion.k() + ", words weight " + fusion.wordsWeight() + "):");
        out.line("| method | statements | recall@1 | recall@5 | recall@10 | MRR |");
        out.line("|---|---|---|---|---|---|");
        for (var method : SkillSuggestions.Method.values()) {
            out.line(SuggestionEvaluation.measure(method.name().toLowerCase(Locale.ROOT), heldOut, ranking(method, fusion)).row());
        }
        if (!best.equals(fusion)) {
            out.line(SuggestionEvaluation.measure("hybrid, best tuning setting k=" + best.k() + ", words weight " + best.wordsWeight(),
                    heldOut, ranking(SkillSuggestions.Method.HYBRID, best)).row());
        }
        out.line("");

        // 3. which text of a skill to embed, on the held-out part: exact cosine over in-memory vectors of every skill
        if (Boolean.parseBoolean(System.getProperty("qualigraph.bench.variants", "true"))) {
            out.line("text embedded (meaning only, HELD-OUT part, exact cosine over every skill in memory; time = encoding all skills):");
            out.line("| variant | statements | recall@1 | recall@5 | recall@10 | MRR | encode time |");
            out.line("|---|---|---|---|---|---|---|");
            var lab = new SuggestionLab(driver, graph);
            for (var text : EscoEmbeddings.Text.values()) {
                var result = lab.measure("meaning, " + text.name().toLowerCase(Locale.ROOT).replace('_', ' '), heldOut,
                        embeddings.encoder(), text);
                out.line(result.metrics().row() + " " + seconds(result.seconds()) + " |");
            }
            out.line("");
        }

        // 4. latency of the endpoint's work from one client: encode + vector query + full-text query + fusion
        var statements = SuggestionEvaluation.cases().stream().map(SuggestionEvaluation.Case::statement).toList();
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
        out.line(String.format(Locale.ROOT, "suggestion latency (SkillSuggestions.suggest, hybrid, limit 10, one client, %d calls"
                        + " after 50 warm-up): p50 %.1f ms, p95 %.1f ms, max %.1f ms", nanos.length,
                BenchReport.percentile(sorted, 0.50), BenchReport.percentile(sorted, 0.95), sorted[sorted.length - 1] / 1e6));
        out.line("uptime: " + uptime());
        System.out.println("raw output: " + out.write());
    }

    private java.util.function.Function<String, java.util.List<String>> ranking(SkillSuggestions.Method method,
                                                                                 SkillSuggestions.Fusion fusion) {
        return text -> suggestions.rank(text, 10, method, fusion).stream().map(SkillSuggestions.Suggestion::uri).toList();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.0f s", s);
    }

    private static String uptime() {
        try {
            return new String(new ProcessBuilder("uptime").start().getInputStream().readAllBytes()).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
