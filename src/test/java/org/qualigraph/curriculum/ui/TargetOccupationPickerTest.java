package org.qualigraph.curriculum.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.OccupationCatalog.OccupationRef;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.esco.EscoService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.EscoTestData;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Target occupations chosen by name against the official ESCO v1.1.1 classification (skipped when ../shared is
 * absent): typing an alternative label finds the occupation, the profile shows its name with the URI behind it, and the
 * ESCO browser can hand an occupation to a qualification.
 */
class TargetOccupationPickerTest extends ViewTest {

    /** ESCO's "refrigeration air condition and heat pump technician", also called "heat pump installation technician". */
    static final String HEAT_PUMP = "http://data.europa.eu/esco/occupation/8234eee9-1647-460d-8d62-7fe02cb884b0";

    @Autowired
    QualificationService service;
    @Autowired
    EscoService esco;

    @BeforeEach
    void esco() {
        EscoTestData.ensureLoaded(esco);
    }

    @Test
    void typingANameFindsTheOccupationAndTheProfileShowsItsName() {
        var created = service.create(Documents.minimal("Heat pump installer"), "designer");
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + created.id());

        @SuppressWarnings("unchecked")
        ComboBox<OccupationRef> search = _get(ComboBox.class, spec -> spec.withId("target-occupation-search"));
        ComboBoxKt.setUserInput(search, "heat pump installation");
        List<OccupationRef> found = ComboBoxKt.getSuggestionItems(search);
        assertThat(found).first().satisfies(o -> {
            assertThat(o.uri()).isEqualTo(HEAT_PUMP);
            assertThat(o.label()).isEqualTo("refrigeration air condition and heat pump technician");
            assertThat(o.altLabels()).contains("heat pump installation technician");
            assertThat(o.iscoGroup()).isNotBlank();
        });
        search.setValue(found.get(0));

        assertThat(search.getValue()).as("the box is ready for the next one").isNull();
        _click(_get(Button.class, spec -> spec.withId("save")));
        assertThat(service.get(created.id()).targetOccupations()).containsExactly(HEAT_PUMP);

        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("qualifications/" + created.id());
        var chip = _get(Div.class, spec -> spec.withClasses("target-occupation"));
        var name = _get(chip, Anchor.class);
        assertThat(name.getText()).isEqualTo("refrigeration air condition and heat pump technician");
        assertThat(name.getElement().getAttribute("title")).isEqualTo(HEAT_PUMP);
        assertThat(chip.getElement().getTextRecursively()).contains("ISCO ").doesNotContain("http");
    }

    @Test
    void aNameThatMatchesNothingIsRefusedAtTheFieldAndAPastedUriIsAccepted() {
        var created = service.create(Documents.minimal("Pasted"), "designer");
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + created.id());
        @SuppressWarnings("unchecked")
        ComboBox<OccupationRef> search = _get(ComboBox.class, spec -> spec.withId("target-occupation-search"));

        ComboBoxKt._fireCustomValueSet(search, "heat pump wizard");
        assertThat(search.isInvalid()).isTrue();
        assertThat(search.getErrorMessage()).contains("heat pump wizard").contains("Pick one from the list");
        assertThat(_find(Div.class, spec -> spec.withClasses("target-occupation"))).isEmpty();

        ComboBoxKt._fireCustomValueSet(search, HEAT_PUMP);
        assertThat(search.isInvalid()).isFalse();
        assertThat(_get(QualificationEditorView.class).draft().targetOccupations).extracting(t -> t.uri)
                .containsExactly(HEAT_PUMP);
    }

    @Test
    void theEscoBrowserHandsAnOccupationToADraftQualification() {
        var created = service.create(Documents.minimal("From the browser"), "designer");
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("esco", com.vaadin.flow.router.QueryParameters.of("occupation", HEAT_PUMP));
        assertThat(_get(Anchor.class, spec -> spec.withId("esco-uri")).getHref()).isEqualTo(HEAT_PUMP);

        _click(_get(Button.class, spec -> spec.withId("use-as-target")));
        @SuppressWarnings("unchecked")
        ComboBox<org.qualigraph.curriculum.QualificationSummary> choice =
                _get(ComboBox.class, spec -> spec.withId("use-as-target-qualification"));
        ComboBoxKt.selectByLabel(choice, "From the browser · EQF 4");
        _click(_get(Button.class, spec -> spec.withId("use-as-target-open")));

        var editor = _get(QualificationEditorView.class);
        assertThat(editor.draft().targetOccupations).extracting(t -> t.uri).containsExactly(HEAT_PUMP);
        assertThat(editor.hasUnsavedChanges()).as("added to the working copy, saved by the designer").isTrue();
        assertThat(service.get(created.id()).targetOccupations()).isEmpty();
    }

    @Test
    void aReviewerSeesNoUseAsTargetAction() {
        login("reviewer", "REVIEWER");
        UI.getCurrent().navigate("esco", com.vaadin.flow.router.QueryParameters.of("occupation", HEAT_PUMP));
        assertThat(_find(Button.class, spec -> spec.withId("use-as-target"))).isEmpty();
    }
}
