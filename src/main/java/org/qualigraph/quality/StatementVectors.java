package org.qualigraph.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.qualigraph.esco.SentenceEncoder;

/**
 * Sentence vectors of outcome statements for rule LO-04, remembered by text: the editor re-checks a document after
 * every edit, and only the statement being typed needs a new vector (a few milliseconds) each time.
 */
final class StatementVectors implements Function<List<String>, List<float[]>> {

    private static final int KEPT = 20_000;

    private final SentenceEncoder encoder;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    StatementVectors(SentenceEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public List<float[]> apply(List<String> texts) {
        var missing = texts.stream().filter(t -> !cache.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            if (cache.size() + missing.size() > KEPT) {
                cache.clear();
            }
            List<float[]> vectors = encoder.encodeAll(missing);
            for (int i = 0; i < missing.size(); i++) {
                cache.put(missing.get(i), vectors.get(i));
            }
        }
        var result = new ArrayList<float[]>(texts.size());
        for (String text : texts) {
            float[] vector = cache.get(text);
            result.add(vector != null ? vector : encoder.encode(text));
        }
        return result;
    }
}
