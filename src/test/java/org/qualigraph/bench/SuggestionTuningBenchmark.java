package org.qualigraph.bench;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.qualigraph.esco.EscoService;
import org.qualigraph.esco.SentenceEncoder;
import org.qualigraph.esco.SkillSuggestions;
import org.qualigraph.esco.SuggestionEvaluation;
import org.qualigraph.esco.SuggestionLab;
import org.qualigraph.support.EscoTestData;
import org.qualigraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #22, item 10: which vectors of a skill and which fusion raise recall on statements that paraphrase ESCO's
 * labels. Every variant is measured in memory (exact cosine over every skill's vectors, the words ranking from the
 * product's full-text index) on the TUNING part; the best variant there is named by a fixed rule (MRR, then recall@10),
 * and the held-out figures of every variant are printed beside it for transparency only. Variants:
 * <ul>
 *   <li>the text of the skill: preferred label (L), label + description (LD), each alternative label (A, a skill
 *       scored by its best label: max over L and its alternative labels), and max / sums of these;</li>
 *   <li>the model: quantised all-MiniLM-L6-v2 (shipped) and the full-precision one;</li>
 *   <li>the fusion with the words ranking: k and the words weight;</li>
 *   <li>query expansion: the statement's first clause (its verb and object) encoded as a second query vector.</li>
 * </ul>
 * Vectors are cached in target/suggestion-lab so that a second run does not encode the release again.
 */
class SuggestionTuningBenchmark extends IntegrationTest {

    @Autowired
    EscoService esco;
    @Autowired
    SkillSuggestions suggestions;
    @Autowired
    Driver driver;
    @Autowired
    SentenceEncoder quantised;

    private final List<String> uris = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final List<String> labelDescriptions = new ArrayList<>();
    private final List<String> alts = new ArrayList<>();
    private final List<Integer> altOwner = new ArrayList<>();

    @Test
    void variantsOnTheTuningPart() throws IOException {
        var out = new RawOutput("suggestion-tuning", "qmvn -B -ntp -o -Pbench test -Dtest=SuggestionTuningBenchmark");
        EscoTestData.ensureLoaded(esco);
        try (var session = driver.session()) {
            session.run("""
                    MATCH (n:EscoSkill) WHERE n.escoVersion IS NOT NULL AND coalesce(n.obsolete, false) = false
                      AND NOT n:EscoSkillGroup
                    RETURN n.uri AS uri, n.label AS label, n.description AS description, n.searchText AS alt ORDER BY n.uri
                    """).list().forEach(r -> {
                        int i = uris.size();
                        uris.add(r.get("uri").asString());
                        String label = r.get("label").asString("");
                        String description = r.get("description").asString("");
                        labels.add(label);
                        labelDescriptions.add(description.isBlank() ? label : label + ". " + description.strip());
                        for (String a : r.get("alt").asString("").split("\n")) {
                            if (!a.isBlank() && !a.strip().equalsIgnoreCase(label)) {
                                alts.add(a.strip());
                                altOwner.add(i);
                            }
                        }
                    });
        }
        out.line("skills " + uris.size() + ", alternative labels " + alts.size());
        var cases = SuggestionEvaluation.cases();
        var tuning = SuggestionEvaluation.tuning();
        var heldOut = SuggestionEvaluation.heldOut();
        Map<String, List<String>> words = new HashMap<>();
        for (var c : cases) {
            words.put(c.statement(), SuggestionLab.words(suggestions, c.statement(), 60));
        }

        var full = SuggestionLab.encoder("all-minilm-l6-v2", AllMiniLmL6V2EmbeddingModel::new);
        for (var model : List.of(quantised, full)) {
            var L = vectors(out, model, "label", labels);
            var LD = vectors(out, model, "label-description", labelDescriptions);
            var A = vectors(out, model, "alt", alts);
            // per statement, per skill: cosine to L, LD and the best alternative label
            Map<String, double[][]> sims = new HashMap<>();
            Map<String, double[][]> simsClause = new HashMap<>();
            for (var c : cases) {
                sims.put(c.statement(), similarities(model.encode(c.statement()), L, LD, A));
                String clause = clause(c.statement());
                simsClause.put(c.statement(), clause.equals(c.statement()) ? sims.get(c.statement())
                        : similarities(model.encode(clause), L, LD, A));
            }
            Map<String, Scorer> scorers = new LinkedHashMap<>();
            scorers.put("LD", s -> s[1]);
            scorers.put("L", s -> s[0]);
            scorers.put("max(L,A)", s -> Math.max(s[0], s[2]));
            scorers.put("max(L,LD,A)", s -> Math.max(s[1], Math.max(s[0], s[2])));
            scorers.put("max(L,A)+0.5 LD", s -> Math.max(s[0], s[2]) + 0.5 * s[1]);
            scorers.put("max(L,A)+LD", s -> Math.max(s[0], s[2]) + s[1]);
            scorers.put("max(L,A)+2 LD", s -> Math.max(s[0], s[2]) + 2 * s[1]);
            scorers.put("L+LD", s -> s[0] + s[1]);
            out.line("");
            out.line("model " + model.model() + ": meaning only (exact cosine), TUNING part, then HELD-OUT:");
            out.line("| variant | part | statements | recall@1 | recall@5 | recall@10 | MRR |");
            out.line("|---|---|---|---|---|---|---|");
            for (var e : scorers.entrySet()) {
                for (boolean clause : new boolean[] {false, true}) {
                    String name = e.getKey() + (clause ? " + first-clause query (max)" : "");
                    Function<String, List<String>> ranking = text -> top(meaning(sims.get(text), clause ? simsClause.get(text) : null, e.getValue()), 10);
                    row(out, name, tuning, heldOut, ranking);
                }
            }
            out.line("");
            out.line("model " + model.model() + ": hybrid (weighted RRF with the words ranking, 60 candidates each); per meaning "
                    + "variant the best k and words weight on TUNING (by MRR, then recall@10), and the same setting on HELD-OUT:");
            out.line("| variant | part | statements | recall@1 | recall@5 | recall@10 | MRR |");
            out.line("|---|---|---|---|---|---|---|");
            String bestName = null;
            SuggestionEvaluation.Metrics best = null;
            SuggestionEvaluation.Metrics bestHeld = null;
            for (var e : scorers.entrySet()) {
                for (boolean clause : new boolean[] {false, true}) {
                    Map<String, List<String>> byMeaning = new HashMap<>();
                    for (var c : cases) {
                        byMeaning.put(c.statement(), top(meaning(sims.get(c.statement()),
                                clause ? simsClause.get(c.statement()) : null, e.getValue()), 60));
                    }
                    String bn = null;
                    SuggestionEvaluation.Metrics bm = null;
                    Function<String, List<String>> br = null;
                    for (int k : new int[] {5, 10, 20, 40, 60}) {
                        for (double w : new double[] {0.25, 0.5, 0.75, 1.0}) {
                            String name = e.getKey() + (clause ? " + clause" : "") + ", k=" + k + ", words " + w;
                            Function<String, List<String>> ranking = text -> fuse(byMeaning.get(text), words.get(text), k, w);
                            var m = SuggestionEvaluation.measure(name, tuning, ranking);
                            if (bm == null || better(m, bm)) {
                                bm = m;
                                bn = name;
                                br = ranking;
                            }
                        }
                    }
                    out.line(bm.row().replaceFirst("\\| \\d+ \\|", "| tune | " + bm.cases() + " |"));
                    var hm = SuggestionEvaluation.measure(bn, heldOut, br);
                    out.line(hm.row().replaceFirst("\\| \\d+ \\|", "| held-out | " + hm.cases() + " |"));
                    if (best == null || better(bm, best)) {
                        best = bm;
                        bestName = bn;
                        bestHeld = hm;
                    }
                }
            }
            out.line("best hybrid on TUNING for " + model.model() + ": " + bestName + " (tune MRR "
                    + String.format(Locale.ROOT, "%.3f, recall@10 %.2f; held-out MRR %.3f, recall@10 %.2f)", best.mrr(),
                    best.recallAt10(), bestHeld.mrr(), bestHeld.recallAt10()));
        }
        out.line("uptime: " + uptime());
        System.out.println("raw output: " + out.write());
    }

    private static boolean better(SuggestionEvaluation.Metrics m, SuggestionEvaluation.Metrics than) {
        return m.mrr() > than.mrr() + 1e-9 || Math.abs(m.mrr() - than.mrr()) < 1e-9 && m.recallAt10() > than.recallAt10();
    }

    interface Scorer {
        double score(double[] s);
    }

    /** The statement's first clause: up to the first comma or a word that starts a qualifier ("using", "according to" …). */
    static String clause(String statement) {
        String s = statement;
        for (String cut : new String[] {",", ";", " using ", " according to ", " in line with ", " following ", " so that ",
                " in order to ", " while ", " with the help of ", " by means of "}) {
            int i = s.indexOf(cut);
            if (i > 10) {
                s = s.substring(0, i);
            }
        }
        return s.strip();
    }

    private void row(RawOutput out, String name, List<SuggestionEvaluation.Case> tuning, List<SuggestionEvaluation.Case> heldOut,
                     Function<String, List<String>> ranking) {
        var t = SuggestionEvaluation.measure(name, tuning, ranking);
        var h = SuggestionEvaluation.measure(name, heldOut, ranking);
        out.line(t.row().replaceFirst("\\| \\d+ \\|", "| tune | " + t.cases() + " |"));
        out.line(h.row().replaceFirst("\\| \\d+ \\|", "| held-out | " + h.cases() + " |"));
    }

    private double[][] similarities(float[] q, List<float[]> L, List<float[]> LD, List<float[]> A) {
        double[][] s = new double[uris.size()][3];
        for (int i = 0; i < uris.size(); i++) {
            s[i][0] = SentenceEncoder.cosine(q, L.get(i));
            s[i][1] = SentenceEncoder.cosine(q, LD.get(i));
            s[i][2] = -1;
        }
        for (int j = 0; j < A.size(); j++) {
            double c = SentenceEncoder.cosine(q, A.get(j));
            int owner = altOwner.get(j);
            if (c > s[owner][2]) {
                s[owner][2] = c;
            }
        }
        return s;
    }

    private double[] meaning(double[][] sims, double[][] clause, Scorer scorer) {
        double[] scores = new double[uris.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = scorer.score(sims[i]);
            if (clause != null) {
                scores[i] = Math.max(scores[i], scorer.score(clause[i]));
            }
        }
        return scores;
    }

    private List<String> top(double[] scores, int n) {
        return IntStream.range(0, scores.length).boxed().sorted(Comparator.comparingDouble((Integer i) -> -scores[i]))
                .limit(n).map(uris::get).toList();
    }

    static List<String> fuse(List<String> byMeaning, List<String> byWords, int k, double wordsWeight) {
        var scores = new LinkedHashMap<String, Double>();
        for (int i = 0; i < byMeaning.size(); i++) {
            scores.merge(byMeaning.get(i), 1.0 / (k + i + 1), Double::sum);
        }
        for (int i = 0; i < byWords.size(); i++) {
            scores.merge(byWords.get(i), wordsWeight / (k + i + 1), Double::sum);
        }
        return scores.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(10)
                .map(Map.Entry::getKey).toList();
    }

    /** The vectors of the texts, from the cache in target/suggestion-lab when it holds them for exactly these texts. */
    private List<float[]> vectors(RawOutput out, SentenceEncoder model, String name, List<String> texts) throws IOException {
        Path file = Path.of("target", "suggestion-lab", model.model() + "-" + name + "-" + texts.size() + "-"
                + Integer.toHexString(texts.hashCode()) + ".bin");
        if (Files.isRegularFile(file)) {
            try (var in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
                var result = new ArrayList<float[]>(texts.size());
                for (int i = 0; i < texts.size(); i++) {
                    float[] v = new float[in.readInt()];
                    for (int d = 0; d < v.length; d++) {
                        v[d] = in.readFloat();
                    }
                    result.add(v);
                }
                out.line("vectors " + model.model() + " " + name + ": " + texts.size() + " from the cache");
                return result;
            }
        }
        long start = System.nanoTime();
        var result = new ArrayList<float[]>(texts.size());
        for (int from = 0; from < texts.size(); from += 256) {
            result.addAll(model.encodeAll(texts.subList(from, Math.min(texts.size(), from + 256))));
        }
        out.line(String.format(Locale.ROOT, "vectors %s %s: %d encoded in %.0f s (encodeAll, two threads)", model.model(), name,
                texts.size(), (System.nanoTime() - start) / 1e9));
        Files.createDirectories(file.getParent());
        try (var o = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            for (float[] v : result) {
                o.writeInt(v.length);
                for (float f : v) {
                    o.writeFloat(f);
                }
            }
        }
        return result;
    }

    private static String uptime() {
        try {
            return new String(new ProcessBuilder("uptime").start().getInputStream().readAllBytes()).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
