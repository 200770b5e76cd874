package org.qualigraph.curriculum.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationStatus;
import org.qualigraph.support.Documents;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The editor while a reviewer holds the qualification: read-only with a banner saying why and what to do, the
 * workflow tab still working, and the content editable again once the designer withdraws it.
 */
class ReviewLockEditorViewTest extends ViewTest {

    @Autowired
    QualificationService service;
    @Autowired
    org.qualigraph.quality.ReviewWorkflowService workflow;

    @Test
    void aQualificationInReviewOpensReadOnlyWithABannerAndCannotBeSaved() {
        String id = service.create(Documents.minimal("Under review"), "designer").id();
        service.changeStatus(id, QualificationStatus.IN_REVIEW, "designer");
        long version = service.get(id).version();
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + id);

        var banner = _get(HorizontalLayout.class, spec -> spec.withId("review-lock-banner"));
        assertThat(_get(banner, Span.class, spec -> spec.withId("read-only-note")).getText())
                .startsWith("This qualification is in review, so its content is locked")
                .contains("withdraw it (back to draft) on the Review tab, or wait for the reviewer's decision");
        var save = _get(Button.class, spec -> spec.withId("save"));
        assertThat(save.isEnabled()).isFalse();
        assertThat(_get(MultilingualField.class, spec -> spec.withId("title")).isReadOnly()).isTrue();
        _get(TabSheet.class, spec -> spec.withId("editor-tabs")).setSelectedIndex(1);
        assertThat(_find(Button.class, spec -> spec.withId("add-unit"))).isEmpty();

        // a click that reaches the disabled button anyway (or Ctrl+S) stores nothing
        save.click();
        assertThat(service.get(id).version()).isEqualTo(version);
        assertThat(service.get(id).title()).containsEntry("en", "Under review");
    }

    @Test
    void theBannerLeadsToTheReviewTabWhereWithdrawingMakesTheEditorEditableAgain() {
        String id = service.create(Documents.minimal("Under review"), "designer").id();
        service.changeStatus(id, QualificationStatus.IN_REVIEW, "designer");
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + id);

        _click(_get(Button.class, spec -> spec.withId("open-review-tab")));
        var tabs = _get(TabSheet.class, spec -> spec.withId("editor-tabs"));
        assertThat(tabs.getSelectedTab().getId()).contains("tab-review");
        _click(_get(Button.class, spec -> spec.withId("action-WITHDRAW")));
        _click(_get(Button.class, spec -> spec.withId("transition-confirm")));

        assertThat(service.get(id).status()).isEqualTo(QualificationStatus.DRAFT);
        assertThat(_find(HorizontalLayout.class, spec -> spec.withId("review-lock-banner"))).isEmpty();
        assertThat(_find(Span.class, spec -> spec.withId("read-only-note"))).isEmpty();
        assertThat(_get(Button.class, spec -> spec.withId("save")).isEnabled()).isTrue();
        tabs.setSelectedIndex(0);
        var title = _get(MultilingualField.class, spec -> spec.withId("title"));
        assertThat(title.isReadOnly()).isFalse();
        _setValue((TextField) title.textOf("en").orElseThrow(), "Withdrawn and edited");
        _click(_get(Button.class, spec -> spec.withId("save")));

        assertThat(service.get(id).title()).containsEntry("en", "Withdrawn and edited");
    }

    @Test
    void anApprovedQualificationSaysAReviewerMustRevokeTheApproval() {
        String id = service.create(Documents.minimal("Approved"), "designer").id();
        login("designer", "DESIGNER");
        workflow.transition(id, new org.qualigraph.quality.TransitionRequest("IN_REVIEW", null, null), "designer",
                java.util.Set.of("DESIGNER"));
        workflow.transition(id, new org.qualigraph.quality.TransitionRequest("APPROVED", null,
                        new org.qualigraph.quality.TransitionRequest.ApprovalInput("Programme board", LocalDate.now(), "approved")),
                "reviewer", java.util.Set.of("REVIEWER"));
        UI.getCurrent().navigate("qualifications/" + id);

        assertThat(_get(Span.class, spec -> spec.withId("read-only-note")).getText())
                .startsWith("This qualification is approved, so its content is locked")
                .contains("a reviewer must revoke the approval (back to changes requested)");
        assertThat(_get(Button.class, spec -> spec.withId("save")).isEnabled()).isFalse();
        assertThat(_get(MultilingualField.class, spec -> spec.withId("title")).isReadOnly()).isTrue();
        select("tab-export");
        assertThat(_find(com.vaadin.flow.component.upload.Upload.class, spec -> spec.withId("csv-upload")))
                .as("no CSV import into approved content").isEmpty();
    }

    @Test
    void aDraftStillOffersTheCsvImport() {
        String id = service.create(Documents.minimal("Draft"), "designer").id();
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + id);
        select("tab-export");
        assertThat(_find(com.vaadin.flow.component.upload.Upload.class, spec -> spec.withId("csv-upload"))).hasSize(1);
    }

    @Test
    void theReviewerSeesTheWorkflowActionsOfAQualificationInReview() {
        String id = service.create(Documents.minimal("Under review"), "designer").id();
        service.changeStatus(id, QualificationStatus.IN_REVIEW, "designer");
        login("reviewer", "REVIEWER");
        UI.getCurrent().navigate("qualifications/" + id);

        assertThat(_get(Button.class, spec -> spec.withId("save")).isEnabled()).isFalse();
        assertThat(_get(Span.class, spec -> spec.withId("read-only-note")).getText())
                .isEqualTo("You can read this qualification; only designers can change it.");
        select("tab-review");
        assertThat(_get(Button.class, spec -> spec.withId("action-APPROVE")).isEnabled()).isTrue();
        assertThat(_get(Button.class, spec -> spec.withId("action-REQUEST_CHANGES")).isEnabled()).isTrue();
    }

    private static void select(String tabId) {
        var tabs = _get(TabSheet.class, spec -> spec.withId("editor-tabs"));
        for (int i = 0; i < tabs.getTabCount(); i++) {
            if (tabs.getTabAt(i).getId().filter(tabId::equals).isPresent()) {
                tabs.setSelectedIndex(i);
                return;
            }
        }
        throw new AssertionError("no tab " + tabId);
    }
}
