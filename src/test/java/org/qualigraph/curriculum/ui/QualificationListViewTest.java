package org.qualigraph.curriculum.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationSummary;
import org.qualigraph.curriculum.QualificationType;
import org.qualigraph.support.Documents;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

class QualificationListViewTest extends ViewTest {

    @Autowired
    QualificationService service;

    /** The reviewer's queue: a count in the side menu and the list filtered to what is in review. */
    @Test
    void reviewersSeeWhatWaitsForTheirReview() {
        service.create(Documents.minimal("Battery cell technician"), "designer");
        String waiting = service.create(Documents.minimal("Welding specialist"), "designer").id();
        service.changeStatus(waiting, org.qualigraph.curriculum.QualificationStatus.IN_REVIEW, "designer");
        login("reviewer", "REVIEWER");
        UI.getCurrent().navigate("");

        @SuppressWarnings("unchecked")
        Grid<QualificationSummary> grid = _get(Grid.class, spec -> spec.withId("qualification-grid"));
        assertThat(titles(grid)).containsExactly("Battery cell technician", "Welding specialist");
        var count = _get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("menu-review-queue-count"));
        assertThat(count.getText()).isEqualTo("1");
        assertThat(count.isVisible()).isTrue();

        UI.getCurrent().navigate("", com.vaadin.flow.router.QueryParameters.of("review", "waiting"));
        @SuppressWarnings("unchecked")
        Grid<QualificationSummary> filtered = _get(Grid.class, spec -> spec.withId("qualification-grid"));
        assertThat(_get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withId("waiting-filter")).getValue()).isTrue();
        assertThat(titles(filtered)).containsExactly("Welding specialist");
        _setValue(_get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withId("waiting-filter")), false);
        assertThat(titles(filtered)).containsExactly("Battery cell technician", "Welding specialist");
    }

    @Test
    void designersHaveNoReviewQueue() {
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("");
        assertThat(_find(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withId("waiting-filter"))).isEmpty();
        assertThat(_find(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("menu-review-queue-count"))).isEmpty();
    }

    @Test
    void listsQualificationsFromTheServiceAndFiltersThem() {
        service.create(Documents.minimal("Battery cell technician"), "designer");
        var welding = Documents.minimal("Welding specialist");
        service.create(new org.qualigraph.curriculum.QualificationDocument(null, null, welding.title(), welding.description(),
                QualificationType.CVET, 5, welding.nqfLevels(), welding.iscedF(), welding.ecosystem(), welding.creditSystem(),
                welding.credits(), welding.entryRequirements(), welding.awardingBodies(), welding.targetOccupations(), null,
                null, welding.units()), "designer");
        login("reviewer", "REVIEWER");
        UI.getCurrent().navigate("");

        @SuppressWarnings("unchecked")
        Grid<QualificationSummary> grid = _get(Grid.class, spec -> spec.withId("qualification-grid"));
        assertThat(titles(grid)).containsExactly("Battery cell technician", "Welding specialist");

        _setValue(_get(TextField.class, spec -> spec.withId("title-filter")), "weld");
        assertThat(titles(grid)).containsExactly("Welding specialist");

        _setValue(_get(TextField.class, spec -> spec.withId("title-filter")), "");
        @SuppressWarnings("unchecked")
        Select<Integer> eqf = _get(Select.class, spec -> spec.withId("eqf-filter"));
        _setValue(eqf, 4);
        assertThat(titles(grid)).containsExactly("Battery cell technician");
        _setValue(eqf, null);
        @SuppressWarnings("unchecked")
        Select<QualificationType> type = _get(Select.class, spec -> spec.withId("type-filter"));
        _setValue(type, QualificationType.CVET);
        assertThat(titles(grid)).containsExactly("Welding specialist");

        // reviewers do not get the designer's actions
        assertThat(_find(Button.class, spec -> spec.withId("new-qualification"))).isEmpty();
        assertThat(grid.getColumnByKey("actions")).isNull();
    }

    @Test
    void designerDuplicatesAndDeletesFromTheList() {
        var created = service.create(Documents.minimal("Solar installer"), "designer");
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("");

        _click(action("duplicate-" + created.id()));
        assertThat(_find(QualificationEditorView.class)).hasSize(1);
        assertThat(service.list(null, 0, 10)).extracting(QualificationSummary::displayTitle)
                .containsExactly("Solar installer", "Solar installer (copy)");

        UI.getCurrent().navigate("");
        _click(action("delete-" + created.id()));
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(
                _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class, spec -> spec.withId("confirm-delete")));
        assertThat(service.find(created.id())).isEmpty();
        @SuppressWarnings("unchecked")
        Grid<QualificationSummary> grid = _get(Grid.class, spec -> spec.withId("qualification-grid"));
        assertThat(titles(grid)).containsExactly("Solar installer (copy)");
    }

    @Test
    void aQualificationInReviewOrApprovedCannotBeDeletedFromTheList() {
        for (var status : List.of(org.qualigraph.curriculum.QualificationStatus.IN_REVIEW,
                org.qualigraph.curriculum.QualificationStatus.APPROVED, org.qualigraph.curriculum.QualificationStatus.DRAFT)) {
            var created = service.create(Documents.minimal("Held by " + status), "designer");
            if (status != org.qualigraph.curriculum.QualificationStatus.DRAFT) {
                service.changeStatus(created.id(), status, "reviewer");
            }
            login("designer", "DESIGNER");
            UI.getCurrent().navigate("");
            _setValue(_get(TextField.class, spec -> spec.withId("title-filter")), "Held by " + status);
            assertThat(action("delete-" + created.id()).isEnabled()).as(status.name())
                    .isEqualTo(status == org.qualigraph.curriculum.QualificationStatus.DRAFT);
        }
    }

    @Test
    void designerDerivesANationalVariant() {
        var created = service.create(Documents.minimal("Core profile"), "designer");
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("");

        _click(action("derive-" + created.id()));
        _setValue(_get(TextField.class, spec -> spec.withId("derive-title")), "Core profile (Poland)");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<String> country =
                _get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("derive-country"));
        _setValue(country, "PL");
        // a variant for Poland is titled in Polish, and the dialog says so by the language's own name
        assertThat(_get(TextField.class, spec -> spec.withId("derive-title")).getLabel()).contains("polski");
        _setValue(_get(TextField.class, spec -> spec.withId("derive-nqf-level")), "4");
        _click(_get(Button.class, spec -> spec.withId("derive-confirm")));

        var variant = service.list(new org.qualigraph.curriculum.QualificationFilter("poland", null, null, null), 0, 10);
        assertThat(variant).hasSize(1);
        assertThat(service.get(variant.get(0).id()).derivedFrom()).isEqualTo(created.id());
        assertThat(service.get(variant.get(0).id()).title()).isEqualTo(Map.of("pl", "Core profile (Poland)"));
        assertThat(service.get(variant.get(0).id()).nqfLevels()).extracting(n -> n.country()).containsExactly("PL");
    }

    /** A country typed by its name and confirmed with Enter is chosen; a name that fits none or several is marked. */
    @Test
    void aCountryTypedByNameIsChosen() {
        var created = service.create(Documents.minimal("Core profile"), "designer");
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("");
        _click(action("derive-" + created.id()));
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<String> country =
                _get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("derive-country"));

        com.github.mvysny.kaributesting.v10.ComboBoxKt._fireCustomValueSet(country, "austria");
        assertThat(country.getValue()).isEqualTo("AT");
        assertThat(country.isInvalid()).isFalse();
        com.github.mvysny.kaributesting.v10.ComboBoxKt._fireCustomValueSet(country, "pl");
        assertThat(country.getValue()).isEqualTo("PL");

        com.github.mvysny.kaributesting.v10.ComboBoxKt._fireCustomValueSet(country, "Atlantis");
        assertThat(country.getValue()).as("unchanged").isEqualTo("PL");
        assertThat(country.isInvalid()).isTrue();
        assertThat(country.getErrorMessage()).isEqualTo("No single country is called \"Atlantis\": choose one from the list");
        // "guinea" is part of four names (Guinea, Equatorial Guinea, ...) but one of them is exactly "Guinea"
        com.github.mvysny.kaributesting.v10.ComboBoxKt._fireCustomValueSet(country, "guinea");
        assertThat(country.getValue()).isEqualTo("GN");
        com.github.mvysny.kaributesting.v10.ComboBoxKt._fireCustomValueSet(country, "land");
        assertThat(country.getValue()).as("many names contain 'land'").isEqualTo("GN");
        assertThat(country.isInvalid()).isTrue();
    }

    /**
     * A country typed but not picked leaves the combo box empty; Create then marks the country and the level in words,
     * keeps the dialog open and stores nothing.
     */
    @Test
    void derivingWithoutACountryMarksTheFieldAndStoresNothing() {
        var created = service.create(Documents.minimal("Core profile"), "designer");
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("");

        _click(action("derive-" + created.id()));
        var dialog = _get(DeriveDialog.class, spec -> spec.withId("derive-dialog"));
        assertThat(_find(dialog, com.vaadin.flow.component.html.Paragraph.class)).extracting(p -> p.getText())
                .anyMatch(text -> text.startsWith("A national variant starts as a copy of \"Core profile\"")
                        && text.contains("The core's national levels"));
        _click(_get(Button.class, spec -> spec.withId("derive-confirm")));

        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<String> country =
                _get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("derive-country"));
        assertThat(country.isInvalid()).isTrue();
        assertThat(country.getErrorMessage()).isEqualTo("Choose the country from the list.");
        var level = _get(TextField.class, spec -> spec.withId("derive-nqf-level"));
        assertThat(level.isInvalid()).isTrue();
        assertThat(level.getErrorMessage()).isEqualTo("Enter the level in the national qualifications framework, e.g. 4.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(service.list(null, 0, 10)).extracting(QualificationSummary::displayTitle).containsExactly("Core profile");
    }

    /**
     * The edition column names what users know (revision n, or a draft of it) and reads the editions of a page in one
     * call to the service, never one per row.
     */
    @Test
    void theEditionColumnReadsAPageOfEditionsAtOnce() {
        var first = service.create(Documents.minimal("Alpha cell technician"), "designer");
        service.changeStatus(first.id(), org.qualigraph.curriculum.QualificationStatus.PUBLISHED, "reviewer");
        var second = service.newRevision(first.id(), "designer");
        var other = service.create(Documents.minimal("Beta welder"), "designer");
        login("reviewer", "REVIEWER");
        var counting = org.mockito.Mockito.mock(QualificationService.class, org.mockito.AdditionalAnswers.delegatesTo(service));
        var view = new QualificationListView(counting);
        UI.getCurrent().add(view);

        @SuppressWarnings("unchecked")
        Grid<QualificationSummary> grid = _get(view, Grid.class, spec -> spec.withId("qualification-grid"));
        // one page, as the browser asks for it: one read of its editions
        org.mockito.Mockito.clearInvocations(counting);
        assertThat(GridKt._findAll(grid)).hasSize(3);
        org.mockito.Mockito.verify(counting, org.mockito.Mockito.times(1)).editions(org.mockito.ArgumentMatchers.argThat(
                ids -> ids.size() == 3 && ids.containsAll(List.of(first.id(), second.id(), other.id()))));
        var editions = new java.util.HashMap<String, String>();
        for (int row = 0; row < GridKt._size(grid); row++) {
            editions.put(GridKt._get(grid, row).id(), GridKt._getFormatted(grid, row, "edition"));
        }
        assertThat(editions).containsOnly(Map.entry(first.id(), "Revision 1"), Map.entry(second.id(), "Draft of revision 2"),
                Map.entry(other.id(), "Draft of revision 1"));
        org.mockito.Mockito.verify(counting, org.mockito.Mockito.never()).edition(org.mockito.ArgumentMatchers.anyString());
    }

    /** The action button of the first row: Karibu reaches grid cell components through the column. */
    static Button action(String id) {
        @SuppressWarnings("unchecked")
        Grid<QualificationSummary> grid = _get(Grid.class, spec -> spec.withId("qualification-grid"));
        return _get(GridKt._getCellComponent(grid, 0, "actions"), Button.class, spec -> spec.withId(id));
    }

    static List<String> titles(Grid<QualificationSummary> grid) {
        return GridKt._findAll(grid).stream().map(QualificationSummary::displayTitle).toList();
    }
}
