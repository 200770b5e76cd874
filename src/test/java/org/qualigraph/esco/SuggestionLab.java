package org.qualigraph.esco;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.neo4j.driver.Driver;

/**
 * For the benchmark: meaning-only recall of other choices than the shipped ones (which text of a skill to embed, which
 * model variant) without rewriting the graph, by encoding every loaded skill into memory and ranking by exact cosine.
 */
public final class SuggestionLab {

    /** The measures and the time it took to encode every skill. */
    public record Result(SuggestionEvaluation.Metrics metrics, double seconds) {
    }

    private final Driver driver;
    private final org.qualigraph.base.graph.Graph graph;

    public SuggestionLab(Driver driver, org.qualigraph.base.graph.Graph graph) {
        this.driver = driver;
        this.graph = graph;
    }

    /** The product's words ranking (full-text index) of a statement, for benchmarks outside this package. */
    public static List<String> words(SkillSuggestions suggestions, String text, int limit) {
        return suggestions.words(text, limit);
    }

    /** An encoder for another model variant, e.g. the full-precision all-MiniLM-L6-v2. */
    public static SentenceEncoder encoder(String model, Function<Executor, EmbeddingModel> factory) {
        return new OnnxSentenceEncoder(model, factory);
    }

    public Result measure(String name, List<SuggestionEvaluation.Case> cases, SentenceEncoder encoder, EscoEmbeddings.Text text) {
        var texts = new EscoEmbeddings(graph, encoder, null, text);
        var uris = new ArrayList<String>();
        var contents = new ArrayList<String>();
        try (var session = driver.session()) {
            session.run("""
                    MATCH (n:EscoSkill) WHERE n.escoVersion IS NOT NULL AND coalesce(n.obsolete, false) = false
                      AND NOT n:EscoSkillGroup
                    RETURN n.uri AS uri, n.label AS label, n.description AS description, n.searchText AS alt
                    """).list().forEach(r -> {
                        uris.add(r.get("uri").asString());
                        contents.add(texts.text(r.get("label").asString(""), r.get("description").asString(""), r.get("alt").asString("")));
                    });
        }
        long start = System.nanoTime();
        var vectors = new ArrayList<float[]>();
        for (int from = 0; from < contents.size(); from += 256) {
            vectors.addAll(encoder.encodeAll(contents.subList(from, Math.min(contents.size(), from + 256))));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        var metrics = SuggestionEvaluation.measure(name, cases, statement -> {
            float[] q = encoder.encode(statement);
            double[] scores = new double[vectors.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = SentenceEncoder.cosine(q, vectors.get(i));
            }
            return IntStream.range(0, vectors.size()).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]))
                    .limit(10).map(uris::get).toList();
        });
        return new Result(metrics, seconds);
    }
}
