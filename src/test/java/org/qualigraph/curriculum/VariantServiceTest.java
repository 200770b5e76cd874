package org.qualigraph.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.ConflictException;
import org.qualigraph.quality.RevisionDiff;
import org.qualigraph.quality.VariantChangesService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A variant remembers its core as it last took it: later core edits are listed as the core's changes, unit by unit,
 * taken or dismissed by choice; the partner's own edits are never listed as the core's, and "changes from core" shows
 * only the partner's own, with who made them.
 */
class VariantServiceTest extends IntegrationTest {

    @Autowired
    QualificationService qualifications;
    @Autowired
    VariantService variants;
    @Autowired
    VariantChangesService variantChanges;

    @Test
    void aCoreEditIsListedUnitByUnitAndAdoptingTakesItAndEmptiesTheList() {
        var core = qualifications.create(Documents.generated("Core", 3, 3), "core-designer");
        var variant = qualifications.derive(core.id(), Map.of("en", "Variant"), "deriver");
        assertThat(variants.coreChanges(variant.id()).units()).as("nothing changed since deriving").isEmpty();

        // the partner's own edit: U3's hours
        variant = qualifications.update(variant.id(), withUnit(variant, "U3", u -> withHours(u, 300)), "partner");
        // the core changes U2's title and credits
        core = qualifications.update(core.id(), withUnit(core, "U2", u -> new UnitDocument(u.id(), u.code(),
                Map.of("en", "Cell formation, revised"), u.eqfLevel(), BigDecimal.valueOf(12), u.hours(), u.mandatory(),
                u.prerequisites(), u.deliveryModes(), u.outcomes(), u.workBasedLearning(), u.assessments())), "core-designer");

        var changes = variants.coreChanges(variant.id());
        assertThat(changes.core()).isEqualTo(core.id());
        assertThat(changes.units()).containsExactly(new VariantService.UnitChange("U2", VariantService.Change.CHANGED,
                List.of("title", "credits")));

        // "changes from core" holds the partner's U3 hours, attributed to the partner, and nothing of the core's U2
        var own = variantChanges.ownChanges(variant.id()).orElseThrow();
        assertThat(own.diff().lines()).extracting(RevisionDiff.Line::subject).contains("U3").doesNotContain("U2");
        int u3 = indexOf(own.diff(), "U3");
        assertThat(own.by().get(u3).user()).isEqualTo("partner");

        var saved = variants.adopt(variant.id(), List.of("U2"), variant.version(), "partner");
        assertThat(saved.version()).isEqualTo(variant.version() + 1);
        var adopted = unit(saved, "U2");
        assertThat(adopted.title()).isEqualTo(Map.of("en", "Cell formation, revised"));
        assertThat(adopted.credits()).isEqualByComparingTo("12");
        assertThat(adopted.id()).as("the variant keeps its own unit").isEqualTo(unit(variant, "U2").id())
                .isNotEqualTo(unit(core, "U2").id());
        assertThat(unit(saved, "U3").hours()).as("the partner's edit stays").isEqualTo(300);
        assertThat(variants.coreChanges(variant.id()).units()).isEmpty();
        assertThat(variantChanges.ownChanges(variant.id()).orElseThrow().diff().lines())
                .extracting(RevisionDiff.Line::subject).doesNotContain("U2");
    }

    @Test
    void addedAndRemovedUnitsAreListedAndDismissingKeepsTheVariantAsItIs() {
        var core = qualifications.create(Documents.generated("Core", 3, 3), "core-designer");
        var variant = qualifications.derive(core.id(), Map.of("en", "Variant"), "partner");
        var u4 = Documents.generated("Other", 4, 3).units().get(3);
        var extra = new UnitDocument(null, u4.code(), u4.title(), u4.eqfLevel(), u4.credits(), u4.hours(), u4.mandatory(),
                List.of("U2"), u4.deliveryModes(), u4.outcomes(), u4.workBasedLearning(), u4.assessments());
        var coreUnits = new ArrayList<>(core.units().subList(0, 2));
        coreUnits.add(extra);
        core = qualifications.update(core.id(), core.withUnits(coreUnits), "core-designer");

        var changes = variants.coreChanges(variant.id()).units();
        assertThat(changes).containsExactly(new VariantService.UnitChange("U4", VariantService.Change.ADDED, List.of()),
                new VariantService.UnitChange("U3", VariantService.Change.REMOVED, List.of()));

        var remaining = variants.dismiss(variant.id(), List.of("U3"), variant.version(), "partner");
        assertThat(remaining.units()).extracting(VariantService.UnitChange::code).containsExactly("U4");
        var afterDismiss = qualifications.get(variant.id());
        assertThat(afterDismiss.version()).as("dismissing changes no content").isEqualTo(variant.version());
        assertThat(afterDismiss.units()).extracting(UnitDocument::code).containsExactly("U1", "U2", "U3");

        var saved = variants.adopt(variant.id(), List.of("U4"), variant.version(), "partner");
        assertThat(saved.units()).extracting(UnitDocument::code).containsExactly("U1", "U2", "U3", "U4");
        assertThat(unit(saved, "U4").id()).as("a copy, not the core's unit").isNotEqualTo(unit(core, "U4").id());
        assertThat(variants.coreChanges(variant.id()).units()).isEmpty();
    }

