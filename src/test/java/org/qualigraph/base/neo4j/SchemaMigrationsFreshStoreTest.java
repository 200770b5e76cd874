package org.qualigraph.base.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.qualigraph.base.graph.EmbeddedGraph;
import org.qualigraph.base.graph.EmbeddedTransactionManager;

/**
 * A new store gets the schema of all migration files in one go, without Cypher (issue 21: a fresh start compiled 58
 * schema statements); it must be exactly the schema the versioned files give, with the same data and records, and a
 * store that holds anything keeps the versioned path.
 */
class SchemaMigrationsFreshStoreTest {

    @TempDir
    Path dirs;

    private final List<DatabaseManagementService> started = new java.util.ArrayList<>();

    @AfterEach
    void shutdown() {
        started.forEach(DatabaseManagementService::shutdown);
    }

    private GraphDatabaseService database(String name) {
        var service = new DatabaseManagementServiceBuilder(dirs.resolve(name))
                .setConfig(GraphDatabaseSettings.pagecache_memory, 8L * 1024 * 1024).build();
        started.add(service);
        return service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    private static EmbeddedGraph graph(GraphDatabaseService database) {
        return new EmbeddedGraph(database, new EmbeddedTransactionManager(database));
    }

    @Test
    void aNewStoreGetsTheSameSchemaDataAndRecordsAsTheVersionedFilesGive() {
        var versioned = database("versioned");
        var fresh = database("fresh");
        assertThat(FreshStoreSchema.plan(SchemaMigrations.migrations())).as("every statement of the files is understood")
                .isNotNull();

        int files = SchemaMigrations.migrations().size();
        assertThat(new SchemaMigrations(graph(versioned), (GraphDatabaseService) null).apply()).isEqualTo(files);
        assertThat(new SchemaMigrations(graph(fresh), fresh).apply()).isEqualTo(files);

        assertThat(indexes(fresh)).isNotEmpty().isEqualTo(indexes(versioned));
        assertThat(constraints(fresh)).isNotEmpty().isEqualTo(constraints(versioned));
        assertThat(nodes(fresh)).isEqualTo(nodes(versioned)).anySatisfy(node -> assertThat(node).contains("StatusStamp"));
        assertThat(new SchemaMigrations(graph(fresh), fresh).apply()).as("nothing left to apply").isZero();
    }

    @Test
    void aStoreThatHoldsDataTakesTheVersionedPath() {
        var database = database("used");
        database.executeTransactionally("CREATE (:Unit {id: 'u1'})");

        assertThat(FreshStoreSchema.applyIfEmpty(database, graph(database), SchemaMigrations.migrations())).isFalse();
        assertThat(indexes(database)).as("nothing created").allSatisfy(index -> assertThat(index).contains("LOOKUP"));

        new SchemaMigrations(graph(database), database).apply();
        Object version = database.executeTransactionally("MATCH (u:Unit) RETURN u.version AS v", Map.of(),
                result -> result.next().get("v"));
        assertThat(version).as("V047 ran on the existing unit").isEqualTo(0L);
    }

    @Test
    void aStatementOfAnUnknownFormDeclinesTheWholePlan() {
        var known = new SchemaMigrations.Migration(1, "known", List.of(
                "CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE",
                "MATCH (n:A) DELETE n", "MERGE (s:S {id: 'x'})", "MATCH (s:S) SET s.seen = true"), "1");
        var plan = FreshStoreSchema.plan(List.of(known));
        assertThat(plan.rules()).containsOnlyKeys("a");
        assertThat(plan.data()).as("a MATCH before any write finds nothing; after one it may")
                .containsExactly("MERGE (s:S {id: 'x'})", "MATCH (s:S) SET s.seen = true");

        var unknown = new SchemaMigrations.Migration(2, "unknown", List.of(
                "CREATE CONSTRAINT b IF NOT EXISTS FOR (n:B) REQUIRE (n.x, n.y) IS NODE KEY"), "2");
        assertThat(FreshStoreSchema.plan(List.of(known, unknown))).isNull();
    }

    @Test
    void aMatchThatCanStillMakeARowIsKept() {
        var counting = new SchemaMigrations.Migration(1, "counting", List.of(
                "MATCH (n:A) WITH count(n) AS c MERGE (s:S {id: 'x'}) SET s.count = c",
                "MATCH (n:A) DETACH DELETE n"), "1");
        assertThat(FreshStoreSchema.plan(List.of(counting)).data()).as("count() gives a row on an empty store")
                .containsExactly("MATCH (n:A) WITH count(n) AS c MERGE (s:S {id: 'x'}) SET s.count = c",
                        "MATCH (n:A) DETACH DELETE n");
    }

    @Test
    void aRuleTheSchemaApiRefusesFallsBackWithNothingWritten() {
        // Cypher's IF NOT EXISTS skips an index equivalent to one under another name; the schema API refuses it
        List<String> statements = List.of(
                "CREATE INDEX first IF NOT EXISTS FOR (n:A) ON (n.x)",
                "CREATE INDEX second IF NOT EXISTS FOR (n:A) ON (n.x)",
                "MERGE (s:S {id: 'x'})");
        var database = database("refused");

        assertThat(FreshStoreSchema.applyIfEmpty(database, graph(database),
                List.of(new SchemaMigrations.Migration(1, "twice", statements, "1")))).isFalse();
        assertThat(indexes(database)).as("nothing created").allSatisfy(index -> assertThat(index).contains("LOOKUP"));
        assertThat(nodes(database)).as("no data statement ran").isEmpty();

        statements.forEach(database::executeTransactionally);
        assertThat(indexes(database)).as("the versioned statements still apply").anySatisfy(
                index -> assertThat(index).contains("name=first")).noneSatisfy(index -> assertThat(index).contains("name=second"));
    }

    private static List<String> indexes(GraphDatabaseService database) {
        return rows(database, "SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, indexProvider, options "
                + "RETURN name, type, entityType, labelsOrTypes, properties, indexProvider, options ORDER BY name");
    }

    private static List<String> constraints(GraphDatabaseService database) {
        return rows(database, "SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties, ownedIndex "
                + "RETURN name, type, entityType, labelsOrTypes, properties, ownedIndex ORDER BY name");
    }

    private static List<String> nodes(GraphDatabaseService database) {
        return rows(database, "MATCH (n) RETURN labels(n) AS labels, "
                + "CASE WHEN n:__Migration THEN n {.version, .name, .checksum} ELSE properties(n) END AS properties")
                .stream().sorted().toList();
    }

    private static List<String> rows(GraphDatabaseService database, String cypher) {
        Function<org.neo4j.graphdb.Result, List<String>> read = result -> result.stream()
                .map(row -> new java.util.TreeMap<>(row).toString()).toList();
        return database.executeTransactionally(cypher, Map.of(), read::apply);
    }
}
