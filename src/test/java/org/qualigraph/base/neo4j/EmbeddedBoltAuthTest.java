package org.qualigraph.base.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.qualigraph.base.QualigraphProperties;

/**
 * The embedded database as it ships: Bolt refuses anonymous and wrong logins, accepts user neo4j with the generated or
 * configured password, keeps the generated one owner-only, and upgrades a store made by a version without auth.
 */
class EmbeddedBoltAuthTest {

    @TempDir
    Path dataDir;

    private final EmbeddedNeo4jConfiguration configuration = new EmbeddedNeo4jConfiguration();

    @Test
    void aGeneratedPasswordIsOwnerOnlyAndTheOnlyWayIn() throws Exception {
        var embedded = configuration.start(properties(""));
        try {
            Path file = dataDir.resolve("bolt.password");
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            String password = Files.readString(file).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(24).isEqualTo(embedded.password());

            assertThat(writeProbe(embedded.boltPort(), AuthTokens.basic("neo4j", password))).as("probes in the store").isEqualTo(1);
            assertRefused(embedded.boltPort(), AuthTokens.none());
            assertRefused(embedded.boltPort(), AuthTokens.basic("neo4j", "neo4j"));
            assertRefused(embedded.boltPort(), AuthTokens.basic("neo4j", password + "x"));
        } finally {
            embedded.shutdown();
        }
        var again = configuration.start(properties(""));
        try {
            assertThat(again.password()).isEqualTo(Files.readString(dataDir.resolve("bolt.password")).strip());
            assertThat(writeProbe(again.boltPort(), AuthTokens.basic("neo4j", again.password())))
                    .as("the probe written before the restart is still there: the same store").isEqualTo(2);
        } finally {
            again.shutdown();
        }
    }

    @Test
    void aConfiguredPasswordWinsAndNoFileIsWritten() throws Exception {
        var embedded = configuration.start(properties("configured-secret-1"));
        try {
            assertThat(writeProbe(embedded.boltPort(), AuthTokens.basic("neo4j", "configured-secret-1"))).isEqualTo(1);
            assertRefused(embedded.boltPort(), AuthTokens.none());
            assertThat(dataDir.resolve("bolt.password")).doesNotExist();
        } finally {
            embedded.shutdown();
        }
    }

    @Test
    void aStoreMadeWithoutAuthIsUpgradedOnStart() throws Exception {
        var old = new DatabaseManagementServiceBuilder(dataDir.toAbsolutePath())
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 8L * 1024 * 1024).build();
        old.database("neo4j").executeTransactionally("CREATE (:Qualification {id: 'written-before-auth'})");
        old.shutdown();

        var embedded = configuration.start(properties(""));
        try {
            assertRefused(embedded.boltPort(), AuthTokens.none());
            try (var driver = GraphDatabase.driver("bolt://127.0.0.1:" + embedded.boltPort(),
                    AuthTokens.basic("neo4j", embedded.password()), Config.builder().withoutEncryption().build());
                 var session = driver.session()) {
                assertThat(session.run("MATCH (q:Qualification {id: 'written-before-auth'}) RETURN count(q) AS n")
                        .single().get("n").asLong()).isEqualTo(1);
            }
        } finally {
            embedded.shutdown();
        }
    }

    @Test
    void aTooShortConfiguredPasswordIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> configuration.start(properties("short")))
                .hasMessageContaining("qualigraph.embedded.bolt-password");
    }

    private QualigraphProperties properties(String boltPassword) {
        return new QualigraphProperties(dataDir, false, Path.of("graph-seed"),
                new QualigraphProperties.Embedded(0, "16m", boltPassword, 10), new QualigraphProperties.Elm(""));
    }

    private static long count(int port, AuthToken auth) {
        try (var driver = GraphDatabase.driver("bolt://127.0.0.1:" + port, auth, Config.builder().withoutEncryption().build());
             var session = driver.session()) {
            return session.run("MATCH (n) RETURN count(n) AS n", Map.of()).single().get("n").asLong();
        }
    }

    /** Logs in, writes one probe node and answers how many probes the store now holds. */
    private static long writeProbe(int port, AuthToken auth) {
        try (var driver = GraphDatabase.driver("bolt://127.0.0.1:" + port, auth, Config.builder().withoutEncryption().build());
             var session = driver.session()) {
            return session.executeWrite(tx -> tx.run("CREATE (:BoltAuthProbe) WITH 1 AS one MATCH (p:BoltAuthProbe) RETURN count(p) AS n")
                    .single().get("n").asLong());
        }
    }

    private static void assertRefused(int port, AuthToken auth) {
        assertThatThrownBy(() -> count(port, auth)).isInstanceOf(AuthenticationException.class);
    }
}
