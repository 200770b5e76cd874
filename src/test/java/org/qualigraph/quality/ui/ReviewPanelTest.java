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

    @Test
    void designerSubmitsForReview() {
        login("designer", "DESIGNER");
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();
        var context = open(id);
        assertThat(_get(Span.class, spec -> spec.withId("review-status")).getText()).contains("DRAFT");
        assertThat(_find(Button.class, spec -> spec.withId("action-APPROVE"))).isEmpty();

        _click(_get(Button.class, spec -> spec.withId("action-SUBMIT")));

        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.IN_REVIEW);
        assertThat(context.reloads).isEqualTo(1);
        assertThat(_get(Span.class, spec -> spec.withId("review-status")).getText()).contains("IN_REVIEW");
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
        _setValue(_get(TextField.class, spec -> spec.withId("approval-decision")), "approved with conditions");
        _click(_get(Button.class, spec -> spec.withId("approval-confirm")));

        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.APPROVED);
        var approval = governance.governance(id).approval();
        assertThat(approval.body()).isEqualTo("Programme board of the alliance");
        assertThat(approval.decision()).isEqualTo("approved with conditions");
        assertThat(approval.approvedBy()).isEqualTo("reviewer");
        assertThat(_get(Button.class, spec -> spec.withId("action-PUBLISH")).isVisible()).isTrue();
    }

    @Test
    void refusalIsShownPlainly() {
        login("reviewer", "REVIEWER");
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();
        qualifications.changeStatus(id, QualificationStatus.APPROVED, "designer");
        open(id);

        _click(_get(Button.class, spec -> spec.withId("action-PUBLISH")));

        var blocked = _get(Div.class, spec -> spec.withId("review-blocked"));
        assertThat(_find(blocked, Paragraph.class).stream().map(Paragraph::getText).toList())
                .anyMatch(text -> text.contains("ESG-02"));
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
