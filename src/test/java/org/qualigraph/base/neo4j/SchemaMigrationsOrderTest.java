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
}
