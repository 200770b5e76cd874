package org.qualigraph.curriculum.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.curriculum.VariantService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The variant's editor says when its core changed and lets the partner take or dismiss the changes unit by unit. */
class CoreChangesBannerTest extends ViewTest {

    @Autowired
    QualificationService service;
    @Autowired
    VariantService variants;
    @Autowired
    org.qualigraph.quality.VariantChangesService variantChanges;

    @Test
    void theBannerOpensADialogWhereTheDesignerTakesAUnitsCoreChange() {
        var variant = variantWithCoreChange();
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + variant.id());

        assertThat(_get(Span.class, spec -> spec.withId("core-changes-text")).getText())
                .startsWith("The core profile changed since you derived this variant");
        _click(_get(Button.class, spec -> spec.withId("core-changes-review")));
        assertThat(_get(Dialog.class, spec -> spec.withId("core-changes-dialog")).isOpened()).isTrue();
        @SuppressWarnings("unchecked")
        Grid<VariantService.UnitChange> grid = _get(Grid.class, spec -> spec.withId("core-changes-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("U2", "Changed in the core", "title, credits");

        _click(_get(Button.class, spec -> spec.withId("core-changes-adopt")));
        assertThat(service.get(variant.id()).version()).as("nothing chosen, nothing saved").isEqualTo(variant.version());
        grid.select(GridKt._get(grid, 0));
        _click(_get(Button.class, spec -> spec.withId("core-changes-adopt")));

        var saved = service.get(variant.id());
        assertThat(unit(saved, "U2").title()).containsEntry("en", "Changed in the core");
        assertThat(unit(saved, "U2").credits()).isEqualByComparingTo("12");
        assertThat(_find(Span.class, spec -> spec.withId("core-changes-text"))).as("the banner is gone").isEmpty();
        assertThat(_get(QualificationEditorView.class).draft().version).as("the editor shows the saved variant")
                .isEqualTo(saved.version());
    }

    @Test
    void changesFromCoreShowOnlyThePartnersOwnChangesAndDismissingKeepsTheVariant() {
        var variant = variantWithCoreChange();
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + variant.id());
        _click(_get(Button.class, spec -> spec.withId("lineage-changes")));
        var coreDiff = _get(Div.class, spec -> spec.withId("core-diff"));
        var lines = _find(coreDiff, ListItem.class).stream().map(ListItem::getText).toList();
        assertThat(lines).as("the partner's own U3 hours, with who").anyMatch(t -> t.contains("Unit U3 hours") && t.contains("partner"));
        assertThat(lines).as("the core's later edit of U2 is not the partner's").noneMatch(t -> t.contains("U2"));

        _click(_get(Button.class, spec -> spec.withId("core-changes-review")));
        @SuppressWarnings("unchecked")
        Grid<VariantService.UnitChange> grid = _get(Grid.class, spec -> spec.withId("core-changes-grid"));
        grid.select(GridKt._get(grid, 0));
        _click(_get(Button.class, spec -> spec.withId("core-changes-dismiss")));

        assertThat(service.get(variant.id())).isEqualTo(variant);
        assertThat(variants.coreChanges(variant.id()).units()).isEmpty();
        assertThat(_find(Span.class, spec -> spec.withId("core-changes-text"))).isEmpty();
        // keeping U2 against the core's new one is now the partner's own choice, made by whoever dismissed it
        var own = variantChanges.ownChanges(variant.id()).orElseThrow();
        int u2 = own.diff().lines().stream().map(l -> l.subject()).toList().indexOf("U2");
        assertThat(u2).isNotNegative();
        assertThat(own.by().get(u2).user()).isEqualTo("designer");
    }

    @Test
    void aReviewerSeesTheBannerButCannotDecide() {
        var variant = variantWithCoreChange();
        login("reviewer", "REVIEWER");
        UI.getCurrent().navigate("qualifications/" + variant.id());
        _click(_get(Button.class, spec -> spec.withId("core-changes-review")));
        assertThat(_get(Button.class, spec -> spec.withId("core-changes-adopt")).isEnabled()).isFalse();
        assertThat(_get(Button.class, spec -> spec.withId("core-changes-dismiss")).isEnabled()).isFalse();
    }

    /** A variant whose partner changed U3's hours, and whose core then changed U2's title and credits. */
    private QualificationDocument variantWithCoreChange() {
        var core = service.create(Documents.generated("Core", 3, 3), "core-designer");
        var variant = service.derive(core.id(), Map.of("en", "Variant"), "deriver");
        variant = service.update(variant.id(), variant.withUnits(variant.units().stream().map(u -> !u.code().equals("U3") ? u
                : new UnitDocument(u.id(), u.code(), u.title(), u.eqfLevel(), u.credits(), 300, u.mandatory(),
                u.prerequisites(), u.deliveryModes(), u.outcomes(), u.workBasedLearning(), u.assessments())).toList()), "partner");
        service.update(core.id(), core.withUnits(core.units().stream().map(u -> !u.code().equals("U2") ? u
                : new UnitDocument(u.id(), u.code(), Map.of("en", "Changed in the core"), u.eqfLevel(), BigDecimal.valueOf(12),
                u.hours(), u.mandatory(), u.prerequisites(), u.deliveryModes(), u.outcomes(), u.workBasedLearning(),
                u.assessments())).toList()), "core-designer");
        return variant;
    }

    private static UnitDocument unit(QualificationDocument doc, String code) {
        return doc.units().stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
    }
}
