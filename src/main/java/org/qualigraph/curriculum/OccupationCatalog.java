package org.qualigraph.curriculum;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Look-ups of ESCO occupations that the editor needs to let designers choose a qualification's target occupations by
 * name instead of by URI, implemented by the ESCO module. Without imported ESCO data both answer empty, and the editor
 * still accepts a pasted occupation URI.
 */
public interface OccupationCatalog {

    /** An occupation as the picker shows it; {@code iscoGroup} is the ISCO-08 unit group code (may be null). */
    record OccupationRef(String uri, String label, List<String> altLabels, String iscoGroup) {

        public OccupationRef {
            altLabels = altLabels == null ? List.of() : List.copyOf(altLabels);
        }
    }

    /** Ranked occupations whose preferred or alternative labels match every word of the query. */
    List<OccupationRef> findOccupations(String query, int limit);

    /** The occupations among these URIs that the loaded release knows; unknown URIs are left out. */
    Map<String, OccupationRef> describeOccupations(Collection<String> uris);

    /** As {@link #findOccupations(String, int)} for a user working in {@code language}: searched and labelled in it where imported. */
    default List<OccupationRef> findOccupations(String query, int limit, String language) {
        return findOccupations(query, limit);
    }

    /** As {@link #describeOccupations(Collection)}, labelled in {@code language} where imported. */
    default Map<String, OccupationRef> describeOccupations(Collection<String> uris, String language) {
        return describeOccupations(uris);
    }
}
