package org.qualigraph.esco;

import java.util.List;

/**
 * Turns a sentence into a vector whose cosine similarity to another sentence's vector says how close they are in
 * meaning. One small interface so that the in-process English model can be replaced (e.g. by a multilingual one)
 * without touching the search, the embedding job or the comparison; the model id is stored with every vector so a
 * change of model re-embeds everything.
 */
public interface SentenceEncoder {

    /** A stable name of the model and its text preparation; stored on embedded nodes. */
    String model();

    /**
     * The languages whose sentences the model places well (ISO 639-1 codes); statements in others get poor vectors,
     * which users are told. The default is English, the language of the in-process model's training data.
     */
    default java.util.Set<String> languages() {
        return java.util.Set.of("en");
    }

    /** Length of the vectors. */
    int dimensions();

    /** The unit-length vector of one text. */
    float[] encode(String text);

    /**
     * The vector of a text that searches (a statement looking for skills), to compare with vectors of the texts searched
     * ({@link #encode}). A retrieval model reads a query with its instruction; by default the same as {@link #encode}.
     */
    default float[] encodeQuery(String text) {
        return encode(text);
    }

    /** {@link #encodeQuery} of many texts, in order. */
    default List<float[]> encodeQueries(List<String> texts) {
        return encodeAll(texts);
    }

    /** The vectors of many texts, in order (may use more than one core). */
    List<float[]> encodeAll(List<String> texts);

    /**
     * The vectors of many texts for a background job: on the calling thread only, so a long job never occupies more
     * than the one thread it runs on. By default the same as {@link #encodeAll}.
     */
    default List<float[]> encodeAllInBackground(List<String> texts) {
        return encodeAll(texts);
    }

    /**
     * Whether the model is in memory. It is loaded in the background once the application is ready; until then a
     * caller that can do without meaning (skill suggestions) does, and one that cannot waits for the load.
     */
    default boolean loaded() {
        return true;
    }

    /** Cosine similarity of two unit-length vectors. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
