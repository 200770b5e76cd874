package org.qualigraph.quality;

import static org.qualigraph.curriculum.QualificationStatus.APPROVED;
import static org.qualigraph.curriculum.QualificationStatus.ARCHIVED;
import static org.qualigraph.curriculum.QualificationStatus.CHANGES_REQUESTED;
import static org.qualigraph.curriculum.QualificationStatus.DRAFT;
import static org.qualigraph.curriculum.QualificationStatus.IN_REVIEW;
import static org.qualigraph.curriculum.QualificationStatus.PUBLISHED;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.qualigraph.base.Roles;
import org.qualigraph.curriculum.QualificationStatus;

/**
 * The review workflow's state machine and permission matrix, free of storage so it can be checked exhaustively.
 * Preconditions that need data (quality findings, the approval record) are checked by {@link ReviewWorkflowService}.
 */
enum WorkflowPolicy {

    SUBMIT(DRAFT, IN_REVIEW, false, Roles.DESIGNER),
    RESUBMIT(CHANGES_REQUESTED, IN_REVIEW, false, Roles.DESIGNER),
    WITHDRAW(IN_REVIEW, DRAFT, false, Roles.DESIGNER),
    REQUEST_CHANGES(IN_REVIEW, CHANGES_REQUESTED, true, Roles.REVIEWER),
    APPROVE(IN_REVIEW, APPROVED, false, Roles.REVIEWER),
    REVOKE_APPROVAL(APPROVED, CHANGES_REQUESTED, true, Roles.REVIEWER),
    PUBLISH(APPROVED, PUBLISHED, false, Roles.REVIEWER, Roles.ADMIN),
    ARCHIVE(PUBLISHED, ARCHIVED, false, Roles.REVIEWER, Roles.ADMIN);

    final QualificationStatus from;
    final QualificationStatus to;
    final boolean needsComment;
    final Set<String> roles;

    WorkflowPolicy(QualificationStatus from, QualificationStatus to, boolean needsComment, String... roles) {
        this.from = from;
        this.to = to;
        this.needsComment = needsComment;
        this.roles = Set.of(roles);
    }

    /** The step from one status to another, if the workflow has one. */
    static Optional<WorkflowPolicy> step(QualificationStatus from, QualificationStatus to) {
        return Arrays.stream(values()).filter(s -> s.from == from && s.to == to).findFirst();
    }

    /** The steps that leave a status, whoever may take them. */
    static List<WorkflowPolicy> from(QualificationStatus from) {
        return Arrays.stream(values()).filter(s -> s.from == from).toList();
    }

    /** The designer's steps (submit, resubmit, withdraw): only for those who may change the qualification. */
    boolean designersStep() {
        return this == SUBMIT || this == RESUBMIT || this == WITHDRAW;
    }

    boolean allowedFor(Set<String> userRoles) {
        return userRoles.stream().anyMatch(roles::contains);
    }
}
