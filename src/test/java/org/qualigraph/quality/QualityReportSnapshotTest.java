package org.qualigraph.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationChanged;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationNotFoundException;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.esco.EscoCatalog;
import org.qualigraph.esco.EscoFixtures;
import org.qualigraph.esco.EscoService;
import org.qualigraph.esco.SentenceEncoder;
import org.qualigraph.esco.SkillsGap;
import org.qualigraph.support.Documents;
import org.qualigraph.support.EscoTestData;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationContext;

/**
 * Stored quality reports against the real database: any instance serves the stored report while its key holds; an
 * edit of a shared unit through another qualification, a governance change and an ESCO re-import each make it stale,
 * so the next request (on any instance) computes a fresh one; the stored form reads back equal to the computed
 * report, sentences in every language included; a deleted qualification's report goes with it; and the background
 * refresher has a changed qualification's report, and those sharing its units, ready before the next request.
 */
class QualityReportSnapshotTest extends IntegrationTest {


    @Autowired
    QualityService quality;
    @Autowired
    QualificationService qualifications;
    @Autowired
    GovernanceRecordService governance;
    @Autowired
    QualityReportStore store;
    @Autowired
    EscoService esco;
    @Autowired
    Driver driver;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApplicationContext context;
    @Autowired
    org.qualigraph.workspace.WorkspaceService workspace;

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
    void anotherInstanceServesTheStoredReportWithoutComputingIt() {
        var stored = qualifications.create(Documents.generated("Stored report", 3, 6), TestUsers.DESIGNER);
        var computed = quality.report(stored.id());
        assertThat(snapshots(stored.id())).isEqualTo(1);

        var other = anotherInstance();
        var served = other.report(stored.id());

        assertThat(other.cacheStatistics().misses()).as("computed by the other instance").isZero();
        assertThat(other.cacheStatistics().hits()).isEqualTo(1);
        assertThat(served).isEqualTo(computed).isEqualTo(uncached(stored.id()));
    }

