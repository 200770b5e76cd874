package org.qualigraph.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.support.Documents;

class RevisionDiffTest {

    @Test
    void identicalDocumentsHaveNoDifferences() {
        var doc = Documents.generated("Same", 3, 3);
        assertThat(RevisionDiff.between(doc, doc).isEmpty()).isTrue();
    }

    @Test
    void unitsOutcomesSkillsLevelsAndCreditsAreMatchedByCode() {
        var before = Documents.generated("Cells", 3, 3);
        var units = new ArrayList<>(before.units());
        units.remove(2);
        var u1 = units.get(0);
        var outcomes = new ArrayList<>(u1.outcomes());
        var k1 = outcomes.get(0);
        outcomes.set(0, new OutcomeDocument(k1.id(), k1.code(), k1.dimension(), Map.of("en", "Describe the cell chemistry"),
                5, List.of("http://data.europa.eu/esco/skill/abc"), k1.keyCompetences()));
        outcomes.remove(2);
        units.set(0, new UnitDocument(u1.id(), u1.code(), u1.title(), 3, BigDecimal.valueOf(15), u1.hours(), u1.mandatory(),
                u1.prerequisites(), u1.deliveryModes(), outcomes, u1.workBasedLearning(), u1.assessments()));
        units.add(Documents.generated("Extra", 4, 1).units().get(3));
        var after = before.withUnits(units);

        var diff = RevisionDiff.between(before, after);
        var texts = diff.lines().stream().map(RevisionDiff.Line::text).toList();
        var sections = diff.bySection();

        assertThat(sections.get(RevisionDiff.Section.UNITS)).extracting(RevisionDiff.Line::change, RevisionDiff.Line::subject)
                .contains(org.assertj.core.groups.Tuple.tuple(RevisionDiff.Change.REMOVED, "U3"),
                        org.assertj.core.groups.Tuple.tuple(RevisionDiff.Change.ADDED, "U4"));
        assertThat(sections.get(RevisionDiff.Section.OUTCOMES)).extracting(RevisionDiff.Line::subject)
                .containsExactlyInAnyOrder("U1.K1", "U1.R3");
        assertThat(texts).contains("Outcome U1.K1 statement: en: \"Explain the principles of process step 1.1 in cell production\""
                + " → en: \"Describe the cell chemistry\"");
        assertThat(sections.get(RevisionDiff.Section.SKILLS)).singleElement().satisfies(line -> {
            assertThat(line.change()).isEqualTo(RevisionDiff.Change.ADDED);
            assertThat(line.text()).isEqualTo("Skill http://data.europa.eu/esco/skill/abc added on outcome U1.K1");
        });
        assertThat(sections.get(RevisionDiff.Section.LEVELS)).extracting(RevisionDiff.Line::text)
                .containsExactlyInAnyOrder("Unit U1 EQF level: 4 → 3", "Outcome U1.K1 EQF level: 4 → 5");
        assertThat(sections.get(RevisionDiff.Section.CREDITS)).extracting(RevisionDiff.Line::text)
                .containsExactly("Unit U1 credits: 10 → 15");
        assertThat(texts).anyMatch(t -> t.startsWith("Unit U4 added: \"Unit 4 of Extra\""));
        assertThat(texts).anyMatch(t -> t.startsWith("Unit U3 removed: \"Unit 3 of Cells\""));
    }
}
