package org.qualigraph.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qualigraph.curriculum.QualificationStatus.APPROVED;
import static org.qualigraph.curriculum.QualificationStatus.ARCHIVED;
import static org.qualigraph.curriculum.QualificationStatus.CHANGES_REQUESTED;
import static org.qualigraph.curriculum.QualificationStatus.DRAFT;
import static org.qualigraph.curriculum.QualificationStatus.IN_REVIEW;
import static org.qualigraph.curriculum.QualificationStatus.PUBLISHED;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationStatus;

class WorkflowPolicyTest {

    @Test
    void everyPairOfStatusesIsEitherAStepOrRefused() {
        int steps = 0;
        for (var from : QualificationStatus.values()) {
            for (var to : QualificationStatus.values()) {
                if (WorkflowPolicy.step(from, to).isPresent()) {
                    steps++;
                }
            }
        }
        assertThat(steps).isEqualTo(WorkflowPolicy.values().length);
        assertThat(WorkflowPolicy.step(DRAFT, PUBLISHED)).isEmpty();
        assertThat(WorkflowPolicy.step(DRAFT, APPROVED)).isEmpty();
        assertThat(WorkflowPolicy.step(CHANGES_REQUESTED, APPROVED)).isEmpty();
        assertThat(WorkflowPolicy.step(ARCHIVED, PUBLISHED)).isEmpty();
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
