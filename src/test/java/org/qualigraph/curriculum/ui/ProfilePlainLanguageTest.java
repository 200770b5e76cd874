package org.qualigraph.curriculum.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationType;
import org.qualigraph.support.Documents;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The profile tab speaks the designer's language: stored codes appear as labels, countries are picked by name, and a
 * refused save marks the field concerned with a sentence instead of printing the document path.
 */
class ProfilePlainLanguageTest extends ViewTest {

    /** A stored enum constant such as HE_SHORT_CYCLE or a document path such as nqfLevels[0].country. */
    static final Pattern INTERNAL = Pattern.compile("\\b[A-Z]{2,}_[A-Z_]+\\b|\\b[a-z]+[A-Z]?[a-z]*\\[\\d+]\\.[a-z]");

    @Autowired
    QualificationService service;

    @Test
    void statusAndChoicesShowLabelsNotCodes() {
        var created = service.create(Documents.minimal("Labelled"), "designer");
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + created.id());

        assertThat(_get(Span.class, spec -> spec.withId("editor-status")).getText()).isEqualTo("Draft");
        @SuppressWarnings("unchecked")
        Select<QualificationType> type = _get(Select.class, spec -> spec.withId("type"));
        _setValue(type, QualificationType.HE_SHORT_CYCLE);
        assertThat(type.getItemLabelGenerator().apply(type.getValue())).isEqualTo("Higher education, short cycle");
        assertThat(ComboBoxKt.getSuggestions(type)).contains("Initial vocational education and training", "Micro-credential")
                .noneMatch(label -> INTERNAL.matcher(label).find());
    }

    @Test
    void aCountryIsPickedByNameAndAMissingLevelIsMarkedAtItsField() {
        var created = service.create(Documents.minimal("National levels"), "designer");
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + created.id());
        _click(_get(Button.class, spec -> spec.withId("nqf-levels-add")));
        var nqf = _get(RowListEditor.class, spec -> spec.withId("nqf-levels"));
        @SuppressWarnings("unchecked")
        ComboBox<String> country = last(_find(nqf, ComboBox.class, spec -> spec.withLabel("Country")));
        assertThat(ComboBoxKt.getSuggestions(country)).contains("Germany (DE)", "Austria (AT)", "Greece (GR)");
        ComboBoxKt.selectByLabel(country, "Austria (AT)");

        _click(_get(Button.class, spec -> spec.withId("save")));

        var level = last(_find(nqf, TextField.class, spec -> spec.withLabel("Level")));
        assertThat(level.isInvalid()).as("the empty level is marked").isTrue();
        assertThat(level.getErrorMessage()).isEqualTo("The national level is required (e.g. \"4\").");
        var error = _get(Div.class, spec -> spec.withId("editor-error"));
        assertThat(error.getElement().getTextRecursively()).doesNotContainPattern(INTERNAL);
        assertThat(service.get(created.id()).nqfLevels()).as("nothing saved").hasSize(1);

        _setValue(level, "4");
        _click(_get(Button.class, spec -> spec.withId("save")));

        assertThat(_find(Div.class, spec -> spec.withId("editor-error"))).as("no old error next to the saved state").isEmpty();
        assertThat(service.get(created.id()).nqfLevels()).hasSize(2).last().satisfies(added -> {
            assertThat(added.country()).isEqualTo("AT");
            assertThat(added.level()).isEqualTo("4");
        });
    }

    @Test
    void aProblemInAUnitIsNamedInWordsAndOpensTheUnit() {
        var draft = new QualificationDraft();
        var unit = new UnitDraft();
        unit.code = "U2";
        var outcome = new UnitDraft.OutcomeDraft();
        outcome.code = "U2.K1";
        unit.outcomes.add(outcome);
        draft.units.add(new UnitDraft());
        draft.units.add(unit);
        login("designer", "DESIGNER");
        var text = ProblemText.describe(new org.qualigraph.base.FieldProblem("units[1].outcomes[0].eqfLevel",
                "must be between 1 and 8"), draft, (key, args) -> UI.getCurrent().getTranslation(key, args));

        assertThat(text).isEqualTo("Unit U2 › outcome U2.K1 › EQF level: Must be between 1 and 8.");
        assertThat(ProblemText.unitIndex("units[1].outcomes[0].eqfLevel")).isEqualTo(1);
    }

    /** A refused save is told in the designer's language: the field's name and the server's sentence alike. */
    @Test
    void aPolishDesignerReadsWhyASaveWasRefusedInPolish() {
        var draft = new QualificationDraft();
        var unit = new UnitDraft();
        unit.code = "U2";
        draft.units.add(unit);
        login("designer", "DESIGNER");
        UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("pl"));
        var problems = org.qualigraph.curriculum.DocumentValidator.validate(withTwoUnitsCoded("U2"));
        var duplicate = problems.stream().filter(p -> p.field().equals("units[1].code")).findFirst().orElseThrow();
        assertThat(duplicate.message()).as("the API keeps English").isEqualTo("duplicate unit code \"U2\"");

        var text = ProblemText.describe(duplicate, draft, (key, args) -> UI.getCurrent().getTranslation(key, args));
        assertThat(text).endsWith(": Kod jednostki „U2” się powtarza.").doesNotContain("duplicate");
    }

    private static org.qualigraph.curriculum.QualificationDocument withTwoUnitsCoded(String code) {
        var doc = org.qualigraph.support.Documents.generated("Dwie jednostki", 2, 1);
        var units = doc.units().stream().map(u -> new org.qualigraph.curriculum.UnitDocument(u.id(), code, u.title(),
                u.eqfLevel(), u.credits(), u.hours(), u.mandatory(), java.util.List.of(), u.deliveryModes(), u.outcomes(),
                u.workBasedLearning(), u.assessments())).toList();
        return doc.withUnits(units);
    }

    private static <T> T last(java.util.List<T> found) {
        assertThat(found).isNotEmpty();
        return found.get(found.size() - 1);
    }
}
