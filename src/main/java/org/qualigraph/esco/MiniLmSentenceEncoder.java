package org.qualigraph.esco;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * all-MiniLM-L6-v2 (quantised, 384 dimensions) run in-process by ONNX Runtime: no network, no external service. The
 * model is loaded on first use (about a second), so it costs nothing at start-up until someone asks for meaning.
 * The quantised variant was chosen over the full-precision one on the labelled set: the same recall within noise,
 * a faster encoder and 67 MB less in the jar (see docs/benchmarks.md, "Skills by meaning").
 */
@Component
class MiniLmSentenceEncoder implements SentenceEncoder, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MiniLmSentenceEncoder.class);
    static final String QUANTISED = "all-minilm-l6-v2-q";

    private final String model;
    private final Function<Executor, EmbeddingModel> factory;
    private final ExecutorService workers;
    private volatile EmbeddingModel loaded;

    MiniLmSentenceEncoder() {
        this(QUANTISED, AllMiniLmL6V2QuantizedEmbeddingModel::new);
    }

    /** For measuring another variant of the model (tests and benchmarks). */
    MiniLmSentenceEncoder(String model, Function<Executor, EmbeddingModel> factory) {
        this.model = model;
        this.factory = factory;
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "qualigraph-encoder");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public int dimensions() {
        return 384;
    }

    @Override
    public float[] encode(String text) {
        return embedding().embed(text).content().vector();
    }

    @Override
    public List<float[]> encodeAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        return embedding().embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> e.vector()).toList();
    }

    private EmbeddingModel embedding() {
        EmbeddingModel current = loaded;
        if (current == null) {
            synchronized (this) {
                current = loaded;
                if (current == null) {
                    long start = System.nanoTime();
                    current = factory.apply(workers);
                    loaded = current;
                    log.info("Sentence model {} loaded in {} ms", model, (System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
