package org.qualigraph.esco;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qualigraph.base.graph.Graph;
import org.springframework.stereotype.Repository;

/**
 * Occupational profiles in the graph: {@code (:OccupationalProfile)-[:BASED_ON]->(:EscoOccupation)},
 * {@code -[:ADDS_SKILL {type}]->(:EscoSkill|:LocalSkill)}, {@code -[:REMOVES_SKILL]->(:EscoSkill)}. A profile owns its
 * local skills: they are created, changed and deleted with it.
 */
@Repository
class ProfileStore {

    private final Graph client;

    ProfileStore(Graph client) {
        this.client = client;
    }

    Optional<Long> lockVersion(String id) {
        return client.query("MATCH (p:OccupationalProfile {id: $id}) SET p.lockedAt = timestamp() RETURN p.version")
                .bind(id).to("id").fetchAs(Long.class).one();
    }

    /** Writes the whole profile; ids of the profile and its local skills must be assigned. */
    void write(OccupationalProfile p, String user) {
        var local = p.localSkills().stream().map(l -> Map.<String, Object>of("id", l.id(), "uri", l.uri(),
                "label", l.label(), "description", l.description() == null ? "" : l.description(),
                "type", l.type())).toList();
        var added = p.addedSkills().stream().map(a -> Map.<String, Object>of("uri", a.uri(), "type", a.type())).toList();
        client.query("""
                        MERGE (p:OccupationalProfile {id: $id})
                        SET p.name = $name, p.description = $description, p.version = $version,
                            p.updatedBy = $user, p.updatedAt = datetime()
                        WITH p
                        OPTIONAL MATCH (p)-[:ADDS_SKILL]->(gone:LocalSkill) WHERE NOT gone.id IN $localIds
                        DETACH DELETE gone
                        WITH DISTINCT p
                        OPTIONAL MATCH (p)-[r:BASED_ON|ADDS_SKILL|REMOVES_SKILL]->()
                        DELETE r
                        WITH DISTINCT p
                        CALL (p) {
                          UNWIND $basedOn AS uri
                          MATCH (o:EscoOccupation {uri: uri})
                          MERGE (p)-[:BASED_ON]->(o)
                        }
                        CALL (p) {
                          UNWIND $added AS a
                          MATCH (s:EscoSkill {uri: a.uri})
                          MERGE (p)-[r:ADDS_SKILL]->(s) SET r.type = a.type
                        }
                        CALL (p) {
                          UNWIND $removed AS uri
                          MATCH (s:EscoSkill {uri: uri})
                          MERGE (p)-[:REMOVES_SKILL]->(s)
                        }
                        CALL (p) {
                          UNWIND $local AS l
                          MERGE (s:LocalSkill {id: l.id})
                          SET s.uri = l.uri, s.label = l.label, s.description = l.description
                          MERGE (p)-[r:ADDS_SKILL]->(s) SET r.type = l.type
                        }
                        """)
                .bindAll(Map.of("id", p.id(), "name", p.name(), "description", p.description() == null ? "" : p.description(),
                        "version", p.version(), "user", user == null ? "" : user,
                        "localIds", p.localSkills().stream().map(OccupationalProfile.LocalSkill::id).toList(),
                        "basedOn", p.basedOn(), "added", added, "removed", p.removedSkills(), "local", local))
                .run();
    }

    /** Ids of local skills that belong to this profile. */
    List<String> localSkillIds(String id) {
        return List.copyOf(client.query("MATCH (:OccupationalProfile {id: $id})-[:ADDS_SKILL]->(l:LocalSkill) RETURN l.id")
                .bind(id).to("id").fetchAs(String.class).all());
    }

    Optional<OccupationalProfile> read(String id) {
        return client.query(READ + " WHERE p.id = $id " + RETURN).bind(id).to("id")
                .fetchAs(OccupationalProfile.class).mappedBy(r -> map(r.asMap())).one();
    }

    List<OccupationalProfile> list() {
        return List.copyOf(client.query(READ + RETURN + " ORDER BY toLower(p.name), p.id")
                .fetchAs(OccupationalProfile.class).mappedBy(r -> map(r.asMap())).all());
    }

    boolean delete(String id) {
        return client.query("""
                        MATCH (p:OccupationalProfile {id: $id})
                        OPTIONAL MATCH (p)-[:ADDS_SKILL]->(l:LocalSkill)
                        DETACH DELETE l
                        WITH DISTINCT p
                        DETACH DELETE p
                        RETURN count(*) > 0
                        """).bind(id).to("id").fetchAs(Boolean.class).one().orElse(false);
    }

    private static final String READ = "MATCH (p:OccupationalProfile)";

    private static final String RETURN = """
            RETURN p.id AS id, p.name AS name, p.description AS description, p.version AS version,
                   [(p)-[:BASED_ON]->(o:EscoOccupation) | o.uri] AS basedOn,
                   [(p)-[r:ADDS_SKILL]->(s:EscoSkill) | {uri: s.uri, type: r.type, label: coalesce(s.label, s.uri)}] AS added,
                   [(p)-[:REMOVES_SKILL]->(s:EscoSkill) | s.uri] AS removed,
                   [(p)-[r:ADDS_SKILL]->(l:LocalSkill) | {id: l.id, uri: l.uri, label: l.label,
                                                         description: l.description, type: r.type}] AS local
            """;

    @SuppressWarnings("unchecked")
    private static OccupationalProfile map(Map<String, Object> row) {
        var added = ((List<Map<String, Object>>) row.get("added")).stream()
                .map(a -> new OccupationalProfile.AddedSkill((String) a.get("uri"), (String) a.get("type"), (String) a.get("label")))
                .sorted(java.util.Comparator.comparing(OccupationalProfile.AddedSkill::label, String.CASE_INSENSITIVE_ORDER))
                .toList();
        var local = ((List<Map<String, Object>>) row.get("local")).stream()
                .map(l -> new OccupationalProfile.LocalSkill((String) l.get("id"), (String) l.get("uri"),
                        (String) l.get("label"), (String) l.get("description"), (String) l.get("type")))
                .sorted(java.util.Comparator.comparing(OccupationalProfile.LocalSkill::label, String.CASE_INSENSITIVE_ORDER))
                .toList();
        List<String> basedOn = GapQueries.strings(row.get("basedOn")).stream().sorted().toList();
        List<String> removed = GapQueries.strings(row.get("removed")).stream().sorted().toList();
        return new OccupationalProfile((String) row.get("id"), (String) row.get("name"), (String) row.get("description"),
                basedOn, added, removed, local, row.get("version") == null ? 0L : ((Number) row.get("version")).longValue());
    }
}
