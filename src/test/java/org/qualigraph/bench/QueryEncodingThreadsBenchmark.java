package org.qualigraph.bench;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.qualigraph.esco.SuggestionEvaluation;

/**
 * The one query a skill suggestion encodes (bge-small-en-v1.5-q with its instruction), on ONNX sessions with one intra-op
 * thread (shipped for everything), two without spinning (the interactive session of issue 21) and two with spinning
 * (for comparison only: a spinning pool holds a core between calls). In-process, no HTTP: does a second thread make one
 * short statement faster? Every distinct statement of the labelled set, three interleaved passes after a warm-up, then
 * one pass while another thread keeps the second core busy (as the words query does beside the encoding).
 * <p>
 * Run: {@code ./mvnw -B -ntp -Pbench test -Dtest=QueryEncodingThreadsBenchmark}.
 */
class QueryEncodingThreadsBenchmark {

    static final String COMMAND = "./mvnw -B -ntp -Pbench test -Dtest=QueryEncodingThreadsBenchmark";
    static final String MODEL = "bge-small-en-v1.5-q";
    static final String INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    @Test
    void oneQueryOnOneOrTwoThreads() throws Exception {
        var raw = new RawOutput("query-encoding-threads", COMMAND);
        List<String> queries = new ArrayList<>(new LinkedHashSet<>(SuggestionEvaluation.cases().stream()
                .map(c -> INSTRUCTION + c.statement()).toList()));
        List<String> names = List.of("1 thread", "2 threads, no spinning", "2 threads, spinning");
        List<EmbeddingModel> sessions = List.of(session(1, false), session(2, false), session(2, true));
        for (EmbeddingModel session : sessions) {
            for (int i = 0; i < 60; i++) {
                session.embed(queries.get(i % queries.size()));
            }
        }
        raw.line(queries.size() + " distinct statements of the labelled set as queries; 60 unmeasured calls per session first");
        var passes = new ArrayList<List<RawOutput.Series>>();
        for (int pass = 0; pass < 3; pass++) {
            var row = new ArrayList<RawOutput.Series>();
            for (EmbeddingModel session : sessions) {
                row.add(time(session, queries));
            }
            passes.add(row);
        }
        var busyRow = new ArrayList<RawOutput.Series>();
        Thread busy = new Thread(() -> {
            long x = 0;
            while (!Thread.currentThread().isInterrupted()) {
                x += System.nanoTime() & 7;
            }
        }, "busy");
        busy.setDaemon(true);
        busy.start();
        try {
            for (EmbeddingModel session : sessions) {
                busyRow.add(time(session, queries));
            }
        } finally {
            busy.interrupt();
        }
        var section = new ArrayList<String>();
        section.add("In-process, no HTTP: ONNX Runtime sessions of " + MODEL + " encoding each of " + queries.size()
                + " distinct statements of the labelled set as a query; three interleaved passes, then one with another "
                + "thread keeping the second core busy. Raw output: see below.");
        section.add("");
        section.add("| pass | " + String.join(" | ", names) + " |");
        section.add("|---|---|---|---|");
        for (int pass = 0; pass < passes.size(); pass++) {
            section.add(row("pass " + (pass + 1), passes.get(pass)));
        }
        section.add(row("other core busy", busyRow));
        section.add("");
        section.add("Each cell: mean / p50 / p95 ms per query.");
        section.forEach(raw::line);
        var file = raw.write();
        section.add("");
        section.add("Raw output and load averages: `" + file + "`.");
        BenchReport.append("Encoding one query on one or two ONNX threads (raw: " + file.getFileName() + ")", section);
    }

    private static String row(String name, List<RawOutput.Series> series) {
        var cells = new ArrayList<String>();
        for (RawOutput.Series s : series) {
            cells.add(String.format(Locale.ROOT, "%.2f / %.2f / %.2f", s.mean(), s.percentile(0.5), s.percentile(0.95)));
        }
        return "| " + name + " | " + String.join(" | ", cells) + " |";
    }

    private static RawOutput.Series time(EmbeddingModel session, List<String> queries) {
        var series = new RawOutput.Series();
        for (String query : queries) {
            long start = System.nanoTime();
            session.embed(query);
            series.add(System.nanoTime() - start, 200);
        }
        return series;
    }

    /** The product's session options (OnnxSentenceEncoder.onThreads) with the given threads and spinning. */
    private static EmbeddingModel session(int intraOpThreads, boolean spinning) throws Exception {
        try (var options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", spinning ? "1" : "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            var environment = OrtEnvironment.getEnvironment();
            byte[] model;
            try (InputStream in = QueryEncodingThreadsBenchmark.class.getClassLoader().getResourceAsStream(MODEL + ".onnx")) {
                model = in.readAllBytes();
            }
            var session = environment.createSession(model, options);
            try (InputStream tokenizer = QueryEncodingThreadsBenchmark.class.getClassLoader()
                    .getResourceAsStream(MODEL + "-tokenizer.json")) {
                var encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
                return new AbstractInProcessEmbeddingModel(Runnable::run) {
                    @Override
                    protected OnnxBertBiEncoder model() {
                        return encoder;
                    }

                    @Override
                    protected Integer knownDimension() {
                        return 384;
                    }
                };
            }
        }
    }
}
