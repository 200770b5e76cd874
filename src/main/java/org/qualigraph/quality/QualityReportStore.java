package org.qualigraph.quality;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qualigraph.base.graph.Graph;
import org.springframework.stereotype.Repository;

/**
 * The stored quality reports ({@code (:QualityReportSnapshot {qualificationId, key, json, computedAt})}) and the key
 * that says whether one is still the report of its qualification as it is now. The only place with Cypher for that
 * label.
 * <p>
 * The key is computed by the same query that reads the snapshot, from what the graph already versions: the
 * qualification's version (every save, status change, ownership change and rename of its awarding body raises it; the
 * approval is written with a status change) and status, each unit's own version (raised by a content write through
 * any qualification sharing it), the id, version and status of every other qualification holding one of its units
 * (rule STRUCT-03 names them), the names of its awarding bodies (a new spelling of an organisation's name renames
 * the shared node without raising its holders' versions, and ELM-05 may quote it), the governance record's version,
 * the current ESCO release with its import time, and
 * the caller's context (rule catalogue and thresholds fingerprint, today's date). Comparing it with the stored key is
 * a string comparison in the same round trip.
 */
@Repository
class QualityReportStore {

    /**
     * The key of the qualification bound to {@code q}; expects {@code $context}. Units in id order and their other
     * holders in id order, so that the same inputs give the same string.
     */
    private static final String KEY = """
            CALL (q) {
              OPTIONAL MATCH (q)-[:HAS_UNIT]->(u:Unit)
              OPTIONAL MATCH (u)<-[:HAS_UNIT]-(o:Qualification) WHERE o <> q
              WITH u, o ORDER BY u.id, o.id
              RETURN collect(u.id + '@' + toString(coalesce(u.version, 0))
                     + CASE WHEN o IS NULL THEN '' ELSE '<' + o.id + '@' + toString(o.version) + coalesce(o.status, '') END) AS units,
                     collect(DISTINCT u.id + '@' + toString(coalesce(u.version, 0))) AS unitVersions
            }
            CALL (q) {
              OPTIONAL MATCH (q)-[:AWARDED_BY]->(b)
              WITH b.name AS name ORDER BY name
              RETURN reduce(n = '', x IN collect(coalesce(name, '')) | n + '/' + x) AS bodies,
                     collect(coalesce(name, '')) AS bodyNames
            }
            OPTIONAL MATCH (q)-[:HAS_GOVERNANCE]->(g:GovernanceRecord)
            WITH q, units, unitVersions, bodies, bodyNames, max(coalesce(g.version, 0)) AS governance
            CALL () {
              OPTIONAL MATCH (r:EscoRelease {current: true})
              RETURN r.version + '@' + toString(r.importedAt) AS release ORDER BY r.importedAt DESC LIMIT 1
            }
            WITH q, unitVersions, bodyNames, reduce(k = $context + '|q' + toString(coalesce(q.version, 0)) + coalesce(q.status, '') + '|g' + toString(governance)
                           + '|e' + coalesce(release, '-') + '|b' + bodies, x IN units | k + '|' + x) AS key
            """;

    private final Graph client;

    QualityReportStore(Graph client) {
        this.client = client;
    }

    /**
     * What a request needs in one read: whether the qualification exists, its key now, whether the stored snapshot
     * has that key, and the snapshot's JSON when it does and {@code known} (the key of the report this instance holds
     * in memory, or null) is not already the key now.
     */
    Optional<Lookup> lookup(String qualificationId, String context, String known, boolean withJson) {
        var params = new HashMap<String, Object>();
        params.put("id", qualificationId);
        params.put("context", context);
        params.put("known", known);
        params.put("withJson", withJson);
        return client.query("MATCH (q:Qualification {id: $id})\n" + KEY + """
                OPTIONAL MATCH (s:QualityReportSnapshot {qualificationId: $id})
                RETURN key, coalesce(s.key = key, false) AS stored, coalesce(key = $known, false) AS known,
                       CASE WHEN $withJson AND s.key = key AND key <> coalesce($known, '') THEN s.json END AS json,
                       coalesce(q.version, 0) AS version, q.status AS status, unitVersions, bodyNames
                """).bindAll(params).fetch().one().map(row -> new Lookup((String) row.get("key"),
                Boolean.TRUE.equals(row.get("stored")), Boolean.TRUE.equals(row.get("known")), (String) row.get("json"),
                new Stamp(((Number) row.get("version")).longValue(), (String) row.get("status"),
                        Set.copyOf(strings(row.get("unitVersions"))), sorted(strings(row.get("bodyNames"))))));
    }

    /**
     * @param key the key now; {@code stored}: the snapshot has it; {@code known}: the caller's memory has it;
     *            {@code stamp}: what of the document the key holds now
     */
    record Lookup(String key, boolean stored, boolean known, String json, Stamp stamp) {
    }

    /**
     * The parts of a key that name the document's own state: the qualification's version and status, each unit's
     * "id@version", and the awarding bodies' names (an organisation's renaming changes them without a version). A
     * document that a save returned, with this stamp, is the document a read would return now, as far as any rule
     * can tell: the same assumption under which a stored report with this key is served.
     */
    record Stamp(long version, String status, Set<String> unitVersions, List<String> bodies) {

        /** The stamp of a document as a save returned it. */
        static Stamp of(org.qualigraph.curriculum.QualificationDocument document) {
            var units = new java.util.HashSet<String>();
            document.units().forEach(u -> units.add(u.id() + "@" + (u.version() == null ? 0 : u.version())));
            var bodies = new java.util.ArrayList<String>();
            document.awardingBodies().forEach(b -> bodies.add(b.name() == null ? "" : b.name()));
            return new Stamp(document.version() == null ? 0 : document.version(),
                    document.status() == null ? null : document.status().name(), Set.copyOf(units), sorted(bodies));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object column) {
        return column == null ? List.of() : (List<String>) column;
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }

    /** Keeps this report as the qualification's snapshot, unless the qualification is gone meanwhile. */
    void save(String qualificationId, String key, String json) {
        client.query("""
                MATCH (q:Qualification {id: $id})
                MERGE (s:QualityReportSnapshot {qualificationId: $id})
                SET s.key = $key, s.json = $json, s.computedAt = datetime()
                """).bindAll(Map.of("id", qualificationId, "key", key, "json", json)).run();
    }

    void delete(String qualificationId) {
        client.query("MATCH (s:QualityReportSnapshot {qualificationId: $id}) DELETE s")
                .bind(qualificationId).to("id").run();
    }

    /** Qualifications whose snapshot is missing or has another key than now (after an ESCO import, a new day, …). */
    List<String> stale(String context) {
        return List.copyOf(client.query("MATCH (q:Qualification)\n" + KEY + """
                OPTIONAL MATCH (s:QualityReportSnapshot {qualificationId: q.id})
                WITH q, key, s WHERE s IS NULL OR s.key <> key
                RETURN q.id ORDER BY q.id
                """).bind(context).to("context").fetchAs(String.class).all());
    }

    /** The current ESCO release with its import time, the part of every key that an import changes. */
    String release() {
        return client.query("""
                OPTIONAL MATCH (r:EscoRelease {current: true})
                WITH r ORDER BY r.importedAt DESC LIMIT 1
                RETURN coalesce(r.version + '@' + toString(r.importedAt), '-')
                """).fetchAs(String.class).one().orElse("-");
    }
}
