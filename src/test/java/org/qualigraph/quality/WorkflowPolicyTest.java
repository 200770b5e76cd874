package org.qualigraph.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qualigraph.curriculum.QualificationStatus.APPROVED;
import static org.qualigraph.curriculum.QualificationStatus.ARCHIVED;
import static org.qualigraph.curriculum.QualificationStatus.CHANGES_REQUESTED;
import static org.qualigraph.curriculum.QualificationStatus.DRAFT;
import static org.qualigraph.curriculum.QualificationStatus.IN_REVIEW;
import static org.qualigraph.curriculum.QualificationStatus.PUBLISHED;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationStatus;

class WorkflowPolicyTest {

    /**
     * The workflow as docs/workflow.md ("States and permission matrix") writes it down, typed in here from that table:
     * from, to, who may take the step, and whether it needs a comment.
     */
    private static final Map<String, String> DOCUMENTED = Map.of(
            "DRAFT->IN_REVIEW", "DESIGNER",
            "CHANGES_REQUESTED->IN_REVIEW", "DESIGNER",
            "IN_REVIEW->DRAFT", "DESIGNER",
            "IN_REVIEW->CHANGES_REQUESTED", "REVIEWER +comment",
            "IN_REVIEW->APPROVED", "REVIEWER",
            "APPROVED->CHANGES_REQUESTED", "REVIEWER +comment",
            "APPROVED->PUBLISHED", "ADMIN,REVIEWER",
            "PUBLISHED->ARCHIVED", "ADMIN,REVIEWER");

    @Test
    void everyPairOfStatusesIsExactlyTheDocumentedStepOrRefused() {
        var found = new TreeMap<String, String>();
        for (var from : QualificationStatus.values()) {
            for (var to : QualificationStatus.values()) {
                WorkflowPolicy.step(from, to).ifPresent(step -> found.put(from + "->" + to,
                        String.join(",", new TreeSet<>(step.roles)) + (step.needsComment ? " +comment" : "")));
            }
        }
        assertThat(found).isEqualTo(new TreeMap<>(DOCUMENTED));
        assertThat(WorkflowPolicy.from(ARCHIVED)).isEmpty();
    }

    @Test
    void matrixGivesEachStepToItsRoles() {
        assertThat(WorkflowPolicy.step(DRAFT, IN_REVIEW).orElseThrow().allowedFor(Set.of("DESIGNER"))).isTrue();
        assertThat(WorkflowPolicy.step(DRAFT, IN_REVIEW).orElseThrow().allowedFor(Set.of("REVIEWER", "ADMIN"))).isFalse();
        assertThat(WorkflowPolicy.step(IN_REVIEW, APPROVED).orElseThrow().allowedFor(Set.of("REVIEWER"))).isTrue();
        assertThat(WorkflowPolicy.step(IN_REVIEW, APPROVED).orElseThrow().allowedFor(Set.of("DESIGNER", "ADMIN"))).isFalse();
        assertThat(WorkflowPolicy.step(APPROVED, PUBLISHED).orElseThrow().allowedFor(Set.of("ADMIN"))).isTrue();
        assertThat(WorkflowPolicy.step(APPROVED, PUBLISHED).orElseThrow().allowedFor(Set.of("DESIGNER"))).isFalse();
        assertThat(WorkflowPolicy.step(PUBLISHED, ARCHIVED).orElseThrow().allowedFor(Set.of("REVIEWER"))).isTrue();
        assertThat(WorkflowPolicy.step(IN_REVIEW, CHANGES_REQUESTED).orElseThrow().needsComment).isTrue();
        assertThat(WorkflowPolicy.step(DRAFT, IN_REVIEW).orElseThrow().needsComment).isFalse();
    }
}
