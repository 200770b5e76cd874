package org.qualigraph.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.esco.EscoFixtures;
import org.qualigraph.esco.EscoService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.EscoTestData;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The quality report cache against the real database: a repeated request runs no engine, and a save, a governance
 * change, an edit of a shared unit through another qualification and an ESCO import each give a fresh report, equal
 * to one computed without the cache.
 */
class QualityReportCachingTest extends IntegrationTest {


    @Autowired
    MockMvc mvc;
    @Autowired
    QualityService quality;
    @Autowired
    QualificationService qualifications;
    @Autowired
    GovernanceRecordService governance;
    @Autowired
    EscoService esco;
    @Autowired
    Driver driver;
    @Autowired
    ObjectMapper json;

    @TempDir
    Path dir;

    private boolean escoCleared;

    @AfterEach
    void forgetFixtureEsco() {
        if (escoCleared) {
            EscoTestData.clear(driver);
        }
    }

    @Test
    void aRepeatedRequestIsServedFromTheCacheWithTheSameContent() throws Exception {
        var stored = qualifications.create(Documents.generated("Cached report", 3, 6), TestUsers.DESIGNER);
        var before = quality.cacheStatistics();

        String first = reportJson(stored.id());
        String second = reportJson(stored.id());

        var after = quality.cacheStatistics();
        assertThat(after.misses() - before.misses()).as("reports computed").isEqualTo(1);
        assertThat(after.hits() - before.hits()).as("reports served from the cache").isEqualTo(1);
        assertThat(second).isEqualTo(first);
        assertThat(quality.report(stored.id())).isEqualTo(uncached(stored.id()));
    }

    @Test
    void aSaveGivesAFreshReport() throws Exception {
        var stored = qualifications.create(Documents.generated("Before the save", 2, 3), TestUsers.DESIGNER);
        var old = quality.report(stored.id());
        // the second unit's outcomes lose their dimension variety: a different report
        var edited = stored.withTitle(Map.of("en", "After the save")).withUnits(List.of(stored.units().get(0)));
        qualifications.update(stored.id(), edited, TestUsers.DESIGNER);
        var before = quality.cacheStatistics();

        var fresh = quality.report(stored.id());

        assertThat(quality.cacheStatistics().misses() - before.misses()).isEqualTo(1);
        assertThat(fresh).isNotEqualTo(old).isEqualTo(uncached(stored.id()));
        assertThat(reportJson(stored.id())).isEqualTo(json.writeValueAsString(fresh));
    }

    @Test
    void aGovernanceChangeGivesAFreshReport() {
        var stored = qualifications.create(Documents.minimal("Governed"), TestUsers.DESIGNER);
        var old = quality.report(stored.id());
        var record = new Governance(List.of(new Governance.Stakeholder(null, "Anna Example", "Test Chamber",
                Governance.StakeholderKind.EMPLOYER)), List.of(), null, null, List.of(), List.of());
        governance.update(stored.id(), record, TestUsers.DESIGNER);
        var before = quality.cacheStatistics();

        var fresh = quality.report(stored.id());

        assertThat(quality.cacheStatistics().misses() - before.misses()).isEqualTo(1);
        assertThat(fresh).isNotEqualTo(old).isEqualTo(uncached(stored.id()));
    }

    @Test
    void anEditOfASharedUnitThroughAnotherQualificationGivesAFreshReport() {
        var core = qualifications.create(Documents.minimal("Core"), TestUsers.DESIGNER);
        var variant = qualifications.create(core.withIdentity(null, null, null, null)
                .withTitle(Map.of("en", "Variant")), TestUsers.DESIGNER);
        var old = quality.report(core.id());
        shortenTheSharedUnitsFirstOutcomeThrough(variant);
        var before = quality.cacheStatistics();

        var fresh = quality.report(core.id());

        assertThat(quality.cacheStatistics().misses() - before.misses()).isEqualTo(1);
        assertThat(fresh).isNotEqualTo(old).isEqualTo(uncached(core.id()));
        assertThat(fresh.findingsOf("LO-02")).isNotEmpty();
    }

