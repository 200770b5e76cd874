package org.qualigraph.esco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.SkillCatalog;
import org.qualigraph.support.Documents;
import org.qualigraph.support.EscoTestData;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Search and look-ups on the full official v1.1.1 release. */
class EscoSearchTest extends IntegrationTest {

    @Autowired
    EscoService esco;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void loadEsco() {
        EscoTestData.ensureLoaded(esco);
    }

    private List<EscoService.SkillHit> skills(String q) {
        return esco.searchSkills(q, 10, EscoService.SkillFilter.NONE);
    }

    @Test
    void aWeldingQueryFindsWeldingSkillsFirst() {
        var hits = skills("welding");
        assertThat(hits).hasSize(10);
        assertThat(hits.subList(0, 5)).allSatisfy(hit -> assertThat(hit.label()).containsIgnoringCase("weld"));
        assertThat(skills("weld").get(0).label()).containsIgnoringCase("weld");
    }

    @Test
    void anAlternativeLabelFindsItsConcept() {
        // "Zoho Sheet" is only an alternative label of "use spreadsheets software" in v1.1.1
        var hits = esco.searchSkills("Zoho Sheet", 10, EscoService.SkillFilter.NONE);
        assertThat(hits).extracting(EscoService.SkillHit::label).first().isEqualTo("use spreadsheets software");
        assertThat(esco.searchOccupations("welding technician", 10)).extracting(EscoService.OccupationHit::label).isNotEmpty();
    }

    @Test
    void aSmallTypoStillFindsWelding() {
        assertThat(skills("weldng").subList(0, 3)).allSatisfy(hit -> assertThat(hit.label()).containsIgnoringCase("weld"));
        assertThat(esco.searchOccupations("weldr", 5)).extracting(EscoService.OccupationHit::label).contains("welder");
    }

    @Test
    void cypherOrLuceneLookingInputIsHarmless() throws Exception {
        long before = graph.query("MATCH (n:EscoSkill) RETURN count(n)").fetchAs(Long.class).one().orElseThrow();
        for (String q : List.of("\") MATCH (n) DETACH DELETE n //", "weld* OR label:x~2^9", "\\\"}{[]:!", "AND OR NOT", "*")) {
            mvc.perform(get("/api/esco/skills").param("q", q).header("Authorization", TestUsers.basic("designer")))
                    .andExpect(status().isOk());
            mvc.perform(get("/api/esco/occupations").param("q", q).header("Authorization", TestUsers.basic("designer")))
                    .andExpect(status().isOk());
        }
        assertThat(graph.query("MATCH (n:EscoSkill) RETURN count(n)").fetchAs(Long.class).one().orElseThrow()).isEqualTo(before);
        assertThat(skills("*")).isEmpty();
    }

    @Test
    void filtersBySkillTypeReuseLevelAndCollection() {
        var knowledge = esco.searchSkills("welding", 20, new EscoService.SkillFilter("knowledge", null, null));
        assertThat(knowledge).isNotEmpty().allSatisfy(hit -> assertThat(hit.skillType()).isEqualTo("knowledge"));
        var transversal = esco.searchSkills("team", 20, new EscoService.SkillFilter(null, "transversal", null));
        assertThat(transversal).isNotEmpty().allSatisfy(hit -> assertThat(hit.reuseLevel()).isEqualTo("transversal"));
        var digital = esco.searchSkills("software", 20, new EscoService.SkillFilter(null, null, "digital"));
        assertThat(digital).isNotEmpty();
        assertThat(esco.skills(digital.stream().map(EscoService.SkillHit::uri).toList()).values())
                .allSatisfy(skill -> assertThat(skill.collections()).contains("digital"));
    }

