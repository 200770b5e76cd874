package org.qualigraph.curriculum.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.tabs.TabSheet;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.Dimension;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.support.Documents;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Reordering units and outcomes in the working copy, and the help panel of each tab. */
class EditorOrderAndHelpTest extends ViewTest {

    @Autowired
    QualificationService service;

    @Test
    void aDroppedUnitTakesItsNewPlaceAndIsSavedInThatOrder() {
        var created = service.create(Documents.generated("Ordered", 3, 3), "designer");
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + created.id());
        _get(TabSheet.class, spec -> spec.withId("editor-tabs")).setSelectedIndex(1);
        var editor = _get(QualificationEditorView.class);
        var units = editor.draft().units;
        var first = units.get(0);
        var last = units.get(2);

        _get(UnitsPanel.class).moveUnit(first, last, true);

        assertThat(units).extracting(u -> u.code).containsExactly(created.units().get(1).code(),
                created.units().get(2).code(), created.units().get(0).code());
        assertThat(editor.hasUnsavedChanges()).isTrue();
        _click(_get(Button.class, spec -> spec.withId("save")));
        assertThat(service.get(created.id()).units()).extracting(UnitDocument::code).containsExactly(
                created.units().get(1).code(), created.units().get(2).code(), created.units().get(0).code());
    }

    @Test
    void anOutcomeDroppedOnAnotherOfItsDimensionTakesThatPlace() {
        var created = service.create(Documents.generated("Outcomes", 1, 6), "designer");
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + created.id());
        _get(TabSheet.class, spec -> spec.withId("editor-tabs")).setSelectedIndex(1);
        var unit = _get(QualificationEditorView.class).draft().units.get(0);
        var dimension = unit.outcomes.get(0).dimension;
        var same = unit.outcomes.stream().filter(o -> o.dimension == dimension).toList();
        assertThat(same).as("the generated unit has two outcomes of one dimension").hasSizeGreaterThanOrEqualTo(2);
        var other = unit.outcomes.stream().filter(o -> o.dimension != dimension).findFirst().orElseThrow();
        String slug = dimension.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        var section = _get(OutcomeSection.class, spec -> spec.withId("outcomes-" + slug));

        section.moveOutcome(same.get(1), same.get(0));
        assertThat(unit.outcomes.stream().filter(o -> o.dimension == dimension).toList())
                .startsWith(same.get(1), same.get(0));
        var before = java.util.List.copyOf(unit.outcomes);
        section.moveOutcome(other, same.get(0));
        assertThat(unit.outcomes).as("an outcome of another dimension is not taken").isEqualTo(before);
        assertThat(_find(com.vaadin.flow.component.icon.Icon.class, spec -> spec.withClasses("outcome-drag-handle")))
                .isNotEmpty();
        assertThat(Dimension.values()).contains(dimension);
    }

    @Test
    void eachTabHasHelpThatLinksIntoTheUserGuide() {
        var created = service.create(Documents.minimal("Helped"), "designer");
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + created.id());
        assertThat(_find(Div.class, spec -> spec.withId("help-panel"))).as("hidden until asked for").isEmpty();

        _click(_get(Button.class, spec -> spec.withId("editor-help")));
        var panel = _get(Div.class, spec -> spec.withId("help-panel"));
        assertThat(panel.getElement().getTextRecursively()).contains("Type an occupation's name");
        assertThat(_get(Anchor.class, spec -> spec.withId("help-guide-link")).getHref()).isEqualTo("help#building-a-qualification");

        _get(TabSheet.class, spec -> spec.withId("editor-tabs")).setSelectedIndex(2);
        var link = _get(Anchor.class, spec -> spec.withId("help-guide-link"));
        assertThat(link.getHref()).startsWith("help#").isNotEqualTo("help#");

        UI.getCurrent().navigate("help");
        var section = link.getHref().substring("help#".length());
        assertThat(_find(H2.class, spec -> spec.withId(section))).as("the guide has the section " + section).hasSize(1);
    }
}
