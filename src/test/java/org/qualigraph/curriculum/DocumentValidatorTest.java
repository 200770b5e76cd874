package org.qualigraph.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.qualigraph.base.FieldProblem;
import org.qualigraph.support.Documents;

/** Every structural rule of the contract's "bad input" list, each naming its field. */
class DocumentValidatorTest {

    private final QualificationDocument valid = Documents.generated("Valid", 2, 3);

    @Test
    void aValidDocumentHasNoProblems() {
        assertThat(DocumentValidator.validate(valid)).isEmpty();
    }

    @Test
    void aMissingBodyIsAProblem() {
        assertThat(DocumentValidator.validate(null)).extracting(FieldProblem::message)
                .containsExactly("the request body must be a qualification document");
    }

    @Test
    void titleIsRequiredAndLanguageCodesMustBeValid() {
        assertThat(fields(valid.withTitle(Map.of()))).containsExactly("title");
        assertThat(fields(valid.withTitle(Map.of("en", "  ")))).containsExactly("title");
        assertThat(fields(valid.withTitle(Map.of("english", "Title")))).containsExactly("title.english");
        assertThat(fields(valid.withTitle(Map.of("en", "x".repeat(10_001))))).containsExactly("title.en");
    }

    @Test
    void eqfLevelsOutside1To8AreRefused() {
        assertThat(fields(copy(valid, 9, null))).containsExactly("eqfLevel");
        assertThat(fields(copy(valid, 0, null))).containsExactly("eqfLevel");
        assertThat(fields(unit(0, u -> new UnitDocument(u.id(), u.code(), u.title(), -1, u.credits(), u.hours(),
                u.mandatory(), u.prerequisites(), u.deliveryModes(), u.outcomes(), u.workBasedLearning(), u.assessments()))))
                .containsExactly("units[0].eqfLevel");
        assertThat(fields(outcome(1, 2, o -> new OutcomeDocument(o.id(), o.code(), o.dimension(), o.statement(), 12,
                o.skills(), o.keyCompetences())))).containsExactly("units[1].outcomes[2].eqfLevel");
    }

