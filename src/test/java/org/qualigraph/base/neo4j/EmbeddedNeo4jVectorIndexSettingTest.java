package org.qualigraph.base.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.kernel.api.impl.index.LuceneSettings;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.qualigraph.base.QualigraphProperties;

/**
 * The embedded database merges its vector indexes' segments at {@code qualigraph.embedded.vector-merge-factor}
 * (Neo4j's own default is 50, which left the skill index in about 40 segments after the embedding job, each searched on
 * its own by a suggestion's nearest-neighbour query).
 */
class EmbeddedNeo4jVectorIndexSettingTest {

    @TempDir
    Path dataDir;

    @Test
    void theRunningDatabaseTakesTheConfiguredMergeFactor() throws Exception {
        assertThat(mergeFactorOfARunningDatabase(Integer.parseInt(QualigraphProperties.Embedded.VECTOR_MERGE_FACTOR)))
                .isEqualTo(10);
        assertThat(mergeFactorOfARunningDatabase(4)).isEqualTo(4);
    }

    @Test
    void aFactorBelowTwoIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new QualigraphProperties.Embedded(0, "16m", "", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("qualigraph.embedded.vector-merge-factor");
    }

    private int mergeFactorOfARunningDatabase(int factor) throws Exception {
        var embedded = new EmbeddedNeo4jConfiguration().start(new QualigraphProperties(dataDir.resolve("f" + factor), false,
                null, new QualigraphProperties.Embedded(0, "16m", "vector-test-1", factor), new QualigraphProperties.Elm("")));
        try {
            var database = (GraphDatabaseAPI) embedded.service().database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            return database.getDependencyResolver().resolveDependency(Config.class)
                    .get(LuceneSettings.vector_standard_merge_factor);
        } finally {
            embedded.shutdown();
        }
    }
}
