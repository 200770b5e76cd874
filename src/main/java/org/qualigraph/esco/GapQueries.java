package org.qualigraph.esco;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qualigraph.base.graph.Graph;
import org.springframework.stereotype.Repository;

/**
 * The read side of the skills-gap analysis on the agreed ESCO graph schema. A concept counts only when it is "known":
 * {@code escoVersion} is set (imported, not a placeholder created by an outcome mapping) and it is not obsolete.
 */
@Repository
class GapQueries {

    static final String KNOWN_O = "o.escoVersion IS NOT NULL AND coalesce(o.obsolete, false) = false";

    private final Graph client;

    GapQueries(Graph client) {
        this.client = client;
    }

    /** For each mapped URI present in the graph: every skill URI reachable from it along BROADER (any depth). */
    Map<String, Set<String>> ancestors(Collection<String> mapped) {
        if (mapped.isEmpty()) {
            return Map.of();
        }
        Map<String, Set<String>> result = new HashMap<>();
        client.query("""
                        UNWIND $uris AS u
                        MATCH (m:EscoSkill {uri: u})-[:BROADER*1..]->(a:EscoSkill)
                        RETURN u AS uri, collect(DISTINCT a.uri) AS ancestors
                        """)
                .bind(List.copyOf(mapped)).to("uris")
                .fetch().all()
                .forEach(row -> result.put((String) row.get("uri"), new HashSet<>(strings(row.get("ancestors")))));
        return result;
    }

    /** A known occupation's label, if the URI names one. */
    Optional<String> occupationLabel(String uri) {
        return client.query("MATCH (o:EscoOccupation {uri: $uri}) WHERE " + KNOWN_O + " RETURN coalesce(o.label, o.uri)")
                .bind(uri).to("uri").fetchAs(String.class).one();
    }

    /**
     * The known skills the given occupations require, per occupation, each with its relation type. Obsolete or
     * placeholder skills are left out.
     */
    Map<String, List<TargetSkill>> occupationSkills(Collection<String> occupations) {
        Map<String, List<TargetSkill>> result = new LinkedHashMap<>();
        occupations.forEach(o -> result.put(o, new ArrayList<>()));
        if (occupations.isEmpty()) {
            return result;
        }
        client.query("""
                        UNWIND $uris AS u
                        MATCH (o:EscoOccupation {uri: u})-[r:REQUIRES_SKILL]->(s:EscoSkill)
                        WHERE s.escoVersion IS NOT NULL AND coalesce(s.obsolete, false) = false
                        RETURN u AS occupation, s.uri AS uri, coalesce(s.label, s.uri) AS label, r.type AS type
                        """)
                .bind(List.copyOf(occupations)).to("uris")
                .fetch().all()
                .forEach(row -> result.computeIfAbsent((String) row.get("occupation"), k -> new ArrayList<>())
                        .add(new TargetSkill((String) row.get("uri"), (String) row.get("label"),
                                "essential".equals(row.get("type")), false)));
        return result;
    }

    /** Labels of known skills among the URIs. */
    Map<String, String> skillLabels(Collection<String> uris) {
        if (uris.isEmpty()) {
            return Map.of();
        }
        Map<String, String> result = new HashMap<>();
        client.query("""
                        UNWIND $uris AS u
                        MATCH (s:EscoSkill {uri: u})
                        WHERE s.escoVersion IS NOT NULL AND coalesce(s.obsolete, false) = false
                        RETURN s.uri AS uri, coalesce(s.label, s.uri) AS label
                        """)
                .bind(List.copyOf(uris)).to("uris").fetch().all()
                .forEach(row -> result.put((String) row.get("uri"), (String) row.get("label")));
        return result;
    }

    /**
     * Reverse matching in one statement: the mapped skills are expanded to every skill they cover (themselves and all
     * their BROADER ancestors), then essential relations are counted per occupation that needs at least one of them.
     * Occupations that share no covered skill are not in this answer (their score is 0; see {@link #zeroMatches}).
     */
    List<SkillsGap.OccupationMatch> matches(Collection<String> mapped, int limit) {
        if (mapped.isEmpty()) {
            return List.of();
        }
        return List.copyOf(client.query("""
                        UNWIND $uris AS u
                        MATCH (m:EscoSkill {uri: u})-[:BROADER*0..]->(s:EscoSkill)
                        WITH DISTINCT s
                        WHERE s.escoVersion IS NOT NULL AND coalesce(s.obsolete, false) = false
                        MATCH (s)<-[:REQUIRES_SKILL {type: 'essential'}]-(o:EscoOccupation)
                        WHERE o.escoVersion IS NOT NULL AND coalesce(o.obsolete, false) = false
                        WITH o, count(DISTINCT s) AS covered
                        MATCH (o)-[:REQUIRES_SKILL {type: 'essential'}]->(t:EscoSkill)
                        WHERE t.escoVersion IS NOT NULL AND coalesce(t.obsolete, false) = false
                        WITH o, covered, count(DISTINCT t) AS total
                        WITH o, covered, total, toFloat(covered) / total AS score, coalesce(o.label, o.uri) AS label
                        RETURN o.uri AS occupation, label, covered, total, score
                        ORDER BY score DESC, covered DESC, label ASC
                        LIMIT $limit
                        """)
                .bind(List.copyOf(mapped)).to("uris").bind(limit).to("limit")
                .fetchAs(SkillsGap.OccupationMatch.class)
                .mappedBy(r -> new SkillsGap.OccupationMatch(r.get("occupation").asString(),
                        r.get("label").asString(), r.get("covered").asInt(), r.get("total").asInt(),
                        r.get("score").asDouble()))
                .all());
    }

    /** Known occupations not in {@code exclude}, by label, with score 0 (nothing of theirs covered). */
    List<SkillsGap.OccupationMatch> zeroMatches(Collection<String> exclude, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return List.copyOf(client.query("""
                        MATCH (o:EscoOccupation)
                        WHERE o.escoVersion IS NOT NULL AND coalesce(o.obsolete, false) = false AND NOT o.uri IN $exclude
                        WITH o, coalesce(o.label, o.uri) AS label
                        ORDER BY label ASC
                        LIMIT $limit
                        RETURN o.uri AS occupation, label,
                               COUNT { (o)-[:REQUIRES_SKILL {type: 'essential'}]->(t:EscoSkill)
                                       WHERE t.escoVersion IS NOT NULL AND coalesce(t.obsolete, false) = false } AS total
                        """)
                .bind(List.copyOf(exclude)).to("exclude").bind(limit).to("limit")
                .fetchAs(SkillsGap.OccupationMatch.class)
                .mappedBy(r -> new SkillsGap.OccupationMatch(r.get("occupation").asString(),
                        r.get("label").asString(), 0, r.get("total").asInt(), 0.0))
                .all());
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }
}