    @Test
    void duplicateCodesAreRefused() {
        assertThat(fields(unit(1, u -> withCode(u, "U1")))).contains("units[1].code");
        var duplicateOutcome = outcome(1, 0, o -> new OutcomeDocument(o.id(), "U1.K1", o.dimension(), o.statement(),
                o.eqfLevel(), o.skills(), o.keyCompetences()));
        assertThat(DocumentValidator.validate(duplicateOutcome)).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("units[1].outcomes[0].code");
            assertThat(p.message()).contains("duplicate code \"U1.K1\"").contains("units[0].outcomes[0].code");
        });
    }

    @Test
    void danglingCodesAreRefused() {
        assertThat(fields(unit(1, u -> new UnitDocument(u.id(), u.code(), u.title(), u.eqfLevel(), u.credits(), u.hours(),
                u.mandatory(), List.of("U9"), u.deliveryModes(), u.outcomes(), u.workBasedLearning(), u.assessments()))))
                .containsExactly("units[1].prerequisites[0]");
        assertThat(fields(unit(0, u -> new UnitDocument(u.id(), u.code(), u.title(), u.eqfLevel(), u.credits(), u.hours(),
                u.mandatory(), u.prerequisites(), u.deliveryModes(), u.outcomes(), u.workBasedLearning(),
                List.of(new AssessmentDocument("U1.A1", AssessmentMethod.ORAL, 100, List.of("U1.X9")))))))
                .containsExactly("units[0].assessments[0].outcomes[0]");
        assertThat(fields(unit(0, u -> new UnitDocument(u.id(), u.code(), u.title(), u.eqfLevel(), u.credits(), u.hours(),
                u.mandatory(), u.prerequisites(), u.deliveryModes(), u.outcomes(),
                List.of(new WorkBasedLearningDocument("U1.W1", 10, WblSetting.COMPANY, Map.of(), List.of("nope"))),
                u.assessments())))).containsExactly("units[0].workBasedLearning[0].outcomes[0]");
        assertThat(fields(unit(0, u -> new UnitDocument(u.id(), u.code(), u.title(), u.eqfLevel(), u.credits(), u.hours(),
                u.mandatory(), List.of("U1"), u.deliveryModes(), u.outcomes(), u.workBasedLearning(), u.assessments()))))
                .containsExactly("units[0].prerequisites[0]");
    }

    @Test
    void requiredCodesAndDimensions() {
        assertThat(fields(unit(0, u -> withCode(u, " ")))).contains("units[0].code");
        assertThat(fields(outcome(0, 1, o -> new OutcomeDocument(o.id(), o.code(), null, o.statement(), o.eqfLevel(),
                o.skills(), o.keyCompetences())))).containsExactly("units[0].outcomes[1].dimension");
    }

    @Test
    void numbersMustBeInRange() {
        assertThat(fields(unit(0, u -> new UnitDocument(u.id(), u.code(), u.title(), u.eqfLevel(), BigDecimal.valueOf(-1),
                -5, u.mandatory(), u.prerequisites(), u.deliveryModes(), u.outcomes(), u.workBasedLearning(), u.assessments()))))
                .containsExactly("units[0].credits", "units[0].hours");
        assertThat(fields(unit(0, u -> new UnitDocument(u.id(), u.code(), u.title(), u.eqfLevel(), u.credits(), u.hours(),
                u.mandatory(), u.prerequisites(), u.deliveryModes(), u.outcomes(), u.workBasedLearning(),
                List.of(new AssessmentDocument("U1.A1", AssessmentMethod.ORAL, 101, List.of("U1.K1")))))))
                .containsExactly("units[0].assessments[0].weight");
    }

    @Test
    void referencesAndCodesOfTheProfileAreChecked() {
        var doc = new QualificationDocument(null, null, Map.of("en", "x"), null, null, 4,
                List.of(new QualificationDocument.NqfLevel("de", "", "not a uri")), List.of("07a"), null, null, null, null,
                List.of(new QualificationDocument.AwardingBody("", "Germany", null)), List.of("urn:esco:x"), null, null, List.of());
        assertThat(fields(doc)).containsExactly("nqfLevels[0].country", "nqfLevels[0].level", "nqfLevels[0].uri",
                "iscedF[0]", "awardingBodies[0].name", "awardingBodies[0].country", "targetOccupations[0]");
    }

    @Test
    void skillsMustBeDistinctHttpUris() {
        assertThat(fields(outcome(0, 0, o -> new OutcomeDocument(o.id(), o.code(), o.dimension(), o.statement(),
                o.eqfLevel(), List.of("http://data.europa.eu/esco/skill/a", "http://data.europa.eu/esco/skill/a", "javascript:alert(1)"),
                o.keyCompetences())))).containsExactly("units[0].outcomes[0].skills[1]", "units[0].outcomes[0].skills[2]");
    }

    private static List<String> fields(QualificationDocument doc) {
        return DocumentValidator.validate(doc).stream().map(FieldProblem::field).toList();
    }

    private static QualificationDocument copy(QualificationDocument d, Integer eqf, Object unused) {
        return new QualificationDocument(d.id(), d.version(), d.title(), d.description(), d.type(), eqf, d.nqfLevels(),
                d.iscedF(), d.ecosystem(), d.creditSystem(), d.credits(), d.entryRequirements(), d.awardingBodies(),
                d.targetOccupations(), d.derivedFrom(), d.status(), d.units());
    }

    private QualificationDocument unit(int index, UnaryOperator<UnitDocument> change) {
        var units = new ArrayList<>(valid.units());
        units.set(index, change.apply(units.get(index)));
        return valid.withUnits(units);
    }

    private QualificationDocument outcome(int unit, int index, UnaryOperator<OutcomeDocument> change) {
        return unit(unit, u -> {
            var outcomes = new ArrayList<>(u.outcomes());
            outcomes.set(index, change.apply(outcomes.get(index)));
            return u.withOutcomes(outcomes);
        });
    }

    private static UnitDocument withCode(UnitDocument u, String code) {
        return new UnitDocument(u.id(), code, u.title(), u.eqfLevel(), u.credits(), u.hours(), u.mandatory(),
                u.prerequisites(), u.deliveryModes(), u.outcomes(), u.workBasedLearning(), u.assessments());
    }
}
