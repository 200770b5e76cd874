package org.qualigraph.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.kernel.api.impl.index.LuceneSettings;
import org.qualigraph.base.QualigraphProperties;
import org.qualigraph.base.graph.Graph;
import org.qualigraph.base.neo4j.ProvidedDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every test that needs the application and a database: one in-process Neo4j (neo4j-harness) per test JVM
 * and one Spring context shared by all subclasses. Keep subclasses free of extra context configuration
 * (properties, mocks, profiles): each variation starts another context and costs seconds.
 * <p>
 * The lock order of writes is checked strictly ({@code qualigraph.write-locks.check}): a write path that locks out of
 * order fails its test.
 * <p>
 * Reports are not computed ahead in the background ({@code qualigraph.quality-reports.background}): each test sees
 * only the reports its requests compute.
 * <p>
 * Before each test the curriculum graph (qualifications and everything below them, reviews, comments, evidence, stored
 * quality reports, whose qualification ids a later test may use again) is cleared; users and ESCO reference data stay.
 */
@SpringBootTest(properties = {"qualigraph.demo=false", "QUALIGRAPH_ADMIN_PASSWORD=" + TestUsers.ADMIN_PASSWORD,
        "qualigraph.embeddings.automatic=false", "qualigraph.write-locks.check=true",
        "qualigraph.quality-reports.background=false"})
@AutoConfigureMockMvc
@Import(IntegrationTest.HarnessDatabase.class)
public abstract class IntegrationTest {

    /** The test database, with the vector index merging of the shipped embedded database. */
    private static final Neo4j NEO4J = Neo4jBuilders.newInProcessBuilder().withDisabledServer()
            .withConfig(LuceneSettings.vector_standard_merge_factor,
                    Integer.valueOf(QualigraphProperties.Embedded.VECTOR_MERGE_FACTOR))
            .build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(NEO4J::close, "neo4j-harness-shutdown"));
    }

    @DynamicPropertySource
    static void neo4j(DynamicPropertyRegistry registry) {
        // the application adopts the harness database in-process (HarnessDatabase): stores use the embedded adapter
        registry.add("spring.neo4j.uri", () -> "embedded");
        registry.add("qualigraph.data-dir", () -> tempDir().toString());
        registry.add("qualigraph.elm.schema-dir", () -> SharedData.elmDir().map(Path::toString).orElse(""));
    }

    @Autowired
    protected Graph graph;

    @Autowired
    protected TestUsers users;

    @BeforeEach
    protected void clearCurricula() {
        graph.query("""
                MATCH (n) WHERE n:Qualification OR n:Unit OR n:LearningOutcome OR n:WorkBasedLearning OR n:Assessment
                   OR n:Comment OR n:Review OR n:Evidence OR n:Revision OR n:AuditEntry OR n:OccupationalProfile
                   OR n:QualityReportSnapshot OR n:__Demo
                DETACH DELETE n
                """).run();
        users.ensure();
    }

    /** The harness database itself, for tests that watch transactions (e.g. a {@code TransactionEventListener}). */
    protected static Neo4j harness() {
        return NEO4J;
    }

    /** The harness database, given to the application in-process instead of one it would start itself. */
    @TestConfiguration(proxyBeanMethods = false)
    static class HarnessDatabase {

        @Bean
        ProvidedDatabase harnessDatabase() {
            return new ProvidedDatabase(NEO4J.databaseManagementService(), NEO4J.boltURI().getPort());
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("qualigraph-test");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
