package org.qualigraph.curriculum;

/**
 * Published after every committed change of a qualification, so that audit trails, quality badges and caches can
 * follow without the curriculum module knowing them.
 *
 * @param action CREATED, UPDATED, DELETED, DERIVED, DUPLICATED, REVISED or STATUS
 */
public record QualificationChanged(String qualificationId, long version, String user, String action, String detail) {
}
