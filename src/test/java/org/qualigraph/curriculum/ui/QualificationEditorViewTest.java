package org.qualigraph.curriculum.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.Dimension;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationSummary;
import org.qualigraph.support.Documents;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

class QualificationEditorViewTest extends ViewTest {

    @Autowired
    QualificationService service;

    @Test
    void designerCreatesAQualificationAddsAUnitWithThreeOutcomesAndSaves() {
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("");
        _click(_get(Button.class, spec -> spec.withId("new-qualification")));
        _setValue(_get(TextField.class, spec -> spec.withId("new-title")), "Heat pump installer");
        _setValue(_get(IntegerField.class, spec -> spec.withId("new-eqf")), 4);
        _click(_get(Button.class, spec -> spec.withId("create-qualification")));

        var editor = _get(QualificationEditorView.class);
        String id = editor.draft().id;
        _get(TabSheet.class, spec -> spec.withId("editor-tabs")).setSelectedIndex(1);
        _click(_get(Button.class, spec -> spec.withId("add-unit")));
        setText(_get(MultilingualField.class, spec -> spec.withId("unit-title")), "en", "Refrigerant circuits");
        _setValue(_get(IntegerField.class, spec -> spec.withId("unit-hours")), 120);
        for (String dimension : List.of("knowledge", "skills", "responsibility-autonomy")) {
            _click(_get(Button.class, spec -> spec.withId("add-outcome-" + dimension)));
        }
        var statements = _find(MultilingualField.class, spec -> spec.withClasses("outcome-statement"));
        assertThat(statements).hasSize(3);
        setText(statements.get(0), "en", "Explain the refrigeration cycle");
        setText(statements.get(1), "en", "Braze copper pipes to a tight joint");
        setText(statements.get(2), "en", "Take responsibility for leak tests");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("editor-totals")).getText())
                .contains("120");
        assertThat(editor.hasUnsavedChanges()).isTrue();

        _click(_get(Button.class, spec -> spec.withId("save")));

        assertThat(editor.hasUnsavedChanges()).isFalse();
        var stored = service.get(id);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.units()).singleElement().satisfies(unit -> {
            assertThat(unit.code()).isEqualTo("U1");
            assertThat(unit.title()).isEqualTo(Map.of("en", "Refrigerant circuits"));
            assertThat(unit.hours()).isEqualTo(120);
            assertThat(unit.outcomes()).extracting(OutcomeDocument::dimension)
                    .containsExactly(Dimension.KNOWLEDGE, Dimension.SKILLS, Dimension.RESPONSIBILITY_AUTONOMY);
            assertThat(unit.outcomes()).extracting(OutcomeDocument::code).containsExactly("U1.K1", "U1.S1", "U1.R1");
            assertThat(unit.outcomes().get(1).statement()).isEqualTo(Map.of("en", "Braze copper pipes to a tight joint"));
        });

        UI.getCurrent().navigate("");
        @SuppressWarnings("unchecked")
        Grid<QualificationSummary> grid = _get(Grid.class, spec -> spec.withId("qualification-grid"));
        assertThat(GridKt._findAll(grid)).extracting(QualificationSummary::displayTitle).containsExactly("Heat pump installer");
        assertThat(GridKt._get(grid, 0).version()).isEqualTo(1);
    }

    @Test
    void reviewerSeesTheEditorReadOnly() {
        var created = service.create(Documents.minimal("Read only"), "designer");
        login("reviewer", "REVIEWER");
        UI.getCurrent().navigate("qualifications/" + created.id());

        assertThat(_get(Button.class, spec -> spec.withId("save")).isEnabled()).isFalse();
        assertThat(_get(MultilingualField.class, spec -> spec.withId("title")).isReadOnly()).isTrue();
        assertThat(_find(Button.class, spec -> spec.withId("add-unit"))).isEmpty();
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("read-only-note"))).isNotNull();
    }

    @Test
    void aStaleSaveShowsTheConflictAndKeepsTheTypedTitle() {
        var created = service.create(Documents.minimal("Original title"), "designer");
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + created.id());
        var title = _get(MultilingualField.class, spec -> spec.withId("title"));
        setText(title, "en", "My better title");

        service.update(created.id(), created.withTitle(Map.of("en", "Someone else's title")), "other");
        _click(_get(Button.class, spec -> spec.withId("save")));

        var conflict = _get(com.vaadin.flow.component.orderedlayout.HorizontalLayout.class,
                spec -> spec.withId("conflict-message"));
        assertThat(conflict.getElement().getTextRecursively()).contains("Someone else saved this qualification");
        assertThat(title.getValue()).containsEntry("en", "My better title");
        assertThat(_get(QualificationEditorView.class).draft().title).containsEntry("en", "My better title");
        assertThat(service.get(created.id()).title()).containsEntry("en", "Someone else's title");

        _click(_get(Button.class, spec -> spec.withId("conflict-reload")));
        assertThat(_get(MultilingualField.class, spec -> spec.withId("title")).getValue())
                .containsEntry("en", "Someone else's title");
    }

    @Test
    void leavingWithUnsavedChangesAsksFirst() {
        var created = service.create(Documents.minimal("Guarded"), "designer");
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + created.id());
        setText(_get(MultilingualField.class, spec -> spec.withId("title")), "en", "Guarded, edited");

        UI.getCurrent().navigate("");
        assertThat(_find(QualificationEditorView.class)).hasSize(1);
        var dialog = _get(ConfirmDialog.class, spec -> spec.withId("unsaved-dialog"));
        ConfirmDialogKt._fireConfirm(dialog);

        assertThat(_find(QualificationListView.class)).hasSize(1);
        assertThat(service.get(created.id()).title()).containsEntry("en", "Guarded");
    }

    @Test
    void leavingWithoutChangesDoesNotAsk() {
        var created = service.create(Documents.minimal("Unchanged"), "designer");
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + created.id());
        UI.getCurrent().navigate("");
        assertThat(_find(QualificationListView.class)).hasSize(1);
    }

    @Test
    void invalidInputIsShownAtTheFieldAndNothingIsSaved() {
        var created = service.create(Documents.minimal("Valid"), "designer");
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + created.id());
        var eqf = _get(IntegerField.class, spec -> spec.withId("eqf-level"));
        _setValue(eqf, 11);
        assertThat(eqf.isInvalid()).isTrue();

        _click(_get(Button.class, spec -> spec.withId("save")));

        assertThat(service.get(created.id()).version()).isZero();
        assertThat(service.get(created.id()).eqfLevel()).isEqualTo(4);
    }

    @Test
    void aSharedUnitWarnsWhichQualificationsItAlsoChanges() {
        var first = service.create(Documents.minimal("First"), "designer");
        var second = service.create(Documents.generated("Second", 1, 3), "designer");
        var units = new java.util.ArrayList<>(second.units());
        units.add(first.units().get(0).withId(first.units().get(0).id()));
        // the same unit code twice is refused, so the reused unit gets its own code in the second qualification
        var reused = first.units().get(0);
        units.set(1, new org.qualigraph.curriculum.UnitDocument(reused.id(), "C1", reused.title(), reused.eqfLevel(),
                reused.credits(), reused.hours(), true, List.of(), reused.deliveryModes(), reused.outcomes().stream()
                .map(o -> new OutcomeDocument(o.id(), "C1" + o.code(), o.dimension(), o.statement(), o.eqfLevel(), o.skills(),
                        o.keyCompetences())).toList(), List.of(), List.of()));
        service.update(second.id(), second.withUnits(units), "designer");

        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + first.id());
        _get(TabSheet.class, spec -> spec.withId("editor-tabs")).setSelectedIndex(1);
        var warning = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("shared-warning"));
        assertThat(warning.getText()).isEqualTo("Changes here also apply to: Second");
    }

    @Test
    void aUnitOfAPublishedQualificationWarnsThatEditingItMakesACopy() {
        var created = service.create(Documents.generated("Published programme", 2, 3), "designer");
        service.changeStatus(created.id(), org.qualigraph.curriculum.QualificationStatus.PUBLISHED, "reviewer");
        var published = service.get(created.id());
        var unit = published.units().get(0);
        var own = Documents.generated("Draft programme", 2, 3).units().get(1);
        var draft = service.create(Documents.generated("Draft programme", 2, 3).withUnits(List.of(unit, own)), "designer");
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + draft.id());
        _get(TabSheet.class, spec -> spec.withId("editor-tabs")).setSelectedIndex(1);

        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("published-copy-warning")).getText())
                .isEqualTo("Also part of Published programme, which is in review, approved, published or archived and so"
                        + " cannot change: if you edit this unit, saving makes a copy of it for this qualification only, and"
                        + " Published programme keeps the original.");
        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("shared-warning"))).isEmpty();

        _click(_get(Button.class, spec -> spec.withId("save")));
        assertThat(service.get(draft.id()).units().get(0).id()).as("saved without edits: still shared").isEqualTo(unit.id());
        assertThat(copiedNotifications()).isEmpty();

        setText(_get(MultilingualField.class, spec -> spec.withId("unit-title")), "en", "Cell assembly, our version");
        _click(_get(Button.class, spec -> spec.withId("save")));

        var saved = service.get(draft.id()).units().get(0);
        assertThat(saved.id()).isNotEqualTo(unit.id());
        assertThat(saved.title()).containsEntry("en", "Cell assembly, our version");
        assertThat(service.get(published.id())).isEqualTo(published);
        assertThat(copiedNotifications()).containsExactly("Unit U1 was copied for this qualification: Published programme"
                + " is in review, approved, published or archived and keeps the original unchanged.");
        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("published-copy-warning"))).isEmpty();
    }

    private static List<String> copiedNotifications() {
        return com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications().stream()
                .filter(n -> "unit-copied".equals(n.getId().orElse(null)))
                .map(n -> n.getElement().getProperty("text")).toList();
    }

    @Test
    void designerReusesAUnitOfAnotherQualificationSoBothShareIt() {
        var other = service.create(Documents.generated("Other programme", 2, 3), "designer");
        var mine = service.create(Documents.minimal("Mine"), "designer");
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + mine.id());
        _get(TabSheet.class, spec -> spec.withId("editor-tabs")).setSelectedIndex(1);

        _click(_get(Button.class, spec -> spec.withId("reuse-unit")));
        _setValue(_get(TextField.class, spec -> spec.withId("reuse-search")), "u2");
        @SuppressWarnings("unchecked")
        Grid<org.qualigraph.curriculum.UnitMatch> found = _get(Grid.class, spec -> spec.withId("reuse-grid"));
        assertThat(GridKt._findAll(found)).extracting(m -> m.qualification().displayTitle()).containsExactly("Other programme");
        found.select(GridKt._get(found, 0));
        _click(_get(Button.class, spec -> spec.withId("reuse-add")));

        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("shared-warning")).getText())
                .isEqualTo("Changes here also apply to: Other programme");
        _click(_get(Button.class, spec -> spec.withId("save")));

        String reusedId = other.units().get(1).id();
        assertThat(service.get(mine.id()).units()).extracting(org.qualigraph.curriculum.UnitDocument::id)
                .containsExactly(mine.units().get(0).id(), reusedId);
        assertThat(service.sharedUnits(mine.id())).containsOnlyKeys(reusedId);
        assertThat(service.get(other.id()).units().get(1).outcomes()).hasSize(3);
    }

    @Test
    void withoutASkillCatalogueASkillIsMappedByItsUri() {
        // the shared context always has a SkillCatalog (EscoService), so the editor would show the search; the picker
        // the editor builds when no catalogue is deployed is tested on its own, with no catalogue
        login("designer", "DESIGNER");
        var skills = new java.util.ArrayList<String>();
        var changes = new java.util.concurrent.atomic.AtomicInteger();
        var picker = new SkillPicker(skills, null, () -> "Install heat pumps", () -> "en",
                () -> Documents.minimal("Skills"), changes::incrementAndGet, true);
        UI.getCurrent().add(picker);

        assertThat(_find(picker, com.vaadin.flow.component.combobox.ComboBox.class)).as("no search without a catalogue").isEmpty();
        var uri = _get(picker, TextField.class, spec -> spec.withClasses("skill-uri"));
        var add = _get(picker, Button.class, spec -> spec.withClasses("skill-uri-add"));
        _setValue(uri, "not a uri");
        _click(add);
        assertThat(uri.isInvalid()).isTrue();
        assertThat(skills).isEmpty();
        assertThat(changes).hasValue(0);

        _setValue(uri, "http://data.europa.eu/esco/skill/test-skill");
        _click(add);
        assertThat(uri.isInvalid()).isFalse();
        assertThat(skills).containsExactly("http://data.europa.eu/esco/skill/test-skill");
        assertThat(changes).hasValue(1);
        assertThat(_find(picker, com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("skill-chip")))
                .extracting(com.vaadin.flow.component.html.Span::getText)
                .containsExactly("http://data.europa.eu/esco/skill/test-skill");
    }

    private static void setText(MultilingualField field, String language, String text) {
        var input = (TextField) null;
        var value = field.textOf(language).orElseThrow();
        if (value instanceof TextField textField) {
            input = textField;
            _setValue(input, text);
        } else {
            _setValue((com.vaadin.flow.component.textfield.TextArea) value, text);
        }
    }
}
