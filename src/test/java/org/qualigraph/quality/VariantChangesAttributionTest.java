package org.qualigraph.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.support.Documents;

/**
 * "Changes from core" credits each change to the save that made it. Saves are matched by the words they were recorded
 * in, so a reworded English sentence (the audit's {@code detail}) does not move the credit to whoever derived the
 * variant; entries from before the audit kept words are matched by their English text of the time.
 */
class VariantChangesAttributionTest {

    private static final ZonedDateTime T0 = ZonedDateTime.parse("2026-12-01T10:00:00Z");

    private final QualificationDocument before = Documents.generated("Variant", 3, 2);
    private final QualificationDocument after = withHours(before, "U3", 300);
    private final RevisionDiff.Line u3Hours = RevisionDiff.between(before, after).lines().get(0);

    @Test
    void aSaveIsFoundByItsWordsWhateverItsEnglishSentenceSays() {
        var derived = new AuditEntry(T0, "deriver", "DERIVED", "derived from the core (3 units, 6 outcomes)", 1);
        var save = recorded("partner", 2, "the hours of U3 were set to 300", before, after);
        assertThat(u3Hours.subject()).isEqualTo("U3");

        assertThat(VariantChangesService.attribution(u3Hours, List.of(derived, save)).user()).isEqualTo("partner");
    }

    @Test
    void aSaveOfAnotherFieldIsNotCredited() {
        var derived = new AuditEntry(T0, "deriver", "DERIVED", "derived", 1);
        var otherField = recorded("partner", 2, "Unit U3 hours changed from 1 to 2", before, withHours(before, "U2", 310));

        assertThat(VariantChangesService.attribution(u3Hours, List.of(derived, otherField)).user())
                .as("its English text names U3's hours, its words name U2's: the words decide").isEqualTo("deriver");
    }

    @Test
    void theLatestSaveOfTheSameFieldIsCreditedWhateverItsValues() {
        var derived = new AuditEntry(T0, "deriver", "DERIVED", "derived", 1);
        var first = recorded("partner", 2, "first", before, withHours(before, "U3", 280));
        var second = recorded("second-partner", 3, "second", withHours(before, "U3", 280), after);

        assertThat(VariantChangesService.attribution(u3Hours, List.of(derived, first, second)).user()).isEqualTo("second-partner");
    }

    @Test
    void anEntryFromBeforeTheAuditKeptWordsIsMatchedByItsEnglishTextOfTheTime() {
        var derived = new AuditEntry(T0, "deriver", "DERIVED", "derived", 1);
        var old = new AuditEntry(T0.plusHours(1), "partner", "UPDATED", "Unit U3 hours: 270 → 300", 2);
        var unrelated = new AuditEntry(T0.plusHours(2), "someone", "UPDATED", "Unit U2 hours: 270 → 310", 3);

        assertThat(VariantChangesService.attribution(u3Hours, List.of(derived, old, unrelated)).user()).isEqualTo("partner");
    }

    private static AuditEntry recorded(String user, long version, String detail, QualificationDocument from,
                                       QualificationDocument to) {
        var lines = RevisionDiff.between(from, to).lines().stream().map(RevisionDiff.Line::words).toList();
        return new AuditEntry(T0.plusHours(version), user, "UPDATED", detail, version,
                AuditEntry.json(RevisionDiff.Words.sentences(lines)));
    }

    private static QualificationDocument withHours(QualificationDocument document, String code, int hours) {
        var units = new ArrayList<UnitDocument>();
        for (var u : document.units()) {
            units.add(!u.code().equals(code) ? u : new UnitDocument(u.id(), u.code(), u.title(), u.eqfLevel(), u.credits(),
                    hours, u.mandatory(), u.prerequisites(), u.deliveryModes(), u.outcomes(), u.workBasedLearning(),
                    u.assessments()));
        }
        return document.withUnits(units);
    }
}
