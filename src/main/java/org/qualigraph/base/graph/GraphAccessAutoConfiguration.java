package org.qualigraph.base.graph;

import org.neo4j.graphdb.GraphDatabaseService;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.neo4j.Neo4jDataAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionManager;

/**
 * Chooses the adapter of the graph port. With the in-process database ({@code spring.neo4j.uri} unset or
 * {@code embedded}) the stores use {@link EmbeddedGraph} and {@code @Transactional} means an
 * {@link EmbeddedTransactionManager} transaction; {@code qualigraph.graph.access=driver} keeps the driver over
 * loopback Bolt instead (the behaviour before the port, for comparison). With a server or cluster URI only the driver
 * adapter exists, over Spring Data Neo4j's client and transaction manager.
 * <p>
 * An auto-configuration so that it sees the application's own beans (the embedded database) and comes before Spring
 * Data Neo4j's, whose transaction manager steps aside when this one exists.
 */
public final class GraphAccessAutoConfiguration {

    private GraphAccessAutoConfiguration() {
    }

    @AutoConfiguration(before = Neo4jDataAutoConfiguration.class)
    @ConditionalOnBean(GraphDatabaseService.class)
    @ConditionalOnProperty(name = "qualigraph.graph.access", havingValue = "embedded", matchIfMissing = true)
    public static class Embedded {

        @Bean(name = "transactionManager")
        EmbeddedTransactionManager transactionManager(GraphDatabaseService database) {
            return new EmbeddedTransactionManager(database);
        }

        @Bean
        Graph graph(GraphDatabaseService database, EmbeddedTransactionManager transactionManager) {
            return new EmbeddedGraph(database, transactionManager);
        }
    }

    @AutoConfiguration(after = {Neo4jDataAutoConfiguration.class, Embedded.class})
    @ConditionalOnMissingBean(Graph.class)
    public static class Driver {

        @Bean
        @ConditionalOnBean({Neo4jClient.class, TransactionManager.class})
        Graph graph(Neo4jClient client, PlatformTransactionManager transactionManager) {
            return new DriverGraph(client, transactionManager);
        }
    }
}
