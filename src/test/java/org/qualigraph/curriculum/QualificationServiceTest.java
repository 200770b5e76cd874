package org.qualigraph.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qualigraph.base.ConflictException;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class QualificationServiceTest extends IntegrationTest {

    @Autowired
    QualificationService service;
    @Autowired
    ObjectMapper json;

    @Test
    void createReadUpdateDelete() {
        var created = service.create(Documents.minimal("Welding technician"), "designer");
        assertThat(created.id()).isNotBlank();
        assertThat(created.version()).isZero();
        assertThat(created.status()).isEqualTo(QualificationStatus.DRAFT);
        assertThat(created.units()).singleElement().satisfies(u -> {
            assertThat(u.id()).isNotBlank();
            assertThat(u.outcomes()).hasSize(3).allSatisfy(o -> assertThat(o.id()).isNotBlank());
        });

        var changed = service.update(created.id(), created.withTitle(Map.of("en", "Welding specialist", "de", "Schweißfachkraft")), "designer");
        assertThat(changed.version()).isEqualTo(1);
        assertThat(service.get(created.id()).title()).containsEntry("de", "Schweißfachkraft");

        service.delete(created.id(), "designer");
        assertThat(service.find(created.id())).isEmpty();
        assertThat(graph.query("MATCH (n) WHERE n:Unit OR n:LearningOutcome OR n:Assessment RETURN count(n)")
                .fetchAs(Long.class).one()).contains(0L);
    }

    @Test
    void demoDocumentRoundTripsExactly() {
        var demo = Documents.demo(json);
        var stored = service.create(demo, "designer");
        var expected = withoutIds(demo.withIdentity(null, null, null, null));
        assertThat(withoutIds(stored.withIdentity(null, null, null, null))).isEqualTo(expected);
    }

    @Test
    void staleVersionIsRefusedAndChangesNothing() {
        var created = service.create(Documents.minimal("Original"), "designer");
        service.update(created.id(), created.withTitle(Map.of("en", "First edit")), "designer");
        assertThatThrownBy(() -> service.update(created.id(), created.withTitle(Map.of("en", "Stale edit")), "designer"))
                .isInstanceOf(ConflictException.class);
        var stored = service.get(created.id());
        assertThat(stored.title()).containsEntry("en", "First edit");
        assertThat(stored.version()).isEqualTo(1);
    }

    @Test
    void aUnitCanBeSharedByTwoQualifications() {
        var first = service.create(Documents.generated("Core profile", 2, 3), "designer");
        var shared = first.units().get(0);
        var second = service.create(Documents.minimal("Other").withUnits(List.of(shared)), "designer");
        assertThat(second.units()).singleElement().extracting(UnitDocument::id).isEqualTo(shared.id());
        assertThat(service.sharedUnits(first.id())).containsKey(shared.id());

        service.delete(first.id(), "designer");
        var remaining = service.get(second.id());
        assertThat(remaining.units()).singleElement().satisfies(u -> assertThat(u.outcomes()).hasSize(3));
    }

    @Test
    void deriveCopiesTheStructureAndLinksTheVariant() {
        var core = service.create(Documents.generated("Core profile", 3, 3), "designer");
        var variant = service.derive(core.id(), Map.of("en", "Core profile (Poland)"), "designer");
        assertThat(variant.derivedFrom()).isEqualTo(core.id());
        assertThat(variant.units()).hasSize(3);
        assertThat(variant.units()).extracting(UnitDocument::id).doesNotContainAnyElementsOf(
                core.units().stream().map(UnitDocument::id).toList());

        var diverged = service.update(variant.id(), variant.withUnits(variant.units().subList(0, 2)), "designer");
        assertThat(diverged.units()).hasSize(2);
        assertThat(diverged.derivedFrom()).isEqualTo(core.id());
        assertThat(service.get(core.id()).units()).hasSize(3);
    }

    private static QualificationDocument withoutIds(QualificationDocument doc) {
        return doc.withUnits(doc.units().stream().map(u -> u.withId(null).withVersion(null)
                .withOutcomes(u.outcomes().stream().map(o -> o.withId(null)).toList())).toList());
    }

    /**
     * A real deadlock on the harness database: the save holds the qualification's lock and waits for its unit (held by
     * transaction W), while transaction T holds the ESCO skill the save will link and waits for the qualification.
     * When W lets go, the save takes the unit, asks for the skill and closes the cycle: Neo4j aborts it, and the retry
     * advisor runs it again once T has given up (T holds more locks, and Neo4j aborts the member of a deadlock that holds
 * fewer). The save succeeds, and the retry is counted.
     */
    @Test
    void writesRunAgainWhenTheDatabaseReportsADeadlock() throws Exception {
        String skill = "http://data.europa.eu/esco/skill/test-deadlock";
        var created = service.create(Documents.minimal("Deadlock"), "designer");
        String unit = created.units().get(0).id();
        graph.query("MERGE (:EscoSkill {uri: $uri})").bind(skill).to("uri").run();
        double retriesBefore = retries();
        double adminBefore = adminSeesUpdateRetries();
        var unitOutcomes = new java.util.ArrayList<>(created.units().get(0).outcomes());
        var first = unitOutcomes.get(0);
        unitOutcomes.set(0, new OutcomeDocument(first.id(), first.code(), first.dimension(), first.statement(),
                first.eqfLevel(), List.of(skill), first.keyCompetences()));
        var edited = created.withUnits(List.of(created.units().get(0).withOutcomes(unitOutcomes)));

        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (var wSession = driver.session(); var tSession = driver.session()) {
            var w = wSession.beginTransaction();
            w.run("MATCH (u:Unit {id: $id}) SET u.probe = 1", Map.of("id", unit)).consume();
            var t = tSession.beginTransaction();
            t.run("MATCH (s:EscoSkill {uri: $uri}) SET s.probe = 1", Map.of("uri", skill)).consume();
            // Neo4j aborts the member of a deadlock that holds fewer locks: T holds many, so the save is the one aborted
            t.run("UNWIND range(1, 500) AS i CREATE (:DeadlockProbe {i: i})").consume();

            var save = pool.submit(() -> service.update(created.id(), edited, "designer"));
            org.qualigraph.support.Transactions.awaitBlocked(driver, 1, java.time.Duration.ofSeconds(30), "the save never waited for the unit");
            var tWaits = pool.submit(() -> {
                try {
                    t.run("MATCH (q:Qualification {id: $id}) SET q.probe = 1", Map.of("id", created.id())).consume();
                } finally {
                    t.rollback();
                }
                return null;
            });
            org.qualigraph.support.Transactions.awaitBlocked(driver, 2, java.time.Duration.ofSeconds(30), "the other transaction never waited for the qualification");
            w.rollback();

            var saved = save.get(60, java.util.concurrent.TimeUnit.SECONDS);
            tWaits.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(saved.version()).isEqualTo(1);
            assertThat(saved.units().get(0).outcomes().get(0).skills()).containsExactly(skill);
        } finally {
            pool.shutdownNow();
        }
        assertThat(retries()).isGreaterThanOrEqualTo(retriesBefore + 1);
        // what an administrator sees: the counter of this method, raised by this save (other tests may have raised it before)
        assertThat(adminSeesUpdateRetries()).isGreaterThanOrEqualTo(adminBefore + 1);
        graph.query("MATCH (s:EscoSkill {uri: $uri}) DETACH DELETE s").bind(skill).to("uri").run();
    }

    @Autowired
    org.neo4j.driver.Driver driver;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    /** The retries of QualificationService.update alone, as counted in the registry. */
    private double retries() {
        return org.qualigraph.support.Transactions.retries(meters, UPDATE);
    }

    private static final String UPDATE = "QualificationService.update";

    /** The same counter through /actuator/metrics as an administrator reads it; 0 before its first retry. */
    private double adminSeesUpdateRetries() throws Exception {
        var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/actuator/metrics/" + org.qualigraph.base.neo4j.TransientRetry.METRIC).param("tag", "method:" + UPDATE)
                        .header("Authorization", org.qualigraph.support.TestUsers.basic("admin")))
                .andReturn().getResponse();
        if (response.getStatus() == 404) {
            return 0;
        }
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.getContentAsString())
                .at("/measurements/0/value").asDouble();
    }
}
