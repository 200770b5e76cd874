package org.qualigraph.esco;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * all-MiniLM-L6-v2 (quantised, 384 dimensions) run in-process by ONNX Runtime: no network, no external service. The
 * model takes a second or two to load, so it is loaded in the background once the application is ready, never on the
 * start-up path; a call that needs it earlier waits for that load (or loads it, when nothing started one).
 * The quantised variant was chosen over the full-precision one on the labelled set: the same recall within noise,
 * a faster encoder and 67 MB less in the jar (see docs/benchmarks.md, "Skills by meaning").
 *
 * <p>CPU use is bounded: the ONNX session computes on the calling thread only (one intra-op thread, no spinning
 * thread pool, which by default takes every core and spins between calls), interactive calls with many texts spread
 * over at most two encoder threads, and background jobs encode on their own single thread
 * ({@link #encodeAllInBackground}). The tokenizer library (DJL) is kept offline: it neither downloads native libraries
 * nor reports usage (its telemetry probes cloud metadata endpoints).
 */
@Component
class MiniLmSentenceEncoder implements SentenceEncoder, DisposableBean {

    static {
        // DJL: never download a missing native library, never send telemetry (a public-sector tool does not phone home)
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(MiniLmSentenceEncoder.class);
    static final String QUANTISED = "all-minilm-l6-v2-q";

    private final String model;
    private final Function<Executor, EmbeddingModel> factory;
    private final ExecutorService workers;
    private volatile EmbeddingModel loaded;

    MiniLmSentenceEncoder() {
        this(QUANTISED, MiniLmSentenceEncoder::quantisedOnOneThread);
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

    @Override
    public List<float[]> encodeAllInBackground(List<String> texts) {
        EmbeddingModel embedding = embedding();
        var vectors = new ArrayList<float[]>(texts.size());
        for (String text : texts) {
            vectors.add(embedding.embed(text).content().vector());
        }
        return vectors;
    }

    @Override
    public boolean loaded() {
        return loaded != null;
    }

    /** Loads the model off the start-up path: the application answers while it loads. */
    @EventListener(ApplicationReadyEvent.class)
    void loadInBackground() {
        Thread thread = new Thread(() -> {
            try {
                embedding();
            } catch (RuntimeException | LinkageError e) {
                log.warn("Sentence model {} could not be loaded; suggestions use words only", model, e);
            }
        }, "qualigraph-encoder-load");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
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

    /**
     * The quantised model of langchain4j's jar in an ONNX session that computes on the calling thread: one intra-op
     * and one inter-op thread, no spinning. (langchain4j's own class opens the session with ONNX Runtime's defaults.)
     */
    static EmbeddingModel quantisedOnOneThread(Executor executor) {
        try (var options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            var environment = OrtEnvironment.getEnvironment();
            var session = environment.createSession(resource("all-minilm-l6-v2-q.onnx"), options);
            try (InputStream tokenizer = MiniLmSentenceEncoder.class.getClassLoader()
                    .getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
                if (tokenizer == null) {
                    throw new IllegalStateException("all-minilm-l6-v2-q-tokenizer.json is not on the class path");
                }
                return new OneThreadModel(executor, new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not open the sentence model", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = MiniLmSentenceEncoder.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return in.readAllBytes();
        }
    }

    /** langchain4j's in-process model around our own session. */
    private static final class OneThreadModel extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        OneThreadModel(Executor executor, OnnxBertBiEncoder encoder) {
            super(executor);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }
}
