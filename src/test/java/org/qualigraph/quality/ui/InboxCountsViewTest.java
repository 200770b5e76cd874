package org.qualigraph.quality.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qualigraph.base.MenuCounts;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.quality.ReviewWorkflowService;
import org.qualigraph.quality.TransitionRequest;
import org.qualigraph.support.Documents;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The inbox counts of the menu follow the workflow without a reload: a step taken by another user on this instance is
 * pushed at once; one taken on another instance sharing the database shows at the next poll of the workflow stamp.
 */
class InboxCountsViewTest extends ViewTest {

    private static final Set<String> DESIGNER = Set.of("DESIGNER");
    private static final Set<String> REVIEWER = Set.of("REVIEWER");

    @Autowired
    QualificationService qualifications;
    @Autowired
    ReviewWorkflowService workflow;
    @Autowired
    MenuCounts menuCounts;

    @Test
    void aStepTakenByAnotherUserChangesTheCountShownWithoutNavigating() {
        String id = qualifications.create(Documents.minimal("Pushed count"), "designer").id();
        login("reviewer", "REVIEWER");
        UI.getCurrent().navigate("");
        assertThat(count("review-queue").isVisible()).isFalse();

        workflow.transition(id, new TransitionRequest("IN_REVIEW", "please look", null), "designer", DESIGNER);
        MockVaadin.clientRoundtrip();
        assertThat(count("review-queue").getText()).isEqualTo("1");
        assertThat(count("review-queue").isVisible()).isTrue();

        workflow.transition(id, new TransitionRequest("CHANGES_REQUESTED", "U1 is too broad", null), "reviewer", REVIEWER);
        MockVaadin.clientRoundtrip();
        assertThat(count("review-queue").isVisible()).as("nothing waits any more").isFalse();
    }

    @Test
    void theStampMovesWithEveryTransitionMadeThroughTheService() {
        String id = qualifications.create(Documents.minimal("Stamped"), "designer").id();
        long before = qualifications.statusStamp();
        workflow.transition(id, new TransitionRequest("IN_REVIEW", null, null), "designer", DESIGNER);
        long submitted = qualifications.statusStamp();
        assertThat(submitted).isGreaterThan(before);
        workflow.transition(id, new TransitionRequest("CHANGES_REQUESTED", "Split U1", null), "reviewer", REVIEWER);
        assertThat(qualifications.statusStamp()).isGreaterThan(submitted);
    }

    /**
     * Another instance writes the same graph and publishes its events to itself only: here its transition is the
     * write it leaves in the database (the status and the stamp), with no event on this instance.
     */
    @Test
    void aTransitionOnAnotherInstanceShowsAtTheNextPoll() {
        String id = qualifications.create(Documents.minimal("Elsewhere"), "designer").id();
        login("reviewer", "REVIEWER");
        UI.getCurrent().navigate("");
        menuCounts.poll();
        MockVaadin.clientRoundtrip();
        assertThat(count("review-queue").isVisible()).isFalse();

        graph.query("MATCH (q:Qualification {id: $id}) SET q.status = 'IN_REVIEW', q.version = q.version + 1")
                .bindAll(Map.of("id", id)).run();
        graph.query("MERGE (s:StatusStamp {id: 'workflow'}) SET s.tick = coalesce(s.tick, 0) + 1").run();
        menuCounts.poll();
        MockVaadin.clientRoundtrip();
        assertThat(count("review-queue").getText()).isEqualTo("1");
        assertThat(count("review-queue").isVisible()).isTrue();
    }

    /** The count badge of a menu entry (found through its entry: Karibu finds visible components only). */
    private static Span count(String shortcut) {
        return (Span) _get(SideNavItem.class, spec -> spec.withId("menu-" + shortcut)).getSuffixComponent();
    }
}
