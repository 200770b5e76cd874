package org.qualigraph.esco;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One ESCO release as read from its CSV packages, held compactly in memory between validation and writing so that
 * nothing is written unless every file parsed. URIs are shared string instances.
 */
final class EscoData {

    record Skill(String uri, String label, List<String> altLabels, String skillType, String reuseLevel, String description) {
    }

    record SkillGroup(String uri, String label, List<String> altLabels, String description, String code) {
    }

    record Occupation(String uri, String label, List<String> altLabels, String iscoGroup, String code, String description) {
    }

    record IscoGroup(String uri, String code, String label, String description) {
    }

    /** A typed link; {@code type} is essential/optional or null, {@code fromKind}/{@code toKind} the ESCO concept types. */
    record Link(String from, String to, String type, String fromKind, String toKind) {
    }

    /** A concept's texts in one language, from a language package; {@code file} is "skills", "occupations" or "skillGroups". */
    record Labels(String file, String label, List<String> altLabels, String description) {
    }

    final Map<String, Skill> skills = new LinkedHashMap<>();
    /** Concept URI to its texts, when a language package was read. */
    final Map<String, Labels> labels = new LinkedHashMap<>();
    /** The language of a language package's files (e.g. "de"), or null. */
    String language;
    final Map<String, SkillGroup> skillGroups = new LinkedHashMap<>();
    final Map<String, Occupation> occupations = new LinkedHashMap<>();
    final Map<String, IscoGroup> iscoGroups = new LinkedHashMap<>();
    final List<Link> occupationSkills = new ArrayList<>();
    final List<Link> skillSkills = new ArrayList<>();
    final List<Link> skillBroader = new ArrayList<>();
    final List<Link> occupationBroader = new ArrayList<>();
    /** Skill URI to the collections it belongs to (digital, green, transversal, language, research, digcomp). */
    final Map<String, Set<String>> collections = new HashMap<>();
    /** Skill URI to the T1-T6 codes of the transversal groups above it. */
    final Map<String, Set<String>> transversalGroups = new HashMap<>();
    /** The version named by the package file names (e.g. "v1.1.1"), or null. */
    String detectedVersion;

    private final Map<String, String> uris = new HashMap<>();

    String uri(String value) {
        return uris.computeIfAbsent(value, v -> v);
    }

    void addToCollection(String uri, String collection) {
        collections.computeIfAbsent(uri, u -> new TreeSet<>()).add(collection);
    }
}
