package org.qualigraph.quality;

import java.time.LocalDate;

/**
 * A request to move a qualification to another status. {@code to} is a status name (kept a string so that an unknown
 * value is answered with a 400 naming the field); {@code approval} is required for APPROVED.
 */
public record TransitionRequest(String to, String comment, ApprovalInput approval) {

    /** The approval record a reviewer enters when approving (ESG 1.2); the approver is the signed-in user. */
    public record ApprovalInput(String body, LocalDate date, String decision) {
    }
}
