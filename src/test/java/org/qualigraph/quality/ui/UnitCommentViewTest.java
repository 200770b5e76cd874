package org.qualigraph.quality.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.quality.ReviewComment;
import org.qualigraph.quality.ReviewCommentService;
import org.qualigraph.quality.ReviewWorkflowService;
import org.qualigraph.quality.TransitionRequest;
import org.qualigraph.support.Documents;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Comments that name things: made from the Units tab beside the unit, about the unit or an outcome named in words. */
class UnitCommentViewTest extends ViewTest {

    @Autowired
    QualificationService qualifications;
    @Autowired
    ReviewWorkflowService workflow;
    @Autowired
    ReviewCommentService comments;

    @Test
    void aReviewerCommentsOnAnOutcomeFromTheUnitsTabChoosingItByCodeAndStatement() {
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();
        workflow.transition(id, new TransitionRequest("IN_REVIEW", null, null), "designer", Set.of("DESIGNER"));
        var outcome = qualifications.get(id).units().get(0).outcomes().get(1);
        login("reviewer", "REVIEWER");
        openUnits(id);

        _click(_get(Button.class, spec -> spec.withId("unit-comment-add")));
        @SuppressWarnings("unchecked")
        ComboBox<String> target = _get(ComboBox.class, spec -> spec.withId("unit-comment-target"));
        assertThat(target.getValue()).isEqualTo("U1");
        assertThat(target.getItemLabelGenerator().apply("U1")).isEqualTo("U1 · Unit 1 of Cell technician");
        assertThat(target.getItemLabelGenerator().apply(outcome.code()))
                .isEqualTo(outcome.code() + " · " + outcome.statement().get("en").substring(0, 69) + "…");
        _setValue(target, outcome.code());
        _setValue(_get(TextArea.class, spec -> spec.withId("unit-comment-text")), "Which equipment?");
        _click(_get(Button.class, spec -> spec.withId("unit-comment-save")));

        assertThat(comments.threads(id)).singleElement().satisfies(comment -> {
            assertThat(comment.targetKind()).isEqualTo(ReviewComment.TargetKind.OUTCOME);
            assertThat(comment.targetCode()).isEqualTo(outcome.code());
            assertThat(comment.author()).isEqualTo("reviewer");
            assertThat(comment.text()).isEqualTo("Which equipment?");
        });
        // beside the unit at once, saying which outcome in words
        assertThat(_get(Button.class, spec -> spec.withClasses("unit-comment-place")).getText())
                .startsWith(outcome.code() + " · Operate the equipment");
    }

    @Test
    void aUserWhoNeitherDesignsNorReviewsIsNotOfferedAComment() {
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();
        login("admin", "ADMIN");
        openUnits(id);
        assertThat(_find(Button.class, spec -> spec.withId("unit-comment-add"))).isEmpty();
    }

    @Test
    void outcomesAssessedAndServedAreListedByStatementNotByCodeAlone() {
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();
        var outcome = qualifications.get(id).units().get(0).outcomes().get(0);
        login("designer", "DESIGNER");
        openUnits(id);
        for (String label : new String[] {"Outcomes assessed", "Outcomes served"}) {
            @SuppressWarnings("unchecked")
            MultiSelectComboBox<String> chooser = _get(MultiSelectComboBox.class, spec -> spec.withLabel(label));
            assertThat(chooser.getItemLabelGenerator().apply(outcome.code())).as(label)
                    .isEqualTo(outcome.code() + " · " + outcome.statement().get("en"));
        }
    }

    private static void openUnits(String id) {
        UI.getCurrent().navigate("qualifications/" + id);
        _get(TabSheet.class, spec -> spec.withId("editor-tabs")).setSelectedTab(_get(Tab.class, spec -> spec.withId("tab-units")));
    }
}
