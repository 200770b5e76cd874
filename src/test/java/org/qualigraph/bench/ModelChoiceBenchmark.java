package org.qualigraph.bench;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qualigraph.esco.EscoService;
import org.qualigraph.esco.SkillSuggestions;
import org.qualigraph.esco.SuggestionEvaluation;
import org.qualigraph.esco.SuggestionLab;
import org.qualigraph.support.EscoTestData;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.SharedData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #22, item 10: would a retrieval-trained model of the same size raise recall by meaning? Three quantised
 * 384-dimension encoders run over the same text of every ESCO v1.1.1 skill (label and description, as shipped) and are
 * ranked by exact cosine, meaning only (no words ranking, no fusion): all-MiniLM-L6-v2 (shipped), bge-small-en-v1.5
 * (with and without its query instruction) and e5-small-v2 (with its "query: "/"passage: " prefixes). Figures on the
 * tuning and the held-out part of the labelled set; vectors cached in target/model-choice. Then each model in the
 * hybrid as the product ranks (weighted reciprocal-rank fusion with the product's words ranking from its full-text
 * index, 60 candidates each): the shipped fusion setting, and the best setting on the TUNING part applied to the
 * held-out part.
 */
class ModelChoiceBenchmark extends IntegrationTest {

    @Autowired
    EscoService esco;
    @Autowired
    SkillSuggestions suggestions;

    private record Model(String name, String resource, PoolingMode pooling, String queryPrefix, String passagePrefix) {
    }

    private static final List<Model> MODELS = List.of(
            new Model("all-minilm-l6-v2-q", "all-minilm-l6-v2-q", PoolingMode.MEAN, "", ""),
            new Model("bge-small-en-v1.5-q (instruction)", "bge-small-en-v1.5-q", PoolingMode.CLS,
                    "Represent this sentence for searching relevant passages: ", ""),
            new Model("bge-small-en-v1.5-q (plain)", "bge-small-en-v1.5-q", PoolingMode.CLS, "", ""),
            new Model("e5-small-v2-q (prefixes)", "e5-small-v2-q", PoolingMode.MEAN, "query: ", "passage: "));

