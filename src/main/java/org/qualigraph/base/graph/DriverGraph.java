package org.qualigraph.base.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.neo4j.driver.summary.SummaryCounters;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The adapter for a database elsewhere (a server or cluster at {@code spring.neo4j.uri}): statements go through Spring
 * Data Neo4j's {@link Neo4jClient}, which joins the transaction of its {@code Neo4jTransactionManager} and translates
 * the driver's failures. Values are normalised to what {@link EmbeddedGraph} gives.
 */
public final class DriverGraph implements Graph, GraphExecutor {

    private final Neo4jClient client;
    private final NewTransactions newTransactions;

    public DriverGraph(Neo4jClient client, PlatformTransactionManager transactions) {
        this.client = client;
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
        return "driver";
    }

    @Override
    public List<GraphRow> rows(String cypher, Map<String, Object> parameters) {
        StatementCounter.increment();
        return List.copyOf(client.query(cypher).bindAll(GraphValues.parameters(parameters)).fetchAs(GraphRow.class)
                .mappedBy((types, record) -> {
                    Map<String, Object> values = new LinkedHashMap<>(record.size() * 2);
                    for (String key : record.keys()) {
                        values.put(key, GraphValues.fromDriver(record.get(key)));
                    }
                    return new GraphRow(values);
                }).all());
    }

    @Override
    public GraphSummary run(String cypher, Map<String, Object> parameters) {
        StatementCounter.increment();
        SummaryCounters c = client.query(cypher).bindAll(GraphValues.parameters(parameters)).run().counters();
        return new GraphSummary(c.nodesCreated(), c.nodesDeleted(), c.relationshipsCreated(), c.relationshipsDeleted(),
                c.propertiesSet(), c.labelsAdded(), c.labelsRemoved());
    }
}
