package org.qualigraph.quality.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.mvysny.kaributesting.v10.LocatorKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.qualigraph.base.Roles;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.quality.QualityService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The quality report speaks the reader's language: findings and rule notes are bundle sentences (keyed by rule id)
 * formatted for the user's locale, while the REST report keeps the English message of the contract.
 */
class FindingLanguagesViewTest extends ViewTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Autowired
    QualificationService qualifications;
    @Autowired
    QualityService quality;

    /** A qualification without EQF level whose first unit has no workload: EQF-01 and CREDIT-08 fail, EQF-02 has a note. */
    private String withFindings() throws Exception {
        ObjectNode node = JSON.valueToTree(Documents.generated("Fotowoltaika", 2, 3));
        node.putNull("eqfLevel");
        var unit = (ObjectNode) node.withArray("units").get(0);
        unit.putNull("credits");
        unit.putNull("hours");
        return qualifications.create(JSON.treeToValue(node, QualificationDocument.class), "designer").id();
    }

    private List<String> shown(Locale locale, String id, String className) {
        login("designer", Roles.DESIGNER);
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().removeAll();
        var view = new QualityReportView(qualifications, quality);
        UI.getCurrent().add(view);
        view.show(id);
        var texts = new ArrayList<String>();
        for (Component c : LocatorKt._walkAll(UI.getCurrent())) {
            if (c.getClassNames().contains(className)) {
                if (c instanceof Span || c.getChildren().findAny().isEmpty()) {
                    texts.add(c.getElement().getText());
                } else {
                    c.getChildren().filter(Span.class::isInstance).map(s -> ((Span) s).getText())
                            .filter(t -> !t.isBlank()).forEach(texts::add);
                }
            }
        }
        return texts;
    }

    @Test
    void aPolishUserReadsFindingsAndNotesInPolish() throws Exception {
        String id = withFindings();
        var findings = shown(Locale.forLanguageTag("pl"), id, "quality-finding");
        assertThat(findings).contains("Kwalifikacja nie ma poziomu ERK; ustaw poziom od 3 do 8.");
        assertThat(findings).anySatisfy(f -> assertThat(f).startsWith("Jednostka U1 „")
                .endsWith("” nie ma nakładu pracy; podaj punkty lub godziny."));
        assertThat(findings).noneSatisfy(f -> assertThat(f).containsAnyOf("The qualification", "Unit U1", "has no"));
        assertThat(shown(Locale.forLanguageTag("pl"), id, "quality-rule-note"))
                .contains("Kwalifikacja nie ma poziomu ERK (zob. EQF-01).");
    }

    @Test
    void aGermanUserReadsFindingsAndNotesInGerman() throws Exception {
        String id = withFindings();
        var findings = shown(Locale.GERMAN, id, "quality-finding");
        assertThat(findings).contains("Die Qualifikation hat kein EQR-Niveau; legen Sie eines zwischen 3 und 8 fest.");
        assertThat(findings).anySatisfy(f -> assertThat(f).startsWith("Einheit U1 „")
                .endsWith("“ hat keinen Arbeitsaufwand; geben Sie Leistungspunkte oder Stunden an."));
        assertThat(shown(Locale.GERMAN, id, "quality-rule-note"))
                .contains("Die Qualifikation hat kein EQR-Niveau (siehe EQF-01).");
    }

    @Test
    void theRestReportKeepsTheEnglishMessageOfTheContract() throws Exception {
        String id = withFindings();
        var report = quality.report(id);
        assertThat(report.findingsOf("EQF-01")).extracting(f -> f.message())
                .containsExactly("The qualification has no EQF level; set one between 3 and 8.");
        assertThat(report.findingsOf("CREDIT-08").get(0).message()).startsWith("Unit U1 \"")
                .endsWith("\" has no workload; give its credits or notional hours.");
        assertThat(report.rule("EQF-02").note()).isEqualTo("The qualification has no EQF level (see EQF-01).");
    }
}
