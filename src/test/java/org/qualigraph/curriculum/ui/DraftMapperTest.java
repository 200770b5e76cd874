package org.qualigraph.curriculum.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.DocumentValidator;
import org.qualigraph.curriculum.OrganisationKind;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationStatus;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.support.Documents;

class DraftMapperTest {

    @Test
    void documentRoundTripsThroughTheWorkingCopyUnchanged() {
        var source = withIds(Documents.generated("Round trip", 3, 4)).withIdentity("q-1", 7L, QualificationStatus.DRAFT, null);
        source = new QualificationDocument(source.id(), source.version(), Map.of("en", "Round trip", "de", "Rundreise"),
                source.description(), source.type(), source.eqfLevel(), source.nqfLevels(), List.of("0713", "0715"),
                source.ecosystem(), source.creditSystem(), source.credits(), Map.of("en", "EQF 3 certificate"),
                List.of(new QualificationDocument.AwardingBody("Chamber of Crafts", "DE", OrganisationKind.CHAMBER)),
                List.of("http://data.europa.eu/esco/occupation/1"), "q-0", source.status(), source.units());

        var back = DraftMapper.toDocument(DraftMapper.toDraft(source));

        assertThat(back).isEqualTo(source);
        assertThat(DocumentValidator.validate(back)).isEmpty();
    }

    @Test
    void editsInTheWorkingCopyReachTheDocumentAndBlankRowsAreLeftOut() {
        var draft = DraftMapper.toDraft(Documents.minimal("Welding"));
        draft.title.put("pl", "Spawanie");
        draft.nqfLevels.add(new QualificationDraft.NqfDraft());
        draft.targetOccupations.add(new QualificationDraft.UriDraft("  "));
        var outcome = draft.units.get(0).outcomes.get(0);
        outcome.statement.put("de", "   ");
        outcome.skills.add("http://data.europa.eu/esco/skill/abc");
        draft.units.get(0).outcomes.remove(2);

        var doc = DraftMapper.toDocument(draft);

        assertThat(doc.title()).containsEntry("pl", "Spawanie");
        assertThat(doc.nqfLevels()).hasSize(1);
        assertThat(doc.targetOccupations()).isEmpty();
        assertThat(doc.units().get(0).outcomes()).hasSize(2);
        assertThat(doc.units().get(0).outcomes().get(0).statement()).containsOnlyKeys("en");
        assertThat(doc.units().get(0).outcomes().get(0).skills()).containsExactly("http://data.europa.eu/esco/skill/abc");
    }

    @Test
    void totalsCountMandatoryCreditsAllHoursAndTheWorkBasedShare() {
        var draft = DraftMapper.toDraft(Documents.generated("Totals", 3, 3));
        draft.units.get(2).mandatory = false;
        draft.units.get(0).periods.get(0).hours = 135;

        var totals = DraftMapper.totals(draft);

        assertThat(totals.credits()).isEqualByComparingTo(BigDecimal.valueOf(20));
        assertThat(totals.hours()).isEqualTo(810);
        assertThat(totals.workBasedHours()).isEqualTo(335);
        assertThat(totals.workBasedShare()).isEqualTo(41);
        assertThat(DraftMapper.totals(new QualificationDraft()).workBasedShare()).isZero();
    }

    @Test
    void aReusedUnitKeepsItsIdButNotThePrerequisitesOfItsOtherQualification() {
        var unit = Documents.generated("Other", 2, 3).units().get(1).withId(UUID.randomUUID().toString());
        assertThat(unit.prerequisites()).containsExactly("U1");

        var reused = DraftMapper.reused(unit);

        assertThat(reused.id).isEqualTo(unit.id());
        assertThat(reused.prerequisites).isEmpty();
        assertThat(reused.outcomes).hasSize(3);
    }

    @Test
    void freeElementCodesAvoidCodesInUse() {
        var unit = new UnitDraft();
        unit.code = "U2";
        assertThat(unit.nextCode("K", java.util.Set.of("U2.K1", "U2.K2"))).isEqualTo("U2.K3");
        assertThat(SkillPicker.isHttpUri("http://data.europa.eu/esco/skill/x")).isTrue();
        assertThat(SkillPicker.isHttpUri("data.europa.eu/esco/skill/x")).isFalse();
        assertThat(SkillPicker.isHttpUri("ftp://example.org/x")).isFalse();
        assertThat(MultilingualField.badLanguages(Map.of("en", "a", "English", "b"))).containsExactly("English");
    }

    private static QualificationDocument withIds(QualificationDocument doc) {
        return doc.withUnits(doc.units().stream().map(u -> u.withId(UUID.randomUUID().toString())
                .withOutcomes(u.outcomes().stream().map(o -> o.withId(UUID.randomUUID().toString())).toList()))
                .map(UnitDocument.class::cast).toList());
    }
}
