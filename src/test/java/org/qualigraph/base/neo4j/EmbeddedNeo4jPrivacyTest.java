package org.qualigraph.base.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualigraph.base.QualigraphProperties;

/**
 * The embedded database as it ships sends nothing to Neo4j: usage reporting ({@code dbms.usage_report.enabled}, on by
 * default in Community) is off on the running database. That the reporting module is not in the jar at all is checked
 * on the packaged jar ({@code PackagedAppIT}); the test class path still has it, through neo4j-harness.
 */
class EmbeddedNeo4jPrivacyTest {

    @TempDir
    Path dataDir;

    @Test
    void usageReportingIsOffOnTheRunningDatabase() throws Exception {
        var embedded = new EmbeddedNeo4jConfiguration().start(new QualigraphProperties(dataDir, false, null,
                new QualigraphProperties.Embedded(0, "16m", "privacy-test-1", 10), new QualigraphProperties.Elm("")));
        try {
            Map<String, String> settings = new LinkedHashMap<>();
            embedded.service().database("system").executeTransactionally(
                    "CALL dbms.listConfig('dbms.usage_report') YIELD name, value RETURN name, value", Map.of(),
                    result -> {
                        result.forEachRemaining(row -> settings.put((String) row.get("name"), (String) row.get("value")));
                        return null;
                    });
            assertThat(settings).containsEntry("dbms.usage_report.enabled", "false");
        } finally {
            embedded.shutdown();
        }
    }
}
