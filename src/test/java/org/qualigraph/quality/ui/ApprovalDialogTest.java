package org.qualigraph.quality.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationStatus;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.quality.AuditEntry;
import org.qualigraph.quality.CommentRequest;
import org.qualigraph.quality.GovernanceRecordService;
import org.qualigraph.quality.ReviewComment;
import org.qualigraph.quality.ReviewCommentService;
import org.qualigraph.quality.ReviewWorkflowService;
import org.qualigraph.quality.TransitionRequest;
import org.qualigraph.support.Documents;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One gate, seen early: the approval dialog lists what would refuse publication and refuses to approve over it, lists
 * the open comment threads to resolve there or to approve over with a note, and takes the decision from a list; the
 * submit and publish refusals list one problem per item, each leading to what it concerns.
 */
class ApprovalDialogTest extends ViewTest {

    @Autowired
    ReviewEditorExtension extension;
    @Autowired
    QualificationService qualifications;
    @Autowired
    GovernanceRecordService governance;
    @Autowired
    ReviewWorkflowService workflow;
    @Autowired
    ReviewCommentService comments;

    private static final Set<String> DESIGNER = Set.of("DESIGNER");
    private static final Set<String> REVIEWER = Set.of("REVIEWER");

    @Test
    void openThreadsAreListedAndApprovingOverThemNeedsANoteThatTheAuditKeeps() {
        String id = inReview(Documents.minimal("Cell technician"));
        comments.add(id, new CommentRequest("Is U1 too broad?", "U1", null), "reviewer2");
        comments.add(id, new CommentRequest("Typo in the title", null, null), "reviewer2");
        login("reviewer", "REVIEWER");
        open(id);
        _click(_get(Button.class, spec -> spec.withId("action-APPROVE")));

        var threads = _get(Div.class, spec -> spec.withId("approval-threads"));
        assertThat(_find(threads, Span.class, spec -> spec.withClasses("approval-thread-text")).stream().map(Span::getText))
                .containsExactly("reviewer2 · U1: Is U1 too broad?", "reviewer2 · " + "The whole qualification: Typo in the title");
        assertThat(_get(Div.class, spec -> spec.withId("approval-blockers")).getElement().getTextRecursively())
                .contains("Nothing found would refuse publication");
        _setValue(_get(TextField.class, spec -> spec.withId("approval-body")), "Programme board");

        // open threads and no note: refused in the dialog, nothing changes
        _click(_get(Button.class, spec -> spec.withId("approval-confirm")));
        var note = _get(TextArea.class, spec -> spec.withId("approval-comment"));
        assertThat(note.isInvalid()).isTrue();
        assertThat(note.getErrorMessage()).contains("still open");
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.IN_REVIEW);

