package org.qualigraph.curriculum;

import java.util.Map;

/** A row of the qualification list ({@code GET /api/qualifications}). */
public record QualificationSummary(String id, Map<String, String> title, Integer eqfLevel, QualificationType type,
                                   QualificationStatus status, long version) {

    public String displayTitle() {
        return Texts.display(title);
    }
}
