package org.qualigraph.esco;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.neo4j.core.Neo4jClient;
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

    private final Neo4jClient client;

    EscoBrowser(Neo4jClient client) {
        this.client = client;
    }

    @Transactional(readOnly = true)
    public List<OccupationRef> searchOccupations(String query, int limit) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return List.copyOf(client.query("MATCH (o:EscoOccupation) WHERE " + KNOWN.formatted("o") + """
                         WITH o, toLower(coalesce(o.label, '')) AS label, toLower($q) AS q
                         WHERE label CONTAINS q OR any(a IN coalesce(o.altLabels, []) WHERE toLower(a) CONTAINS q)
                         RETURN o.uri AS uri, o.label AS label, o.iscoGroup AS iscoGroup
                         ORDER BY CASE WHEN label STARTS WITH q THEN 0 WHEN label CONTAINS q THEN 1 ELSE 2 END,
                                  size(label), label
                         LIMIT $limit
                        """)
                .bindAll(Map.of("q", query.strip(), "limit", limit))
                .fetchAs(OccupationRef.class)
                .mappedBy((t, r) -> new OccupationRef(r.get("uri").asString(), r.get("label").asString(null),
                        r.get("iscoGroup").asString(null)))
                .all());
    }

    @Transactional(readOnly = true)
    public List<SkillRef> searchSkills(String query, int limit) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return List.copyOf(client.query("MATCH (s:EscoSkill) WHERE " + KNOWN.formatted("s") + """
                         WITH s, toLower(coalesce(s.label, '')) AS label, toLower($q) AS q
                         WHERE label CONTAINS q OR any(a IN coalesce(s.altLabels, []) WHERE toLower(a) CONTAINS q)
                         RETURN s.uri AS uri, s.label AS label, s.skillType AS skillType, s.reuseLevel AS reuseLevel
                         ORDER BY CASE WHEN label STARTS WITH q THEN 0 WHEN label CONTAINS q THEN 1 ELSE 2 END,
                                  size(label), label
                         LIMIT $limit
                        """)
                .bindAll(Map.of("q", query.strip(), "limit", limit))
                .fetchAs(SkillRef.class).mappedBy((t, r) -> new SkillRef(r.get("uri").asString(), r.get("label").asString(null),
                        r.get("skillType").asString(null), r.get("reuseLevel").asString(null)))
                .all());
    }

    /** Labels of known occupations among the URIs (for lists of target occupations). */
    @Transactional(readOnly = true)
    public Map<String, String> occupationLabels(List<String> uris) {
        var result = new java.util.LinkedHashMap<String, String>();
        client.query("UNWIND $uris AS u MATCH (o:EscoOccupation {uri: u}) WHERE " + KNOWN.formatted("o")
                        + " RETURN o.uri AS uri, coalesce(o.label, o.uri) AS label")
                .bind(uris).to("uris").fetch().all()
                .forEach(row -> result.put((String) row.get("uri"), (String) row.get("label")));
        return result;
    }

    /** Known skills among the URIs, in the order given. */
    @Transactional(readOnly = true)
    public List<SkillRef> skillRefs(List<String> uris) {
        var found = new java.util.HashMap<String, SkillRef>();
        client.query("UNWIND $uris AS u MATCH (s:EscoSkill {uri: u}) WHERE " + KNOWN.formatted("s") + " RETURN s {.*} AS s")
                .bind(uris).to("uris").fetchAs(SkillRef.class).mappedBy((t, r) -> skill(r.get("s"))).all()
                .forEach(s -> found.put(s.uri(), s));
        return uris.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    @Transactional(readOnly = true)
    public Optional<OccupationPage> occupation(String uri) {
        return client.query("MATCH (o:EscoOccupation {uri: $uri}) WHERE " + KNOWN.formatted("o") + """
                         RETURN o {.uri, .label, .code, .iscoGroup, .description, .altLabels} AS o,
                           [(o)-[r:REQUIRES_SKILL {type: 'essential'}]->(s:EscoSkill) WHERE %s | s {.*}] AS essential,
                           [(o)-[r:REQUIRES_SKILL {type: 'optional'}]->(s:EscoSkill) WHERE %s | s {.*}] AS optional
                        """.formatted(KNOWN.formatted("s"), KNOWN.formatted("s")))
                .bind(uri).to("uri")
                .fetchAs(OccupationPage.class)
                .mappedBy((t, r) -> {
                    var o = r.get("o");
                    return new OccupationPage(o.get("uri").asString(), o.get("label").asString(null),
                            o.get("code").asString(null), o.get("iscoGroup").asString(null),
                            o.get("description").asString(null), strings(o.get("altLabels")),
                            sorted(r.get("essential").asList(this::skill)), sorted(r.get("optional").asList(this::skill)));
                })
                .one();
    }

    @Transactional(readOnly = true)
    public Optional<SkillPage> skill(String uri) {
        String known = KNOWN.formatted("x");
        return client.query("MATCH (s:EscoSkill {uri: $uri}) WHERE " + KNOWN.formatted("s") + """
                         RETURN s {.*} AS s, s:EscoSkillGroup AS grp,
                           [(s)-[:BROADER]->(x:EscoSkill) WHERE %1$s | x {.*}] AS broader,
                           [(s)<-[:BROADER]-(x:EscoSkill) WHERE %1$s | x {.*}] AS narrower,
                           [(s)<-[:REQUIRES_SKILL {type: 'essential'}]-(x:EscoOccupation) WHERE %1$s | x {.uri, .label, .iscoGroup}] AS essentialFor,
                           [(s)<-[:REQUIRES_SKILL {type: 'optional'}]-(x:EscoOccupation) WHERE %1$s | x {.uri, .label, .iscoGroup}] AS optionalFor
                        """.formatted(known))
                .bind(uri).to("uri")
                .fetchAs(SkillPage.class)
                .mappedBy((t, r) -> {
                    var s = r.get("s");
                    return new SkillPage(s.get("uri").asString(), s.get("label").asString(null),
                            s.get("skillType").asString(null), s.get("reuseLevel").asString(null),
                            s.get("description").asString(null), strings(s.get("altLabels")), r.get("grp").asBoolean(),
                            sorted(r.get("broader").asList(this::skill)), sorted(r.get("narrower").asList(this::skill)),
                            occupations(r.get("essentialFor")), occupations(r.get("optionalFor")));
                })
                .one();
    }

    private SkillRef skill(org.neo4j.driver.Value v) {
        return new SkillRef(v.get("uri").asString(), v.get("label").asString(null), v.get("skillType").asString(null),
                v.get("reuseLevel").asString(null));
    }

    private static List<OccupationRef> occupations(org.neo4j.driver.Value list) {
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

    private static List<String> strings(org.neo4j.driver.Value v) {
        return v == null || v.isNull() ? List.of() : v.asList(org.neo4j.driver.Value::asString);
    }
}
