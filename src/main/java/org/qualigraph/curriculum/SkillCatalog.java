package org.qualigraph.curriculum;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Look-ups of ESCO skills that the editor's skill picker needs, implemented by the ESCO module. When no catalogue is
 * loaded, implementations answer empty lists and the picker still accepts URIs typed in.
 */
public interface SkillCatalog {

    /** A skill as the picker shows it. {@code skillType} is ESCO's ("skill/competence" or "knowledge"). */
    record SkillRef(String uri, String label, String skillType, String reuseLevel) {
    }

    /** Ranked skills whose preferred or alternative labels match the query (prefixes and small typos). */
    List<SkillRef> search(String query, int limit);

    /** Labels, types and reuse levels of the given URIs; unknown URIs are left out. */
    Map<String, SkillRef> describe(Collection<String> uris);

    /**
     * As {@link #search(String, int)} for a user working in {@code language} (e.g. "de"): that language's labels are
     * searched too and skills are labelled in it where its ESCO texts were imported, in English otherwise.
     */
    default List<SkillRef> search(String query, int limit, String language) {
        return search(query, limit);
    }

    /** As {@link #describe(Collection)}, labelled in {@code language} where imported. */
    default Map<String, SkillRef> describe(Collection<String> uris, String language) {
        return describe(uris);
    }

    /** As {@link #descriptions(Collection)}, in {@code language} where imported. */
    default Map<String, String> descriptions(Collection<String> uris, String language) {
        return descriptions(uris);
    }

    /** The best ESCO matches for an outcome statement. */
    List<SkillRef> suggestForStatement(String statement, int limit);

    /** A suggested skill and why: {@code matchedBy} holds "meaning" and/or "words"; score 0-1, best 1. */
    record Suggestion(SkillRef skill, double score, List<String> matchedBy) {
    }

    /** Suggestions for a statement, and whether meaning took part (false while only words can be used). */
    record Suggestions(List<Suggestion> skills, boolean byMeaning) {
    }

    /** The best ESCO matches for an outcome statement with the reason for each; words only unless overridden. */
    default Suggestions suggestWithReasons(String statement, int limit) {
        return new Suggestions(suggestForStatement(statement, limit).stream()
                .map(ref -> new Suggestion(ref, 0, List.of("words"))).toList(), false);
    }

    /**
     * The languages of statements that suggestions by meaning understand well; for a statement in another language the
     * editor says so plainly (suggestions by words and the search by name still work). Empty: no meaning at all.
     */
    default java.util.Set<String> meaningLanguages() {
        return java.util.Set.of();
    }

    /** Essential skills of the document's target occupations that no outcome covers yet. */
    List<SkillRef> uncoveredEssentialSkills(QualificationDocument document, int limit);

    /** ESCO's description of each known skill, for the hover text of a skill chip; unknown URIs are left out. */
    default Map<String, String> descriptions(Collection<String> uris) {
        return Map.of();
    }
}
