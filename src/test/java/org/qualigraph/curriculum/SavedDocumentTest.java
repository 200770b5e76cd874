package org.qualigraph.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A save returns the document it wrote without reading it again (issue 21: lock and read, write the diff, nothing
 * more): for each kind of save, what {@code update} returns must be exactly what a read right after it returns, field
 * by field, versions of the qualification and of each unit included.
 */
class SavedDocumentTest extends IntegrationTest {

    private static final String SKILL_A = "http://data.europa.eu/esco/skill/saved-document-test-a";
    private static final String SKILL_B = "http://data.europa.eu/esco/skill/saved-document-test-b";

    @Autowired
    QualificationService qualifications;

    private QualificationDocument created() {
        return qualifications.create(Documents.generated("Saved document", 4, 3), "designer");
    }

    /** Saves the change and checks what the save returned against a read, then returns it. */
    private QualificationDocument savedAsRead(QualificationDocument edited) {
        var saved = qualifications.update(edited.id(), edited, "designer");
        var read = qualifications.get(edited.id());
        assertThat(saved).usingRecursiveComparison().isEqualTo(read);
        assertThat(saved).isEqualTo(read);
        assertThat(saved.version()).isEqualTo(edited.version() + 1);
        return saved;
    }

    private static QualificationDocument withUnit(QualificationDocument doc, int index, UnaryOperator<UnitDocument> change) {
        var units = new ArrayList<>(doc.units());
        units.set(index, change.apply(units.get(index)));
        return doc.withUnits(units);
    }

    private static UnitDocument withUnitTitle(UnitDocument u, Map<String, String> title) {
        return new UnitDocument(u.id(), u.code(), title, u.eqfLevel(), u.credits(), u.hours(), u.mandatory(),
                u.prerequisites(), u.deliveryModes(), u.outcomes(), u.workBasedLearning(), u.assessments(), u.version());
    }

    private static OutcomeDocument withSkills(OutcomeDocument o, List<String> skills) {
        return new OutcomeDocument(o.id(), o.code(), o.dimension(), o.statement(), o.eqfLevel(), skills, o.keyCompetences());
    }

    private static UnitDocument withFirstOutcome(UnitDocument u, UnaryOperator<OutcomeDocument> change) {
        var outcomes = new ArrayList<>(u.outcomes());
        outcomes.set(0, change.apply(outcomes.get(0)));
        return u.withOutcomes(outcomes);
    }

    @Test
    void aTitleOnlySave() {
        var doc = created();
        var saved = savedAsRead(doc.withTitle(Map.of("en", "Saved document, renamed", "de", "Gespeichert")));
        assertThat(saved.units()).extracting(UnitDocument::version).containsOnly(0L);
    }

    @Test
    void aUnitAddedAndAUnitRemoved() {
        var doc = created();
        var units = new ArrayList<>(doc.units());
        var last = units.get(units.size() - 1);
        // a new unit, written as a client sends it: no ids, credits with a scale a read does not give back
        var added = new UnitDocument(null, "U9", Map.of("en", "An added unit"), 4, new BigDecimal("10.0"), 120, null,
                List.of("U1"), List.of(), last.outcomes().stream().map(o -> new OutcomeDocument(null,
                        o.code().replace("U4", "U9"), o.dimension(), o.statement(), o.eqfLevel(), List.of(), List.of())).toList(),
                List.of(), List.of(), null);
        units.add(added);
        var saved = savedAsRead(doc.withUnits(units));
        assertThat(saved.units()).hasSize(5);
        assertThat(saved.units().get(4).version()).isZero();

        units = new ArrayList<>(saved.units());
        units.remove(3);
        savedAsRead(saved.withUnits(units));
    }

    @Test
    void anOutcomeStatementChanged() {
        var doc = created();
        var saved = savedAsRead(withUnit(doc, 2, u -> withFirstOutcome(u, o -> new OutcomeDocument(o.id(), o.code(),
                o.dimension(), Map.of("en", "A changed statement", "fr", "Un énoncé changé"), o.eqfLevel(), o.skills(),
                o.keyCompetences()))));
        assertThat(saved.units().get(2).version()).isEqualTo(1L);
        assertThat(saved.units().get(1).version()).isZero();
    }

    @Test
    void aSkillMappedThenRemapped() {
        var doc = created();
        var saved = savedAsRead(withUnit(doc, 0, u -> withFirstOutcome(u, o -> withSkills(o, List.of(SKILL_A)))));
        saved = savedAsRead(withUnit(saved, 0, u -> withFirstOutcome(u, o -> withSkills(o, List.of(SKILL_B, SKILL_A)))));
        assertThat(saved.units().get(0).outcomes().get(0).skills()).containsExactly(SKILL_B, SKILL_A);
        assertThat(saved.units().get(0).version()).isEqualTo(2L);
    }

    @Test
    void aSharedUnitEditedThroughTheOtherQualification() {
        var first = created();
        var shared = first.units().get(0);
        var other = Documents.generated("Sharing", 1, 3);
        var second = qualifications.create(other.withUnits(List.of(shared)), "designer");
        assertThat(second.units().get(0).id()).isEqualTo(shared.id());

        var saved = savedAsRead(withUnit(second, 0, u -> withUnitTitle(u, Map.of("en", "Shared, edited in the second"))));
        assertThat(saved.units().get(0).version()).isEqualTo(1L);
        // the first qualification sees the edit, and its own next save returns it too
        var firstNow = qualifications.get(first.id());
        assertThat(firstNow.units().get(0).title()).isEqualTo(Map.of("en", "Shared, edited in the second"));
        assertThat(firstNow.units().get(0).version()).isEqualTo(1L);
        savedAsRead(firstNow.withTitle(Map.of("en", "Saved document after the shared edit")));
    }

    @Test
    void anAwardingBodySpelledAsAnotherQualificationStoredIt() {
        created();
        var other = qualifications.create(Documents.generated("Other spelling", 1, 3), "designer");
        var bodies = List.of(new QualificationDocument.AwardingBody("TEST CHAMBER", "DE", OrganisationKind.CHAMBER),
                new QualificationDocument.AwardingBody("A new body", "FR", OrganisationKind.VET_PROVIDER));
        var saved = savedAsRead(other.withNationalData(other.nqfLevels(), bodies));
        assertThat(saved.awardingBodies()).extracting(QualificationDocument.AwardingBody::name)
                .containsExactly("Test Chamber", "A new body");
    }
}