    @Test
    void theApiAnswersTheContractShapesAndRejectsBadParameters() throws Exception {
        mvc.perform(get("/api/esco/skills").param("q", "weld").param("limit", "3").header("Authorization", TestUsers.basic("designer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].uri").isString()).andExpect(jsonPath("$[0].label").isString())
                .andExpect(jsonPath("$[0].skillType").exists()).andExpect(jsonPath("$[0].reuseLevel").exists());
        mvc.perform(get("/api/esco/occupations").param("q", "welder").header("Authorization", TestUsers.basic("designer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].label").value("welder"))
                .andExpect(jsonPath("$[0].iscoGroup").value("7212"));
        mvc.perform(get("/api/esco/status").header("Authorization", TestUsers.basic("designer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value("v1.1.1"))
                .andExpect(jsonPath("$.skills").value(EscoTestData.ensureLoaded(esco).get("skills")));
        for (String limit : List.of("0", "101", "ten")) {
            mvc.perform(get("/api/esco/skills").param("q", "weld").param("limit", limit).header("Authorization", TestUsers.basic("designer")))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("limit:")));
        }
        mvc.perform(get("/api/esco/skills").param("q", "weld").param("skillType", "talent").header("Authorization", TestUsers.basic("designer")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("skillType:")));
        mvc.perform(get("/api/esco/skills").param("q", "weld").param("collection", "blue").header("Authorization", TestUsers.basic("designer")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("collection:")));
        mvc.perform(get("/api/esco/skills").param("q", "weld")).andExpect(status().isUnauthorized());
    }

    @Test
    void theSkillCatalogSuggestsFromStatementsAndListsUncoveredEssentialSkills() {
        SkillCatalog catalog = esco;
        assertThat(catalog.suggestForStatement("Weld steel pipes with arc welding equipment according to safety rules", 5))
                .isNotEmpty().first().satisfies(ref -> assertThat(ref.label()).containsIgnoringCase("weld"));

        String welder = esco.searchOccupations("welder", 1).get(0).uri();
        List<String> essential = graph.query("""
                MATCH (:EscoOccupation {uri: $o})-[:REQUIRES_SKILL {type: 'essential'}]->(s) RETURN s.uri ORDER BY s.uri
                """).bind(welder).to("o").fetchAs(String.class).all().stream().toList();
        assertThat(essential).hasSizeGreaterThan(2);
        // map an essential skill that is not narrower than another essential skill, so that it covers itself only
        String mappedSkill = graph.query("""
                MATCH (o:EscoOccupation {uri: $o})-[:REQUIRES_SKILL {type: 'essential'}]->(s)
                WHERE NOT EXISTS { (s)-[:BROADER*1..]->(b)<-[:REQUIRES_SKILL {type: 'essential'}]-(o) }
                RETURN s.uri ORDER BY s.uri LIMIT 1
                """).bind(welder).to("o").fetchAs(String.class).one().orElseThrow();
        QualificationDocument doc = targeting(Documents.minimal("Welder"), welder, mappedSkill);
        var uncovered = catalog.uncoveredEssentialSkills(doc, 500);
        assertThat(uncovered).extracting(SkillCatalog.SkillRef::uri).doesNotContain(mappedSkill)
                .containsExactlyInAnyOrderElementsOf(essential.stream().filter(uri -> !uri.equals(mappedSkill)).toList());

        // mapping a narrower skill of an essential skill covers it too
        var narrower = graph.query("""
                MATCH (:EscoOccupation {uri: $o})-[:REQUIRES_SKILL {type: 'essential'}]->(s)<-[:BROADER]-(n:EscoSkill)
                WHERE NOT n:EscoSkillGroup RETURN s.uri AS s, n.uri AS n LIMIT 1
                """).bind(welder).to("o").fetch().one();
        narrower.ifPresent(pair -> assertThat(catalog.uncoveredEssentialSkills(targeting(Documents.minimal("W"), welder,
                (String) pair.get("n")), 500)).extracting(SkillCatalog.SkillRef::uri).doesNotContain((String) pair.get("s")));
        assertThat(catalog.describe(List.of(essential.get(0), "http://example.org/none"))).containsOnlyKeys(essential.get(0));
    }

    private static QualificationDocument targeting(QualificationDocument doc, String occupation, String skill) {
        var unit = doc.units().get(0);
        OutcomeDocument o = unit.outcomes().get(1);
        var outcomes = new java.util.ArrayList<>(unit.outcomes());
        outcomes.set(1, new OutcomeDocument(null, o.code(), o.dimension(), o.statement(), o.eqfLevel(), List.of(skill), o.keyCompetences()));
        return new QualificationDocument(doc.id(), doc.version(), doc.title(), doc.description(), doc.type(), doc.eqfLevel(),
                doc.nqfLevels(), doc.iscedF(), doc.ecosystem(), doc.creditSystem(), doc.credits(), doc.entryRequirements(),
                doc.awardingBodies(), List.of(occupation), doc.derivedFrom(), doc.status(), List.of(unit.withOutcomes(outcomes)));
    }
}
