package org.qualigraph.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qualigraph.quality.OutcomeWritingAdvisor.Bloom;

class OutcomeWritingAdvisorTest {

    private final OutcomeWritingAdvisor advisor = new OutcomeWritingAdvisor();

    @Test
    void findsTheMainVerbBehindALeadInAndItsBand() {
        var a = advisor.analyse("On completion, the learner is able to analyse test data using SPC software.", "en");
        assertThat(a.mainVerb()).isEqualTo("analyse");
        assertThat(a.band()).isEqualTo(Bloom.ANALYSE);
        assertThat(a.vague()).isFalse();
        assertThat(a.hasObject()).isTrue();
        assertThat(a.hasContext()).isTrue();
        assertThat(advisor.analyse("Carry out maintenance according to the plan", "en").mainVerb()).isEqualTo("carry out");
        assertThat(advisor.analyse("The student describes the cell structure using diagrams", "en").band())
                .isEqualTo(Bloom.UNDERSTAND);
    }

    @Test
    void flagsVagueVerbsAndMissingVerbs() {
        assertThat(advisor.analyse("Understand the principles of electrochemistry", "en").vague()).isTrue();
        assertThat(advisor.analyse("Be aware of the hazards in the dry room", "en").mainVerb()).isEqualTo("be aware of");
        assertThat(advisor.analyse("Appreciate teamwork in production", "en").vague()).isTrue();
        assertThat(advisor.analyse("Learn the rules of the plant", "en").vague()).isTrue();
        assertThat(advisor.analyse("The basics of cell chemistry", "en").noVerb()).isTrue();
        assertThat(advisor.analyse("Die Lernenden verstehen die Zellchemie.", "de").vague()).isTrue();
        assertThat(advisor.analyse("Die Lernenden können mit Elektrolyten vertraut sein.", "de").vague()).isTrue();
    }

    @Test
    void readsGermanInfinitivesAtTheEnd() {
        var a = advisor.analyse("Die Lernenden können Prüfdaten mithilfe der Software analysieren.", "de");
        assertThat(a.mainVerb()).isEqualTo("analysieren");
        assertThat(a.band()).isEqualTo(Bloom.ANALYSE);
        assertThat(a.hasContext()).isTrue();
        assertThat(advisor.analyse("Die Lernenden sind in der Lage, Anlagen gemäß Plan durchzuführen.", "de").mainVerb())
                .isEqualTo("durchführen");
        assertThatThrownBy(() -> advisor.analyse("Analysera data", "sv")).hasMessageContaining("English and German");
        assertThat(advisor.analyse(Map.of("sv", "Analysera data"))).isEmpty();
    }

    @Test
    void stackedVerbsAndMissingContext() {
        var a = advisor.analyse("Describe, explain and evaluate cell formats", "en");
        assertThat(a.stackedVerbs()).containsExactly("explain", "evaluate");
        assertThat(a.structureProblems(6)).anyMatch(p -> p.contains("stacks"))
                .anyMatch(p -> p.contains("context"));
        assertThat(advisor.analyse("Describe the test methods and test equipment using standards", "en").stackedVerbs())
                .isEmpty();
    }

    @Test
    void bloomBandsPerLevelAndSuggestions() {
        assertThat(OutcomeWritingAdvisor.bandsFor(4)).containsExactly(Bloom.UNDERSTAND, Bloom.APPLY);
        assertThat(OutcomeWritingAdvisor.bandsFor(7)).containsExactly(Bloom.EVALUATE, Bloom.CREATE);
        assertThat(OutcomeWritingAdvisor.fits(Bloom.CREATE, 4, 0)).isFalse();
        assertThat(OutcomeWritingAdvisor.fits(Bloom.ANALYSE, 4, 1)).isTrue();
        assertThat(OutcomeWritingAdvisor.suggestedVerbs(6)).contains("analyse", "evaluate").doesNotContain("list");
    }

    @Test
    void nearDuplicatesAreGroupedTransitively() {
        var statements = new LinkedHashMap<String, String>();
        statements.put("U1.K1", "Explain the safety rules for electrolytes in the dry room");
        statements.put("U2.K1", "Explain the safety rules for electrolytes in a dry room.");
        statements.put("U3.K1", "Explain safety rules for electrolytes in the dry room");
        statements.put("U4.S1", "Operate the coating line according to the process specification");
        var groups = OutcomeWritingAdvisor.nearDuplicates(statements, 0.8);
        assertThat(groups).containsExactly(java.util.List.of("U1.K1", "U2.K1", "U3.K1"));
        assertThat(OutcomeWritingAdvisor.similarity(statements.get("U1.K1"), statements.get("U4.S1"))).isLessThan(0.2);
    }

    @Test
    void aVerbInsideTheLevelsBandGetsNoAdviceEvenWhenTheStatementIsFlaggedForItsStructure() {
        // "explain" is understand, which EQF 4 asks for: the old help said "EQF 4 usually asks [understand, apply]; try: explain"
        var fitting = advisor.analyse("Explain the refrigeration cycle", "en");
        assertThat(fitting.structureProblems(6)).isNotEmpty();
        assertThat(OutcomeWritingAdvisor.verbAdvice(fitting, 4, 0)).isEmpty();
    }

    @Test
    void aVerbOutsideTheBandIsFlaggedAndNeverSuggestedBackToTheDesigner() {
        var tooLow = advisor.analyse("List the parts of a heat pump according to the manual", "en");
        var advice = OutcomeWritingAdvisor.verbAdvice(tooLow, 6, 0).orElseThrow();
        assertThat(advice.verb()).isEqualTo("list");
        assertThat(advice.band()).isEqualTo(Bloom.REMEMBER);
        assertThat(advice.expected()).containsExactly(Bloom.ANALYSE, Bloom.EVALUATE);
        assertThat(advice.suggestions()).isNotEmpty().doesNotContain("list");

        // the same verb at a level whose band includes it: nothing to say; with a tolerance of one band neither
        assertThat(OutcomeWritingAdvisor.verbAdvice(tooLow, 1, 0)).isEmpty();
        assertThat(OutcomeWritingAdvisor.verbAdvice(advisor.analyse("Explain the cycle in a heat pump", "en"), 5, 1)).isEmpty();
    }

    @Test
    void aVagueVerbIsFlaggedAndTheSuggestionsLeaveItOut() {
        var vague = advisor.analyse("Understand the refrigeration cycle of heat pumps", "en");
        var advice = OutcomeWritingAdvisor.verbAdvice(vague, 2, 0).orElseThrow();
        assertThat(advice.band()).isNull();
        assertThat(advice.suggestions()).isNotEmpty().noneMatch(v -> v.equalsIgnoreCase(advice.verb()));
        for (int level = 1; level <= 8; level++) {
            for (String verb : OutcomeWritingAdvisor.suggestedVerbs(level)) {
                var suggested = advisor.analyse(verb + " the refrigeration cycle using the manual", "en");
                assertThat(OutcomeWritingAdvisor.verbAdvice(suggested, level, 0)).as("%s at EQF %d", verb, level).isEmpty();
            }
        }
    }
}
