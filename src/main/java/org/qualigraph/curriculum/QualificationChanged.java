package org.qualigraph.curriculum;

/**
 * Published after every committed change of a qualification, so that audit trails, quality badges and caches can
 * follow without the curriculum module knowing them.
 *
 * @param action CREATED, UPDATED, DELETED, DERIVED, DUPLICATED, REVISED or STATUS
 * @param detail for STATUS the new status; for DERIVED the source id; for REVISED the revision; for UPDATED and CREATED
 *               the units copied because a published or archived qualification shares them ("unit U1 was copied
 *               because it is part of published qualification ..."), else null
 * @param document the qualification as stored by this change, when the publisher has read it anyway (listeners then
 *                 need not read it again inside the same transaction); null for deletions and where not at hand
 * @param previous the qualification as it was before this change, for UPDATED and STATUS (what the audit trail
 *                 describes the change against); null for new qualifications and where not at hand
 */
public record QualificationChanged(String qualificationId, long version, String user, String action, String detail,
                                   QualificationDocument document, QualificationDocument previous) {

    public QualificationChanged(String qualificationId, long version, String user, String action, String detail,
                                QualificationDocument document) {
        this(qualificationId, version, user, action, detail, document, null);
    }

    public QualificationChanged(String qualificationId, long version, String user, String action, String detail) {
        this(qualificationId, version, user, action, detail, null, null);
    }
}
