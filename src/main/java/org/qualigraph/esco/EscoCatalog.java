package org.qualigraph.esco;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Read access to the loaded ESCO classification for other modules (quality rules, exports, the editor): which release
 * is loaded and what a skill or occupation URI stands for. Implemented by the ESCO module's service.
 */
public interface EscoCatalog {

    /** The loaded ESCO release, or empty when no ESCO data was imported yet. */
    Optional<EscoRelease> release();

    /** The skills (and skill groups) among these URIs that the loaded release knows. */
    Map<String, EscoSkill> skills(Collection<String> uris);

    /** The occupations among these URIs that the loaded release knows. */
    Map<String, EscoOccupation> occupations(Collection<String> uris);

    /**
     * The loaded release with the skills and occupations among these URIs that it knows (English texts), empty when no
     * release is loaded: what a quality report looks up. The ESCO module answers the concepts from memory while the
     * release read with them is the one they were read under, as only an import changes them.
     */
    default Optional<ReleaseFacts> facts(Collection<String> skillUris, Collection<String> occupationUris) {
        return release().map(release -> new ReleaseFacts(release, skills(skillUris), occupations(occupationUris)));
    }

    /** A release and what it knows of some URIs ({@link #facts}). */
    record ReleaseFacts(EscoRelease release, Map<String, EscoSkill> skills, Map<String, EscoOccupation> occupations) {
    }

    /**
     * The skills among these URIs with their labels, alternative labels and descriptions in {@code language} (e.g.
     * "de") where that language's texts were imported, in English otherwise; null means English.
     */
    default Map<String, EscoSkill> skills(Collection<String> uris, String language) {
        return skills(uris);
    }

    /** The occupations among these URIs, labelled in {@code language} where imported (see {@link #skills(Collection, String)}). */
    default Map<String, EscoOccupation> occupations(Collection<String> uris, String language) {
        return occupations(uris);
    }

    /** An imported release and its sizes. */
    record EscoRelease(String version, Instant importedAt, long skills, long occupations, long occupationSkillRelations) {
    }

    /**
     * A skill concept. {@code skillType} is ESCO's value ({@code skill/competence} or {@code knowledge}, may be null);
     * {@code collections} holds the ESCO collections it belongs to (digital, green, transversal, language, research,
     * digcomp); {@code transversalGroups} the T1-T6 codes it falls under (empty for non-transversal skills).
     */
    record EscoSkill(String uri, String label, List<String> altLabels, String skillType, String reuseLevel,
                     String description, Set<String> collections, Set<String> transversalGroups) {

        public boolean isKnowledge() {
            return "knowledge".equals(skillType);
        }
    }

    /** An occupation concept with its ISCO-08 unit group code. */
    record EscoOccupation(String uri, String label, List<String> altLabels, String iscoGroup, String code,
                          String description) {
    }
}
