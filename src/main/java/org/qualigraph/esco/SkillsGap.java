package org.qualigraph.esco;

import java.util.List;
import java.util.Map;
import org.qualigraph.curriculum.QualificationDocument;

/**
 * Skills-gap analysis of a qualification against ESCO occupations and emerging occupational profiles: which essential
 * and optional skills the curriculum develops, which it misses, and which units cover each. Implemented by the ESCO
 * module; also used by the quality rule ESCO-03 and the core-curriculum document.
 */
public interface SkillsGap {

    /** Coverage of one occupation (URI) or occupational profile (its id) by the document's outcomes. */
    Coverage coverage(QualificationDocument document, String target);

    /** All loaded occupations ranked by how well the document covers their essential skills. */
    List<OccupationMatch> occupationMatches(QualificationDocument document, int limit);

    /** A skill with its label, for lists of missing skills. */
    record SkillLabel(String uri, String label) {
    }

    /**
     * The contract's coverage answer plus, for the UI and exports, the units covering each covered skill
     * ({@code coveredBy}: skill URI to unit codes) and the target's label.
     */
    record Coverage(String occupation, String label, int essentialTotal, int essentialCovered, int optionalTotal,
                    int optionalCovered, List<SkillLabel> missingEssential, Map<String, List<String>> coveredBy) {

        /** Share of essential skills covered, 0-1; 1 when the target has no essential skills. */
        public double essentialShare() {
            return essentialTotal == 0 ? 1.0 : (double) essentialCovered / essentialTotal;
        }
    }

    /** A row of the reverse matching. */
    record OccupationMatch(String occupation, String label, int essentialCovered, int essentialTotal, double score) {
    }
}
