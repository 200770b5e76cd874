package org.qualigraph.esco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped encoders: not loaded until asked (start-up does not pay for it), loaded by the background load that the
 * application starts when it is ready, the same vectors from the background path (one thread) as from the interactive
 * one, and the tokenizer library kept offline (no downloads, no telemetry).
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
}