    @Test
    void compareModels() throws Exception {
        Path escoDir = SharedData.requireEsco();
        var uris = new ArrayList<String>();
        var texts = new ArrayList<String>();
        try (var zip = new ZipFile(escoDir.resolve("esco-v1.1.1-classification-en-csv.zip").toFile());
             var reader = new InputStreamReader(zip.getInputStream(zip.getEntry("skills_en.csv")), StandardCharsets.UTF_8);
             var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord r : parser) {
                String label = r.get("preferredLabel").strip();
                String description = r.get("description").strip();
                uris.add(r.get("conceptUri"));
                texts.add(description.isEmpty() ? label : label + ". " + description);
            }
        }
        EscoTestData.ensureLoaded(esco);
        Map<String, List<String>> words = new HashMap<>();
        for (var c : SuggestionEvaluation.cases()) {
            words.put(c.statement(), SuggestionLab.words(suggestions, c.statement(), 60));
        }
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "ESCO v1.1.1 skills: %d; tuning %d, held-out %d statements; %d cores; load %s%n",
                uris.size(), SuggestionEvaluation.tuning().size(), SuggestionEvaluation.heldOut().size(),
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).strip()));
        for (Model model : MODELS) {
            var encoder = encoder(model.resource(), model.pooling());
            long start = System.nanoTime();
            float[][] vectors = skillVectors(model, encoder, texts);
            double seconds = (System.nanoTime() - start) / 1e9;
            for (var part : List.of(SuggestionEvaluation.tuning(), SuggestionEvaluation.heldOut())) {
                var metrics = SuggestionEvaluation.measure(model.name() + " " + part.get(0).part(), part, statement -> {
                    float[] q = normalised(encoder.embed(model.queryPrefix() + statement).content().vector());
                    double[] scores = new double[vectors.length];
                    for (int i = 0; i < vectors.length; i++) {
                        scores[i] = dot(q, vectors[i]);
                    }
                    return IntStream.range(0, vectors.length).boxed()
                            .sorted((a, b) -> Double.compare(scores[b], scores[a])).limit(10).map(uris::get).toList();
                });
                out.append(metrics.row()).append(String.format(Locale.ROOT, " | skills encoded in %.1f s%n", seconds));
            }
            Map<String, List<String>> byMeaning = new HashMap<>();
            for (var c : SuggestionEvaluation.cases()) {
                float[] q = normalised(encoder.embed(model.queryPrefix() + c.statement()).content().vector());
                double[] scores = new double[vectors.length];
                for (int i = 0; i < vectors.length; i++) {
                    scores[i] = dot(q, vectors[i]);
                }
                byMeaning.put(c.statement(), IntStream.range(0, vectors.length).boxed()
                        .sorted((a, b) -> Double.compare(scores[b], scores[a])).limit(60).map(uris::get).toList());
            }
            var shipped = SkillSuggestions.Fusion.DEFAULT;
            for (var part : List.of(SuggestionEvaluation.tuning(), SuggestionEvaluation.heldOut())) {
                out.append(SuggestionEvaluation.measure(model.name() + " hybrid k=" + shipped.k() + " words " + shipped.wordsWeight()
                        + " (shipped setting) " + part.get(0).part(), part, text -> SuggestionTuningBenchmark.fuse(
                        byMeaning.get(text), words.get(text), shipped.k(), shipped.wordsWeight())).row()).append('\n');
            }
            SuggestionEvaluation.Metrics best = null;
            int bestK = 0;
            double bestW = 0;
            for (int k : new int[] {5, 10, 20, 40, 60}) {
                for (double w : new double[] {0.25, 0.5, 0.75, 1.0}) {
                    var m = SuggestionEvaluation.measure("tune", SuggestionEvaluation.tuning(),
                            text -> SuggestionTuningBenchmark.fuse(byMeaning.get(text), words.get(text), k, w));
                    if (best == null || m.mrr() > best.mrr() + 1e-9
                            || Math.abs(m.mrr() - best.mrr()) < 1e-9 && m.recallAt10() > best.recallAt10()) {
                        best = m;
                        bestK = k;
                        bestW = w;
                    }
                }
            }
            int k = bestK;
            double w = bestW;
            for (var part : List.of(SuggestionEvaluation.tuning(), SuggestionEvaluation.heldOut())) {
                out.append(SuggestionEvaluation.measure(model.name() + " hybrid k=" + k + " words " + w + " (best on tuning) "
                        + part.get(0).part(), part, text -> SuggestionTuningBenchmark.fuse(byMeaning.get(text),
                        words.get(text), k, w)).row()).append('\n');
            }
        }
        out.append("load after: ").append(Files.readString(Path.of("/proc/loadavg")).strip()).append('\n');
        System.out.println(out);
        Path report = Path.of("target/model-choice/report.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, out.toString());
    }

    private static float[][] skillVectors(Model model, EmbeddingModel encoder, List<String> texts) throws Exception {
        Path cache = Path.of("target/model-choice", model.resource() + "-" + (model.passagePrefix().isEmpty() ? "plain" : "prefixed") + ".bin");
        if (Files.isRegularFile(cache)) {
            try (var in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(cache)))) {
                int n = in.readInt();
                int d = in.readInt();
                if (n == texts.size()) {
                    float[][] vectors = new float[n][d];
                    for (float[] v : vectors) {
                        for (int j = 0; j < d; j++) {
                            v[j] = in.readFloat();
                        }
                    }
                    return vectors;
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            var futures = new ArrayList<Future<float[]>>();
            for (String text : texts) {
                futures.add(pool.submit(() -> normalised(encoder.embed(model.passagePrefix() + text).content().vector())));
            }
            float[][] vectors = new float[texts.size()][];
            for (int i = 0; i < vectors.length; i++) {
                vectors[i] = futures.get(i).get();
            }
            Files.createDirectories(cache.getParent());
            try (var out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(cache)))) {
                out.writeInt(vectors.length);
                out.writeInt(vectors[0].length);
                for (float[] v : vectors) {
                    for (float x : v) {
                        out.writeFloat(x);
                    }
                }
            }
            return vectors;
        } finally {
            pool.shutdownNow();
        }
    }

    private static EmbeddingModel encoder(String resource, PoolingMode pooling) throws Exception {
        try (var options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            var environment = OrtEnvironment.getEnvironment();
            byte[] onnx;
            try (InputStream in = ModelChoiceBenchmark.class.getClassLoader().getResourceAsStream(resource + ".onnx")) {
                onnx = in.readAllBytes();
            }
            var session = environment.createSession(onnx, options);
            try (InputStream tokenizer = ModelChoiceBenchmark.class.getClassLoader().getResourceAsStream(resource + "-tokenizer.json")) {
                var bert = new OnnxBertBiEncoder(environment, session, tokenizer, pooling);
                return new AbstractInProcessEmbeddingModel(Runnable::run) {
                    @Override
                    protected OnnxBertBiEncoder model() {
                        return bert;
                    }
                };
            }
        }
    }

    private static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
