package org.qualigraph.esco;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.qualigraph.base.graph.Graph;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.support.Documents;
import org.qualigraph.support.EscoTestData;
import org.qualigraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the ESCO module remembers per release ({@link EscoReleaseMemory}): the concepts and the coverage of a
 * target occupation are read once and then answered with one statement (the release) while the release holds, equal
 * to what reading everything gives; once the release is another (an import ended, here or on another instance), every
 * answer is read anew, never the old release's. On the small fixture packages (the full import is cleared and
 * imported again by the next test class that needs it).
 */
class EscoReleaseMemoryTest extends IntegrationTest {

    @Autowired
    EscoService esco;
    @Autowired
    SkillsGapService gap;
    @Autowired
    GapQueries queries;
    @Autowired
    OccupationalProfileService profiles;
    @Autowired
    Driver driver;

    @TempDir
    Path dir;

    private Path[] zips;

    @BeforeEach
    void fixtureRelease() {
        EscoTestData.clear(driver);
        zips = new EscoFixtures().writeV11(dir, "esco-v1.1.1");
        importFixtures();
    }

    @AfterEach
    void forgetFixtureRelease() {
        EscoTestData.clear(driver);
    }

    @Test
    void whileTheReleaseHoldsItsFactsAreReadOnceAndAnsweredWithOneStatement() {
        var doc = welding();
        var reference = new SkillsGapService(queries, profiles);

        var first = gap.coverage(doc, EscoFixtures.WELDER);
        var firstFacts = esco.facts(List.of(EscoFixtures.WELD, EscoFixtures.ARC, "http://data.europa.eu/esco/skill/none"),
                List.of(EscoFixtures.WELDER));

        long before = Graph.statementsOnThisThread();
        var again = gap.coverage(doc, EscoFixtures.WELDER);
        long coverageStatements = Graph.statementsOnThisThread() - before;
        before = Graph.statementsOnThisThread();
        var factsAgain = esco.facts(List.of(EscoFixtures.WELD, EscoFixtures.ARC, "http://data.europa.eu/esco/skill/none"),
                List.of(EscoFixtures.WELDER));
        long factStatements = Graph.statementsOnThisThread() - before;

        assertThat(coverageStatements).as("the release only").isEqualTo(1);
        assertThat(factStatements).as("the release only").isEqualTo(1);
        assertThat(again).isEqualTo(first).isEqualTo(reference.coverage(doc, EscoFixtures.WELDER));
        assertThat(first.essentialTotal()).isEqualTo(2);
        assertThat(first.essentialCovered()).isEqualTo(1);
        assertThat(factsAgain).isEqualTo(firstFacts);
        assertThat(factsAgain.orElseThrow().skills()).isEqualTo(esco.skills(List.of(EscoFixtures.WELD, EscoFixtures.ARC,
                "http://data.europa.eu/esco/skill/none")));
        assertThat(factsAgain.orElseThrow().skills()).containsOnlyKeys(EscoFixtures.WELD, EscoFixtures.ARC);
        assertThat(factsAgain.orElseThrow().occupations()).isEqualTo(esco.occupations(List.of(EscoFixtures.WELDER)));
        assertThat(factsAgain.orElseThrow().release()).isEqualTo(esco.release().orElseThrow());
    }

