package org.qualigraph.curriculum;

import java.util.List;
import java.util.Map;

/**
 * What a national variant is derived with: its title and its own national data — the country, its level in that
 * country's qualifications framework (with the framework's URI where known) and the bodies awarding it there. When a
 * country is given, these replace the core's national levels and awarding bodies instead of copying them, so a variant
 * never silently claims the core's national recognition. Only a title (the older form) copies the core's national data.
 *
 * @param awardingBodies each without a country takes the variant's country
 */
public record VariantRequest(Map<String, String> title, String country, String nqfLevel, String nqfLevelUri,
                             List<QualificationDocument.AwardingBody> awardingBodies) {

    /** The older request: a title only; the variant copies the core's national data. */
    public static VariantRequest titleOnly(Map<String, String> title) {
        return new VariantRequest(title, null, null, null, null);
    }

    /** Whether this request gives national data of its own (then the core's is replaced). */
    public boolean replacesNationalData() {
        return country != null || nqfLevel != null || nqfLevelUri != null || awardingBodies != null;
    }
}
