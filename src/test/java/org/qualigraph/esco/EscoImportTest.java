package org.qualigraph.esco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.qualigraph.base.InteractiveLoad;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.jobs.JobContext;
import org.qualigraph.jobs.JobService;
import org.qualigraph.jobs.JobSettings;
import org.qualigraph.jobs.JobState;
import org.qualigraph.jobs.JobStatus;
import org.qualigraph.support.Documents;
import org.qualigraph.support.EscoTestData;
import org.qualigraph.support.HeldRequests;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Importing hand-written ESCO fixtures into the real database: what lands in the graph, that bad packages leave the
 * loaded release untouched, updates to a newer release, and the HTTP import with its job. Clears ESCO before and after
 * each test (the full release is re-imported by whichever test needs it next, see {@link EscoTestData}).
 */
class EscoImportTest extends IntegrationTest {

    @Autowired
    EscoService esco;
    @Autowired
    Driver driver;
    @Autowired
    QualificationService qualifications;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JobService jobs;
    @Autowired
    JobSettings jobSettings;
    @Autowired
    InteractiveLoad load;

    @TempDir
    Path dir;

    @BeforeEach
    @AfterEach
    void clearEsco() {
        EscoTestData.clear(driver);
    }

    private Map<String, Object> importFixtures(Path[] zips, String version) {
        return esco.importNow(new EscoService.PackageFile(zips[0], zips[0].getFileName().toString()),
                new EscoService.PackageFile(zips[1], zips[1].getFileName().toString()), version, d -> { });
    }

    @Test
    void importsSkillsOccupationsHierarchyRelationsAndCollections() {
        var counts = importFixtures(new EscoFixtures().writeV11(dir, "esco-v1.1.1"), null);

        assertThat(counts).containsEntry("version", "v1.1.1").containsEntry("skills", 4).containsEntry("skillGroups", 3)
                .containsEntry("occupations", 2).containsEntry("iscoGroups", 2).containsEntry("occupationSkillRelations", 5)
                .containsEntry("skillSkillRelations", 1).containsEntry("conceptsAdded", 11);
        var weld = esco.skills(List.of(EscoFixtures.WELD)).get(EscoFixtures.WELD);
        assertThat(weld.label()).isEqualTo("weld metal parts");
        assertThat(weld.altLabels()).containsExactly("join metal parts", "fuse metal workpieces");
        assertThat(weld.reuseLevel()).isEqualTo("sector-specific");
        assertThat(weld.collections()).containsExactly("green");
        var team = esco.skills(List.of(EscoFixtures.TEAM)).get(EscoFixtures.TEAM);
        assertThat(team.collections()).containsExactly("transversal");
        assertThat(team.transversalGroups()).containsExactly("T4");
        assertThat(esco.occupations(List.of(EscoFixtures.WELDER)).get(EscoFixtures.WELDER).iscoGroup()).isEqualTo("7212");

        assertThat(value("MATCH (:EscoSkill {uri: $a})-[:BROADER]->(b:EscoSkill) RETURN b.uri", EscoFixtures.ARC))
                .isEqualTo(EscoFixtures.WELD);
        assertThat(value("MATCH (:EscoSkill {uri: $a})-[:BROADER]->(b:EscoSkillGroup) RETURN b.code", EscoFixtures.GROUP_T4))
                .isEqualTo("T");
        assertThat(value("MATCH (:EscoOccupation {uri: $a})-[r:REQUIRES_SKILL]->(:EscoSkill {uri: '" + EscoFixtures.METAL
                + "'}) RETURN r.type", EscoFixtures.WELDER)).isEqualTo("optional");
        assertThat(value("MATCH (:EscoSkill {uri: $a})-[r:RELATED_SKILL]->(s) RETURN r.type", EscoFixtures.WELD))
                .isEqualTo("essential");
        assertThat(value("MATCH (:EscoOccupation {uri: $a})-[:BROADER]->(g:IscoGroup)-[:BROADER]->(top:IscoGroup) RETURN top.code",
                EscoFixtures.WELDER)).isEqualTo("7");
        assertThat(value("MATCH (:EscoOccupation {uri: $a})-[:BROADER]->(o:EscoOccupation) RETURN o.uri", EscoFixtures.FITTER))
                .isEqualTo(EscoFixtures.WELDER);
        assertThat(esco.release().orElseThrow().skills()).isEqualTo(4);
    }

