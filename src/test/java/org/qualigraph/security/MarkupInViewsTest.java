package org.qualigraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Markup typed into a qualification is shown by the Vaadin UI as the literal text it is: the list and the editor
 * (every tab) hold the string in text or value properties, and no element of the page carries it as HTML.
 */
class MarkupInViewsTest extends ViewTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "<img src=x onerror=alert(2)>";

    @Autowired
    QualificationService qualifications;

    @Test
    void markupIsShownAsTextInTheListAndTheEditor() {
        var minimal = Documents.minimal("x");
        var unit = minimal.units().get(0);
        var outcome = unit.outcomes().get(0);
        var marked = new QualificationDocument(null, null, Map.of("en", "Title " + SCRIPT), Map.of("en", "Description " + IMG),
                minimal.type(), minimal.eqfLevel(), minimal.nqfLevels(), minimal.iscedF(), minimal.ecosystem(),
                minimal.creditSystem(), minimal.credits(), minimal.entryRequirements(), minimal.awardingBodies(),
                minimal.targetOccupations(), null, null, List.of(new org.qualigraph.curriculum.UnitDocument(null, unit.code(),
                Map.of("en", "Unit " + IMG), unit.eqfLevel(), unit.credits(), unit.hours(), unit.mandatory(), unit.prerequisites(),
                unit.deliveryModes(), List.of(new org.qualigraph.curriculum.OutcomeDocument(null, outcome.code(),
                outcome.dimension(), Map.of("en", "Outcome " + SCRIPT), outcome.eqfLevel(), outcome.skills(),
                outcome.keyCompetences())), List.of(), List.of())));
        var created = qualifications.create(marked, "designer");
        login("designer", "DESIGNER");

        UI.getCurrent().navigate("");
        assertShownAsText("Title " + SCRIPT);

        UI.getCurrent().navigate("qualifications/" + created.id());
        assertShownAsText("Title " + SCRIPT);
        var tabs = all(UI.getCurrent()).stream().filter(TabSheet.class::isInstance).map(TabSheet.class::cast).toList();
        var seen = new ArrayList<String>();
        for (TabSheet sheet : tabs) {
            for (int i = 0; i < sheet.getTabCount(); i++) {
                sheet.setSelectedIndex(i);
                seen.add(texts(UI.getCurrent()));
                assertNoHtml();
                selectFirstRows();
                seen.add(texts(UI.getCurrent()));
                assertNoHtml();
            }
        }
        String everything = String.join("\n", seen);
        assertThat(everything).contains("Unit " + IMG).contains("Outcome " + SCRIPT);
    }

    /** Opens the details of the first row of every grid (the unit list shows a unit's outcomes once selected). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void selectFirstRows() {
        for (Component component : all(UI.getCurrent())) {
            if (component instanceof com.vaadin.flow.component.grid.Grid grid
                    && com.github.mvysny.kaributesting.v10.GridKt._size(grid) > 0) {
                grid.select(com.github.mvysny.kaributesting.v10.GridKt._get(grid, 0));
            }
        }
    }

    private void assertShownAsText(String literal) {
        assertThat(texts(UI.getCurrent())).contains(literal);
        assertNoHtml();
    }

    private void assertNoHtml() {
        for (Component component : all(UI.getCurrent())) {
            assertThat(component).as("an Html component").isNotInstanceOf(Html.class);
            Element element = component.getElement();
            for (String property : List.of("innerHTML", "outerHTML")) {
                assertThat(element.getProperty(property)).as(property + " of " + component.getClass().getSimpleName()).isNull();
            }
        }
    }

    /** Texts, values and labels of every component attached to the UI. */
    private static String texts(UI ui) {
        var out = new StringBuilder();
        for (Component component : all(ui)) {
            if (component instanceof HasText text && text.getText() != null) {
                out.append(text.getText()).append('\n');
            }
            if (component instanceof HasValue<?, ?> value && value.getValue() != null) {
                out.append(value.getValue()).append('\n');
            }
            for (String property : List.of("label", "title", "value")) {
                String p = component.getElement().getProperty(property);
                if (p != null) {
                    out.append(p).append('\n');
                }
            }
            if (component instanceof com.vaadin.flow.component.grid.Grid<?> grid) {
                out.append(com.github.mvysny.kaributesting.v10.GridKt._dump(grid, new kotlin.ranges.IntRange(0, 20))).append('\n');
            }
        }
        return out.toString();
    }

    /** Every component of the UI as Karibu walks it (tab contents, dialogs and other virtual children included). */
    private static List<Component> all(Component root) {
        return com.github.mvysny.kaributesting.v10.LocatorJ._find(Component.class);
    }
}
