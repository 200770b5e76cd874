package org.qualigraph.esco;

import java.util.List;
import java.util.Map;
import org.qualigraph.curriculum.Dimension;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.support.Documents;
import org.qualigraph.base.graph.Graph;

/**
 * A small ESCO-shaped graph written with Cypher exactly on the agreed schema, with URIs under a test host so it can
 * live beside (and be removed without touching) a full ESCO import.
 * <pre>
 * O1 essential: S1 S2 S3 S4 OBS(obsolete)   optional: S5 S6
 * O2 essential: S1 S7                        O3 essential: S8        O4 optional only: S5
 * N1 -BROADER-> S1;  NN2 -BROADER-> N2 -BROADER-> S2;  S3 -BROADER-> G (a skill group)
 * </pre>
 */
public final class GapFixture {

    public static final String BASE = "http://test.qualigraph.invalid/esco/";

    public static String skill(String name) {
        return BASE + "skill/" + name;
    }

    public static String occupation(String name) {
        return BASE + "occupation/" + name;
    }

    private GapFixture() {
    }

    public static void load(Graph client) {
        remove(client);
        client.query("""
                UNWIND $skills AS name
                CREATE (:EscoSkill {uri: $base + 'skill/' + name, label: 'skill ' + name, altLabels: [],
                        skillType: 'skill/competence', reuseLevel: 'sector-specific', collections: [],
                        transversalGroups: [], escoVersion: 'test', obsolete: name = 'OBS'})
                """).bindAll(Map.of("base", BASE, "skills",
                List.of("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "N1", "N2", "NN2", "OBS"))).run();
        client.query("""
                CREATE (g:EscoSkill:EscoSkillGroup {uri: $base + 'skill/G', label: 'skill group G', escoVersion: 'test',
                        obsolete: false})
                WITH g
                MATCH (s3:EscoSkill {uri: $base + 'skill/S3'}) CREATE (s3)-[:BROADER]->(g)
                """).bind(BASE).to("base").run();
        client.query("""
                UNWIND $pairs AS p
                MATCH (n:EscoSkill {uri: $base + 'skill/' + p[0]})
                MATCH (b:EscoSkill {uri: $base + 'skill/' + p[1]})
                CREATE (n)-[:BROADER]->(b)
                """).bindAll(Map.of("base", BASE, "pairs", List.of(List.of("N1", "S1"), List.of("NN2", "N2"),
                List.of("N2", "S2")))).run();
        client.query("""
                UNWIND $occupations AS name
                CREATE (:EscoOccupation {uri: $base + 'occupation/' + name, label: 'occupation ' + name, altLabels: [],
                        iscoGroup: '9999', code: '9999.' + name, escoVersion: 'test', obsolete: false})
                """).bindAll(Map.of("base", BASE, "occupations", List.of("O1", "O2", "O3", "O4"))).run();
        client.query("""
                UNWIND $relations AS r
                MATCH (o:EscoOccupation {uri: $base + 'occupation/' + r[0]})
                MATCH (s:EscoSkill {uri: $base + 'skill/' + r[1]})
                CREATE (o)-[:REQUIRES_SKILL {type: r[2]}]->(s)
                """).bindAll(Map.of("base", BASE, "relations", List.of(
                List.of("O1", "S1", "essential"), List.of("O1", "S2", "essential"), List.of("O1", "S3", "essential"),
                List.of("O1", "S4", "essential"), List.of("O1", "OBS", "essential"), List.of("O1", "S5", "optional"),
                List.of("O1", "S6", "optional"), List.of("O2", "S1", "essential"), List.of("O2", "S7", "essential"),
                List.of("O3", "S8", "essential"), List.of("O4", "S5", "optional")))).run();
    }

    public static void remove(Graph client) {
        client.query("MATCH (n) WHERE (n:EscoSkill OR n:EscoOccupation) AND n.uri STARTS WITH $base DETACH DELETE n")
                .bind(BASE).to("base").run();
        client.query("MATCH (l:LocalSkill) DETACH DELETE l").run();
    }

    /**
     * U1: K1 maps N1 (narrower of S1), S1 maps S5. U2: K1 maps NN2 (two levels below S2) and G (the group above S3,
     * which must not count for S3), S1 maps S1 itself. Expected for O1: essential 2 of 4 (S1, S2), optional 1 of 2 (S5).
     */
    public static QualificationDocument document(String title) {
        var base = Documents.generated(title, 2, 2);
        var u1 = base.units().get(0);
        var u2 = base.units().get(1);
        return base.withUnits(List.of(
                withSkills(u1, List.of(skill("N1")), List.of(skill("S5"))),
                withSkills(u2, List.of(skill("NN2"), skill("G")), List.of(skill("S1")))));
    }

    public static UnitDocument withSkills(UnitDocument unit, List<String> first, List<String> second) {
        var outcomes = unit.outcomes();
        return unit.withOutcomes(List.of(with(outcomes.get(0), first), with(outcomes.get(1), second)));
    }

    public static OutcomeDocument with(OutcomeDocument o, List<String> skills) {
        return new OutcomeDocument(o.id(), o.code(), o.dimension() == null ? Dimension.KNOWLEDGE : o.dimension(),
                o.statement(), o.eqfLevel(), skills, o.keyCompetences());
    }
}
