package org.qualigraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.qualigraph.base.ConflictException;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationStatus;
import org.qualigraph.esco.EscoService;
import org.qualigraph.quality.ReviewWorkflowService;
import org.qualigraph.quality.TransitionRequest;
import org.qualigraph.support.Documents;
import org.qualigraph.support.EscoTestData;
import org.qualigraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The same store operations and the same assertions through each adapter of the graph port: the embedded one
 * ({@link EmbeddedGraphAdapterTest}, what every other test uses) and the driver one over Bolt
 * ({@link DriverGraphAdapterTest}, what a server or cluster gets). Both run against the tests' harness database.
 */
abstract class GraphAdapterContract extends IntegrationTest {

    @Autowired
    QualificationService qualifications;
    @Autowired
    ReviewWorkflowService workflow;
    @Autowired
    EscoService esco;
    @Autowired
    PlatformTransactionManager transactions;

    /** {@code embedded} or {@code driver}. */
    abstract String expectedAccess();

    @Test
    void theExpectedAdapterRunsTheStatements() {
        assertThat(graph.access()).isEqualTo(expectedAccess());
        assertThat(transactions.getClass().getSimpleName())
                .isEqualTo(expectedAccess().equals("embedded") ? "EmbeddedTransactionManager" : "Neo4jTransactionManager");
    }

    @Test
    void saveReadAndAStaleSaveRefused() {
        var created = qualifications.create(Documents.generated("Adapter contract", 3, 2), "designer");
        var changed = qualifications.update(created.id(), created.withTitle(Map.of("en", "Adapter contract, edited")), "designer");
        assertThat(changed.version()).isEqualTo(1);
        var read = qualifications.get(created.id());
        assertThat(read.title()).isEqualTo(Map.of("en", "Adapter contract, edited"));
        assertThat(read.units()).hasSize(3).allSatisfy(u -> assertThat(u.outcomes()).hasSize(2));
        assertThat(read).isEqualTo(changed);
        assertThatThrownBy(() -> qualifications.update(created.id(), created.withTitle(Map.of("en", "Stale")), "designer"))
                .isInstanceOf(ConflictException.class);
        assertThat(qualifications.get(created.id()).title()).isEqualTo(Map.of("en", "Adapter contract, edited"));
    }

