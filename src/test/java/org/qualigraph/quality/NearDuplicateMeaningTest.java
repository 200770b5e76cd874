package org.qualigraph.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Rule LO-04 with the shipped sentence model: two statements that say the same in other words are near-duplicates,
 * although they share too few words for the word check; distinct outcomes of the same unit are not.
 */
class NearDuplicateMeaningTest {

    private static final AllMiniLmL6V2QuantizedEmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel();
    private static final Function<List<String>, List<float[]>> VECTORS = texts -> MODEL.embedAll(
            texts.stream().map(TextSegment::from).toList()).content().stream().map(e -> e.vector()).toList();

    @Test
    void paraphrasesAreNearDuplicatesByMeaningButNotByWords() {
        var statements = new LinkedHashMap<String, String>();
        statements.put("U1.K1", "Explain the safety rules for working on high-voltage batteries");
        statements.put("U1.K2", "Describe the safety regulations that apply to work on high-voltage battery systems");
        statements.put("U1.S3", "Assemble battery modules from cells according to the work instruction");
        statements.put("U1.S4", "Measure cell voltage and internal resistance with a calibrated tester");
        double words = QualityThresholds.DEFAULTS.nearDuplicateSimilarity();

        assertThat(new OutcomeWritingAdvisor().nearDuplicates(statements, words, OutcomeWritingAdvisor.MEANING_DUPLICATE))
                .as("shared words alone").isEmpty();
        assertThat(new OutcomeWritingAdvisor(VECTORS).nearDuplicates(statements, words, OutcomeWritingAdvisor.MEANING_DUPLICATE))
                .containsExactly(List.of("U1.K1", "U1.K2"));
    }

    @Test
    void wordDuplicatesAreStillFoundWithMeaning() {
        var statements = new LinkedHashMap<String, String>();
        statements.put("U1.K1", "Explain the safety rules for handling electrolytes in the dry room");
        statements.put("U1.S2", "Explain the safety rules for the handling of electrolytes in a dry room.");
        statements.put("U1.S3", "Operate the coating line according to the work instruction");
        assertThat(new OutcomeWritingAdvisor(VECTORS).nearDuplicates(statements, 0.8, OutcomeWritingAdvisor.MEANING_DUPLICATE))
                .containsExactly(List.of("U1.K1", "U1.S2"));
    }
}
