package org.qualigraph.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListenerAdapter;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Saves write the difference to what is stored: watched on the harness database with a transaction event listener,
 * which sees every node and relationship a transaction creates, deletes or changes.
 */
class DiffWriteTest extends IntegrationTest {

    private static final String SKILL = "http://data.europa.eu/esco/skill/diff-";
    /** What the audit trail adds to every save's transaction: its entry and the link to the qualification. */
    private static final String AUDIT = "AuditEntry";

    @Autowired
    QualificationService service;

    private final Recorder recorder = new Recorder();

    /** One change a transaction made: what (e.g. "set"), on which labels or relationship type, which property. */
    record Change(String what, String on, String property) {
    }

    static final class Recorder extends TransactionEventListenerAdapter<Object> {
        volatile boolean recording;
        final List<Change> changes = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Object beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService database) {
            if (!recording) {
                return null;
            }
            data.createdNodes().forEach(n -> changes.add(new Change("createNode", labels(n), null)));
            data.deletedNodes().forEach(n -> changes.add(new Change("deleteNode", "?", null)));
            data.createdRelationships().forEach(r -> changes.add(new Change("createRel", r.getType().name(), null)));
            data.deletedRelationships().forEach(r -> changes.add(new Change("deleteRel", "?", null)));
            data.assignedNodeProperties().forEach(p -> changes.add(new Change("set", labels(p.entity()), p.key())));
            data.removedNodeProperties().forEach(p -> changes.add(new Change("remove", on(data, p.entity()), p.key())));
            data.assignedRelationshipProperties().forEach(p -> changes.add(new Change("setRel", p.entity().getType().name(), p.key())));
            data.removedRelationshipProperties().forEach(p -> changes.add(new Change("removeRel", "?", p.key())));
            return null;
        }

        private static String on(TransactionData data, Entity entity) {
            return StreamSupport.stream(data.deletedNodes().spliterator(), false).anyMatch(n -> n.equals(entity)) ? "?"
                    : labels((Node) entity);
        }

        private static String labels(Node node) {
            var labels = new ArrayList<String>();
            node.getLabels().forEach(l -> labels.add(l.name()));
            Collections.sort(labels);
            return String.join(":", labels);
        }

