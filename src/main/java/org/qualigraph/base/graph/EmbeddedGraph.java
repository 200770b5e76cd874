package org.qualigraph.base.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryStatistics;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The in-process adapter: statements run through {@link Transaction#execute(String, Map)} of the embedded database,
 * in the transaction {@link EmbeddedTransactionManager} bound to the thread, or else in one of their own. Rows are
 * copied to plain Java inside the transaction (nodes become their property maps), so nothing of the database's own
 * objects leaves it.
 */
public final class EmbeddedGraph implements Graph, GraphExecutor {

    private static final int OWN_TRANSACTION_ATTEMPTS = 5;
    /** Every statement at TRACE, for diagnosis (for example, which statements the start plans): off by default. */
    private static final Logger statements = LoggerFactory.getLogger("org.qualigraph.base.graph.statements");

    private final GraphDatabaseService database;
    private final NewTransactions newTransactions;

    public EmbeddedGraph(GraphDatabaseService database, PlatformTransactionManager transactions) {
        this.database = database;
        this.newTransactions = new NewTransactions(transactions);
    }

    @Override
    public GraphQuery query(String cypher) {
        return new GraphQuery(this, cypher);
    }

    @Override
    public <T> T inNewTransaction(Supplier<T> work) {
        return newTransactions.run(work);
    }

    @Override
    public String access() {
        return "embedded";
    }

    @Override
    public List<GraphRow> rows(String cypher, Map<String, Object> parameters) {
        return execute(cypher, parameters, EmbeddedGraph::rows);
    }

    @Override
    public GraphSummary run(String cypher, Map<String, Object> parameters) {
        return execute(cypher, parameters, result -> {
            // the statement runs to its end even if it returns rows nobody reads
            result.accept(row -> true);
            return summary(result.getQueryStatistics());
        });
    }

    private <T> T execute(String cypher, Map<String, Object> parameters, java.util.function.Function<Result, T> read) {
        StatementCounter.increment();
        if (statements.isTraceEnabled()) {
            statements.trace("{}", cypher.replaceAll("\\s+", " "));
        }
        Map<String, Object> params = GraphValues.parameters(parameters);
        Transaction bound = EmbeddedTransactionManager.current(database);
        try {
            if (bound != null) {
                try (Result result = bound.execute(cypher, params)) {
                    return read.apply(result);
                }
            }
            // a statement on its own: run again when refused for a transient reason, as nothing else was in its transaction
            for (int attempt = 1; ; attempt++) {
                try (Transaction tx = database.beginTx()) {
                    T value;
                    try (Result result = tx.execute(cypher, params)) {
                        value = read.apply(result);
                    }
                    tx.commit();
                    return value;
                } catch (RuntimeException e) {
                    RuntimeException translated = GraphExceptions.translate(e);
                    if (!(translated instanceof TransientDataAccessException) || attempt >= OWN_TRANSACTION_ATTEMPTS) {
                        throw translated;
                    }
                }
            }
        } catch (RuntimeException e) {
            throw GraphExceptions.translate(e);
        }
    }

    private static List<GraphRow> rows(Result result) {
        List<String> columns = result.columns();
        List<GraphRow> rows = new ArrayList<>();
        while (result.hasNext()) {
            Map<String, Object> row = result.next();
            Map<String, Object> values = new LinkedHashMap<>(columns.size() * 2);
            for (String column : columns) {
                values.put(column, GraphValues.fromEmbedded(row.get(column)));
            }
            rows.add(new GraphRow(values));
        }
        return rows;
    }

    static GraphSummary summary(QueryStatistics s) {
        return new GraphSummary(s.getNodesCreated(), s.getNodesDeleted(), s.getRelationshipsCreated(),
                s.getRelationshipsDeleted(), s.getPropertiesSet(), s.getLabelsAdded(), s.getLabelsRemoved());
    }
}