    @Test
    void theStoredFormReadsBackEqualToTheComputedReportFieldByFieldInEveryLanguage() {
        var stored = qualifications.create(Documents.demo(json), TestUsers.DESIGNER);
        var computed = quality.report(stored.id());
        var read = anotherInstance().report(stored.id());

        assertThat(read.qualificationId()).isEqualTo(computed.qualificationId());
        assertThat(read.summary()).isEqualTo(computed.summary());
        assertThat(read.thresholds()).isEqualTo(computed.thresholds());
        assertThat(read.findings()).hasSameSizeAs(computed.findings()).isNotEmpty();
        for (int i = 0; i < computed.findings().size(); i++) {
            var a = computed.findings().get(i);
            var b = read.findings().get(i);
            assertThat(b.rule()).isEqualTo(a.rule());
            assertThat(b.severity()).isEqualTo(a.severity());
            assertThat(b.blocksPublication()).as(a.rule()).isEqualTo(a.blocksPublication());
            assertThat(b.subjects()).isEqualTo(a.subjects());
            assertThat(b.message()).isEqualTo(a.message());
            assertThat(b.text()).isEqualTo(a.text());
            for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.forLanguageTag("pl"))) {
                assertThat(b.message(language)).isEqualTo(a.message(language));
            }
        }
        assertThat(read.rules()).isEqualTo(computed.rules());
        assertThat(read.rules().stream().filter(r -> r.noteText() != null)).as("notes kept as sentences").isNotEmpty();
        for (int i = 0; i < computed.rules().size(); i++) {
            assertThat(read.rules().get(i).note(Locale.GERMAN)).isEqualTo(computed.rules().get(i).note(Locale.GERMAN));
        }
        assertThat(read).isEqualTo(computed);
    }

    @Test
    void aSavedReportStaysAsLongAsItsKeyAndASaveMakesItStale() {
        var stored = qualifications.create(Documents.generated("Before the save", 2, 3), TestUsers.DESIGNER);
        quality.report(stored.id());
        String key = storedKey(stored.id());
        assertThat(fresh(stored.id())).isTrue();

        var edited = stored.withTitle(Map.of("en", "After the save")).withUnits(List.of(stored.units().get(0)));
        qualifications.update(stored.id(), edited, TestUsers.DESIGNER);
        assertThat(fresh(stored.id())).as("the stored report after a save").isFalse();

        var other = anotherInstance();
        var report = other.report(stored.id());
        assertThat(other.cacheStatistics().misses()).isEqualTo(1);
        assertThat(report).isEqualTo(uncached(stored.id()));
        assertThat(storedKey(stored.id())).isNotEqualTo(key);
        assertThat(fresh(stored.id())).isTrue();
    }

    @Test
    void anEditOfASharedUnitThroughAnotherQualificationMakesTheStoredReportStale() {
        var core = qualifications.create(Documents.minimal("Core"), TestUsers.DESIGNER);
        var variant = qualifications.create(core.withIdentity(null, null, null, null)
                .withTitle(Map.of("en", "Variant")), TestUsers.DESIGNER);
        var old = quality.report(core.id());
        assertThat(old.findingsOf("LO-02")).isEmpty();
        assertThat(fresh(core.id())).isTrue();

        shortenFirstStatement(variant);

        assertThat(fresh(core.id())).as("the core's stored report after the variant edited their unit").isFalse();
        var other = anotherInstance();
        var report = other.report(core.id());
        assertThat(other.cacheStatistics().misses()).isEqualTo(1);
        assertThat(report).isNotEqualTo(old).isEqualTo(uncached(core.id()));
        assertThat(report.findingsOf("LO-02")).isNotEmpty();
        assertThat(quality.report(core.id())).as("this instance's memory is stale too").isEqualTo(report);
    }

    @Test
    void aGovernanceChangeMakesTheStoredReportStale() {
        var stored = qualifications.create(Documents.minimal("Governed"), TestUsers.DESIGNER);
        var old = quality.report(stored.id());
        var record = new Governance(List.of(new Governance.Stakeholder(null, "Anna Example", "Test Chamber",
                Governance.StakeholderKind.EMPLOYER)), List.of(), null, null, List.of(), List.of());
        governance.update(stored.id(), record, TestUsers.DESIGNER);

        assertThat(fresh(stored.id())).isFalse();
        var other = anotherInstance();
        var report = other.report(stored.id());
        assertThat(other.cacheStatistics().misses()).isEqualTo(1);
        assertThat(report).isNotEqualTo(old).isEqualTo(uncached(stored.id()));
    }

    @Test
    void anEscoImportAndAReimportOfTheSameReleaseMakeTheStoredReportStale() {
        EscoTestData.clear(driver);
        escoCleared = true;
        var stored = qualifications.create(QualityReportFixtures.welding(), TestUsers.DESIGNER);
        assertThat(quality.report(stored.id()).rule("ESCO-03").status()).isEqualTo(QualityReport.RuleStatus.NO_DATA);

        Path[] zips = new EscoFixtures().writeV11(dir, "esco-v1.1.1");
        QualityReportFixtures.importFixtures(esco, zips);
        assertThat(fresh(stored.id())).isFalse();
        var withEsco = anotherInstance().report(stored.id());
        assertThat(withEsco.rule("ESCO-03").status()).isNotEqualTo(QualityReport.RuleStatus.NO_DATA);
        assertThat(withEsco).isEqualTo(uncached(stored.id()));
        assertThat(fresh(stored.id())).isTrue();
        assertThat(quality.staleReports()).doesNotContain(stored.id());

        QualityReportFixtures.importFixtures(esco, zips);
        assertThat(fresh(stored.id())).as("a re-import of the same release").isFalse();
        assertThat(quality.staleReports()).as("what the background recomputes after an import").contains(stored.id());
        var other = anotherInstance();
        assertThat(other.report(stored.id())).isEqualTo(uncached(stored.id()));
        assertThat(other.cacheStatistics().misses()).isEqualTo(1);
    }

    @Test
    void aDeletedQualificationTakesItsStoredReportWithIt() {
        var stored = qualifications.create(Documents.minimal("Short-lived"), TestUsers.DESIGNER);
        quality.report(stored.id());
        assertThat(snapshots(stored.id())).isEqualTo(1);

        qualifications.delete(stored.id(), TestUsers.DESIGNER);

        assertThat(snapshots(stored.id())).isZero();
        assertThatThrownBy(() -> quality.report(stored.id())).isInstanceOf(QualificationNotFoundException.class);
        assertThat(snapshots(stored.id())).as("a request for a deleted qualification stores nothing").isZero();
    }

    @Test
    void aWorkspaceExportLeavesTheStoredReportsOut() throws Exception {
        var stored = qualifications.create(Documents.minimal("Exported"), TestUsers.DESIGNER);
        quality.report(stored.id());
        assertThat(snapshots(stored.id())).isEqualTo(1);

        var out = new java.io.ByteArrayOutputStream();
        workspace.export(out);

        String exported = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(exported).contains(stored.id()).doesNotContain("QualityReportSnapshot");
    }

    @Test
    void theBackgroundHasTheReportsOfAChangedQualificationAndOfThoseSharingItsUnitsReady() throws Exception {
        var core = qualifications.create(Documents.minimal("Core"), TestUsers.DESIGNER);
        var variant = qualifications.create(core.withIdentity(null, null, null, null)
                .withTitle(Map.of("en", "Variant")), TestUsers.DESIGNER);
        quality.report(core.id());
        quality.report(variant.id());
        var refresher = new QualityReportRefresher(quality, qualifications, true, 3600, 100, 1000);
        refresher.release();
        try {
            var saved = shortenFirstStatement(variant);
            assertThat(fresh(core.id())).isFalse();
            assertThat(fresh(variant.id())).isFalse();
            var before = quality.cacheStatistics();

            refresher.onChanged(new QualificationChanged(variant.id(), saved.version(), TestUsers.DESIGNER, "UPDATED", null));
            refresher.awaitIdle(Duration.ofSeconds(60));

            assertThat(quality.cacheStatistics().refreshed() - before.refreshed()).isEqualTo(2);
            assertThat(fresh(core.id())).isTrue();
            assertThat(fresh(variant.id())).isTrue();
            var other = anotherInstance();
            assertThat(other.report(core.id())).isEqualTo(uncached(core.id()));
            assertThat(other.report(core.id()).findingsOf("LO-02")).isNotEmpty();
            assertThat(other.cacheStatistics().misses()).as("nothing left to compute for a request").isZero();
        } finally {
            refresher.destroy();
        }
    }

    @Test
    void whileAQualificationKeepsChangingTheBackgroundWaitsUntilItIsQuiet() throws Exception {
        var stored = qualifications.create(Documents.minimal("Saved again and again"), TestUsers.DESIGNER);
        quality.report(stored.id());
        var refresher = new QualityReportRefresher(quality, qualifications, true, 3600, 0, 6000);
        refresher.release();
        try {
            var first = shortenFirstStatement(stored);
            long before = quality.cacheStatistics().refreshed();
            refresher.onChanged(new QualificationChanged(stored.id(), first.version(), TestUsers.DESIGNER, "UPDATED", null));
            refresher.awaitIdle(Duration.ofSeconds(3));
            assertThat(fresh(stored.id())).as("a change after a quiet spell is computed right away").isTrue();
            assertThat(quality.cacheStatistics().refreshed() - before).isEqualTo(1);

            var second = qualifications.update(stored.id(), first.withTitle(Map.of("en", "Saved once more")),
                    TestUsers.DESIGNER);
            long changedAgain = System.nanoTime();
            refresher.onChanged(new QualificationChanged(stored.id(), second.version(), TestUsers.DESIGNER, "UPDATED", null));
            Thread.sleep(1_500);
            if (System.nanoTime() - changedAgain < Duration.ofMillis(4_500).toNanos()) { // else the machine stalled
                assertThat(fresh(stored.id())).as("changed again within the quiet time: not computed yet").isFalse();
                assertThat(quality.cacheStatistics().refreshed() - before).isEqualTo(1);
            }

            refresher.awaitIdle(Duration.ofSeconds(60));
            assertThat(fresh(stored.id())).as("computed once it has been quiet").isTrue();
            assertThat(quality.cacheStatistics().refreshed() - before).isEqualTo(2);
            var other = anotherInstance();
            assertThat(other.report(stored.id())).isEqualTo(uncached(stored.id()));
            assertThat(other.cacheStatistics().misses()).isZero();
        } finally {
            refresher.destroy();
        }
    }

    @Test
    void theBackgroundDoesNotComputeAReportThisInstanceHoldsAndIsStoring() {
        var stored = qualifications.create(Documents.minimal("Held"), TestUsers.DESIGNER);
        quality.report(stored.id());
        // as if its snapshot were still waiting for the writer
        graph.query("MATCH (s:QualityReportSnapshot {qualificationId: $id}) DELETE s").bind(stored.id()).to("id").run();
        var before = quality.cacheStatistics();

        assertThat(quality.refresh(stored.id())).isFalse();

        var after = quality.cacheStatistics();
        assertThat(after.refreshed() - before.refreshed()).isZero();
        assertThat(after.hits() - before.hits()).as("no request asked").isZero();
    }

    @Test
    void aRequestThatComputesHasItsAnswerBeforeTheSnapshotIsWrittenAndTheSnapshotArrives() throws Exception {
        var stored = qualifications.create(Documents.generated("Written after the answer", 3, 6), TestUsers.DESIGNER);
        var writing = new java.util.concurrent.CountDownLatch(1);
        var mayWrite = new java.util.concurrent.CountDownLatch(1);
        var slowStore = new QualityReportStore(graph) {
            @Override
            void save(String qualificationId, String key, String text) {
                writing.countDown();
                try {
                    mayWrite.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.save(qualificationId, key, text);
            }
        };
        var answering = anotherInstance(slowStore);
        answering.storeAfterAnswering(true);
        var request = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var answer = request.submit(() -> answering.report(stored.id()));
            var report = answer.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(writing.await(20, java.util.concurrent.TimeUnit.SECONDS)).as("the write started").isTrue();
            assertThat(fresh(stored.id())).as("answered while the write waits").isFalse();
            assertThat(answering.report(stored.id())).as("served from memory meanwhile").isEqualTo(report);
            assertThat(answering.cacheStatistics().misses()).isEqualTo(1);

            mayWrite.countDown();
            answering.awaitStored(Duration.ofSeconds(30));
            assertThat(fresh(stored.id())).isTrue();
            var other = anotherInstance();
            assertThat(other.report(stored.id())).isEqualTo(report).isEqualTo(uncached(stored.id()));
            assertThat(other.cacheStatistics().misses()).isZero();
        } finally {
            mayWrite.countDown();
            request.shutdownNow();
            answering.stopWriting();
        }
    }

    @Test
    void workQueuedDuringTheStartWaitsUntilTheApplicationIsReady() throws Exception {
        var stored = qualifications.create(Documents.minimal("Queued at start"), TestUsers.DESIGNER);
        quality.report(stored.id());
        var refresher = new QualityReportRefresher(quality, qualifications, true, 3600, 100, 1000);
        try {
            var saved = shortenFirstStatement(stored);
            refresher.onChanged(new QualificationChanged(stored.id(), saved.version(), TestUsers.DESIGNER, "UPDATED", null));
            Thread.sleep(1_000);
            assertThat(fresh(stored.id())).as("not computed before the application is ready").isFalse();

            refresher.release();
            refresher.awaitIdle(Duration.ofSeconds(60));
            assertThat(fresh(stored.id())).as("computed once it is").isTrue();
        } finally {
            refresher.destroy();
        }
    }

    @Test
    void theBackgroundRecomputesStaleReportsWhenWhatAllKeysShareChanged() throws Exception {
        EscoTestData.clear(driver);
        escoCleared = true;
        var stored = qualifications.create(QualityReportFixtures.welding(), TestUsers.DESIGNER);
        quality.report(stored.id());
        var refresher = new QualityReportRefresher(quality, qualifications, true, 3600, 100, 1000);
        refresher.release();
        try {
            refresher.checkShared();
            refresher.awaitIdle(Duration.ofSeconds(60));
            var before = quality.cacheStatistics();

            QualityReportFixtures.importFixtures(esco, new EscoFixtures().writeV11(dir, "esco-v1.1.1"));
            assertThat(fresh(stored.id())).isFalse();
            refresher.checkShared();
            refresher.awaitIdle(Duration.ofSeconds(60));

            assertThat(quality.cacheStatistics().refreshed() - before.refreshed()).isPositive();
            assertThat(fresh(stored.id())).isTrue();
            assertThat(quality.report(stored.id()).rule("ESCO-03").status()).isNotEqualTo(QualityReport.RuleStatus.NO_DATA);
            assertThat(quality.cacheStatistics().misses() - before.misses()).isZero();
        } finally {
            refresher.destroy();
        }
    }

    /** A second application instance on the same database: its own (empty) memory, the same store. */
    private QualityService anotherInstance() {
        return anotherInstance(store);
    }

    private QualityService anotherInstance(QualityReportStore store) {
        return new QualityService(qualifications, context.getBeanProvider(GovernanceSource.class),
                context.getBeanProvider(EscoCatalog.class), context.getBeanProvider(SkillsGap.class),
                quality.thresholds(), context.getBeanProvider(Clock.class),
                new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class),
                context.getBeanProvider(SentenceEncoder.class), store, json);
    }

    private QualificationDocument shortenFirstStatement(QualificationDocument qualification) {
        UnitDocument unit = qualification.units().get(0);
        var outcomes = new ArrayList<>(unit.outcomes());
        OutcomeDocument first = outcomes.get(0);
        outcomes.set(0, new OutcomeDocument(first.id(), first.code(), first.dimension(), Map.of("en", "Explain cells"),
                first.eqfLevel(), first.skills(), first.keyCompetences()));
        return qualifications.update(qualification.id(), qualification.withUnits(List.of(QualityReportFixtures.withOutcomes(unit, outcomes))),
                TestUsers.DESIGNER);
    }


    /** Whether the stored report has the key of the qualification now (what a request compares). */
    private boolean fresh(String id) {
        return store.lookup(id, quality.currentContext(), null, false).orElseThrow().stored();
    }

    private String storedKey(String id) {
        return graph.query("MATCH (s:QualityReportSnapshot {qualificationId: $id}) RETURN s.key")
                .bind(id).to("id").fetchAs(String.class).one().orElse(null);
    }

    private long snapshots(String id) {
        return graph.query("MATCH (s:QualityReportSnapshot {qualificationId: $id}) RETURN count(s)")
                .bind(id).to("id").fetchAs(Long.class).one().orElseThrow();
    }

    /** The report computed by the engine directly from the stored document, bypassing store and memory. */
    private QualityReport uncached(String id) {
        return quality.check(qualifications.get(id));
    }


}
