package org.qualigraph.curriculum.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.tabs.TabSheet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qualigraph.account.AccountService;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationStatus;
import org.qualigraph.quality.ReviewWorkflowService;
import org.qualigraph.quality.TransitionRequest;
import org.qualigraph.support.Documents;
import org.qualigraph.support.TestUsers;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The editor for partners: another partner's qualification reads as theirs, and four eyes shows on the Review tab. */
class PartnerEditorViewTest extends ViewTest {

    @Autowired
    QualificationService service;
    @Autowired
    ReviewWorkflowService workflow;
    @Autowired
    AccountService accounts;

    @BeforeEach
    void partners() {
        if (!accounts.exists("ulla-alpha")) {
            accounts.create("ulla-alpha", TestUsers.PASSWORD, Set.of("DESIGNER"), "Hochschule Alpha");
            accounts.create("vito-beta", TestUsers.PASSWORD, Set.of("DESIGNER", "REVIEWER"), "VET Beta");
        }
    }

    @Test
    void anotherPartnersQualificationOpensReadOnlySayingWhoseItIs() {
        String id = service.create(Documents.minimal("Alpha's own"), "ulla-alpha").id();
        login("vito-beta", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + id);

        assertThat(_get(Span.class, spec -> spec.withId("read-only-note")).getText())
                .startsWith("This qualification belongs to Hochschule Alpha.");
        assertThat(_get(Span.class, spec -> spec.withId("ownership")).getText()).isEqualTo("Owned by Hochschule Alpha");
        assertThat(_get(Button.class, spec -> spec.withId("save")).isEnabled()).isFalse();
        assertThat(_get(MultilingualField.class, spec -> spec.withId("title")).isReadOnly()).isTrue();

        login("ulla-alpha", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + id);
        assertThat(_find(Span.class, spec -> spec.withId("read-only-note"))).isEmpty();
        assertThat(_get(Button.class, spec -> spec.withId("save")).isEnabled()).isTrue();
    }

    /** Work that came back: "Returned to me" counts it for the owner's designers, and it opens on the reviewer's note. */
    @Test
    void returnedWorkIsCountedForTheOwnersDesignersAndOpensOnTheReviewersNote() {
        String id = service.create(Documents.minimal("Came back"), "ulla-alpha").id();
        workflow.transition(id, new TransitionRequest("IN_REVIEW", null, null), "ulla-alpha", Set.of("DESIGNER"));
        workflow.transition(id, new TransitionRequest("CHANGES_REQUESTED", "Split U1 into two units", null), "reviewer",
                Set.of("REVIEWER"));
        login("ulla-alpha", "DESIGNER");
        UI.getCurrent().navigate("");
        var count = _get(Span.class, spec -> spec.withId("menu-returned-count"));
        assertThat(count.getText()).isEqualTo("1");
        assertThat(count.isVisible()).isTrue();
        UI.getCurrent().navigate("qualifications/" + id);
        assertThat(_get(TabSheet.class, spec -> spec.withId("editor-tabs")).getSelectedTab().getId()).contains("tab-review");
        assertThat(_get(Paragraph.class, spec -> spec.withId("review-note-text")).getText()).isEqualTo("Split U1 into two units");

        // another partner's designer, in a UI of their own (signing in makes a new one)
        login("vito-beta", "DESIGNER");
        UI.getCurrent().getPage().reload();
        UI.getCurrent().navigate("");
        assertThat(_get(SideNavItem.class, spec -> spec.withId("menu-returned")).getSuffixComponent().isVisible())
                .as("another partner's").isFalse();
    }

    @Test
    void theOwnersDesignerChoosesCollaboratorsAmongOtherPartnersDesigners() {
        String id = service.create(Documents.minimal("Shared work"), "ulla-alpha").id();
        login("ulla-alpha", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + id);
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> collaborators = _get(MultiSelectComboBox.class, spec -> spec.withId("collaborators"));
        assertThat(collaborators.getListDataView().getItems().toList()).contains("vito-beta").doesNotContain("ulla-alpha");
        assertThat(collaborators.getItemLabelGenerator().apply("vito-beta")).isEqualTo("vito-beta (VET Beta)");
        assertThat(_find(ComboBox.class, spec -> spec.withId("owner-organisation"))).as("only an administrator moves it").isEmpty();

        _setValue(collaborators, Set.of("vito-beta"));
        _click(_get(Button.class, spec -> spec.withId("collaborators-save")));
        assertThat(service.get(id).collaborators()).containsExactly("vito-beta");
        assertThat(_get(Span.class, spec -> spec.withId("ownership")).getText())
                .isEqualTo("Owned by Hochschule Alpha · collaborators: vito-beta");

        // the collaborator may now change the content, but does not choose who else may
        login("vito-beta", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + id);
        assertThat(_get(Button.class, spec -> spec.withId("save")).isEnabled()).isTrue();
        assertThat(_find(MultiSelectComboBox.class, spec -> spec.withId("collaborators"))).isEmpty();
    }

    @Test
    void anAdministratorMovesTheQualificationToAnotherPartner() {
        String id = service.create(Documents.minimal("Moving work"), "ulla-alpha").id();
        login("admin", "ADMIN");
        UI.getCurrent().navigate("qualifications/" + id);
        @SuppressWarnings("unchecked")
        ComboBox<String> owner = _get(ComboBox.class, spec -> spec.withId("owner-organisation"));
        assertThat(owner.getValue()).isEqualTo("Hochschule Alpha");
        _setValue(owner, "VET Beta");
        _click(_get(Button.class, spec -> spec.withId("collaborators-save")));
        assertThat(service.get(id).ownerOrganisation()).isEqualTo("VET Beta");
        assertThat(_get(Span.class, spec -> spec.withId("ownership")).getText()).isEqualTo("Owned by VET Beta");
    }

    @Test
    void whoSubmittedIsNotOfferedApprovalAndIsToldWhy() {
        String id = service.create(Documents.minimal("Own work"), "vito-beta").id();
        workflow.transition(id, new TransitionRequest("IN_REVIEW", null, null), "vito-beta", Set.of("DESIGNER", "REVIEWER"));
        assertThat(service.get(id).status()).isEqualTo(QualificationStatus.IN_REVIEW);
        login("vito-beta", "DESIGNER", "REVIEWER");
        UI.getCurrent().navigate("qualifications/" + id);
        _get(TabSheet.class, spec -> spec.withId("editor-tabs")).setSelectedTab(
                _get(com.vaadin.flow.component.tabs.Tab.class, spec -> spec.withId("tab-review")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("review-four-eyes")).getText()).contains("four eyes");
        assertThat(_find(Button.class, spec -> spec.withId("action-APPROVE"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("action-REQUEST_CHANGES"))).isNotEmpty();
    }
}
