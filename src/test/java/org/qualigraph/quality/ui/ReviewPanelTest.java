package org.qualigraph.quality.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.EditorContext;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationStatus;
import org.qualigraph.quality.GovernanceRecordService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The review tab as a designer and a reviewer use it, on a real qualification, with a recording editor context. */
class ReviewPanelTest extends ViewTest {

    @Autowired
    ReviewEditorExtension extension;
    @Autowired
    QualificationService qualifications;
    @Autowired
    GovernanceRecordService governance;
    @Autowired
    org.qualigraph.quality.ReviewWorkflowService workflow;
    @Autowired
    org.qualigraph.quality.ReviewCommentService comments;
    @Autowired
    ReviewUnitAnnotations unitAnnotations;

    @Test
    void designerSubmitsForReview() {
        login("designer", "DESIGNER");
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();
        var context = open(id);
        assertThat(_get(Span.class, spec -> spec.withId("review-status")).getText()).contains("draft").doesNotContain("DRAFT");
        assertThat(_find(Button.class, spec -> spec.withId("action-APPROVE"))).isEmpty();

        _click(_get(Button.class, spec -> spec.withId("action-SUBMIT")));
        // nothing happens before the designer confirms; the dialog says what submitting does and takes a note
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.DRAFT);
        assertThat(_get(Paragraph.class, spec -> spec.withId("transition-explanation")).getText()).contains("in review");
        _setValue(_get(TextArea.class, spec -> spec.withId("transition-comment")), "Units U1 and U2 are new");
        _click(_get(Button.class, spec -> spec.withId("transition-confirm")));

        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.IN_REVIEW);
        assertThat(_get(Paragraph.class, spec -> spec.withId("review-note-text")).getText()).isEqualTo("Units U1 and U2 are new");
        assertThat(context.reloads).isEqualTo(1);
        assertThat(_get(Span.class, spec -> spec.withId("review-status")).getText()).contains("in review").doesNotContain("IN_REVIEW");
        assertThat(_find(Button.class, spec -> spec.withId("action-SUBMIT"))).isEmpty();
        assertThat(_get(Button.class, spec -> spec.withId("action-WITHDRAW")).isVisible()).isTrue();
    }

    @Test
    void reviewerApprovesThroughTheDialogAndSeesWhyPublishingIsRefusedWithoutIt() {
        login("reviewer", "REVIEWER");
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();
        qualifications.changeStatus(id, QualificationStatus.IN_REVIEW, "designer");
        open(id);

        _click(_get(Button.class, spec -> spec.withId("action-APPROVE")));
        _setValue(_get(TextField.class, spec -> spec.withId("approval-body")), "Programme board of the alliance");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<ReviewPanel.Decision> decision =
                _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("approval-decision"));
        _setValue(decision, ReviewPanel.Decision.APPROVED_WITH_CONDITIONS);
        _setValue(_get(TextArea.class, spec -> spec.withId("approval-conditions")), "a review after one year");
        _click(_get(Button.class, spec -> spec.withId("approval-confirm")));

        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.APPROVED);
        var approval = governance.governance(id).approval();
        assertThat(approval.body()).isEqualTo("Programme board of the alliance");
        assertThat(approval.decision()).isEqualTo("approved with conditions: a review after one year");
        assertThat(approval.approvedBy()).isEqualTo("reviewer");
        assertThat(_get(Button.class, spec -> spec.withId("action-PUBLISH")).isVisible()).isTrue();
    }

    @Test
    void cancellingTheConfirmationChangesNothing() {
        login("reviewer", "REVIEWER");
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();
        qualifications.changeStatus(id, QualificationStatus.IN_REVIEW, "designer");
        open(id);
        _click(_get(Button.class, spec -> spec.withId("action-REQUEST_CHANGES")));
        _click(_get(Button.class, spec -> spec.withId("transition-confirm")));
        var note = _get(TextArea.class, spec -> spec.withId("transition-comment"));
        assertThat(note.isInvalid()).as("the request for changes needs its note").isTrue();
        _click(_get(Button.class, spec -> spec.withId("transition-cancel")));
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.IN_REVIEW);
    }

    @Test
    void reviewerSeesTheDesignersNoteOnTop() {
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();
        login("designer", "DESIGNER");
        workflow.transition(id, new org.qualigraph.quality.TransitionRequest("IN_REVIEW", "Only U2 changed", null),
                "designer", java.util.Set.of("DESIGNER"));
        login("reviewer", "REVIEWER");
        open(id);
        assertThat(_get(Div.class, spec -> spec.withId("review-note")).isVisible()).isTrue();
        assertThat(_get(Paragraph.class, spec -> spec.withId("review-note-text")).getText()).isEqualTo("Only U2 changed");
    }

    @Test
    void approvingWithAMissingFieldMarksThatField() {
        login("reviewer", "REVIEWER");
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();
        qualifications.changeStatus(id, QualificationStatus.IN_REVIEW, "designer");
        open(id);
        _click(_get(Button.class, spec -> spec.withId("action-APPROVE")));
        var body = _get(TextField.class, spec -> spec.withId("approval-body"));
        _click(_get(Button.class, spec -> spec.withId("approval-confirm")));

        assertThat(body.isInvalid()).isTrue();
        assertThat(body.getErrorMessage()).contains("body that approved").doesNotContain("approval.body");
        assertThat(_get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("approval-decision")).isInvalid()).isFalse();
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.IN_REVIEW);

        _setValue(body, "Programme board");
        _click(_get(Button.class, spec -> spec.withId("approval-confirm")));
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.APPROVED);
    }

    @Test
    void aDesignerCannotResolveTheReviewersComment() {
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();
        comments.add(id, new org.qualigraph.quality.CommentRequest("Too broad", "U1", null), "reviewer");
        comments.add(id, new org.qualigraph.quality.CommentRequest("Split U1?", null, null), "designer");
        login("designer", "DESIGNER");
        open(id);
        var threads = _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, spec -> spec.withId("comment-threads"));
        // Karibu finds visible components only: the one Resolve offered is on the designer's own comment
        assertThat(_find(threads, Button.class, spec -> spec.withClasses("comment-reply"))).hasSize(2);
        var resolvable = _find(threads, Button.class, spec -> spec.withClasses("comment-resolve"));
        assertThat(resolvable).hasSize(1);
        _click(resolvable.get(0));
        assertThat(comments.threads(id).stream().filter(org.qualigraph.quality.ReviewComment::resolved)
                .map(org.qualigraph.quality.ReviewComment::author)).containsExactly("designer");
    }

    @Test
    void openCommentsShowInTheirUnit() {
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();
        String outcome = qualifications.get(id).units().get(0).outcomes().get(0).code();
        comments.add(id, new org.qualigraph.quality.CommentRequest("Too broad", "U1", null), "reviewer");
        comments.add(id, new org.qualigraph.quality.CommentRequest("Which verb?", null, outcome), "reviewer");
        var done = comments.add(id, new org.qualigraph.quality.CommentRequest("Done already", "U1", null), "reviewer");
        comments.resolve(id, done.id(), true, "reviewer", java.util.Set.of("REVIEWER"));
        login("designer", "DESIGNER");
        var context = new RecordingContext(id, qualifications);
        var note = unitAnnotations.forUnit(context, "U1", List.of(outcome)).orElseThrow();
        UI.getCurrent().add(note);
        assertThat(_find(note, Paragraph.class, spec -> spec.withClasses("unit-comment-text")).stream().map(Paragraph::getText))
                .containsExactly("Too broad", "Which verb?");
        _click(_get(note, Button.class, spec -> spec.withClasses("unit-comment-place")));
        assertThat(context.shownOutcomes).containsExactly(outcome);
        // a unit without open comments shows none; the designer is still offered to comment on it
        var nothingOpen = unitAnnotations.forUnit(context, "U9", List.of()).orElseThrow();
        assertThat(_find(nothingOpen, Paragraph.class, spec -> spec.withClasses("unit-comment-text"))).isEmpty();
    }

    @Test
    void backInReviewTheReviewerSeesWhatChangedSinceTheRequest() {
        String id = resubmittedWithUnitRenamed();

        login("reviewer", "REVIEWER");
        open(id);
        assertThat(_get(Div.class, spec -> spec.withId("changes-since")).isVisible()).isTrue();
        assertThat(changesSince()).containsExactly("Unit U1 title changed from en: \"Unit 1 of Cell technician\" to en: \"Cell assembly\"");
    }

    /** The diff in words comes from the bundle, so a German reviewer reads it in German. */
    @Test
    void aGermanReviewerReadsTheChangesSinceInGerman() {
        String id = resubmittedWithUnitRenamed();

        login("reviewer", "REVIEWER");
        UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        open(id);
        assertThat(changesSince()).containsExactly(
                "Titel der Einheit U1 geändert: vorher en: \"Unit 1 of Cell technician\", jetzt en: \"Cell assembly\"");
    }

    /**
     * The audit log keeps its details as bundle keys and values beside the English text, so a Polish or German
     * reviewer reads what was changed in their language, while the API keeps the English detail.
     */
    @Test
    void aPolishAndAGermanReviewerReadTheAuditLogInTheirLanguage() {
        String id = resubmittedWithUnitRenamed();
        login("reviewer", "REVIEWER");
        UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("pl"));
        open(id);
        var polish = auditDetails();
        assertThat(polish).contains("1 jednostka, 3 efekty uczenia się",
                "Tytuł jednostki U1: zmieniono z en: \"Unit 1 of Cell technician\" na en: \"Cell assembly\"");
        assertThat(String.join("\n", polish)).doesNotContain("units,", "outcomes", "Unit U1 title");

        UI.getCurrent().removeAll();
        UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        open(id);
        assertThat(auditDetails()).contains("1 Einheit, 3 Lernergebnisse",
                "Titel der Einheit U1 geändert: vorher en: \"Unit 1 of Cell technician\", jetzt en: \"Cell assembly\"");

        assertThat(workflow.audit(id)).extracting(org.qualigraph.quality.AuditEntry::detail)
                .contains("1 unit, 3 outcomes", "Unit U1 title changed from en: \"Unit 1 of Cell technician\" to en: \"Cell assembly\"");
    }

    private static List<String> auditDetails() {
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<org.qualigraph.quality.AuditEntry> audit =
                _get(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("audit-log"));
        return audit.getGenericDataView().getItems().map(org.qualigraph.quality.AuditEntry::detail).toList();
    }

    /** In review again after the reviewer asked for changes, with unit U1 renamed to "Cell assembly" in between. */
    private String resubmittedWithUnitRenamed() {
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();
        var designer = java.util.Set.of("DESIGNER");
        var reviewer = java.util.Set.of("REVIEWER");
        workflow.transition(id, new org.qualigraph.quality.TransitionRequest("IN_REVIEW", null, null), "designer", designer);
        workflow.transition(id, new org.qualigraph.quality.TransitionRequest("CHANGES_REQUESTED", "Rename U1", null),
                "reviewer", reviewer);
        var doc = qualifications.get(id);
        var unit = doc.units().get(0);
        var renamed = new org.qualigraph.curriculum.UnitDocument(unit.id(), unit.code(), java.util.Map.of("en", "Cell assembly"),
                unit.eqfLevel(), unit.credits(), unit.hours(), unit.mandatory(), unit.prerequisites(), unit.deliveryModes(),
                unit.outcomes(), unit.workBasedLearning(), unit.assessments());
        qualifications.update(id, doc.withUnits(List.of(renamed)), "designer");
        workflow.transition(id, new org.qualigraph.quality.TransitionRequest("IN_REVIEW", "Renamed", null), "designer", designer);
        return id;
    }

    private static List<String> changesSince() {
        return _find(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("changes-since-list")),
                com.vaadin.flow.component.html.ListItem.class).stream().map(com.vaadin.flow.component.html.ListItem::getText).toList();
    }

    @Test
    void theAuditLogNamesSkillsByTheirLabels() {
        org.qualigraph.esco.GapFixture.load(graph);
        try {
            var created = qualifications.create(Documents.minimal("Cell technician"), "designer");
            var unit = created.units().get(0);
            var outcome = unit.outcomes().get(0);
            var mapped = new org.qualigraph.curriculum.OutcomeDocument(outcome.id(), outcome.code(), outcome.dimension(),
                    outcome.statement(), outcome.eqfLevel(), List.of(org.qualigraph.esco.GapFixture.skill("S1")),
                    outcome.keyCompetences());
            var outcomes = new ArrayList<>(unit.outcomes());
            outcomes.set(0, mapped);
            qualifications.update(created.id(), created.withUnits(List.of(unit.withOutcomes(outcomes))), "designer");
            assertThat(workflow.audit(created.id()).stream().map(org.qualigraph.quality.AuditEntry::detail).toList())
                    .as("the stored entry names the URI").anyMatch(d -> d != null && d.contains(org.qualigraph.esco.GapFixture.skill("S1")));

            login("reviewer", "REVIEWER");
            open(created.id());
            @SuppressWarnings("unchecked")
            com.vaadin.flow.component.grid.Grid<org.qualigraph.quality.AuditEntry> audit =
                    _get(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("audit-log"));
            var details = audit.getGenericDataView().getItems().map(org.qualigraph.quality.AuditEntry::detail).toList();
            assertThat(details).anyMatch(d -> d != null && d.contains("\"skill S1\""));
            assertThat(details).noneMatch(d -> d != null && d.contains(org.qualigraph.esco.GapFixture.skill("S1")));
            assertThat(audit.getThemeNames()).contains("wrap-cell-content");
        } finally {
            org.qualigraph.esco.GapFixture.remove(graph);
        }
    }

    /** A change of status and what each entry records are shown in words, never as the stored codes. */
    @Test
    void theAuditLogSaysStatusChangesInWords() {
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();
        qualifications.changeStatus(id, QualificationStatus.IN_REVIEW, "designer");
        login("reviewer", "REVIEWER");
        open(id);

        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<org.qualigraph.quality.AuditEntry> audit =
                _get(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("audit-log"));
        var rows = new ArrayList<String>();
        for (int i = 0; i < com.github.mvysny.kaributesting.v10.GridKt._size(audit); i++) {
            rows.add(String.join(" | ", com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(audit, i)));
        }
        assertThat(rows).anyMatch(row -> row.contains("Status changed") && row.contains("draft → in review"));
        assertThat(rows).anyMatch(row -> row.contains("Created"));
        assertThat(String.join("\n", rows)).doesNotContain("STATUS", "CREATED", "DRAFT", "IN_REVIEW");
    }

    @Test
    void refusalIsShownPlainly() {
        login("reviewer", "REVIEWER");
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();
        qualifications.changeStatus(id, QualificationStatus.APPROVED, "designer");
        open(id);

        _click(_get(Button.class, spec -> spec.withId("action-PUBLISH")));
        _click(_get(Button.class, spec -> spec.withId("transition-confirm")));

        var blocked = _get(Div.class, spec -> spec.withId("review-blocked"));
        assertThat(_find(blocked, Paragraph.class).stream().map(Paragraph::getText).toList())
                .contains("It cannot be published while these findings are open:");
        assertThat(_find(blocked, Span.class, spec -> spec.withClasses("blocking-finding-text")).stream().map(Span::getText))
                .anyMatch(text -> text.startsWith("ESG-02: "));
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.APPROVED);
    }

    @Test
    void addedCommentAppearsEscapedAndLinksToItsUnit() {
        login("reviewer", "REVIEWER");
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();
        var context = open(id);
        @SuppressWarnings("unchecked")
        ComboBox<String> target = _get(ComboBox.class, spec -> spec.withId("comment-target"));
        _setValue(target, "U1");
        _setValue(_get(TextArea.class, spec -> spec.withId("comment-text")), "<script>alert(1)</script> too broad");
        _click(_get(Button.class, spec -> spec.withId("comment-add")));

        var threads = _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, spec -> spec.withId("comment-threads"));
        var bodies = _find(threads, Paragraph.class, spec -> spec.withClasses("comment-body"));
        assertThat(bodies).singleElement().satisfies(p -> {
            assertThat(p.getText()).isEqualTo("<script>alert(1)</script> too broad");
            assertThat(p.getElement().getChildren().allMatch(child -> child.isTextNode())).isTrue();
        });
        _click(_get(threads, Button.class, spec -> spec.withClasses("comment-place")));
        assertThat(context.shownUnits).containsExactly("U1");

        _click(_get(threads, Button.class, spec -> spec.withClasses("comment-resolve")));
        assertThat(_find(_get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class,
                spec -> spec.withId("comment-threads")), Span.class).stream().map(Span::getText).toList())
                .contains("resolved by reviewer");
    }

    private RecordingContext open(String id) {
        var context = new RecordingContext(id, qualifications);
        UI.getCurrent().add(extension.create(context));
        return context;
    }

    /** Stands in for the qualification editor: records what the tab asks of it. */
    static final class RecordingContext implements EditorContext {
        final String id;
        final QualificationService qualifications;
        int reloads;
        final List<String> shownUnits = new ArrayList<>();
        final List<String> shownOutcomes = new ArrayList<>();

        RecordingContext(String id, QualificationService qualifications) {
            this.id = id;
            this.qualifications = qualifications;
        }

        @Override
        public String qualificationId() {
            return id;
        }

        @Override
        public QualificationDocument currentDocument() {
            return qualifications.get(id);
        }

        @Override
        public boolean editable() {
            return false;
        }

        @Override
        public void showUnit(String unitCode) {
            shownUnits.add(unitCode);
        }

        @Override
        public void showOutcome(String outcomeCode) {
            shownOutcomes.add(outcomeCode);
        }

        @Override
        public Registration addChangeListener(Consumer<QualificationDocument> listener) {
            return () -> {
            };
        }

        @Override
        public void reload() {
            reloads++;
        }
    }
}
