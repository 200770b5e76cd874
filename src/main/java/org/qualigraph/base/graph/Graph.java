package org.qualigraph.base.graph;

import java.util.function.Supplier;

/**
 * The one way Qualigraph's stores reach the graph: Cypher with parameters in, plain Java values out. Two adapters
 * implement it: {@link EmbeddedGraph} runs the statement on the in-process database's own transaction API (no Bolt,
 * no driver, no serialisation), {@link DriverGraph} sends it through the Neo4j driver to a server or cluster. The same
 * Cypher runs through both and the stores see the same values from both (see {@link GraphValue}).
 * <p>
 * A statement joins the Spring transaction of the calling thread ({@code @Transactional}); outside one it runs in its
 * own short transaction. The fluent API follows Spring Data Neo4j's {@code Neo4jClient}, which the stores used before,
 * so a store reads the same: {@code graph.query(cypher).bind(id).to("id").fetchAs(X.class).mappedBy(row -> ..).one()}.
 * <p>
 * Failures come out as Spring's {@code DataAccessException}s whichever adapter ran the statement: a constraint
 * violation as {@code DataIntegrityViolationException}, a deadlock, lock timeout or other transient refusal as a
 * {@code TransientDataAccessException}, which {@code TransientRetry} runs again.
 */
public interface Graph {

    /** A statement to bind parameters to and run. */
    GraphQuery query(String cypher);

    /**
     * Runs the work in a new transaction of its own (suspending one the thread may be in) and commits it, running it
     * again on a transient failure (a deadlock) as the driver's managed transactions do; for code that
     * cuts long work into batches (imports, jobs) rather than declaring {@code @Transactional}.
     */
    <T> T inNewTransaction(Supplier<T> work);

    /** Like {@link #inNewTransaction(Supplier)} for work without a result. */
    default void inNewTransaction(Runnable work) {
        inNewTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** Which adapter this is, for logs and the health page: {@code embedded} or {@code driver}. */
    String access();

    /**
     * Statements this thread has run through the graph since it started (a counter that only grows): the difference
     * before and after a service call is that call's round trips to the database, which tests hold to a bound.
     */
    static long statementsOnThisThread() {
        return StatementCounter.current();
    }
}
