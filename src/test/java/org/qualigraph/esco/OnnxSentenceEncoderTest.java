package org.qualigraph.esco;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shipped encoders: not loaded until asked (start-up does not pay for it), loaded by the background load that the
 * application starts when it is ready, the same vectors from the background path (one thread) as from the interactive
 * one, and the tokenizer library kept offline (no downloads, no telemetry). The skill model's second session for single
 * queries: what it is used for, that nobody waits for it, and that it gives the one-thread session's vectors to the bit.
 */
class OnnxSentenceEncoderTest {

    @Test
    void loadsInTheBackgroundAndEncodesTheSameOnEveryPath() throws Exception {
        var encoder = new OnnxSentenceEncoder(OnnxSentenceEncoder.STATEMENTS);
        try {
            assertThat(encoder.loaded()).as("nothing loads the model on construction").isFalse();
            assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
            assertThat(System.getProperty("OPT_OUT_TRACKING")).isEqualTo("true");

            encoder.loadInBackground();
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!encoder.loaded() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(encoder.loaded()).as("loaded by the background load").isTrue();

            var texts = List.of("mount photovoltaic panels", "Fit PV modules to pitched roofs", "bake bread");
            List<float[]> interactive = encoder.encodeAll(texts);
            List<float[]> background = encoder.encodeAllInBackground(texts);
            assertThat(background).hasSize(3);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(background.get(i)).hasSize(384);
                assertThat(SentenceEncoder.cosine(interactive.get(i), background.get(i))).isGreaterThan(0.9999);
            }
            assertThat(SentenceEncoder.cosine(background.get(0), background.get(1)))
                    .as("close in meaning").isGreaterThan(SentenceEncoder.cosine(background.get(0), background.get(2)));
        } finally {
            encoder.destroy();
        }
    }

    @Test
    void theSkillModelReadsAQueryWithItsInstructionAndRanksTheSkillItMeansFirst() throws Exception {
        var encoder = new OnnxSentenceEncoder(OnnxSentenceEncoder.SKILL_RETRIEVAL);
        try {
            assertThat(encoder.model()).isEqualTo("bge-small-en-v1.5-q");
            String statement = "Fit PV modules to pitched roofs following the mounting instructions";
            float[] query = encoder.encodeQuery(statement);
            float[] plain = encoder.encode(statement);
            assertThat(query).hasSize(384);
            assertThat(SentenceEncoder.cosine(query, plain)).as("the instruction changes the query's vector").isLessThan(0.99);
            assertThat(SentenceEncoder.cosine(encoder.encodeQueries(List.of(statement)).get(0), query)).isGreaterThan(0.9999);

            var skills = encoder.encodeAll(List.of(
                    "install solar panels. Install systems that produce electrical energy through solar panels.",
                    "bake bread. Prepare and bake bread products.",
                    "maintain roof. Carry out repairs of roofs and remove debris."));
            assertThat(SentenceEncoder.cosine(query, skills.get(0)))
                    .as("solar panels before baking and roof maintenance")
                    .isGreaterThan(SentenceEncoder.cosine(query, skills.get(1)))
                    .isGreaterThan(SentenceEncoder.cosine(query, skills.get(2)));
        } finally {
            encoder.destroy();
        }
    }

    /**
     * The interactive session on two intra-op threads gives, for every distinct statement of the labelled set (as a
     * query, with the model's instruction), exactly the bits of the one-thread session: so suggestions, the evaluation's
     * figures and the stored vectors' comparisons do not depend on which session encoded a statement.
     */
    @Test
    void theTwoThreadSessionEncodesEveryLabelledStatementToTheOneThreadSessionsBits() throws IOException {
        var spec = OnnxSentenceEncoder.SKILL_RETRIEVAL;
        List<String> queries = new ArrayList<>(new LinkedHashSet<>(SuggestionEvaluation.cases().stream()
                .map(c -> spec.queryInstruction() + c.statement()).toList()));
        assertThat(queries).hasSizeGreaterThanOrEqualTo(150);

        long rssBefore = residentKiB();
        EmbeddingModel one = OnnxSentenceEncoder.onOneThread(spec, Runnable::run);
        one.embed(queries.get(0));
        long rssOne = residentKiB();
        EmbeddingModel two = OnnxSentenceEncoder.onThreads(spec, Runnable::run, 2);
        two.embed(queries.get(0));
        long rssTwo = residentKiB();

        var different = new ArrayList<String>();
        double largest = 0;
        long oneNanos = 0;
        long twoNanos = 0;
        for (String query : queries) {
            long start = System.nanoTime();
            float[] a = one.embed(query).content().vector();
            long middle = System.nanoTime();
            float[] b = two.embed(query).content().vector();
            twoNanos += System.nanoTime() - middle;
            oneNanos += middle - start;
            assertThat(b).hasSize(384);
            if (!Arrays.equals(a, b)) {
                different.add(query);
                for (int i = 0; i < a.length; i++) {
                    largest = Math.max(largest, Math.abs(a[i] - b[i]));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d statements: one thread %.1f ms, two threads %.1f ms per query; resident memory "
                        + "+%d MiB with the first session, +%d MiB with the second%n", queries.size(),
                oneNanos / 1e6 / queries.size(), twoNanos / 1e6 / queries.size(), (rssOne - rssBefore) / 1024,
                (rssTwo - rssOne) / 1024);
        assertThat(different).as("statements whose two vectors differ (largest difference of a component %s)", largest)
                .isEmpty();
    }

    /**
     * Only one query of one text goes to the interactive session; until it is loaded (here: held back) that query uses
     * the one-thread session without waiting, and batches, background jobs and {@link SentenceEncoder#encode} always do.
     */
    @Test
    void onlyASingleQueryUsesTheInteractiveSessionAndNobodyWaitsForIt() throws Exception {
        var oneThread = new Recording(1);
        var interactive = new Recording(2);
        var release = new CountDownLatch(1);
        var encoder = new OnnxSentenceEncoder("fake", "query: ", executor -> oneThread, executor -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return interactive;
        });
        try {
            assertThat(encoder.loaded()).isFalse();
            assertThat(encoder.encodeQuery("fit PV modules")).as("before the interactive session is loaded")
                    .containsExactly(1f);
            assertThat(encoder.interactiveLoaded()).as("still held back, and the query did not wait for it").isFalse();

            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!encoder.interactiveLoaded() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(encoder.interactiveLoaded()).as("loaded in the background after the first session").isTrue();

            assertThat(encoder.encodeQuery("fit PV modules")).containsExactly(2f);
            assertThat(interactive.texts).containsExactly("query: fit PV modules");
            assertThat(encoder.encodeQueries(List.of("a", "b"))).extracting(v -> v[0]).containsExactly(1f, 1f);
            assertThat(encoder.encodeQueries(List.of("c"))).extracting(v -> v[0]).containsExactly(1f);
            assertThat(encoder.encodeAll(List.of("d", "e"))).extracting(v -> v[0]).containsExactly(1f, 1f);
            assertThat(encoder.encodeAllInBackground(List.of("f", "g"))).extracting(v -> v[0]).containsExactly(1f, 1f);
            assertThat(encoder.encode("h")).containsExactly(1f);
            assertThat(interactive.texts).as("nothing but the one query").hasSize(1);
        } finally {
            encoder.destroy();
        }
    }

    @Test
    void aFailedInteractiveSessionLeavesQueriesOnTheOneThreadSession() throws Exception {
        var oneThread = new Recording(1);
        var tried = new CountDownLatch(1);
        var encoder = new OnnxSentenceEncoder("fake", "", executor -> oneThread, executor -> {
            tried.countDown();
            throw new IllegalStateException("no native library");
        });
        try {
            assertThat(encoder.encodeQuery("a")).containsExactly(1f);
            assertThat(tried.await(30, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(50);
            assertThat(encoder.interactiveLoaded()).isFalse();
            assertThat(encoder.encodeQuery("b")).containsExactly(1f);
        } finally {
            encoder.destroy();
        }
    }

    /** Resident memory of this process (Linux), in KiB. */
    private static long residentKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    /** A model whose every vector is its mark, remembering the texts it encoded. */
    private static final class Recording implements EmbeddingModel {

        final List<String> texts = new CopyOnWriteArrayList<>();
        private final float mark;

        Recording(float mark) {
            this.mark = mark;
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            segments.forEach(segment -> texts.add(segment.text()));
            return Response.from(segments.stream().map(segment -> Embedding.from(new float[] {mark})).toList());
        }

        @Override
        public Response<Embedding> embed(TextSegment segment) {
            return Response.from(embedAll(List.of(segment)).content().get(0));
        }

        @Override
        public Response<Embedding> embed(String text) {
            return embed(TextSegment.from(text));
        }
    }
}
