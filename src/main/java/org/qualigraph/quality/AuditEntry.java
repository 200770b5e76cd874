package org.qualigraph.quality;

import java.time.ZonedDateTime;

/**
 * One recorded change of a qualification: who, when, what ({@code action} such as CREATED, UPDATED, STATUS, REVISED,
 * GOVERNANCE, COMMENT; {@code detail} a readable summary) and the version it produced.
 */
public record AuditEntry(ZonedDateTime at, String user, String action, String detail, long version) {
}
