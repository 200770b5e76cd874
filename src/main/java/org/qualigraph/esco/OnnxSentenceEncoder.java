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

/**
 * A small sentence model run in-process by ONNX Runtime: no network, no external service. Two are shipped
 * ({@link SentenceModels}): all-MiniLM-L6-v2 for comparing statements with statements (near-duplicate outcomes,
 * recognition between qualifications), and bge-small-en-v1.5, a model trained for retrieval, for finding ESCO skills
 * for a statement: on the held-out statements it ranks a correct skill in the first ten for 83 of 100 against 76 with
 * MiniLM (docs/benchmarks.md, "Skills by meaning, held out"). A retrieval model reads the searching side with an
 * instruction ({@link #encodeQuery}); the texts searched (skills) are encoded as they are.
 * <p>
 * A model takes a second or two to load, so it is loaded in the background once the application is ready, never on
 * the start-up path; a call that needs it earlier waits for that load (or loads it, when nothing started one). Both
 * are the quantised variants: the same recall within noise as full precision, a faster encoder and a smaller jar.
 *
 * <p>CPU use is bounded: the ONNX session computes on the calling thread only (one intra-op thread, no spinning
 * thread pool, which by default takes every core and spins between calls), interactive calls with many texts spread
 * over at most two encoder threads, and background jobs encode on their own single thread
 * ({@link #encodeAllInBackground}). The tokenizer library (DJL) is kept offline: it neither downloads native libraries
 * nor reports usage (its telemetry probes cloud metadata endpoints).
 */
class OnnxSentenceEncoder implements SentenceEncoder, DisposableBean {

    static {
        // DJL: never download a missing native library, never send telemetry (a public-sector tool does not phone home)
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }

    /**
     * A model in the class path: its name (stored with every vector, so a change of model re-embeds), the base name of
     * its {@code .onnx} and {@code -tokenizer.json} resources, how token vectors become one, and the instruction put
     * before a query (empty for a model that reads both sides alike).
     */
    record Spec(String name, String resource, PoolingMode pooling, String queryInstruction) {
    }

    /** For statements against statements. */
    static final Spec STATEMENTS = new Spec("all-minilm-l6-v2-q", "all-minilm-l6-v2-q", PoolingMode.MEAN, "");
    /** For a statement against the ESCO skills (the instruction is the one the model was trained with). */
    static final Spec SKILL_RETRIEVAL = new Spec("bge-small-en-v1.5-q", "bge-small-en-v1.5-q", PoolingMode.CLS,
            "Represent this sentence for searching relevant passages: ");

    private static final Logger log = LoggerFactory.getLogger(OnnxSentenceEncoder.class);

    private final String model;
    private final String queryInstruction;
    private final Function<Executor, EmbeddingModel> factory;
    private final ExecutorService workers;
    private volatile EmbeddingModel loaded;

    OnnxSentenceEncoder(Spec spec) {
        this(spec.name(), spec.queryInstruction(), executor -> onOneThread(spec, executor));
    }

    /** For measuring another variant of a model (tests and benchmarks). */
    OnnxSentenceEncoder(String model, Function<Executor, EmbeddingModel> factory) {
        this(model, "", factory);
    }

    private OnnxSentenceEncoder(String model, String queryInstruction, Function<Executor, EmbeddingModel> factory) {
        this.model = model;
        this.queryInstruction = queryInstruction;
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
    public float[] encodeQuery(String text) {
        return encode(queryInstruction + text);
    }

    @Override
    public List<float[]> encodeQueries(List<String> texts) {
        return queryInstruction.isEmpty() ? encodeAll(texts) : encodeAll(texts.stream().map(t -> queryInstruction + t).toList());
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
     * The model of its langchain4j jar in an ONNX session that computes on the calling thread: one intra-op and one
     * inter-op thread, no spinning. (langchain4j's own classes open the session with ONNX Runtime's defaults.)
     */
    static EmbeddingModel onOneThread(Spec spec, Executor executor) {
        try (var options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            var environment = OrtEnvironment.getEnvironment();
            var session = environment.createSession(resource(spec.resource() + ".onnx"), options);
            try (InputStream tokenizer = OnnxSentenceEncoder.class.getClassLoader()
                    .getResourceAsStream(spec.resource() + "-tokenizer.json")) {
                if (tokenizer == null) {
                    throw new IllegalStateException(spec.resource() + "-tokenizer.json is not on the class path");
                }
                return new OneThreadModel(executor, new OnnxBertBiEncoder(environment, session, tokenizer, spec.pooling()));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not open the sentence model", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = OnnxSentenceEncoder.class.getClassLoader().getResourceAsStream(name)) {
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
