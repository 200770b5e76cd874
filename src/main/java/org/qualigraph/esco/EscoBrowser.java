package org.qualigraph.esco;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qualigraph.base.graph.Graph;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only pages of the ESCO browser: label search over occupations and skills, an occupation with its essential and
 * optional skills, a skill with its place in the hierarchy and the occupations that need it. Only known concepts
 * (imported, not obsolete) are shown. The search is a plain case-insensitive match on preferred and alternative
 * labels, ranked prefix first; the ranked full-text search of the ESCO import serves the skill picker.
 */
@Service
public class EscoBrowser {

    /** An occupation in a list. */
    public record OccupationRef(String uri, String label, String iscoGroup) {
    }

    /** A skill in a list. */
    public record SkillRef(String uri, String label, String skillType, String reuseLevel) {
    }

    /** An occupation page. */
    public record OccupationPage(String uri, String label, String code, String iscoGroup, String description,
                                 List<String> altLabels, List<SkillRef> essential, List<SkillRef> optional) {
    }

    /** A skill page; {@code group} is true for skill groups of the hierarchy. */
    public record SkillPage(String uri, String label, String skillType, String reuseLevel, String description,
                            List<String> altLabels, boolean group, List<SkillRef> broader, List<SkillRef> narrower,
                            List<OccupationRef> essentialFor, List<OccupationRef> optionalFor) {
    }

    private static final String KNOWN = "%1$s.escoVersion IS NOT NULL AND coalesce(%1$s.obsolete, false) = false";

    private final Graph client;

    EscoBrowser(Graph client) {
        this.client = client;
    }

    @Transactional(readOnly = true)
    public List<OccupationRef> searchOccupations(String query, int limit) {
        return searchOccupations(query, limit, null);
    }

