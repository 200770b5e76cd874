package org.qualigraph.curriculum.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The languages of a qualification chosen by name, what each field lacks, the overview and the filter. */
class ContentLanguagesViewTest extends ViewTest {

    @Autowired
    QualificationService service;

    @Test
    void aLanguageChosenByNameGivesEveryTextARowAndTheOverviewListsWhatIsMissing() {
        String id = service.create(Documents.minimal("Battery cell technician"), "designer").id();
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + id);

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> chooser = _get(MultiSelectComboBox.class, spec -> spec.withId("content-languages"));
        assertThat(chooser.getValue()).containsExactly("en");
        assertThat(chooser.getListDataView().getItemCount()).isEqualTo(29);
        assertThat(chooser.getItemLabelGenerator().apply("pl")).isEqualTo("polski");
        assertThat(chooser.getItemLabelGenerator().apply("de")).isEqualTo("Deutsch");
        assertThat(chooser.getItemLabelGenerator().apply("mk")).isEqualTo("македонски");

        _setValue(chooser, Set.of("en", "pl"));
        var title = _get(MultilingualField.class, spec -> spec.withId("title"));
        assertThat(title.textOf("pl")).as("a row for Polish").isPresent();
        assertThat(title.getHelperText()).isEqualTo("Filled: English · Missing: polski");

        var overview = _get(Details.class, spec -> spec.withId("translation-overview"));
        overview.setOpened(true);
        var polish = _get(Div.class, spec -> spec.withId("translation-pl"));
        int texts = ContentLanguages.texts(service.get(id)).stream().filter(ContentLanguages.Text::written).toList().size();
        assertThat(polish.getElement().getTextRecursively()).startsWith("polski: " + texts + " of " + texts + " texts missing")
                .contains("Title of the qualification").contains("Title of unit U1");
        assertThat(_get(Div.class, spec -> spec.withId("translation-en")).getElement().getTextRecursively())
                .startsWith("English: complete");

        _setValue((TextField) title.textOf("pl").orElseThrow(), "Technik produkcji ogniw");
        assertThat(title.getHelperText()).isEqualTo("Filled: English, polski");
        assertThat(_get(Div.class, spec -> spec.withId("translation-pl")).getElement().getTextRecursively())
                .startsWith("polski: " + (texts - 1) + " of " + texts + " texts missing")
                .doesNotContain("Title of the qualification");

        var description = _get(MultilingualField.class, spec -> spec.withId("description"));
        _setValue(_get(Checkbox.class, spec -> spec.withId("untranslated-only")), true);
        assertThat(title.isVisible()).as("complete: hidden while only untranslated texts show").isFalse();
        assertThat(description.isVisible()).isTrue();
        _setValue(_get(Checkbox.class, spec -> spec.withId("untranslated-only")), false);
        assertThat(title.isVisible()).isTrue();

        _click(_get(Button.class, spec -> spec.withId("save")));
        assertThat(service.get(id).title()).containsEntry("pl", "Technik produkcji ogniw").containsEntry("en",
                "Battery cell technician");
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("qualifications/" + id);
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> again = _get(MultiSelectComboBox.class, spec -> spec.withId("content-languages"));
        assertThat(again.getValue()).as("a language some text is written in").containsExactlyInAnyOrder("en", "pl");
    }
}