    @Test
    void aReportAfterASaveIsComputedFromTheDocumentTheSaveReturned() {
        var stored = qualifications.create(Documents.generated("Held after the save", 2, 3), TestUsers.DESIGNER);
        var old = quality.report(stored.id());
        var edited = stored.withTitle(Map.of("en", "Held after the save, one unit")).withUnits(List.of(stored.units().get(0)));
        qualifications.update(stored.id(), edited, TestUsers.DESIGNER);
        var before = quality.cacheStatistics();

        var fresh = quality.report(stored.id());

        var after = quality.cacheStatistics();
        assertThat(after.misses() - before.misses()).isEqualTo(1);
        assertThat(after.fromSavedDocument() - before.fromSavedDocument()).as("computed from the saved document").isEqualTo(1);
        assertThat(fresh).isNotEqualTo(old).isEqualTo(uncached(stored.id()));
    }

    @Test
    void aSavedDocumentWhoseSharedUnitAnotherQualificationEditedSinceIsReadAgain() {
        var core = qualifications.create(Documents.minimal("Core, saved"), TestUsers.DESIGNER);
        var variant = qualifications.create(core.withIdentity(null, null, null, null)
                .withTitle(Map.of("en", "Variant of the saved core")), TestUsers.DESIGNER);
        var old = quality.report(core.id());
        // the core's save leaves its document held; the variant then rewrites the shared unit's first outcome as a
        // statement too short for LO-02, which changes the core's content without a save of the core
        qualifications.update(core.id(), core.withTitle(Map.of("en", "Core, saved again")), TestUsers.DESIGNER);
        shortenTheSharedUnitsFirstOutcomeThrough(variant);
        var before = quality.cacheStatistics();

        var fresh = quality.report(core.id());

        var after = quality.cacheStatistics();
        assertThat(after.misses() - before.misses()).isEqualTo(1);
        assertThat(after.fromSavedDocument() - before.fromSavedDocument()).as("the held document is outdated").isZero();
        assertThat(fresh.findingsOf("LO-02")).as("the variant's edit of the shared unit").isNotEmpty();
        assertThat(fresh).isNotEqualTo(old).isEqualTo(uncached(core.id()));
    }

    @Test
    void anEscoImportGivesAFreshReportAndAReimportOfTheSameReleaseToo() {
        EscoTestData.clear(driver);
        escoCleared = true;
        var stored = qualifications.create(QualityReportFixtures.welding(), TestUsers.DESIGNER);
        var withoutEsco = quality.report(stored.id());
        assertThat(withoutEsco.rule("ESCO-03").status()).isEqualTo(QualityReport.RuleStatus.NO_DATA);

        Path[] zips = new EscoFixtures().writeV11(dir, "esco-v1.1.1");
        QualityReportFixtures.importFixtures(esco, zips);
        var before = quality.cacheStatistics();
        var withEsco = quality.report(stored.id());
        var again = quality.report(stored.id());
        var afterImport = quality.cacheStatistics();

        assertThat(afterImport.misses() - before.misses()).isEqualTo(1);
        assertThat(afterImport.hits() - before.hits()).isEqualTo(1);
        assertThat(withEsco.rule("ESCO-03").status()).isNotEqualTo(QualityReport.RuleStatus.NO_DATA);
        assertThat(again).isEqualTo(withEsco).isEqualTo(uncached(stored.id()));

        QualityReportFixtures.importFixtures(esco, zips);
        quality.report(stored.id());
        assertThat(quality.cacheStatistics().misses() - afterImport.misses()).as("a re-import is a new key").isEqualTo(1);
    }