    @Test
    void aNewReleaseIsNeverAnsweredWithWhatTheOldOneSaid() {
        var doc = welding();
        var reference = new SkillsGapService(queries, profiles);
        var old = gap.coverage(doc, EscoFixtures.WELDER);
        var oldFacts = esco.facts(List.of(EscoFixtures.WELD), List.of(EscoFixtures.WELDER)).orElseThrow();
        assertThat(old.essentialTotal()).isEqualTo(2);
        assertThat(oldFacts.skills().get(EscoFixtures.WELD).skillType()).isEqualTo("skill/competence");

        // what an import writes: the welder no longer requires arc welding, weld metal parts becomes knowledge, new labels
        graph.query("""
                MATCH (:EscoOccupation {uri: $welder})-[r:REQUIRES_SKILL]->(:EscoSkill {uri: $arc}) DELETE r
                WITH count(*) AS ignored
                MATCH (s:EscoSkill {uri: $weld}) SET s.skillType = 'knowledge', s.label = 'weld metal parts (new release)'
                WITH count(*) AS ignored
                MATCH (o:EscoOccupation {uri: $welder}) SET o.label = 'welder (new release)'
                """).bindAll(java.util.Map.of("welder", EscoFixtures.WELDER, "arc", EscoFixtures.ARC,
                "weld", EscoFixtures.WELD)).run();
        assertThat(gap.coverage(doc, EscoFixtures.WELDER)).as("the release is the same: remembered").isEqualTo(old);

        // ... and last, as every import does, the release record's new import time
        graph.query("MATCH (r:EscoRelease {current: true}) SET r.importedAt = r.importedAt + duration({seconds: 1})").run();

        var fresh = gap.coverage(doc, EscoFixtures.WELDER);
        var freshFacts = esco.facts(List.of(EscoFixtures.WELD), List.of(EscoFixtures.WELDER)).orElseThrow();
        assertThat(fresh).isEqualTo(reference.coverage(doc, EscoFixtures.WELDER));
        assertThat(fresh.essentialTotal()).isEqualTo(1);
        assertThat(fresh.essentialCovered()).isEqualTo(1);
        assertThat(fresh.label()).isEqualTo("welder (new release)");
        assertThat(freshFacts.skills().get(EscoFixtures.WELD).skillType()).isEqualTo("knowledge");
        assertThat(freshFacts.skills().get(EscoFixtures.WELD).label()).isEqualTo("weld metal parts (new release)");
        assertThat(freshFacts.occupations().get(EscoFixtures.WELDER).label()).isEqualTo("welder (new release)");

        // a real import of the packages again (it restores the relation; labels it takes as unchanged stay): the graph's
        importFixtures();
        var reimported = gap.coverage(doc, EscoFixtures.WELDER);
        assertThat(reimported.essentialTotal()).isEqualTo(2);
        assertThat(reimported).isEqualTo(reference.coverage(doc, EscoFixtures.WELDER));
        assertThat(esco.facts(List.of(EscoFixtures.WELD), List.of(EscoFixtures.WELDER)).orElseThrow().skills())
                .isEqualTo(esco.skills(List.of(EscoFixtures.WELD)));
    }

    @Test
    void withoutAReleaseNothingIsRemembered() {
        EscoTestData.clear(driver);
        GapFixture.load(graph);
        try {
            var doc = GapFixture.document("Gap");
            var first = gap.coverage(doc, GapFixture.occupation("O1"));
            graph.query("MATCH (s:EscoSkill {uri: $uri}) SET s.obsolete = true").bind(GapFixture.skill("S4")).to("uri").run();
            var after = gap.coverage(doc, GapFixture.occupation("O1"));
            assertThat(after.essentialTotal()).isEqualTo(first.essentialTotal() - 1);
            assertThat(esco.facts(List.of(GapFixture.skill("S1")), List.of())).isEmpty();
        } finally {
            GapFixture.remove(graph);
        }
    }

    private void importFixtures() {
        esco.importNow(new EscoService.PackageFile(zips[0], zips[0].getFileName().toString()),
                new EscoService.PackageFile(zips[1], zips[1].getFileName().toString()), "v1.1.1", d -> { });
    }

    /** One unit whose second outcome maps weld metal parts; the welder also requires arc welding. */
    private static QualificationDocument welding() {
        var doc = Documents.minimal("Welding");
        UnitDocument unit = doc.units().get(0);
        var outcomes = new ArrayList<>(unit.outcomes());
        OutcomeDocument skill = outcomes.get(1);
        outcomes.set(1, new OutcomeDocument(null, skill.code(), skill.dimension(), skill.statement(), skill.eqfLevel(),
                List.of(EscoFixtures.WELD), List.of()));
        var withSkill = new UnitDocument(unit.id(), unit.code(), unit.title(), unit.eqfLevel(), unit.credits(),
                unit.hours(), unit.mandatory(), unit.prerequisites(), unit.deliveryModes(), outcomes,
                unit.workBasedLearning(), unit.assessments());
        return doc.withUnits(List.of(withSkill));
    }
}
