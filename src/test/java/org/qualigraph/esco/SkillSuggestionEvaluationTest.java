package org.qualigraph.esco;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qualigraph.support.EscoTestData;
import org.qualigraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Suggestions by meaning on the full ESCO v1.1.1 with every skill embedded: the labelled statements name real skills,
 * the hybrid ranking never does worse than words alone, and it reaches the target recall. Skipped (with the reason)
 * when ../shared does not hold the ESCO packages. The embedding of the full release takes minutes; the other tests
 * of this JVM share the result.
 */
class SkillSuggestionEvaluationTest extends IntegrationTest {

    @Autowired
    EscoService esco;
    @Autowired
    EscoEmbeddings embeddings;
    @Autowired
    SkillSuggestions suggestions;

    @Test
    void everyLabelledSkillExistsInTheOfficialRelease() throws IOException {
        Set<String> official = SuggestionEvaluation.skillUris(EscoTestData.classificationZip());
        var cases = SuggestionEvaluation.cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        assertThat(cases.stream().map(SuggestionEvaluation.Case::sector).distinct())
                .contains("energy", "construction", "manufacturing", "ict", "health", "hospitality", "transversal");
        Set<String> unknown = new HashSet<>();
        cases.forEach(c -> c.correct().stream().filter(uri -> !official.contains(uri)).forEach(unknown::add));
        assertThat(unknown).as("labelled URIs missing from skills_en.csv").isEmpty();
    }

    @Test
    void hybridFindsTheLabelledSkillsBetterThanWordsAlone() {
        EscoTestData.ensureLoaded(esco);
        embeddings.embedNow(done -> { });
        assertThat(embeddings.status().ready()).isTrue();
        var cases = SuggestionEvaluation.cases();
        var fusion = SkillSuggestions.Fusion.DEFAULT;

        var words = SuggestionEvaluation.measure("words", cases, text -> uris(text, SkillSuggestions.Method.WORDS, fusion));
        var meaning = SuggestionEvaluation.measure("meaning", cases, text -> uris(text, SkillSuggestions.Method.MEANING, fusion));
        var hybrid = SuggestionEvaluation.measure("hybrid", cases, text -> uris(text, SkillSuggestions.Method.HYBRID, fusion));
        System.out.printf("%s%n%s%n%s%n", words.row(), meaning.row(), hybrid.row());

        assertThat(hybrid.recallAt10()).as("hybrid recall@10 vs words").isGreaterThanOrEqualTo(words.recallAt10());
        assertThat(hybrid.mrr()).as("hybrid MRR vs words").isGreaterThanOrEqualTo(words.mrr());
        assertThat(hybrid.recallAt10()).as("hybrid recall@10 target").isGreaterThanOrEqualTo(0.8);

        // the API answer, as a designer's statement that shares no word with the skill's label
        var answer = suggestions.suggest("Fit PV modules to pitched roofs using the specified mounting rails", 10);
        assertThat(answer.byMeaning()).isTrue();
        assertThat(answer.skills()).extracting(SkillSuggestions.Suggestion::label)
                .containsAnyOf("mount photovoltaic panels", "install photovoltaic systems");
        assertThat(answer.skills().get(0).matchedBy()).isNotEmpty();
    }

    private List<String> uris(String text, SkillSuggestions.Method method, SkillSuggestions.Fusion fusion) {
        return suggestions.rank(text, 10, method, fusion).stream().map(SkillSuggestions.Suggestion::uri).toList();
    }
}