    @Test
    void aLockHeldInATransactionHoldsBackAnotherSaveUntilItCommits() throws Exception {
        var created = qualifications.create(Documents.minimal("Locked"), "designer");
        var locked = new CompletableFuture<Void>();
        var release = new CompletableFuture<Void>();
        var holder = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(qualifications.lock(created.id())).isEqualTo(QualificationStatus.DRAFT);
            locked.complete(null);
            release.join();
        }));
        locked.get(30, TimeUnit.SECONDS);
        var writer = CompletableFuture.supplyAsync(() ->
                qualifications.update(created.id(), created.withTitle(Map.of("en", "After the lock")), "designer"));
        Thread.sleep(500);
        assertThat(writer).as("the save waits for the lock").isNotDone();
        release.complete(null);
        holder.get(30, TimeUnit.SECONDS);
        assertThat(writer.get(30, TimeUnit.SECONDS).version()).isEqualTo(1);
    }

    @Test
    void aReviewTransitionIsStored() {
        String id = qualifications.create(Documents.minimal("Reviewed"), "designer").id();
        workflow.transition(id, new TransitionRequest("IN_REVIEW", "please look", null), "designer", Set.of("DESIGNER"));
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.IN_REVIEW);
        assertThat(workflow.history(id)).isNotEmpty();
    }

    @Test
    void anEscoSearchFindsWelding() {
        EscoTestData.ensureLoaded(esco);
        var hits = esco.searchSkills("welding", 10, EscoService.SkillFilter.NONE);
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).label().toLowerCase()).contains("weld");
    }

    @Test
    void valuesComeOutAsThePortDescribes() {
        try {
            var row = graph.query("""
                    CREATE (n:__GraphProbe {tags: ['a', 'b'], n: 1, d: 1.5, b: true, at: datetime('2024-01-01T00:00:00Z')})
                    RETURN n AS node, n.tags AS tags, n.n AS number, n.at AS at, {k: [1, 2]} AS m
                    """).fetch().one().orElseThrow();
            // an array property is a list from both (the embedded database gives String[]), a node its properties
            assertThat(row.get("tags")).isEqualTo(List.of("a", "b"));
            assertThat(row.get("number")).isEqualTo(1L);
            assertThat(row.get("node")).isInstanceOf(Map.class);
            @SuppressWarnings("unchecked")
            var node = (Map<String, Object>) row.get("node");
            assertThat(node).containsEntry("tags", List.of("a", "b")).containsEntry("n", 1L);
            assertThat(row.get("at")).isInstanceOf(ZonedDateTime.class);
            assertThat(row.get("m")).isEqualTo(Map.of("k", List.of(1L, 2L)));
            var probe = graph.query("MATCH (n:__GraphProbe) RETURN n").fetchAs(Map.class).one().orElseThrow();
            assertThat(probe).containsEntry("tags", List.of("a", "b")).containsEntry("d", 1.5).containsEntry("b", true);
        } finally {
            graph.query("MATCH (n:__GraphProbe) DETACH DELETE n").run();
        }
    }

    @Test
    void aConstraintViolationIsADataIntegrityViolation() {
        try {
            graph.query("CREATE (:User {username: 'adapter-duplicate'})").run();
            assertThatThrownBy(() -> graph.query("CREATE (:User {username: 'adapter-duplicate'})").run())
                    .isInstanceOf(DataIntegrityViolationException.class);
        } finally {
            graph.query("MATCH (u:User {username: 'adapter-duplicate'}) DETACH DELETE u").run();
        }
    }

    @Test
    void aTransactionRolledBackLeavesNothing() {
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            graph.query("CREATE (:__GraphProbe {rolledBack: true})").run();
            assertThat(graph.query("MATCH (n:__GraphProbe) RETURN count(n)").fetchAs(Long.class).one()).contains(1L);
            throw new IllegalStateException("abort");
        })).hasMessage("abort");
        assertThat(graph.query("MATCH (n:__GraphProbe) RETURN count(n)").fetchAs(Long.class).one()).contains(0L);
    }

    @Test
    void heldBackWritesGoTogetherBeforeTheNextStatementOrAtCommit() {
        try {
            long statements = org.qualigraph.base.graph.Graph.statementsOnThisThread();
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                holdBackTwoWrites();
                // the next statement sees both writes, in order, sent as one statement before it
                assertThat(graph.query("MATCH (p:__GraphProbe) RETURN p.step").fetchAs(String.class).all())
                        .containsExactly("second");
                graph.query("CREATE (:__GraphProbe {n: $n, step: 'at commit'})").bindAll(Map.of("n", 2)).runLater();
            });
            assertThat(org.qualigraph.base.graph.Graph.statementsOnThisThread() - statements).isEqualTo(3);
            assertThat(graph.query("MATCH (p:__GraphProbe) RETURN p.step ORDER BY p.n").fetchAs(String.class).all())
                    .containsExactly("second", "at commit");
        } finally {
            graph.query("MATCH (n:__GraphProbe) DETACH DELETE n").run();
        }
    }

    @Test
    void aReadAfterHeldBackWritesSendsThemInItsOwnStatementAndSeesThem() {
        try {
            long statements = org.qualigraph.base.graph.Graph.statementsOnThisThread();
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                holdBackTwoWrites();
                // one statement: both writes in order, then the read, which sees them; the read's own $n is its own
                assertThat(graph.query("MATCH (p:__GraphProbe) WHERE p.n = $n RETURN p.step").bindAll(Map.of("n", 1))
                        .afterHeldBackWrites().fetchAs(String.class).all()).containsExactly("second");
                // nothing held back any more: the read alone
                assertThat(graph.query("MATCH (p:__GraphProbe) RETURN count(p)").afterHeldBackWrites().fetchAs(Long.class)
                        .one()).contains(1L);
            });
            assertThat(org.qualigraph.base.graph.Graph.statementsOnThisThread() - statements).isEqualTo(2);
            assertThat(graph.query("MATCH (p:__GraphProbe) RETURN p.step").fetchAs(String.class).all()).containsExactly("second");
        } finally {
            graph.query("MATCH (n:__GraphProbe) DETACH DELETE n").run();
        }
    }

    /** A probe created, then changed: held back, so only a statement that sees both finds step "second". */
    private void holdBackTwoWrites() {
        graph.query("CREATE (:__GraphProbe {n: $n, step: 'first'})").bindAll(Map.of("n", 1)).runLater();
        graph.query("MATCH (p:__GraphProbe {n: $n}) SET p.step = $step").bindAll(Map.of("n", 1, "step", "second")).runLater();
    }

    @Test
    void heldBackWritesRollBackWithTheirTransactionAndStayOutOfANewOne() {
        try {
            assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                graph.query("CREATE (:__GraphProbe {outer: true})").runLater();
                var inner = new TransactionTemplate(transactions);
                inner.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
                inner.executeWithoutResult(s -> assertThat(graph.query("MATCH (n:__GraphProbe) RETURN count(n)")
                        .fetchAs(Long.class).one()).contains(0L));
                throw new IllegalStateException("abort");
            })).hasMessage("abort");
            assertThat(graph.query("MATCH (n:__GraphProbe) RETURN count(n)").fetchAs(Long.class).one()).contains(0L);
        } finally {
            graph.query("MATCH (n:__GraphProbe) DETACH DELETE n").run();
        }
    }
}