    /**
     * Occupations whose labels in {@code language} (where imported) or in English contain the query, labelled in that
     * language where imported; null for English.
     */
    @Transactional(readOnly = true)
    public List<OccupationRef> searchOccupations(String query, int limit, String language) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        var params = keys(language);
        params.put("q", query.strip());
        params.put("limit", limit);
        return List.copyOf(client.query("MATCH (o:EscoOccupation) WHERE " + KNOWN.formatted("o") + """
                         WITH o, coalesce(o[$labelKey], o.label, '') AS shown, toLower($q) AS q
                         WITH o, shown, toLower(shown) AS label, q
                         WHERE label CONTAINS q OR toLower(coalesce(o.label, '')) CONTAINS q
                            OR any(a IN coalesce(o[$altKey], []) + coalesce(o.altLabels, []) WHERE toLower(a) CONTAINS q)
                         RETURN o.uri AS uri, shown AS label, o.iscoGroup AS iscoGroup
                         ORDER BY CASE WHEN label STARTS WITH q THEN 0 WHEN label CONTAINS q THEN 1 ELSE 2 END,
                                  size(label), label
                         LIMIT $limit
                        """)
                .bindAll(params)
                .fetchAs(OccupationRef.class)
                .mappedBy(r -> new OccupationRef(r.get("uri").asString(), r.get("label").asString(null),
                        r.get("iscoGroup").asString(null)))
                .all());
    }

    @Transactional(readOnly = true)
    public List<SkillRef> searchSkills(String query, int limit) {
        return searchSkills(query, limit, null);
    }

    /** Skills whose labels in {@code language} (where imported) or in English contain the query, labelled in it. */
    @Transactional(readOnly = true)
    public List<SkillRef> searchSkills(String query, int limit, String language) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        var params = keys(language);
        params.put("q", query.strip());
        params.put("limit", limit);
        return List.copyOf(client.query("MATCH (s:EscoSkill) WHERE " + KNOWN.formatted("s") + """
                         WITH s, coalesce(s[$labelKey], s.label, '') AS shown, toLower($q) AS q
                         WITH s, shown, toLower(shown) AS label, q
                         WHERE label CONTAINS q OR toLower(coalesce(s.label, '')) CONTAINS q
                            OR any(a IN coalesce(s[$altKey], []) + coalesce(s.altLabels, []) WHERE toLower(a) CONTAINS q)
                         RETURN s.uri AS uri, shown AS label, s.skillType AS skillType, s.reuseLevel AS reuseLevel
                         ORDER BY CASE WHEN label STARTS WITH q THEN 0 WHEN label CONTAINS q THEN 1 ELSE 2 END,
                                  size(label), label
                         LIMIT $limit
                        """)
                .bindAll(params)
                .fetchAs(SkillRef.class).mappedBy(r -> new SkillRef(r.get("uri").asString(), r.get("label").asString(null),
                        r.get("skillType").asString(null), r.get("reuseLevel").asString(null)))
                .all());
    }

    /** Labels of known occupations among the URIs (for lists of target occupations). */
    @Transactional(readOnly = true)
    public Map<String, String> occupationLabels(List<String> uris) {
        return occupationLabels(uris, null);
    }

    /** Labels of known occupations among the URIs, in {@code language} where imported. */
    @Transactional(readOnly = true)
    public Map<String, String> occupationLabels(List<String> uris, String language) {
        var result = new java.util.LinkedHashMap<String, String>();
        var params = keys(language);
        params.put("uris", uris);
        client.query("UNWIND $uris AS u MATCH (o:EscoOccupation {uri: u}) WHERE " + KNOWN.formatted("o")
                        + " RETURN o.uri AS uri, coalesce(o[$labelKey], o.label, o.uri) AS label")
                .bindAll(params).fetch().all()
                .forEach(row -> result.put((String) row.get("uri"), (String) row.get("label")));
        return result;
    }

    /** Known skills among the URIs, in the order given. */
    @Transactional(readOnly = true)
    public List<SkillRef> skillRefs(List<String> uris) {
        return skillRefs(uris, null);
    }

    /** Known skills among the URIs, in the order given, labelled in {@code language} where imported. */
    @Transactional(readOnly = true)
    public List<SkillRef> skillRefs(List<String> uris, String language) {
        var found = new java.util.HashMap<String, SkillRef>();
        String labelKey = labelKey(language);
        client.query("UNWIND $uris AS u MATCH (s:EscoSkill {uri: u}) WHERE " + KNOWN.formatted("s") + " RETURN s {.*} AS s")
                .bind(uris).to("uris").fetchAs(SkillRef.class).mappedBy(r -> skill(r.get("s"), labelKey)).all()
                .forEach(s -> found.put(s.uri(), s));
        return uris.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    @Transactional(readOnly = true)
    public Optional<OccupationPage> occupation(String uri) {
        return occupation(uri, null);
    }

    /** An occupation's page with its texts in {@code language} where imported, in English otherwise. */
    @Transactional(readOnly = true)
    public Optional<OccupationPage> occupation(String uri, String language) {
        var params = keys(language);
        params.put("uri", uri);
        String labelKey = labelKey(language);
        return client.query("MATCH (o:EscoOccupation {uri: $uri}) WHERE " + KNOWN.formatted("o") + """
                         RETURN o {.uri, .code, .iscoGroup, label: coalesce(o[$labelKey], o.label),
                                   description: coalesce(o[$descriptionKey], o.description),
                                   altLabels: coalesce(o[$altKey], o.altLabels)} AS o,
                           [(o)-[r:REQUIRES_SKILL {type: 'essential'}]->(s:EscoSkill) WHERE %s | s {.*}] AS essential,
                           [(o)-[r:REQUIRES_SKILL {type: 'optional'}]->(s:EscoSkill) WHERE %s | s {.*}] AS optional
                        """.formatted(KNOWN.formatted("s"), KNOWN.formatted("s")))
                .bindAll(params)
                .fetchAs(OccupationPage.class)
                .mappedBy(r -> {
                    var o = r.get("o");
                    return new OccupationPage(o.get("uri").asString(), o.get("label").asString(null),
                            o.get("code").asString(null), o.get("iscoGroup").asString(null),
                            o.get("description").asString(null), strings(o.get("altLabels")),
                            sorted(r.get("essential").asList(v -> skill(v, labelKey))),
                            sorted(r.get("optional").asList(v -> skill(v, labelKey))));
                })
                .one();
    }

    @Transactional(readOnly = true)
    public Optional<SkillPage> skill(String uri) {
        return skill(uri, null);
    }

    /** A skill's page with its texts (and those of related concepts) in {@code language} where imported. */
    @Transactional(readOnly = true)
    public Optional<SkillPage> skill(String uri, String language) {
        String known = KNOWN.formatted("x");
        var params = keys(language);
        params.put("uri", uri);
        String labelKey = labelKey(language);
        String altKey = (String) params.get("altKey");
        String descriptionKey = (String) params.get("descriptionKey");
        return client.query("MATCH (s:EscoSkill {uri: $uri}) WHERE " + KNOWN.formatted("s") + """
                         RETURN s {.*} AS s, s:EscoSkillGroup AS grp,
                           [(s)-[:BROADER]->(x:EscoSkill) WHERE %1$s | x {.*}] AS broader,
                           [(s)<-[:BROADER]-(x:EscoSkill) WHERE %1$s | x {.*}] AS narrower,
                           [(s)<-[:REQUIRES_SKILL {type: 'essential'}]-(x:EscoOccupation) WHERE %1$s | x {.uri, .iscoGroup, label: coalesce(x[$labelKey], x.label)}] AS essentialFor,
                           [(s)<-[:REQUIRES_SKILL {type: 'optional'}]-(x:EscoOccupation) WHERE %1$s | x {.uri, .iscoGroup, label: coalesce(x[$labelKey], x.label)}] AS optionalFor
                        """.formatted(known))
                .bindAll(params)
                .fetchAs(SkillPage.class)
                .mappedBy(r -> {
                    var s = r.get("s");
                    String description = s.get(descriptionKey).isNull() ? s.get("description").asString(null)
                            : s.get(descriptionKey).asString();
                    var alt = s.get(altKey).isNull() ? s.get("altLabels") : s.get(altKey);
                    return new SkillPage(s.get("uri").asString(), skill(s, labelKey).label(),
                            s.get("skillType").asString(null), s.get("reuseLevel").asString(null),
                            description, strings(alt), r.get("grp").asBoolean(),
                            sorted(r.get("broader").asList(v -> skill(v, labelKey))),
                            sorted(r.get("narrower").asList(v -> skill(v, labelKey))),
                            occupations(r.get("essentialFor")), occupations(r.get("optionalFor")));
                })
                .one();
    }

    /** A skill from a node's map; {@code labelKey} is the property of the label in the wanted language. */
    private static SkillRef skill(org.qualigraph.base.graph.GraphValue v, String labelKey) {
        String label = v.get(labelKey).isNull() ? v.get("label").asString(null) : v.get(labelKey).asString();
        return new SkillRef(v.get("uri").asString(), label, v.get("skillType").asString(null),
                v.get("reuseLevel").asString(null));
    }

    private static String labelKey(String language) {
        String lang = EscoLanguages.of(language);
        return lang == null ? "label" : EscoLanguages.labelKey(lang);
    }

    /** The property names of the texts in a language (English ones for null or a language without ESCO texts). */
    private static Map<String, Object> keys(String language) {
        String lang = EscoLanguages.of(language);
        var keys = new java.util.HashMap<String, Object>();
        keys.put("labelKey", lang == null ? "label" : EscoLanguages.labelKey(lang));
        keys.put("altKey", lang == null ? "altLabels" : EscoLanguages.altLabelsKey(lang));
        keys.put("descriptionKey", lang == null ? "description" : EscoLanguages.descriptionKey(lang));
        return keys;
    }

    private static List<OccupationRef> occupations(org.qualigraph.base.graph.GraphValue list) {
        return list.asList(v -> new OccupationRef(v.get("uri").asString(), v.get("label").asString(null),
                        v.get("iscoGroup").asString(null))).stream()
                .sorted(java.util.Comparator.comparing(o -> o.label() == null ? o.uri() : o.label(), String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private static List<SkillRef> sorted(List<SkillRef> skills) {
        return skills.stream()
                .sorted(java.util.Comparator.comparing(s -> s.label() == null ? s.uri() : s.label(), String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private static List<String> strings(org.qualigraph.base.graph.GraphValue v) {
        return v == null || v.isNull() ? List.of() : v.asList(org.qualigraph.base.graph.GraphValue::asString);
    }
}
