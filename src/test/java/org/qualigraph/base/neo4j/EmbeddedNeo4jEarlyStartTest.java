package org.qualigraph.base.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.qualigraph.base.QualigraphProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The database started from {@code main} before Spring builds its beans: it runs with the application's settings,
 * the database bean takes it, it is shut down if nothing takes it, and nothing starts when the URI names a server.
 */
class EmbeddedNeo4jEarlyStartTest {

    @TempDir
    Path dataDir;

    @Test
    void startsWithTheApplicationsSettingsAndIsTakenOrShutDown() throws Exception {
        var context = context(Map.of("qualigraph.data-dir", dataDir.toString(), "qualigraph.embedded.page-cache-memory", "16m",
                "qualigraph.embedded.bolt-password", "early-start-secret"));
        new EmbeddedNeo4jEarlyStart().initialize(context);
        var starting = context.getBeanFactory().getBeanProvider(EmbeddedNeo4jEarlyStart.Starting.class);
        context.refresh();
        try {
            var properties = Binder.get(context.getEnvironment()).bindOrCreate("qualigraph", QualigraphProperties.class);
            assertThat(properties.embedded().boltPassword()).isEqualTo("early-start-secret");

            EmbeddedNeo4j database = starting.getObject().take(properties);
            assertThat(database).as("started with the settings the bean is given").isNotNull();
            try {
                database.service().database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
                        .executeTransactionally("CREATE (:EarlyStartProbe)");
                assertThat(database.password()).isEqualTo("early-start-secret");
            } finally {
                database.shutdown();
            }
        } finally {
            context.close();
        }
    }

    @Test
    void aStartNobodyTookIsShutDownWithTheContext() throws Exception {
        var context = context(Map.of("qualigraph.data-dir", dataDir.toString(), "qualigraph.embedded.page-cache-memory", "16m"));
        new EmbeddedNeo4jEarlyStart().initialize(context);
        context.refresh();
        context.close();

        // the store is free again: a second database on it starts (a running one would hold its lock)
        var again = new EmbeddedNeo4jConfiguration().start(new QualigraphProperties(dataDir, false, null,
                new QualigraphProperties.Embedded(0, "16m", "", 10), new QualigraphProperties.Elm("")));
        again.shutdown();
    }

    @Test
    void otherSettingsThanTheBeansStartAgain() throws Exception {
        var context = context(Map.of("qualigraph.data-dir", dataDir.toString(), "qualigraph.embedded.page-cache-memory", "16m"));
        new EmbeddedNeo4jEarlyStart().initialize(context);
        context.refresh();
        try {
            var other = new QualigraphProperties(dataDir.resolve("other"), false, null,
                    new QualigraphProperties.Embedded(0, "16m", "", 10), new QualigraphProperties.Elm(""));
            assertThat(context.getBean(EmbeddedNeo4jEarlyStart.Starting.class).take(other)).isNull();
        } finally {
            context.close();
        }
    }

    @Test
    void nothingStartsWhenTheUriNamesAServer() {
        var context = context(Map.of("spring.neo4j.uri", "bolt://db.example:7687", "qualigraph.data-dir", dataDir.toString()));
        new EmbeddedNeo4jEarlyStart().initialize(context);
        context.refresh();
        try {
            assertThat(context.getBeanNamesForType(EmbeddedNeo4jEarlyStart.Starting.class)).isEmpty();
        } finally {
            context.close();
        }
    }

    private static GenericApplicationContext context(Map<String, Object> properties) {
        var context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        return context;
    }
}
