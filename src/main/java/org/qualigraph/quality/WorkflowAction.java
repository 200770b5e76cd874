package org.qualigraph.quality;

import org.qualigraph.curriculum.QualificationStatus;

/**
 * A workflow step the current user may take now: its name (SUBMIT, RESUBMIT, WITHDRAW, REQUEST_CHANGES, APPROVE,
 * REVOKE_APPROVAL, PUBLISH, ARCHIVE), the status it leads to, and whether it needs a comment or an approval record.
 */
public record WorkflowAction(String name, QualificationStatus to, boolean needsComment, boolean needsApproval) {
}
