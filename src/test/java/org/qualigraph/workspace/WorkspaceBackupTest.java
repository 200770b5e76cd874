package org.qualigraph.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

class WorkspaceBackupTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    QualificationService qualifications;
    @Autowired
    WorkspaceService workspace;
    @Autowired
    org.neo4j.driver.Driver driver;

    @Test
    void exportThenImportIntoAnEmptyWorkspaceGivesTheSameWorkspace() throws Exception {
        var core = qualifications.create(Documents.demo(json), "designer");
        var variant = qualifications.derive(core.id(), Map.of("en", "Variant"), "designer");
        qualifications.create(Documents.minimal("Shares a unit").withUnits(java.util.List.of(core.units().get(0))), "designer");
        String before = export();
        JsonNode dump = json.readTree(before);
        assertThat(dump.path("nodes").size()).isGreaterThan(60);
        assertThat(before).doesNotContain("passwordHash").doesNotContain("\"User\"");

        // a workspace that is not empty refuses the import and stays as it is
        mvc.perform(post("/api/admin/workspace").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content(before)).andExpect(status().isConflict());

        clearCurricula();
        assertThat(qualifications.countAll()).isZero();
        mvc.perform(post("/api/admin/workspace").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content(before)).andExpect(status().isOk());

        assertThat(withoutTimestamp(export())).isEqualTo(withoutTimestamp(before));
        assertThat(qualifications.get(variant.id()).derivedFrom()).isEqualTo(core.id());
        assertThat(qualifications.get(core.id())).isEqualTo(core);
    }

    @Test
    void onlyAdminsMayExportAndBadFilesChangeNothing() throws Exception {
        mvc.perform(get("/api/admin/workspace").header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/admin/workspace").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"format\":\"something else\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/admin/workspace").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"format\":\"qualigraph-workspace\",\"formatVersion\":1,\"nodes\":[{\"ref\":\"a\",\"labels\":[\"User\"],\"properties\":{}}]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/admin/workspace").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"format\":\"qualigraph-workspace\",\"formatVersion\":1,\"nodes\":[{\"ref\":\"q\",\"labels\":[\"Qualification\"],"
                        + "\"properties\":{\"id\":\"x\"}}],\"relationships\":[{\"type\":\"HAS_UNIT\",\"start\":\"q\",\"end\":\"missing\",\"properties\":{}}]}"))
                .andExpect(status().isBadRequest());
        assertThat(qualifications.countAll()).isZero();
    }

    @Test
    void aRestoreCreatesMissingReferenceNodesAndNeverWritesOnesThatExist() throws Exception {
        var core = qualifications.create(Documents.demo(json), "designer");
        qualifications.derive(core.id(), Map.of("en", "Variant"), "designer");
        qualifications.create(Documents.minimal("Shares a unit").withUnits(java.util.List.of(core.units().get(0))), "designer");
        String before = export();
        clearCurricula();
        // this instance spells an awarding body its own way, and has lost an NQF level
        String key = keyOf(before, "Organisation");
        String level = keyOf(before, "NqfLevel");
        String name = organisationName(before, key);
        neo4jClient.query("MATCH (o:Organisation {key: $key}) SET o.name = 'Spelt here'").bind(key).to("key").run();
        neo4jClient.query("MATCH (n:NqfLevel {key: $key}) DETACH DELETE n").bind(level).to("key").run();
        try {
            restoreKeepsReferenceNodes(before, core, key, level, name);
        } finally {
            // reference nodes outlive each test: give the next one the organisation as the demo names it
            neo4jClient.query("MATCH (o:Organisation {key: $key}) SET o.name = $name")
                    .bindAll(Map.of("key", key, "name", name)).run();
        }
    }

    private void restoreKeepsReferenceNodes(String before, org.qualigraph.curriculum.QualificationDocument core, String key,
                                            String level, String name) throws Exception {
        mvc.perform(post("/api/admin/workspace").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content(before)).andExpect(status().isOk());

        assertThat(neo4jClient.query("MATCH (o:Organisation {key: $key}) RETURN o.name").bind(key).to("key")
                .fetchAs(String.class).one()).as("an existing reference node is linked to, not written").contains("Spelt here");
        assertThat(neo4jClient.query("MATCH (n:NqfLevel {key: $key}) RETURN count(n)").bind(level).to("key")
                .fetchAs(Long.class).one()).as("a missing one is created").contains(1L);
        // the shared unit is one node held by both qualifications again
        assertThat(neo4jClient.query("MATCH (u:Unit {id: $id})<-[:HAS_UNIT]-(q:Qualification) RETURN count(q)")
                .bind(core.units().get(0).id()).to("id").fetchAs(Long.class).one()).contains(2L);
        // documents read the awarding body's name from its node: this instance's spelling
        assertThat(qualifications.get(core.id()).awardingBodies()).extracting(b -> b.name()).contains("Spelt here");
        assertThat(qualifications.get(core.id()).units()).isEqualTo(core.units());
    }

    @Test
    void aRestoreRunsTheSameStatementsForAnySizeAndNoneScansAllNodes() throws Exception {
        var small = restoreCountingStatements(1);
        var large = restoreCountingStatements(6);
        assertThat(large).as("one statement per kind of node and relationship, not per row").isEqualTo(small);
        assertThat(large).hasSizeLessThan(40);
        for (String statement : large) {
            try (var session = driver.session()) {
                var plan = session.run("EXPLAIN " + statement, Map.of("rows", java.util.List.of())).consume().plan();
                assertThat(operators(plan)).as(statement).doesNotContain("AllNodesScan").doesNotContain("NodeByLabelScan");
            }
        }
    }

    /** Restores a workspace of a core with {@code variants} variants (one sharing a unit): the statements run. */
    private java.util.List<String> restoreCountingStatements(int variants) throws Exception {
        var core = qualifications.create(Documents.demo(json), "designer");
        for (int i = 0; i < variants; i++) {
            qualifications.derive(core.id(), Map.of("en", "Variant " + i), "designer");
        }
        qualifications.create(Documents.minimal("Shares a unit").withUnits(java.util.List.of(core.units().get(0))), "designer");
        String dump = export();
        clearCurricula();
        var statements = new java.util.ArrayList<String>();
        WorkspaceService target = org.springframework.test.util.AopTestUtils.getTargetObject(workspace);
        target.statementListener = statements::add;
        try {
            mvc.perform(post("/api/admin/workspace").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                    .contentType(MediaType.APPLICATION_JSON).content(dump)).andExpect(status().isOk());
        } finally {
            target.statementListener = statement -> { };
        }
        assertThat(qualifications.countAll()).isEqualTo(variants + 2);
        clearCurricula();
        return statements.stream().sorted().toList();
    }

    private static java.util.List<String> operators(org.neo4j.driver.summary.Plan plan) {
        var result = new java.util.ArrayList<String>();
        result.add(plan.operatorType());
        plan.children().forEach(child -> result.addAll(operators(child)));
        return result;
    }

    private String keyOf(String dump, String label) throws Exception {
        for (JsonNode node : json.readTree(dump).path("nodes")) {
            if (node.path("labels").toString().contains("\"" + label + "\"")) {
                return node.at("/properties/key").asText();
            }
        }
        throw new AssertionError("no " + label + " in the dump");
    }

    private String organisationName(String dump, String key) throws Exception {
        for (JsonNode node : json.readTree(dump).path("nodes")) {
            if (node.path("labels").toString().contains("Organisation") && key.equals(node.at("/properties/key").asText())) {
                return node.at("/properties/name").asText();
            }
        }
        throw new AssertionError("no organisation " + key + " in the dump");
    }

    private String export() throws Exception {
        return mvc.perform(get("/api/admin/workspace").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private JsonNode withoutTimestamp(String dump) throws Exception {
        ObjectNode node = (ObjectNode) json.readTree(dump);
        node.remove("exportedAt");
        return node;
    }
}
