package org.qualigraph.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qualigraph.curriculum.QualificationStatus.APPROVED;
import static org.qualigraph.curriculum.QualificationStatus.ARCHIVED;
import static org.qualigraph.curriculum.QualificationStatus.CHANGES_REQUESTED;
import static org.qualigraph.curriculum.QualificationStatus.DRAFT;
import static org.qualigraph.curriculum.QualificationStatus.IN_REVIEW;
import static org.qualigraph.curriculum.QualificationStatus.PUBLISHED;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationStatus;

class WorkflowPolicyTest {

    /** A step row of the table: {@code | SUBMIT (`IN_REVIEW`) | DRAFT | DESIGNER | conditions |}. */
    private static final Pattern STEP_ROW = Pattern.compile("^\\| *[A-Z_]+ \\(`([A-Z_]+)`\\) *\\| *([A-Z_]+) *\\| *([^|]+?) *\\|(.*)\\|$");

    /**
     * The workflow as docs/workflow.md ("States and permission matrix") writes it down, read from that table so that
     * changing the document or the policy without the other fails: from, to, who may take the step, and whether it needs
     * a comment ("a `comment`" in its conditions).
     */
    static Map<String, String> documented() throws IOException {
        String doc = Files.readString(Path.of("docs/workflow.md"));
        int start = doc.indexOf("## States and permission matrix");
        assertThat(start).as("docs/workflow.md has the section").isNotNegative();
        int end = doc.indexOf("\n## ", start + 1);
        var steps = new TreeMap<String, String>();
        for (String line : doc.substring(start, end < 0 ? doc.length() : end).lines().toList()) {
            Matcher row = STEP_ROW.matcher(line.strip());
            if (row.matches()) {
                var roles = new TreeSet<String>();
                for (String role : row.group(3).split(",| or | and ")) {
                    roles.add(QualificationRole.valueOf(role.strip()).name());
                }
                String previous = steps.put(row.group(2) + "->" + row.group(1),
                        String.join(",", roles) + (row.group(4).contains("a `comment`") ? " +comment" : ""));
                assertThat(previous).as("one row per step: %s", line).isNull();
            }
        }
        assertThat(steps).as("the step rows of docs/workflow.md").hasSizeGreaterThanOrEqualTo(5);
        return steps;
    }

    private enum QualificationRole { ADMIN, DESIGNER, REVIEWER }

    @Test
    void everyPairOfStatusesIsExactlyTheDocumentedStepOrRefused() throws IOException {
        var found = new TreeMap<String, String>();
        for (var from : QualificationStatus.values()) {
            for (var to : QualificationStatus.values()) {
                WorkflowPolicy.step(from, to).ifPresent(step -> found.put(from + "->" + to,
                        String.join(",", new TreeSet<>(step.roles)) + (step.needsComment ? " +comment" : "")));
            }
        }
        assertThat(found).isEqualTo(documented());
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
