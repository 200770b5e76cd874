package org.qualigraph.curriculum;

/** Where a qualification stands in the review workflow; changed only through transitions. */
public enum QualificationStatus {
    DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED, PUBLISHED, ARCHIVED
}
