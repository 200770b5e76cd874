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
     * @param vectorMergeFactor how many segments of one size the vector indexes gather before Lucene merges them into
     *                        one; every segment is searched on its own, so fewer segments make a nearest-neighbour
     *                        query cheaper, at the cost of more merging while vectors are written. Neo4j's own default
     *                        (its internal setting {@code internal.dbms.index.vector.standard_merge_factor}) is 50
     */
    public record Embedded(@DefaultValue("0") int boltPort, @DefaultValue("256m") String pageCacheMemory,
                           @DefaultValue("") String boltPassword,
                           @DefaultValue(Embedded.VECTOR_MERGE_FACTOR) int vectorMergeFactor) {

        /** The default of {@code vectorMergeFactor}; the tests' database uses it too. */
        public static final String VECTOR_MERGE_FACTOR = "10";

        public Embedded {
            if (vectorMergeFactor < 2) {
                throw new IllegalArgumentException("qualigraph.embedded.vector-merge-factor must be at least 2, got "
                        + vectorMergeFactor);
            }
        }

        @Override
        public String toString() {
            return "Embedded[boltPort=" + boltPort + ", pageCacheMemory=" + pageCacheMemory + ", boltPassword="
                    + (boltPassword == null || boltPassword.isEmpty() ? "(generated)" : "(set)")
                    + ", vectorMergeFactor=" + vectorMergeFactor + "]";
        }
    }

    /** @param schemaDir a folder laid out like the official ELM release ({@code loq/loq.xsd}, {@code shacl/...}) */
    public record Elm(@DefaultValue("") String schemaDir) {
    }
}
