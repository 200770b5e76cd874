package org.qualigraph.curriculum;

import java.time.ZonedDateTime;

/**
 * One qualification in a revision chain: revision 1 is the first published form, each later revision a DRAFT copy of
 * its predecessor ({@code (:Qualification)-[:REVISION_OF]->(:Qualification)}) that may diverge and be published again.
 */
public record RevisionInfo(String id, int revision, QualificationStatus status, long version, String revisionOf,
                           ZonedDateTime createdAt, String createdBy) {
}
