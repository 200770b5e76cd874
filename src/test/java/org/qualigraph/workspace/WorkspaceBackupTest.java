package org.qualigraph.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.VariantService;
import org.qualigraph.esco.OccupationalProfile;
import org.qualigraph.esco.OccupationalProfileService;
import org.qualigraph.quality.CommentRequest;
import org.qualigraph.quality.Governance;
import org.qualigraph.quality.GovernanceRecordService;
import org.qualigraph.quality.ReviewCommentService;
import org.qualigraph.quality.ReviewWorkflowService;
import org.qualigraph.quality.TransitionRequest;
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
    @Autowired
    ReviewCommentService comments;
    @Autowired
    GovernanceRecordService governance;
    @Autowired
    ReviewWorkflowService workflow;
    @Autowired
    OccupationalProfileService profiles;
    @Autowired
    VariantService variants;

    @Test
    void exportThenImportIntoAnEmptyWorkspaceGivesTheSameWorkspace() throws Exception {
        var core = qualifications.create(Documents.demo(json), "designer");
        // a unit edited after its creation: its version and its history of content hashes are state
        core = qualifications.update(core.id(), withEditedOutcome(core, 0), "designer");
        assertThat(core.units().get(0).version()).isEqualTo(1L);
        // a variant remembers the core as it took it (its baseline)
        var variant = qualifications.derive(core.id(), Map.of("en", "Variant"), "designer");
        qualifications.create(Documents.minimal("Shares a unit").withUnits(java.util.List.of(core.units().get(0))), "designer");
        // the core moves on after the derive: the variant's list of core changes reads the baseline
        core = qualifications.update(core.id(), withEditedOutcome(core, 1), "designer");
        // the quality module's records: a comment on a unit, a governance record, reviews, an approval, a revision
        comments.add(core.id(), new CommentRequest("Too broad", core.units().get(0).code(), null), "reviewer");
        governance.update(core.id(), new Governance(java.util.List.of(new Governance.Stakeholder(null, "Chamber", "IHK",
                        Governance.StakeholderKind.EMPLOYER)), java.util.List.of(), null, LocalDate.of(2027, 6, 1),
                java.util.List.of(new Governance.IndicatorValue(3, "80%", "2025")), java.util.List.of()), "designer");
        String published = qualifications.create(Documents.minimal("Published one"), "designer").id();
        workflow.transition(published, new TransitionRequest("IN_REVIEW", "ready", null), "designer", Set.of("DESIGNER"));
        workflow.transition(published, new TransitionRequest("APPROVED", "fine", new TransitionRequest.ApprovalInput(
                "Programme board", LocalDate.of(2026, 11, 30), "approved")), "reviewer", Set.of("REVIEWER"));
        workflow.transition(published, new TransitionRequest("PUBLISHED", null, null), "reviewer", Set.of("REVIEWER"));
        var revision = workflow.newRevision(published, "designer", Set.of("DESIGNER"));
        // the ESCO module's own records
        String occupation = "http://data.europa.eu/esco/occupation/restore-test-battery-recycler";
        graph.query("MERGE (o:EscoOccupation {uri: $uri}) SET o.label = 'battery recycler', o.escoVersion = 'test'")
                .bind(occupation).to("uri").run();
        profiles.create(new OccupationalProfile(null, "Battery recycler", "emerging", java.util.List.of(occupation), java.util.List.of(),
                java.util.List.of(), java.util.List.of(new OccupationalProfile.LocalSkill(null, null, "dismantle battery packs",
                        "not in ESCO yet", "essential")), null), "designer");

        String before = export();
        JsonNode dump = json.readTree(before);
        assertThat(dump.path("nodes").size()).isGreaterThan(60);
        assertThat(before).doesNotContain("passwordHash").doesNotContain("\"User\"").doesNotContain("lockedAt");
        for (String label : java.util.List.of("Comment", "Review", "Approval", "GovernanceRecord", "Stakeholder",
                "IndicatorValue", "AuditEntry", "OccupationalProfile", "LocalSkill")) {
            assertThat(before).as("the dump holds a " + label).contains("\"" + label + "\"");
        }
        assertThat(before).contains("\"baseline\"").contains("\"contentHashes\"").contains("REVISION_OF");
        var threads = comments.threads(core.id());
        var history = workflow.history(published);
        var audit = workflow.audit(core.id());
        var revisions = workflow.revisions(revision.id());
        var coreChanges = variants.coreChanges(variant.id());
        assertThat(coreChanges.units()).isNotEmpty();

        // a workspace that is not empty refuses the import and stays as it is
        mvc.perform(post("/api/admin/workspace").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content(before)).andExpect(status().isConflict());

        clear();
        assertThat(qualifications.countAll()).isZero();
        mvc.perform(post("/api/admin/workspace").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content(before)).andExpect(status().isOk());

        assertThat(withoutTimestamp(export())).isEqualTo(withoutTimestamp(before));
        assertThat(qualifications.get(variant.id()).derivedFrom()).isEqualTo(core.id());
        assertThat(qualifications.get(core.id())).isEqualTo(core);
        // and what the modules read from it is what they read before
        assertThat(comments.threads(core.id())).isEqualTo(threads);
        assertThat(workflow.history(published)).isEqualTo(history);
        assertThat(workflow.audit(core.id())).isEqualTo(audit);
        assertThat(workflow.revisions(revision.id())).isEqualTo(revisions);
        assertThat(variants.coreChanges(variant.id())).isEqualTo(coreChanges);
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
    void aMalformedFileIsNamedByLineOrFieldAndChangesNothing() throws Exception {
        var restore = (java.util.function.Function<String, String>) content -> {
            try {
                return mvc.perform(post("/api/admin/workspace").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                                .contentType(MediaType.APPLICATION_JSON).content(content)).andExpect(status().isBadRequest())
                        .andReturn().getResponse().getContentAsString();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        String head = "{\"format\":\"qualigraph-workspace\",\"formatVersion\":1,";
        assertThat(restore.apply(head + "\n\"nodes\": [\n {\"ref\": \"a\",,}\n]}")).contains("line 3");
        assertThat(restore.apply(head + "\"nodes\":[{\"ref\":\"a\",\"labels\":[\"Spaceship\"],\"properties\":{}}]}"))
                .contains("nodes[0].labels").contains("Spaceship");
        assertThat(restore.apply(head + "\"nodes\":[{\"ref\":\"a\",\"labels\":[\"Unit\"],\"properties\":{\"id\":{\"x\":1}}}]}"))
                .contains("nodes[0].properties.id");
        assertThat(restore.apply(head + "\"nodes\":[{\"ref\":\"a\",\"labels\":[\"Comment\"],\"properties\":{\"id\":\"c\"}}]}"))
                .contains("nodes[0].properties.qualificationId");
        assertThat(restore.apply(head + "\"nodes\":[{\"ref\":\"q\",\"labels\":[\"Qualification\"],\"properties\":{\"id\":\"x\"}}],"
                + "\"relationships\":[{\"type\":\"HAS_UNIT\",\"start\":\"q\",\"end\":\"missing\",\"properties\":{}}]}"))
                .contains("relationships[0].end").contains("missing");

        // a file whose qualification the validator of a save refuses: written, refused, rolled back, reference nodes too
        var awarded = Documents.minimal("Refused on restore").withNationalData(java.util.List.of(), java.util.List.of(
                new org.qualigraph.curriculum.QualificationDocument.AwardingBody("Restore Refusal Chamber", "DE", null)));
        qualifications.create(awarded, "designer");
        ObjectNode dump = (ObjectNode) json.readTree(export());
        clear();
        graph.query("MATCH (o:Organisation {name: 'Restore Refusal Chamber'}) DETACH DELETE o").run();
        for (JsonNode node : dump.path("nodes")) {
            if (node.path("labels").toString().contains("\"Qualification\"")) {
                ((ObjectNode) node.path("properties")).put("eqfLevel", 12);
            }
        }
        assertThat(restore.apply(json.writeValueAsString(dump))).contains("eqfLevel");
        assertThat(qualifications.countAll()).isZero();
        assertThat(graph.query("MATCH (o:Organisation {name: 'Restore Refusal Chamber'}) RETURN count(o)")
                .fetchAs(Long.class).one()).as("the restore's new reference nodes are rolled back too").contains(0L);
        assertThat(graph.query("MATCH (u:Unit) RETURN count(u)").fetchAs(Long.class).one()).contains(0L);
    }

    @Test
    void twoRestoresRacingIntoOneEmptyWorkspaceGiveOneWorkspaceAndAConflict() throws Exception {
        var core = qualifications.create(Documents.demo(json), "designer");
        qualifications.derive(core.id(), Map.of("en", "Variant"), "designer");
        comments.add(core.id(), new CommentRequest("Too broad", core.units().get(0).code(), null), "reviewer");
        String dump = export();
        clear();
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(post("/api/admin/workspace").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                            .contentType(MediaType.APPLICATION_JSON).content(dump)).andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            var statuses = new java.util.ArrayList<Integer>();
            for (var answer : answers) {
                statuses.add(answer.get(2, java.util.concurrent.TimeUnit.MINUTES));
            }
            // one restore wins; the other finds the workspace taken (the check before it, or the uniqueness constraints
            // under it) and answers 409, never a 500, and leaves nothing of its own behind
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(withoutTimestamp(export())).isEqualTo(withoutTimestamp(dump));
        assertThat(qualifications.get(core.id())).isEqualTo(core);
        clear();
    }

    @Test
    void aNodeOfTheFileThatExistsAlreadyIsAConflictAndChangesNothing() throws Exception {
        var created = qualifications.create(Documents.minimal("Leaves its units behind"), "designer");
        String dump = export();
        // no qualification any more, but its unit is still there (what the restore would take over)
        graph.query("MATCH (q:Qualification) DETACH DELETE q").run();
        String answer = mvc.perform(post("/api/admin/workspace").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(dump)).andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();
        // named by label and id (which of the units, outcomes, periods or assessments comes first is not fixed)
        assertThat(answer).contains("already holds the ").doesNotContain("\\\"\\\"");
        assertThat(graph.query("MATCH (u:Unit {id: $id}) RETURN count(u)").bind(created.units().get(0).id()).to("id")
                .fetchAs(Long.class).one()).contains(1L);
        assertThat(qualifications.countAll()).isZero();
        clear();
    }

    @Test
    void aRestoreCreatesMissingReferenceNodesAndNeverWritesOnesThatExist() throws Exception {
        var core = qualifications.create(Documents.demo(json), "designer");
        qualifications.derive(core.id(), Map.of("en", "Variant"), "designer");
        qualifications.create(Documents.minimal("Shares a unit").withUnits(java.util.List.of(core.units().get(0))), "designer");
        String before = export();
        clear();
        // this instance spells an awarding body its own way, and has lost an NQF level
        String key = keyOf(before, "Organisation");
        String level = keyOf(before, "NqfLevel");
        String name = organisationName(before, key);
        graph.query("MATCH (o:Organisation {key: $key}) SET o.name = 'Spelt here'").bind(key).to("key").run();
        graph.query("MATCH (n:NqfLevel {key: $key}) DETACH DELETE n").bind(level).to("key").run();
        try {
            restoreKeepsReferenceNodes(before, core, key, level, name);
        } finally {
            // reference nodes outlive each test: give the next one the organisation as the demo names it
            graph.query("MATCH (o:Organisation {key: $key}) SET o.name = $name")
                    .bindAll(Map.of("key", key, "name", name)).run();
        }
    }

    private void restoreKeepsReferenceNodes(String before, org.qualigraph.curriculum.QualificationDocument core, String key,
                                            String level, String name) throws Exception {
        mvc.perform(post("/api/admin/workspace").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content(before)).andExpect(status().isOk());

        assertThat(graph.query("MATCH (o:Organisation {key: $key}) RETURN o.name").bind(key).to("key")
                .fetchAs(String.class).one()).as("an existing reference node is linked to, not written").contains("Spelt here");
        assertThat(graph.query("MATCH (n:NqfLevel {key: $key}) RETURN count(n)").bind(level).to("key")
                .fetchAs(Long.class).one()).as("a missing one is created").contains(1L);
        // the shared unit is one node held by both qualifications again
        assertThat(graph.query("MATCH (u:Unit {id: $id})<-[:HAS_UNIT]-(q:Qualification) RETURN count(q)")
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
        clear();
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
        clear();
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

    /** The curricula, and the local skills of occupational profiles, which outlive other tests' profiles. */
    private void clear() {
        clearCurricula();
        graph.query("MATCH (l:LocalSkill) DETACH DELETE l").run();
    }

    /** The document with the first outcome of one unit reworded: that unit's content changes. */
    private static org.qualigraph.curriculum.QualificationDocument withEditedOutcome(
            org.qualigraph.curriculum.QualificationDocument doc, int unitIndex) {
        var unit = doc.units().get(unitIndex);
        var outcome = unit.outcomes().get(0);
        var edited = new org.qualigraph.curriculum.OutcomeDocument(outcome.id(), outcome.code(), outcome.dimension(),
                Map.of("en", outcome.statement().get("en") + " safely"), outcome.eqfLevel(), outcome.skills(),
                outcome.keyCompetences());
        var outcomes = new java.util.ArrayList<>(unit.outcomes());
        outcomes.set(0, edited);
        var units = new java.util.ArrayList<>(doc.units());
        units.set(unitIndex, unit.withOutcomes(outcomes));
        return doc.withUnits(units);
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
