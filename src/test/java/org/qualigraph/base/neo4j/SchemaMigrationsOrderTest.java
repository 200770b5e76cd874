package org.qualigraph.base.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaMigrationsOrderTest {

    private static SchemaMigrations.Migration file(int version, String name) {
        return new SchemaMigrations.Migration(version, name, List.of("RETURN 1"), name);
    }

    @Test
    void migrationsRunByVersionNumberNotByFileName() {
        var ordered = SchemaMigrations.inOrder(List.of(file(46, "esco_languages"), file(30, "skill_embeddings"),
                file(1, "curriculum_constraints")));

        assertThat(ordered).extracting(SchemaMigrations.Migration::version).containsExactly(1, 30, 46);
    }

    @Test
    void twoFilesWithOneVersionAreRefusedNamingBoth() {
        assertThatThrownBy(() -> SchemaMigrations.inOrder(List.of(file(46, "esco_languages"), file(46, "unit_versions"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("V46").hasMessageContaining("esco_languages").hasMessageContaining("unit_versions");
    }

    @Test
    void consecutiveSchemaStatementsShareATransactionAndDataStatementsRunAloneInFileOrder() {
        var create = "CREATE CONSTRAINT a IF NOT EXISTS FOR (l:A) REQUIRE l.id IS UNIQUE";
        var fulltext = "CREATE FULLTEXT INDEX b IF NOT EXISTS FOR (n:B) ON EACH [n.label]\nOPTIONS {indexConfig: {}}";
        var delete = "MATCH (l:A) DELETE l";
        var drop = "DROP CONSTRAINT a IF EXISTS";
        var vector = "CREATE VECTOR INDEX c IF NOT EXISTS FOR (n:C) ON n.embedding";
        var merge = "MERGE (s:S {id: 'x'})";
        var transactions = SchemaMigrations.transactions(List.of(
                new SchemaMigrations.Migration(1, "one", List.of(create, fulltext), "1"),
                new SchemaMigrations.Migration(2, "two", List.of(delete, drop), "2"),
                new SchemaMigrations.Migration(3, "three", List.of(vector, merge), "3")));

        assertThat(transactions).containsExactly(List.of(create, fulltext), List.of(delete), List.of(drop, vector),
                List.of(merge));
    }
}
