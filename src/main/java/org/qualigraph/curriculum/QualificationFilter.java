package org.qualigraph.curriculum;

/**
 * Filter of the qualification list; null fields do not filter; the title matches any language, ignoring case.
 * {@code partner} and {@code collaborator} together select "our qualifications": those the partner organisation owns
 * or that list the collaborator (either alone filters by itself; the organisation ignores case).
 */
public record QualificationFilter(String title, Integer eqfLevel, QualificationType type, QualificationStatus status,
                                  String partner, String collaborator) {

    public static final QualificationFilter ALL = new QualificationFilter(null, null, null, null);

    public QualificationFilter(String title, Integer eqfLevel, QualificationType type, QualificationStatus status) {
        this(title, eqfLevel, type, status, null, null);
    }
}