    @Test
    void theEscoFactsOfAnEndedImportAreReadAnewNotTakenFromMemory() {
        EscoTestData.clear(driver);
        escoCleared = true;
        QualityReportFixtures.importFixtures(esco, new EscoFixtures().writeV11(dir, "esco-v1.1.1"));
        var stored = qualifications.create(QualityReportFixtures.welding(), TestUsers.DESIGNER);
        var old = quality.report(stored.id());
        assertThat(old.rule("ESCO-03").status()).as("the welder's arc welding is not covered").isEqualTo(QualityReport.RuleStatus.FAILED);
        assertThat(old.findingsOf("ESCO-02")).isEmpty();
        assertThat(quality.check(qualifications.get(stored.id()))).as("computed again: from memory").isEqualTo(old);

        // what an import writes (here as another instance's import would: straight into the graph), then its release
        graph.query("""
                MATCH (:EscoOccupation {uri: $welder})-[r:REQUIRES_SKILL]->(:EscoSkill {uri: $arc}) DELETE r
                WITH count(*) AS ignored
                MATCH (s:EscoSkill {uri: $weld}) SET s.skillType = 'knowledge'
                WITH count(*) AS ignored
                MATCH (r:EscoRelease {current: true}) SET r.importedAt = r.importedAt + duration({seconds: 1})
                """).bindAll(Map.of("welder", QualityReportFixtures.WELDER, "weld", QualityReportFixtures.WELD,
                "arc", "http://data.europa.eu/esco/skill/arc-weld-0002")).run();
        var before = quality.cacheStatistics();

        var fresh = quality.report(stored.id());

        assertThat(quality.cacheStatistics().misses() - before.misses()).as("a new release is a new key").isEqualTo(1);
        assertThat(fresh.rule("ESCO-03").status()).as("coverage under the new release").isEqualTo(QualityReport.RuleStatus.PASSED);
        assertThat(fresh.findingsOf("ESCO-02")).as("the skill type of the new release").hasSize(1);
        assertThat(fresh).isEqualTo(uncached(stored.id()));
    }

    @Test
    void concurrentRequestsForANewVersionRunTheEngineOnce() throws Exception {
        var stored = qualifications.create(Documents.generated("Busy", 4, 6), TestUsers.DESIGNER);
        var before = quality.cacheStatistics();
        var pool = Executors.newFixedThreadPool(8);
        try {
            var tasks = new ArrayList<Callable<QualityReport>>();
            for (int i = 0; i < 8; i++) {
                tasks.add(() -> quality.report(stored.id()));
            }
            var reports = pool.invokeAll(tasks, 60, TimeUnit.SECONDS);
            var firstReport = reports.get(0).get();
            for (var report : reports) {
                assertThat(report.get()).isEqualTo(firstReport);
            }
        } finally {
            pool.shutdownNow();
        }
        var after = quality.cacheStatistics();
        assertThat(after.misses() - before.misses()).isEqualTo(1);
        assertThat(after.hits() - before.hits()).isEqualTo(7);
    }

    /** The variant rewrites its first unit's (shared) first outcome as a statement too short for LO-02. */
    private void shortenTheSharedUnitsFirstOutcomeThrough(org.qualigraph.curriculum.QualificationDocument variant) {
        UnitDocument unit = variant.units().get(0);
        var outcomes = new ArrayList<>(unit.outcomes());
        OutcomeDocument first = outcomes.get(0);
        outcomes.set(0, new OutcomeDocument(first.id(), first.code(), first.dimension(), Map.of("en", "Explain cells"),
                first.eqfLevel(), first.skills(), first.keyCompetences()));
        qualifications.update(variant.id(), variant.withUnits(List.of(QualityReportFixtures.withOutcomes(unit, outcomes))),
                TestUsers.DESIGNER);
    }

    /** The report computed by the engine directly from the stored document, bypassing the cache. */
    private QualityReport uncached(String id) {
        return quality.check(qualifications.get(id));
    }

    private String reportJson(String id) throws Exception {
        return mvc.perform(get("/api/qualifications/{id}/quality", id)
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.REVIEWER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }


}
