package org.qualigraph.curriculum;

/** Filter of the qualification list; null fields do not filter; the title matches any language, ignoring case. */
public record QualificationFilter(String title, Integer eqfLevel, QualificationType type, QualificationStatus status) {

    public static final QualificationFilter ALL = new QualificationFilter(null, null, null, null);
}