        // one is resolved right there; the other is approved over, with a note
        _click(_find(threads, Button.class, spec -> spec.withClasses("approval-thread-resolve")).get(1));
        assertThat(comments.threads(id).stream().filter(ReviewComment::resolved).map(ReviewComment::text))
                .containsExactly("Typo in the title");
        assertThat(_find(threads, ListItem.class)).hasSize(1);
        _setValue(note, "U1 is broad by design; the board accepted it");
        _click(_get(Button.class, spec -> spec.withId("approval-confirm")));

        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.APPROVED);
        assertThat(governance.governance(id).approval().decision()).isEqualTo("approved");
        assertThat(workflow.audit(id)).filteredOn(e -> "APPROVED_OVER_COMMENTS".equals(e.action()))
                .singleElement().extracting(AuditEntry::detail).asString()
                .contains("1 open comment thread", "U1 is broad by design; the board accepted it");
        assertThat(workflow.history(id).get(workflow.history(id).size() - 1).comment())
                .isEqualTo("U1 is broad by design; the board accepted it");
    }

    @Test
    void theDecisionIsChosenFromAListAndConditionsAreKeptWithIt() {
        String id = inReview(Documents.minimal("Cell technician"));
        login("reviewer", "REVIEWER");
        open(id);
        _click(_get(Button.class, spec -> spec.withId("action-APPROVE")));
        @SuppressWarnings("unchecked")
        Select<ReviewPanel.Decision> decision = _get(Select.class, spec -> spec.withId("approval-decision"));
        assertThat(decision.getValue()).isEqualTo(ReviewPanel.Decision.APPROVED);
        assertThat(decision.getListDataView().getItems().map(d -> decision.getItemLabelGenerator().apply(d)))
                .containsExactly("Approved", "Approved with conditions", "Rejected");
        _setValue(_get(TextField.class, spec -> spec.withId("approval-body")), "Programme board");
        _setValue(decision, ReviewPanel.Decision.APPROVED_WITH_CONDITIONS);
        var conditions = _get(TextArea.class, spec -> spec.withId("approval-conditions"));
        _click(_get(Button.class, spec -> spec.withId("approval-confirm")));
        assertThat(conditions.isInvalid()).as("conditions are required with that decision").isTrue();
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.IN_REVIEW);

        _setValue(conditions, "Review U1 after the first cohort");
        _click(_get(Button.class, spec -> spec.withId("approval-confirm")));
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.APPROVED);
        assertThat(governance.governance(id).approval().decision())
                .isEqualTo("approved with conditions: Review U1 after the first cohort");
    }

    @Test
    void aRejectionSendsTheQualificationBackWithTheNote() {
        String id = inReview(Documents.minimal("Cell technician"));
        login("reviewer", "REVIEWER");
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        open(id);
        _click(_get(Button.class, spec -> spec.withId("action-APPROVE")));
        _setValue(_get(TextField.class, spec -> spec.withId("approval-body")), "Programme board");
        _setValue(_get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withId("approval-date")),
                LocalDate.of(2026, 6, 12));
        @SuppressWarnings("unchecked")
        Select<ReviewPanel.Decision> decision = _get(Select.class, spec -> spec.withId("approval-decision"));
        _setValue(decision, ReviewPanel.Decision.REJECTED);
        assertThat(_get(Button.class, spec -> spec.withId("approval-confirm")).getText()).isEqualTo("Send back as rejected");
        _setValue(_get(TextArea.class, spec -> spec.withId("approval-comment")), "Not what the sector asked for");
        _click(_get(Button.class, spec -> spec.withId("approval-confirm")));

        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.CHANGES_REQUESTED);
        assertThat(governance.governance(id).approval()).isNull();
        assertThat(workflow.history(id).get(workflow.history(id).size() - 1).comment())
                .isEqualTo("Rejected by Programme board on Jun 12, 2026: Not what the sector asked for");
    }

    @Test
    void whatWouldRefusePublicationIsListedAndApprovalIsRefused() {
        var doc = Documents.minimal("Cell technician");
        String id = inReview(withoutEntryRequirements(doc));
        login("reviewer", "REVIEWER");
        open(id);
        _click(_get(Button.class, spec -> spec.withId("action-APPROVE")));

        var blockers = _get(Div.class, spec -> spec.withId("approval-blockers"));
        var items = _find(blockers, ListItem.class);
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.getElement().getTextRecursively()).contains("ESG-03", "entry requirements");
            assertThat(_find(item, Span.class, spec -> spec.withClasses("blocks-publication"))).singleElement()
                    .extracting(Span::getText).isEqualTo("blocks publication");
        });
        _setValue(_get(TextField.class, spec -> spec.withId("approval-body")), "Programme board");
        var confirm = _get(Button.class, spec -> spec.withId("approval-confirm"));
        assertThat(confirm.isEnabled()).as("approving what cannot be published is refused").isFalse();
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.IN_REVIEW);
    }

    @Test
    void theSubmitDialogShowsWhatWillBlockPublication() {
        String id = qualifications.create(withoutEntryRequirements(Documents.minimal("Cell technician")), "designer").id();
        login("designer", "DESIGNER");
        open(id);
        _click(_get(Button.class, spec -> spec.withId("action-SUBMIT")));
        var box = _get(Div.class, spec -> spec.withId("transition-publication-blockers"));
        assertThat(_find(box, Span.class, spec -> spec.withClasses("blocks-publication"))).hasSize(1);
        assertThat(box.getElement().getTextRecursively()).contains("ESG-03", "entry requirements");
    }

    /**
     * Refused at publication: one item per finding, the sentence whole (ESG-03's list of missing pieces has a semicolon
     * in it and is not split there), and a button to the unit it concerns.
     */
    @Test
    void thePublishRefusalListsOneProblemPerItemAndLeadsToTheUnit() {
        var doc = withoutEntryRequirements(Documents.generated("Cell technician", 2, 3));
        var units = new java.util.ArrayList<>(doc.units());
        var u2 = units.get(1);
        units.set(1, new UnitDocument(u2.id(), u2.code(), u2.title(), u2.eqfLevel(), u2.credits(), u2.hours(),
                u2.mandatory(), u2.prerequisites(), List.of(), u2.outcomes(), u2.workBasedLearning(), u2.assessments()));
        String id = qualifications.create(doc.withUnits(units), "designer").id();
        qualifications.changeStatus(id, QualificationStatus.IN_REVIEW, "designer");
        workflow.transition(id, new TransitionRequest("APPROVED", null, new TransitionRequest.ApprovalInput(
                "Programme board", LocalDate.now(), "approved")), "reviewer2", REVIEWER);
        login("reviewer", "REVIEWER");
        var context = open(id);
        _click(_get(Button.class, spec -> spec.withId("action-PUBLISH")));
        _click(_get(Button.class, spec -> spec.withId("transition-confirm")));

        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.APPROVED);
        var expected = workflow.blockers(id, true);
        var list = _get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("review-blocked-list"));
        var items = _find(list, ListItem.class);
        assertThat(items).hasSize(expected.size());
        var esg03 = items.stream().filter(i -> i.getElement().getTextRecursively().contains("ESG-03")).findFirst().orElseThrow();
        assertThat(_get(esg03, Span.class, spec -> spec.withClasses("blocking-finding-text")).getText())
                .isEqualTo("ESG-03: " + expected.stream().filter(f -> f.rule().equals("ESG-03")).findFirst().orElseThrow()
                        .message())
                .contains("entry requirements", "U2");
        _click(_get(esg03, Button.class, spec -> spec.withClasses("blocking-finding-goto")));
        assertThat(context.shownUnits).containsExactly("U2");
    }

    private static QualificationDocument withoutEntryRequirements(QualificationDocument doc) {
        return new QualificationDocument(doc.id(), doc.version(), doc.title(), doc.description(), doc.type(),
                doc.eqfLevel(), doc.nqfLevels(), doc.iscedF(), doc.ecosystem(), doc.creditSystem(), doc.credits(),
                Map.of(), doc.awardingBodies(), doc.targetOccupations(), doc.derivedFrom(), doc.status(), doc.units());
    }

    /** Created and submitted by "designer". */
    private String inReview(QualificationDocument doc) {
        String id = qualifications.create(doc, "designer").id();
        workflow.transition(id, new TransitionRequest("IN_REVIEW", null, null), "designer", DESIGNER);
        return id;
    }

    private ReviewPanelTest.RecordingContext open(String id) {
        var context = new ReviewPanelTest.RecordingContext(id, qualifications);
        UI.getCurrent().add(extension.create(context));
        return context;
    }
}
