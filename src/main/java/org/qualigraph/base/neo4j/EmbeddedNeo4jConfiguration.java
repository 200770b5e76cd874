package org.qualigraph.base.neo4j;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.impl.index.LuceneSettings;
import org.qualigraph.base.QualigraphProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts Neo4j Community in-process when no {@code spring.neo4j.uri} is configured, so that a fresh clone runs with one
 * command. The application reaches it in-process through the graph port's embedded adapter
 * ({@code org.qualigraph.base.graph.EmbeddedGraph}, the database's own transaction API, no Bolt); pointing the URI at
 * a server or cluster switches the stores to the driver adapter and changes nothing else. The Bolt connector stays on
 * loopback for other instances and tools (and the driver bean for the health check); Bolt requires user {@code neo4j} and its password (see {@link BoltPassword}), so other
 * instances of the application can share this database while anonymous local processes cannot. The driver bean depends on the database bean, so Spring closes the driver first and
 * then shuts the store down cleanly. Usage reporting to Neo4j is switched off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.neo4j", name = "uri", havingValue = "embedded", matchIfMissing = true)
class EmbeddedNeo4jConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

    /**
     * The database: one provided in-process (the tests), else the one {@link EmbeddedNeo4jEarlyStart} began starting
     * while Spring built everything before this bean, else one started here.
     */
    @Bean(destroyMethod = "shutdown")
    EmbeddedNeo4j embeddedNeo4j(QualigraphProperties properties, ObjectProvider<ProvidedDatabase> provided,
                                ObjectProvider<EmbeddedNeo4jEarlyStart.Starting> early) throws Exception {
        ProvidedDatabase given = provided.getIfAvailable();
        EmbeddedNeo4jEarlyStart.Starting starting = early.getIfAvailable();
        if (given != null) {
            if (starting != null) {
                starting.destroy();
            }
            log.info("Using the database provided in-process (Bolt on 127.0.0.1:{})", given.boltPort());
            return new EmbeddedNeo4j(given.service(), given.boltPort(), "unused", false);
        }
        if (starting != null) {
            EmbeddedNeo4j started = starting.take(properties);
            if (started != null) {
                return started;
            }
        }
        return start(properties);
    }

    /** Starts the database in the data directory. */
    EmbeddedNeo4j start(QualigraphProperties properties) throws IOException {
        var dataDir = properties.dataDir().toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        int port = properties.embedded().boltPort() > 0 ? properties.embedded().boltPort() : freePort();
        String password = BoltPassword.resolve(properties.embedded().boltPassword(), dataDir);
        long started = System.nanoTime();
        boolean initial = BoltPassword.initialFor(dataDir, password);
        var service = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(properties.embedded().pageCacheMemory()))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.strict_config_validation, false)
                // no usage report to Neo4j (dbms.usage_report.enabled, on by default): a public-sector tool does not
                // phone home. The reporting module (neo4j-udc) is also left out of the jar (pom.xml).
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // the vector indexes merge their segments sooner than Neo4j's default of 50: the embedding job writes
                // its vectors in hundreds of small transactions, and a nearest-neighbour query searches each segment
                .setConfig(LuceneSettings.vector_standard_merge_factor, properties.embedded().vectorMergeFactor())
                .build();
        try {
            if (!initial) {
                BoltPassword.apply(service, password);
            }
        } catch (RuntimeException e) {
            service.shutdown();
            throw e;
        }
        log.info("Embedded Neo4j started in {} ms, store {}, Bolt on 127.0.0.1:{} (user '{}', password {})",
                Duration.ofNanos(System.nanoTime() - started).toMillis(), dataDir, port, BoltPassword.USER,
                properties.embedded().boltPassword().isEmpty() ? "in " + dataDir.resolve(BoltPassword.FILE)
                        : "from qualigraph.embedded.bolt-password");
        return new EmbeddedNeo4j(service, port, password, true);
    }

    /** The default database, for the graph port's embedded adapter and its transaction manager. */
    @Bean
    GraphDatabaseService graphDatabaseService(EmbeddedNeo4j embeddedNeo4j) {
        return embeddedNeo4j.service().database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    @Bean(destroyMethod = "close")
    Driver neo4jDriver(EmbeddedNeo4j embeddedNeo4j) {
        int port = embeddedNeo4j.boltPort();
        var config = Config.builder().withoutEncryption().withMaxConnectionPoolSize(100)
                .withConnectionAcquisitionTimeout(30, java.util.concurrent.TimeUnit.SECONDS).build();
        var driver = GraphDatabase.driver("bolt://127.0.0.1:" + port,
                AuthTokens.basic(BoltPassword.USER, embeddedNeo4j.password()), config);
        driver.verifyConnectivity();
        return driver;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
