package org.qualigraph.base;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The application's own settings ({@code qualigraph.*}); the names are part of the public contract.
 *
 * @param dataDir   where the embedded Neo4j store lives
 * @param demo      load the demo curriculum into an empty database on first start
 * @param seedDir   a folder to read the demo curriculum documents from instead of the ones packaged in the jar;
 *                  unset (null) uses the packaged ones
 * @param embedded  tuning of the embedded database
 * @param elm       location of the official ELM/LOQ schemas for pre-flight validation
 */
@ConfigurationProperties(prefix = "qualigraph")
public record QualigraphProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("true") boolean demo,
        Path seedDir,
        @DefaultValue Embedded embedded,
        @DefaultValue Elm elm) {

    /**
     * @param boltPort        loopback port of the embedded Bolt connector; 0 picks a free one
     * @param pageCacheMemory page cache size of the embedded store
     * @param boltPassword    password of the Bolt user {@code neo4j}; when empty, the one generated at first start into
     *                        {@code <data-dir>/bolt.password} (owner-only)
     */
    public record Embedded(@DefaultValue("0") int boltPort, @DefaultValue("256m") String pageCacheMemory,
                           @DefaultValue("") String boltPassword) {

        @Override
        public String toString() {
            return "Embedded[boltPort=" + boltPort + ", pageCacheMemory=" + pageCacheMemory + ", boltPassword="
                    + (boltPassword == null || boltPassword.isEmpty() ? "(generated)" : "(set)") + "]";
        }
    }

    /** @param schemaDir a folder laid out like the official ELM release ({@code loq/loq.xsd}, {@code shacl/...}) */
    public record Elm(@DefaultValue("") String schemaDir) {
    }
}
