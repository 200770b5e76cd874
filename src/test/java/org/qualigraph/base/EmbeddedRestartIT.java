package org.qualigraph.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualigraph.QualigraphApplication;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.support.Documents;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The default set-up: the embedded database, started in-process. What was written survives a clean stop and a start
 * on the same data directory, the schema migrations are not applied twice, and the admin account stays as created.
 */
class EmbeddedRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesStopAndStartOnTheSameDataDirectory() {
        String id;
        try (var context = start()) {
            var service = context.getBean(QualificationService.class);
            id = service.create(Documents.generated("Survives restarts", 3, 3), "designer").id();
            assertThat(migrations(context)).isPositive();
        }
        assertThat(Files.isDirectory(dataDir.resolve("data/databases/neo4j"))).isTrue();
        try (var context = start()) {
            var service = context.getBean(QualificationService.class);
            var stored = service.get(id);
            assertThat(stored.title()).isEqualTo(Map.of("en", "Survives restarts"));
            assertThat(stored.units()).hasSize(3).allSatisfy(u -> assertThat(u.outcomes()).hasSize(3));
            assertThat(context.getBean(SchemaMigrationsProbe.class).applyAgain()).isZero();
        }
    }

    private long migrations(ConfigurableApplicationContext context) {
        return context.getBean(org.qualigraph.base.graph.Graph.class)
                .query("MATCH (m:__Migration) RETURN count(m)").fetchAs(Long.class).one().orElse(0L);
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(QualigraphApplication.class, SchemaMigrationsProbe.class)
                .run("--server.port=0", "--qualigraph.data-dir=" + dataDir, "--qualigraph.demo=false",
                        "--QUALIGRAPH_ADMIN_PASSWORD=restart-test-1", "--vaadin.productionMode=false");
    }

    /** Gives the test access to the migration runner to show a second run applies nothing. */
    static class SchemaMigrationsProbe {
        private final org.qualigraph.base.neo4j.SchemaMigrations migrations;

        SchemaMigrationsProbe(org.qualigraph.base.neo4j.SchemaMigrations migrations) {
            this.migrations = migrations;
        }

        int applyAgain() {
            return migrations.apply();
        }
    }
}