    /**
     * A save that links a skill the graph does not hold creates it as a placeholder (its URI only). When that happens
     * after the import has read which concepts exist, the import's CREATE meets the placeholder: it must complete
     * all the same and fill the placeholder in. Here the save's transaction is held open until the import waits for it.
     */
    @Test
    void aPlaceholderCreatedWhileTheImportRunsBecomesAFullConcept() throws Exception {
        Path[] zips = new EscoFixtures().writeV11(dir, "esco-v1.1.1");
        var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (var session = driver.session()) {
            var save = session.beginTransaction();
            save.run("MERGE (:EscoSkill {uri: $uri})", Map.of("uri", EscoFixtures.WELD)).consume();
            var running = pool.submit(() -> importFixtures(zips, null));
            org.qualigraph.support.Transactions.awaitBlocked(driver, 1, java.time.Duration.ofSeconds(60), "the import never waited for the open save");
            save.commit();
            assertThat(running.get(2, java.util.concurrent.TimeUnit.MINUTES)).containsEntry("skills", 4)
                    .containsEntry("conceptsAdded", 11);
        } finally {
            pool.shutdownNow();
        }
        var weld = esco.skills(List.of(EscoFixtures.WELD)).get(EscoFixtures.WELD);
        assertThat(weld.label()).isEqualTo("weld metal parts");
        assertThat(value("MATCH (s:EscoSkill {uri: $a}) RETURN s.escoVersion", EscoFixtures.WELD)).isEqualTo("v1.1.1");
    }