        /** The changes except the audit entry, its properties and its ABOUT link. */
        List<Change> withoutAudit() {
            synchronized (changes) {
                return changes.stream().filter(c -> !c.on().contains(AUDIT) && !"ABOUT".equals(c.on())).toList();
            }
        }
    }

    @BeforeEach
    void listen() {
        harness().databaseManagementService().registerTransactionEventListener("neo4j", recorder);
    }

    @AfterEach
    void stopListening() {
        harness().databaseManagementService().unregisterTransactionEventListener("neo4j", recorder);
    }

    private <T> T recorded(java.util.function.Supplier<T> write) {
        recorder.changes.clear();
        recorder.recording = true;
        try {
            return write.get();
        } finally {
            recorder.recording = false;
        }
    }

    /** A 10 × 5 document whose outcomes map two ESCO skills each and develop a key competence. */
    private QualificationDocument mapped() {
        var doc = Documents.generated("Mapped", 10, 5);
        var units = new ArrayList<UnitDocument>();
        int n = 0;
        for (var unit : doc.units()) {
            var outcomes = new ArrayList<OutcomeDocument>();
            for (var o : unit.outcomes()) {
                outcomes.add(new OutcomeDocument(o.id(), o.code(), o.dimension(), o.statement(), o.eqfLevel(),
                        List.of(SKILL + (n % 7), SKILL + ((n + 3) % 7)), List.of(KeyCompetence.values()[n % 3])));
                n++;
            }
            units.add(unit.withOutcomes(outcomes));
        }
        return doc.withUnits(units);
    }

    @Test
    void aTitleOnlySaveTouchesOnlyTheQualificationNode() {
        var created = service.create(mapped(), "designer");

        var saved = recorded(() -> service.update(created.id(), created.withTitle(Map.of("en", "Renamed")), "designer"));

        assertThat(saved.title()).containsEntry("en", "Renamed");
        assertThat(saved.withIdentity(null, null, null, null).withTitle(Map.of()))
                .isEqualTo(created.withIdentity(null, null, null, null).withTitle(Map.of()));
        var changes = recorder.withoutAudit();
        assertThat(changes).isNotEmpty().allSatisfy(change -> {
            assertThat(change.what()).isEqualTo("set");
            assertThat(change.on()).isEqualTo("Qualification");
            assertThat(change.property()).isIn("title", "titleSearch", "titleSort", "version", "shapeHash", "updatedAt", "updatedBy", "lockedAt");
        });
        assertThat(changes).extracting(Change::property).contains("title", "version");
        // and the audit entry says what changed, not a copy of the document
        String detail = graph.query("MATCH (a:AuditEntry {qualificationId: $id, action: 'UPDATED'}) RETURN a.detail")
                .bind(created.id()).to("id").fetchAs(String.class).one().orElseThrow();
        assertThat(detail).contains("Renamed").hasSizeLessThan(300);
        assertThat(graph.query("MATCH (n:AuditSnapshot) RETURN count(n)").fetchAs(Long.class).one()).contains(0L);
    }

    @Test
    void changingOneSkillMappingWritesOnlyThoseRelationshipsAndNeverAReferenceNode() {
        var created = service.create(mapped(), "designer");
        var unit = created.units().get(4);
        var outcome = unit.outcomes().get(2);
        String kept = outcome.skills().get(1);
        String added = SKILL + "new";
        var outcomes = new ArrayList<>(unit.outcomes());
        outcomes.set(2, new OutcomeDocument(outcome.id(), outcome.code(), outcome.dimension(), outcome.statement(),
                outcome.eqfLevel(), List.of(kept, added), outcome.keyCompetences()));
        var units = new ArrayList<>(created.units());
        units.set(4, unit.withOutcomes(outcomes));

        var saved = recorded(() -> service.update(created.id(), created.withUnits(units), "designer"));

        assertThat(saved.units().get(4).outcomes().get(2).skills()).containsExactly(kept, added);
        var changes = recorder.withoutAudit();
        // the removed skill's link goes (with its position), the new skill (unknown to the graph) is created with its key and linked,
        // the kept skill's link moves to position 0; the unit is locked and its content version raised (who, where,
        // when, the content hash); nothing else happens
        var unitVersion = List.of("lockedAt", "version", "contentHashes", "changedBy", "changedIn", "changedAt");
        assertThat(changes).filteredOn(c -> !c.on().equals("Qualification") && !(c.on().equals("Unit") && unitVersion.contains(c.property())))
                .containsExactlyInAnyOrder(new Change("deleteRel", "?", null), new Change("createRel", "MAPS_TO", null),
                        new Change("createNode", "EscoSkill", null), new Change("set", "EscoSkill", "uri"),
                        new Change("setRel", "MAPS_TO", "position"), new Change("setRel", "MAPS_TO", "position"),
                        new Change("removeRel", "?", "position"));
        assertThat(changes).filteredOn(c -> c.on().equals("Unit")).extracting(Change::property)
                .contains("version", "contentHashes").isSubsetOf(unitVersion).doesNotHaveDuplicates();
        assertThat(saved.units().get(4).version()).isEqualTo(created.units().get(4).version() + 1);
        assertThat(saved.units().get(3).version()).isEqualTo(created.units().get(3).version());
    }

    @Test
    void periodsAndAssessmentsKeepTheirIdsAcrossSaves() {
        var created = service.create(Documents.generated("Stable", 3, 3), "designer");
        List<String> before = partIds(created.id());
        var unit = created.units().get(1);
        var period = unit.workBasedLearning().get(0);
        var changedUnit = new UnitDocument(unit.id(), unit.code(), unit.title(), unit.eqfLevel(), unit.credits(), unit.hours(),
                unit.mandatory(), unit.prerequisites(), unit.deliveryModes(), unit.outcomes(),
                List.of(new WorkBasedLearningDocument(period.code(), 120, period.setting(), period.description(), period.outcomes())),
                unit.assessments());
        var units = new ArrayList<>(created.units());
        units.set(1, changedUnit);

        var saved = service.update(created.id(), created.withUnits(units), "designer");

        assertThat(saved.units().get(1).workBasedLearning().get(0).hours()).isEqualTo(120);
        assertThat(partIds(created.id())).isEqualTo(before).hasSize(6);
    }

    private List<String> partIds(String id) {
        return List.copyOf(graph.query("""
                MATCH (:Qualification {id: $id})-[:HAS_UNIT]->(:Unit)-[:HAS_WBL|HAS_ASSESSMENT]->(x)
                RETURN x.id ORDER BY x.code
                """).bind(id).to("id").fetchAs(String.class).all());
    }

    @Test
    void structuralEditsRoundTripAndLeaveSharedReferenceNodesAlone() {
        var created = service.create(mapped(), "designer");
        var organisation = organisation();
        var units = new ArrayList<>(created.units());
        // remove a unit (the next one's prerequisite moves on), move an outcome to another unit, reorder, add a unit
        units.remove(3);
        var u5 = units.get(3);
        units.set(3, new UnitDocument(u5.id(), u5.code(), u5.title(), u5.eqfLevel(), u5.credits(), u5.hours(),
                false, List.of("U3"), u5.deliveryModes(), u5.outcomes(), u5.workBasedLearning(), u5.assessments()));
        var first = units.get(0);
        var moved = first.outcomes().get(1);
        units.set(0, first.withOutcomes(List.of(first.outcomes().get(0), first.outcomes().get(2), first.outcomes().get(3),
                first.outcomes().get(4))));
        var last = units.get(units.size() - 1);
        var lastOutcomes = new ArrayList<>(last.outcomes());
        lastOutcomes.add(0, moved);
        units.set(units.size() - 1, last.withOutcomes(lastOutcomes));
        java.util.Collections.swap(units, 1, 2);
        units.add(new UnitDocument(null, "U11", Map.of("en", "A new unit"), 4, BigDecimal.TEN, 270, true, List.of("U2"),
                List.of(DeliveryMode.BLENDED), List.of(new OutcomeDocument(null, "U11.K1", Dimension.KNOWLEDGE,
                Map.of("en", "Explain the safety rules of a cell production line"), 4, List.of(SKILL + "1"), List.of())),
                List.of(), List.of()));
        var edited = created.withUnits(units)
                .withIdentity(created.id(), created.version(), created.status(), null);
        edited = new QualificationDocument(edited.id(), edited.version(), edited.title(), edited.description(), edited.type(),
                edited.eqfLevel(), List.of(new QualificationDocument.NqfLevel("DE", "4", "http://data.europa.eu/snb/qdr/c_de4")),
                List.of("0713", "0714"), edited.ecosystem(), edited.creditSystem(), BigDecimal.valueOf(110),
                edited.entryRequirements(), List.of(new QualificationDocument.AwardingBody("Test Chamber", "DE",
                OrganisationKind.AUTHORITY)), List.of("http://data.europa.eu/esco/occupation/diff"), null, null, units);
        var request = edited;

        var saved = recorded(() -> service.update(created.id(), request, "designer"));

        assertThat(strip(saved)).isEqualTo(strip(request));
        assertThat(saved.units().get(saved.units().size() - 2).outcomes().get(0).id()).as("the moved outcome keeps its id")
                .isEqualTo(moved.id());
        assertThat(recorder.withoutAudit()).noneMatch(c -> c.what().startsWith("set") && !c.what().equals("setRel")
                && List.of("Organisation", "NqfLevel", "IscedField", "KeyCompetence", "EscoSkill", "EscoOccupation")
                .contains(c.on()) && !c.property().equals("uri") && !c.property().equals("code"));
        assertThat(organisation()).isEqualTo(organisation);
        assertThat(graph.query("MATCH (u:Unit) WHERE NOT ()-[:HAS_UNIT]->(u) RETURN count(u)").fetchAs(Long.class).one())
                .contains(0L);
        // and a second save of the same document changes nothing but the version
        var again = recorded(() -> service.update(created.id(), saved, "designer"));
        assertThat(strip(again)).isEqualTo(strip(saved));
        assertThat(recorder.withoutAudit()).allSatisfy(c -> assertThat(c.on()).isEqualTo("Qualification"));
    }

    private Map<String, Object> organisation() {
        return graph.query("MATCH (o:Organisation {key: 'test chamber|DE'}) RETURN o {.*} AS o")
                .fetch().one().orElseThrow();
    }

    /** The document without ids and version, as the designer sees it. */
    private static QualificationDocument strip(QualificationDocument doc) {
        return doc.withIdentity(null, null, null, null).withUnits(doc.units().stream().map(u -> u.withId(null).withVersion(null)
                .withOutcomes(u.outcomes().stream().map(o -> o.withId(null)).toList())).toList());
    }
}
