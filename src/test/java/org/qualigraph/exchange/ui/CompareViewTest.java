package org.qualigraph.exchange.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationSummary;
import org.qualigraph.esco.RecognitionService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The Compare view with the real sentence model: a reviewer compares two differently worded qualifications. */
class CompareViewTest extends ViewTest {

    @Autowired
    QualificationService qualifications;

    @Test
    @SuppressWarnings("unchecked")
    void reviewerComparesTwoQualificationsAndGetsPairsAndTheReport() {
        var a = qualifications.create(Documents.withStatements(Documents.generated("Heat pump fitter", 1, 3), List.of(
                "Explain how a heat pump moves heat from the outside air into a building",
                "Install an air-to-water heat pump and connect it to the heating circuit",
                "Take responsibility for the safe handling of refrigerants")), "designer");
        var b = qualifications.create(Documents.withStatements(Documents.generated("Installateur Wärmepumpe", 1, 3), List.of(
                "Describe the working principle of heat pumps that extract warmth from ambient air",
                "Prepare a cash register report at the end of the day",
                "Fit an air-source heat pump and connect it to the central heating system")), "designer");
        login("reviewer", "REVIEWER");
        UI.getCurrent().navigate(CompareView.class);

        var boxA = (ComboBox<QualificationSummary>) _get(ComboBox.class, s -> s.withId("compare-a"));
        var boxB = (ComboBox<QualificationSummary>) _get(ComboBox.class, s -> s.withId("compare-b"));
        boxA.setValue(boxA.getListDataView().getItems().filter(q -> q.id().equals(a.id())).findFirst().orElseThrow());
        boxB.setValue(boxB.getListDataView().getItems().filter(q -> q.id().equals(b.id())).findFirst().orElseThrow());
        _click(_get(Button.class, s -> s.withId("compare-run")));

        assertThat(_get(Paragraph.class, s -> s.withId("compare-summary")).getText())
                .isEqualTo("2 outcomes paired, 1 only in A, 1 only in B.");
        var pairs = (Grid<RecognitionService.Pair>) _get(Grid.class, s -> s.withId("compare-pairs"));
        assertThat(pairs.getListDataView().getItems().map(p -> p.a() + "=" + p.b()))
                .containsExactlyInAnyOrder("U1.K1=U1.K1", "U1.S2=U1.R3");
        assertThat(_get(Paragraph.class, s -> s.withId("compare-only-b")).getText()).contains("U1.S2");
        assertThat(_get(Anchor.class, s -> s.withId("compare-report-pdf")).getHref()).isNotBlank();
    }
}