    /** Saves that map skills the graph does not hold yet, racing an import of those skills: both go through. */
    @Test
    void anImportRacingSavesThatMapItsSkillsCompletes() throws Exception {
        var fixtures = new EscoFixtures().withManySkills(2000);
        var generated = java.util.regex.Pattern.compile("(" + java.util.regex.Pattern.quote(EscoFixtures.SKILL) + "[0-9a-f-]{36})")
                .matcher(fixtures.files.get("skills")).results().map(m -> m.group(1)).distinct().limit(6).toList();
        var mapped = new java.util.ArrayList<>(List.of(EscoFixtures.WELD, EscoFixtures.ARC, EscoFixtures.TEAM, EscoFixtures.METAL));
        mapped.addAll(generated);
        Path[] zips = fixtures.writeV11(dir, "esco-v1.1.1");
        var doc = Documents.minimal("Racing the import");
        var created = qualifications.create(doc, TestUsers.DESIGNER);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var running = pool.submit(() -> importFixtures(zips, null));
            var saving = pool.submit(() -> {
                int saves = 0;
                var current = created;
                while (!running.isDone() || saves < 3) {
                    var unit = current.units().get(0);
                    var outcomes = new java.util.ArrayList<OutcomeDocument>();
                    for (int i = 0; i < unit.outcomes().size(); i++) {
                        var o = unit.outcomes().get(i);
                        outcomes.add(new OutcomeDocument(o.id(), o.code(), o.dimension(), o.statement(), o.eqfLevel(),
                                List.of(mapped.get((saves + i) % mapped.size()), mapped.get((saves + i + 5) % mapped.size())),
                                o.keyCompetences()));
                    }
                    current = qualifications.update(created.id(), current.withUnits(List.of(unit.withOutcomes(outcomes))),
                            TestUsers.DESIGNER);
                    saves++;
                }
                return saves;
            });
            var counts = running.get(3, java.util.concurrent.TimeUnit.MINUTES);
            int saves = saving.get(3, java.util.concurrent.TimeUnit.MINUTES);
            assertThat(counts).containsEntry("skills", 2004);
            assertThat(qualifications.get(created.id()).version()).isEqualTo(saves);
        } finally {
            pool.shutdownNow();
        }
        assertThat(esco.skills(mapped)).hasSize(mapped.size()).allSatisfy((uri, skill) -> assertThat(skill.label()).isNotBlank());
        assertThat(value("MATCH (s:EscoSkill) WHERE s.escoVersion IS NULL RETURN toString(count(s))", "")).isEqualTo("0");
    }

    @Test
    void importsTheV12LayoutWithTheRequestedVersion() {
        var counts = importFixtures(new EscoFixtures().writeV12(dir, "esco-v1.2.0"), "v1.2.0-test");

        assertThat(counts).containsEntry("version", "v1.2.0-test").containsEntry("skills", 4).containsEntry("occupationSkillRelations", 5);
        assertThat(esco.release().orElseThrow().version()).isEqualTo("v1.2.0-test");
        assertThat(esco.searchSkills("weld", 10, EscoService.SkillFilter.NONE)).extracting(EscoService.SkillHit::uri)
                .contains(EscoFixtures.WELD, EscoFixtures.ARC);
    }

    @Test
    void badPackagesFailNamingFileAndLineAndLeaveTheLoadedReleaseIntact() throws IOException {
        importFixtures(new EscoFixtures().writeV11(dir, "esco-v1.1.1"), null);
        String before = snapshot();

        var missing = new EscoFixtures();
        missing.files.remove("greenSkillsCollection");
        assertFails(missing.writeV11(Files.createDirectories(dir.resolve("missing")), "v2"), "missing file(s) greenSkillsCollection_en.csv");

        var header = new EscoFixtures();
        header.files.put("skills", header.files.get("skills").replace("reuseLevel", "reuse"));
        assertFails(header.writeV11(Files.createDirectories(dir.resolve("header")), "v2"), "skills_en.csv line 1: missing column(s) reuseLevel");

        Path[] notZip = new EscoFixtures().writeV11(Files.createDirectories(dir.resolve("notzip")), "v2");
        Files.writeString(notZip[0], "not a zip");
        assertFails(notZip, "classification package (v2-classification-en-csv.zip): not a zip file");

        Path[] truncated = new EscoFixtures().withManySkills(3000).writeV11(Files.createDirectories(dir.resolve("cut")), "v2");
        byte[] bytes = Files.readAllBytes(truncated[0]);
        Files.write(truncated[0], java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertFails(truncated, "the zip file is truncated or damaged");

        var row = new EscoFixtures();
        row.files.put("skillSkillRelations", row.files.get("skillSkillRelations") + "\"unterminated,x\n");
        assertFails(row.writeV11(Files.createDirectories(dir.resolve("row")), "v2"), "skillSkillRelations.csv line 3: the row does not parse");

        assertThat(snapshot()).isEqualTo(before);
        assertThat(esco.release().orElseThrow().version()).isEqualTo("v1.1.1");
    }

    private void assertFails(Path[] zips, String message) {
        assertThatThrownBy(() -> importFixtures(zips, null)).isInstanceOf(EscoPackageException.class).hasMessageContaining(message);
    }

    @Test
    void aNewerReleaseUpdatesInPlaceAndKeepsRemovedConceptsThatCurriculaLinkAsObsolete() {
        importFixtures(new EscoFixtures().writeV11(dir, "esco-v1.1.1"), null);
        QualificationDocument doc = Documents.minimal("Welding");
        var unit = doc.units().get(0);
        OutcomeDocument outcome = unit.outcomes().get(1);
        var mapped = new OutcomeDocument(null, outcome.code(), outcome.dimension(), outcome.statement(), outcome.eqfLevel(),
                List.of(EscoFixtures.ARC), outcome.keyCompetences());
        var outcomes = new java.util.ArrayList<>(unit.outcomes());
        outcomes.set(1, mapped);
        qualifications.create(doc.withUnits(List.of(unit.withOutcomes(outcomes))), "designer");

        var next = new EscoFixtures();
        // ARC (linked by an outcome) and METAL (unlinked) leave the classification; WELD changes; a new skill arrives
        next.files.put("skills", next.files.get("skills")
                .replaceAll("(?s)KnowledgeSkillCompetence,[^\\n]*arc-weld-0002.*?stick\"\" welding\\.\"\\n", "")
                .replaceAll("KnowledgeSkillCompetence,[^\\n]*metals-0004[^\\n]*\\n", "")
                .replace("Join metal parts by melting them.", "Join metal parts by melting them together.")
                + "KnowledgeSkillCompetence," + EscoFixtures.SKILL + "laser-0005,skill/competence,sector-specific,use laser welding,,,"
                + "released,,,,http://data.europa.eu/esco/concept-scheme/skills,Laser.\n");
        next.files.put("occupationSkillRelations", "occupationUri,relationType,skillType,skillUri\n"
                + EscoFixtures.WELDER + ",essential,skill/competence," + EscoFixtures.WELD + "\n"
                + EscoFixtures.WELDER + ",optional,skill/competence," + EscoFixtures.SKILL + "laser-0005\n");
        next.files.put("skillSkillRelations", "originalSkillUri,originalSkillType,relationType,relatedSkillType,relatedSkillUri\n");
        next.files.put("broaderRelationsSkillPillar", next.files.get("broaderRelationsSkillPillar").lines()
                .filter(l -> !l.contains("arc-weld")).reduce("", (a, b) -> a + b + "\n"));

        var counts = importFixtures(next.writeV11(dir, "esco-v1.2.0"), null);

        assertThat(counts).containsEntry("version", "v1.2.0").containsEntry("conceptsAdded", 1).containsEntry("conceptsChanged", 1)
                .containsEntry("conceptsRemoved", 2).containsEntry("removedButLinked", 1)
                .containsEntry("outcomesLinkingRemovedConcepts", 1L).containsEntry("skills", 3).containsEntry("occupationSkillRelations", 2);
        assertThat(esco.skills(List.of(EscoFixtures.ARC, EscoFixtures.METAL))).isEmpty();
        assertThat(value("MATCH (s:EscoSkill {uri: $a}) RETURN toString(s.obsolete)", EscoFixtures.ARC)).isEqualTo("true");
        assertThat(value("MATCH (s:EscoSkill {uri: $a}) RETURN count(s) + ''", EscoFixtures.METAL)).isEqualTo("0");
        assertThat(value("MATCH (s:EscoSkill {uri: $a})-[r:BROADER|REQUIRES_SKILL|RELATED_SKILL]-() RETURN count(r) + ''", EscoFixtures.ARC))
                .isEqualTo("0");
        assertThat(esco.linksToObsoleteConcepts()).singleElement().satisfies(link -> {
            assertThat(link.conceptUri()).isEqualTo(EscoFixtures.ARC);
            assertThat(link.qualificationTitle()).isEqualTo("Welding");
            assertThat(link.subject()).isEqualTo(outcome.code());
        });
        assertThat(esco.release().orElseThrow().version()).isEqualTo("v1.2.0");
        assertThat(count("MATCH (r:EscoRelease {current: true}) RETURN count(r)")).isEqualTo(1);
        assertThat(value("MATCH (s:EscoSkill {uri: $a}) RETURN s.escoVersion", EscoFixtures.TEAM)).isEqualTo("v1.2.0");
    }

    @Test
    void skillsMappedBeforeTheFirstImportBecomeFullConceptsAndKeepTheirLinks() {
        QualificationDocument doc = Documents.minimal("Welding before ESCO");
        var unit = doc.units().get(0);
        OutcomeDocument outcome = unit.outcomes().get(0);
        var mapped = new OutcomeDocument(null, outcome.code(), outcome.dimension(), outcome.statement(), outcome.eqfLevel(),
                List.of(EscoFixtures.WELD), outcome.keyCompetences());
        var outcomes = new java.util.ArrayList<>(unit.outcomes());
        outcomes.set(0, mapped);
        qualifications.create(doc.withUnits(List.of(unit.withOutcomes(outcomes))), "designer");
        assertThat(value("MATCH (s:EscoSkill {uri: $a}) RETURN coalesce(s.label, 'no label')", EscoFixtures.WELD)).isEqualTo("no label");

        var counts = importFixtures(new EscoFixtures().writeV11(dir, "esco-v1.1.1"), null);

        assertThat(counts).containsEntry("skills", 4).containsEntry("conceptsAdded", 11);
        assertThat(count("MATCH (s:EscoSkill {uri: '" + EscoFixtures.WELD + "'}) RETURN count(s)")).isEqualTo(1);
        assertThat(value("MATCH (:LearningOutcome)-[:MAPS_TO]->(s:EscoSkill {uri: $a}) RETURN s.label", EscoFixtures.WELD))
                .isEqualTo("weld metal parts");
    }

    @Test
    void theHttpImportRunsAsAJobAndReportsCounts() throws Exception {
        Path[] zips = new EscoFixtures().writeV11(dir, "esco-v1.1.1");
        String body = mvc.perform(multipart("/api/imports/esco").file(part("classification", zips[0])).file(part("relations", zips[1]))
                        .param("version", "fixture-1").header("Authorization", TestUsers.basic("admin")))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String job = json.readTree(body).get("job").asText();

        JsonNode done = awaitJob(job);
        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(done.get("counts").get("skills").asInt()).isEqualTo(4);
        assertThat(done.get("error").isNull()).isTrue();
        mvc.perform(get("/api/esco/status").header("Authorization", TestUsers.basic("designer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value("fixture-1"))
                .andExpect(jsonPath("$.skills").value(4)).andExpect(jsonPath("$.occupationSkillRelations").value(5));
    }

    @Test
    void theImportJobWaitsWhilePeoplesRequestsAreInFlightAndThenFinishes() throws Exception {
        Path[] zips = new EscoFixtures().writeV11(dir, "esco-v1.1.1");
        // past the quiet time of the requests of the test before
        Thread.sleep(jobSettings.yieldQuiet().toMillis() + 100);
        int busy = jobSettings.yieldAt();
        try (var held = HeldRequests.hold(load, busy)) {
            String job = esco.startImport(new EscoService.PackageFile(zips[0], zips[0].getFileName().toString()),
                    new EscoService.PackageFile(zips[1], zips[1].getFileName().toString()), "fixture-yield", false);
            JobStatus paused = awaitStatus(job, s -> Boolean.TRUE.equals(s.counts().get(JobContext.PAUSED)));
            assertThat(paused.state()).as("waiting for %s requests in flight", busy).isEqualTo(JobState.RUNNING);
            assertThat(esco.release()).as("the release is written last, so not while the import waits").isEmpty();

            held.release();
            JobStatus done = awaitStatus(job, JobStatus::finished);
            assertThat(done.state()).isEqualTo(JobState.DONE);
            assertThat(done.counts()).containsEntry("skills", 4).containsEntry(JobContext.PAUSED, false)
                    .containsKey(JobContext.PAUSED_SECONDS);
            assertThat(esco.release()).hasValueSatisfying(r -> assertThat(r.version()).isEqualTo("fixture-yield"));
        }
    }

    private JobStatus awaitStatus(String job, java.util.function.Predicate<JobStatus> condition) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            var status = jobs.status(job).orElseThrow();
            if (condition.test(status)) {
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + job + " did not reach the expected state within 30 s: " + jobs.status(job));
    }

    @Test
    void aBadPackageFailsTheJobWithFileAndLine() throws Exception {
        var fixtures = new EscoFixtures();
        fixtures.files.put("occupations", fixtures.files.get("occupations").replace(",7212,pipe fitter", ",7212,"));
        Path[] zips = fixtures.writeV11(dir, "x");
        String body = mvc.perform(multipart("/api/imports/esco").file(part("classification", zips[0])).file(part("relations", zips[1]))
                        .header("Authorization", TestUsers.basic("admin")))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();

        JsonNode failed = awaitJob(json.readTree(body).get("job").asText());
        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").asText()).isEqualTo("occupations_en.csv line 5: preferredLabel is empty");
        assertThat(esco.release()).isEmpty();
    }

    @Test
    void badUploadsAreRejectedNamingThePart() throws Exception {
        Path[] zips = new EscoFixtures().writeV11(dir, "x");
        mvc.perform(multipart("/api/imports/esco").file(part("classification", zips[0]))
                        .header("Authorization", TestUsers.basic("admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("relations:")));
        mvc.perform(multipart("/api/imports/esco").file(new MockMultipartFile("classification", "c.zip", "application/zip", "no zip".getBytes()))
                        .file(part("relations", zips[1])).header("Authorization", TestUsers.basic("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("classification: the part \"classification\" (c.zip) is not a zip file")));
        mvc.perform(multipart("/api/imports/esco").file(part("classification", zips[0])).file(part("relations", zips[1]))
                        .header("Authorization", TestUsers.basic("designer")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/jobs/no-such-job").header("Authorization", TestUsers.basic("designer")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.status").value(404));
        assertThat(esco.release()).isEmpty();
    }

    private JsonNode awaitJob(String job) throws Exception {
        for (int i = 0; i < 600; i++) {
            String body = mvc.perform(get("/api/jobs/" + job).header("Authorization", TestUsers.basic("admin")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            JsonNode node = json.readTree(body);
            if (!"RUNNING".equals(node.get("state").asText())) {
                return node;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + job + " did not finish within 60 s");
    }

    private static MockMultipartFile part(String name, Path zip) throws IOException {
        return new MockMultipartFile(name, zip.getFileName().toString(), "application/zip", Files.readAllBytes(zip));
    }

    private String value(String cypher, String a) {
        return graph.query(cypher).bind(a).to("a").fetchAs(String.class).one().orElse(null);
    }

    private long count(String cypher) {
        return graph.query(cypher).fetchAs(Long.class).one().orElseThrow();
    }

    private String snapshot() {
        return EscoTestData.snapshot(driver, true);
    }
}
