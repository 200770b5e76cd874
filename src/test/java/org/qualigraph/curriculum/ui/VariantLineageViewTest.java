package org.qualigraph.curriculum.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.OrganisationKind;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.VariantRequest;
import org.qualigraph.support.Documents;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/** A designer derives a national variant in the list's dialog, then sees where it came from and what it changed. */
class VariantLineageViewTest extends ViewTest {

    @Autowired
    QualificationService service;

    @Test
    void theDeriveDialogAsksForTheNationalDataAndMarksWhatIsMissing() {
        String core = service.create(Documents.minimal("Battery cell technician"), "designer").id();
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("");
        _click(QualificationListViewTest.action("derive-" + core));
        _click(_get(Button.class, spec -> spec.withId("derive-confirm")));

        @SuppressWarnings("unchecked")
        ComboBox<String> country = _get(ComboBox.class, spec -> spec.withId("derive-country"));
        assertThat(country.isInvalid()).isTrue();
        assertThat(_get(TextField.class, spec -> spec.withId("derive-nqf-level")).isInvalid()).isTrue();
        assertThat(service.count(null)).as("nothing derived yet").isEqualTo(1);

        _setValue(_get(TextField.class, spec -> spec.withId("derive-title")), "Battery cell technician (Austria)");
        _setValue(country, "AT");
        _setValue(_get(TextField.class, spec -> spec.withId("derive-nqf-level")), "4");
        _setValue(_get(TextField.class, spec -> spec.withId("derive-body")), "WKO Lehrlingsstelle");
        @SuppressWarnings("unchecked")
        Select<OrganisationKind> kind = _get(Select.class, spec -> spec.withId("derive-body-kind"));
        _setValue(kind, OrganisationKind.CHAMBER);
        _click(_get(Button.class, spec -> spec.withId("derive-confirm")));

        var editor = _get(QualificationEditorView.class);
        var variant = service.get(editor.draft().id);
        assertThat(variant.derivedFrom()).isEqualTo(core);
        assertThat(variant.nqfLevels()).singleElement().satisfies(n -> {
            assertThat(n.country()).isEqualTo("AT");
            assertThat(n.level()).isEqualTo("4");
        });
        assertThat(variant.awardingBodies()).singleElement().satisfies(b -> {
            assertThat(b.name()).isEqualTo("WKO Lehrlingsstelle");
            assertThat(b.country()).isEqualTo("AT");
            assertThat(b.kind()).isEqualTo(OrganisationKind.CHAMBER);
        });
    }

    @Test
    void aVariantShowsItsCoreAndItsChangesFromIt() {
        var coreDoc = service.create(Documents.minimal("Battery cell technician"), "designer");
        var variant = service.derive(coreDoc.id(), new VariantRequest(Map.of("en", "Battery cell technician (PL)"), "PL",
                "5", null, List.of()), "designer");
        // the variant adds a national outcome to U1
        var unit = variant.units().get(0);
        var outcomes = new java.util.ArrayList<>(unit.outcomes());
        outcomes.add(new org.qualigraph.curriculum.OutcomeDocument(null, "U1.S9", org.qualigraph.curriculum.Dimension.SKILLS,
                Map.of("en", "Apply the Polish fire safety regulations for battery storage"), 4, List.of(), List.of()));
        service.update(variant.id(), variant.withUnits(List.of(unit.withOutcomes(outcomes))), "designer");

        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + variant.id());
        assertThat(_get(RouterLink.class, spec -> spec.withId("lineage-core")).getText()).isEqualTo("Battery cell technician");
        assertThat(_get(RouterLink.class, spec -> spec.withId("lineage-core")).getHref()).isEqualTo("qualifications/" + coreDoc.id());
        assertThat(_get(Span.class, spec -> spec.withId("lineage-date")).getText())
                .as("the date as the user's language writes it, never a bare numeric one")
                .matches(", [A-Z][a-z]{2} \\d{1,2}, \\d{4}");

        _click(_get(Button.class, spec -> spec.withId("lineage-changes")));
        assertThat(_get(TabSheet.class, spec -> spec.withId("editor-tabs")).getSelectedTab().getId()).contains("tab-revisions");
        var coreDiff = _get(Div.class, spec -> spec.withId("core-diff"));
        var outcomeLines = _get(coreDiff, UnorderedList.class, spec -> spec.withId("core-diff-OUTCOMES"));
        assertThat(_find(outcomeLines, ListItem.class).stream().map(ListItem::getText).toList())
                .anyMatch(text -> text.startsWith("Outcome U1.S9 added to unit U1"));
        var levels = _get(coreDiff, UnorderedList.class, spec -> spec.withId("core-diff-LEVELS"));
        assertThat(_find(levels, ListItem.class).stream().map(ListItem::getText).toList())
                .anyMatch(text -> text.contains("PL 5") && text.contains("added"));
    }

    @Test
    void aCoreHasNoLineageLine() {
        String core = service.create(Documents.minimal("Battery cell technician"), "designer").id();
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + core);
        assertThat(_find(RouterLink.class, spec -> spec.withId("lineage-core"))).isEmpty();
    }
}