    @Test
    void aUnitSharedWithTheCoreCountsWhenTheCoreChangesItButNotWhenThePartnerDoes() {
        var core = qualifications.create(Documents.generated("Core", 2, 3), "core-designer");
        var variant = qualifications.derive(core.id(), Map.of("en", "Variant"), "partner");
        // the partner replaces its copy of U1 by the core's own U1: from now on the two share it
        variant = qualifications.update(variant.id(), withUnit(variant, "U1", u -> unit(qualifications.get(core.id()), "U1")),
                "partner");
        assertThat(unit(variant, "U1").id()).isEqualTo(unit(core, "U1").id());
        assertThat(variants.coreChanges(variant.id()).units()).isEmpty();

        variant = qualifications.update(variant.id(), withUnit(variant, "U1", u -> withHours(u, 280)), "partner");
        assertThat(variants.coreChanges(variant.id()).units()).as("the partner's own edit of the shared unit").isEmpty();

        var coreNow = qualifications.get(core.id());
        qualifications.update(core.id(), withUnit(coreNow, "U1", u -> withHours(u, 290)), "core-designer");
        assertThat(variants.coreChanges(variant.id()).units()).containsExactly(
                new VariantService.UnitChange("U1", VariantService.Change.CHANGED, List.of("hours")));
        variant = qualifications.get(variant.id());
        var saved = variants.adopt(variant.id(), List.of("U1"), variant.version(), "partner");
        assertThat(unit(saved, "U1").hours()).isEqualTo(290);
        assertThat(variants.coreChanges(variant.id()).units()).isEmpty();
    }

    @Test
    void aVariantDerivedBeforeBaselinesTakesTheCoreAtFirstRead() {
        var core = qualifications.create(Documents.generated("Core", 2, 3), "core-designer");
        var variant = qualifications.derive(core.id(), Map.of("en", "Variant"), "partner");
        core = qualifications.update(core.id(), withUnit(core, "U1", u -> withHours(u, 111)), "core-designer");
        graph.query("MATCH ()-[d:DERIVED_FROM]->() REMOVE d.baseline, d.baselineVersion, d.baselineAt").run();

        assertThat(variants.coreChanges(variant.id()).units()).as("the core now is the baseline").isEmpty();
        qualifications.update(core.id(), withUnit(core, "U2", u -> withHours(u, 222)), "core-designer");
        assertThat(variants.coreChanges(variant.id()).units()).extracting(VariantService.UnitChange::code)
                .containsExactly("U2");
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        var core = qualifications.create(Documents.generated("Core", 2, 3), "core-designer");
        var variant = qualifications.derive(core.id(), Map.of("en", "Variant"), "partner");
        core = qualifications.update(core.id(), withUnit(core, "U1", u -> withHours(u, 111)), "core-designer");
        String coreId = core.id();
        String id = variant.id();
        long version = variant.version();

        assertThatThrownBy(() -> variants.adopt(id, List.of("U9"), version, "partner"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("units[0]").hasMessageContaining("U1");
        assertThatThrownBy(() -> variants.adopt(id, List.of(), version, "partner"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("units");
        assertThatThrownBy(() -> variants.adopt(id, List.of("U1"), null, "partner"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> variants.adopt(id, List.of("U1"), version + 5, "partner"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> variants.dismiss(id, List.of("U1"), version + 5, "partner"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> variants.coreChanges(coreId)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("not a national variant");
        assertThatThrownBy(() -> variants.coreChanges("no-such-id")).isInstanceOf(QualificationNotFoundException.class);
        assertThat(qualifications.get(id)).isEqualTo(variant);
        assertThat(variants.coreChanges(id).units()).extracting(VariantService.UnitChange::code).containsExactly("U1");
    }

    private static int indexOf(RevisionDiff diff, String subject) {
        for (int i = 0; i < diff.lines().size(); i++) {
            if (subject.equals(diff.lines().get(i).subject())) {
                return i;
            }
        }
        throw new AssertionError("no line about " + subject);
    }

    static UnitDocument unit(QualificationDocument doc, String code) {
        return doc.units().stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
    }

    static QualificationDocument withUnit(QualificationDocument doc, String code, UnaryOperator<UnitDocument> change) {
        return doc.withUnits(doc.units().stream().map(u -> u.code().equals(code) ? change.apply(u) : u).toList());
    }

    static UnitDocument withHours(UnitDocument u, int hours) {
        return new UnitDocument(u.id(), u.code(), u.title(), u.eqfLevel(), u.credits(), hours, u.mandatory(),
                u.prerequisites(), u.deliveryModes(), u.outcomes(), u.workBasedLearning(), u.assessments());
    }
}
