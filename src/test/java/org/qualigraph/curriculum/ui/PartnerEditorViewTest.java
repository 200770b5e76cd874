package org.qualigraph.curriculum.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
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
