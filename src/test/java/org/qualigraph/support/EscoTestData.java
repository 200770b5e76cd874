package org.qualigraph.support;

import java.nio.file.Path;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.qualigraph.esco.EscoService;
import org.springframework.context.ApplicationContext;

/**
 * Loads the official ESCO v1.1.1 packages into the shared test database once per JVM, so that every test class that
 * needs ESCO (search, coverage, gap, quality rules) can call {@link #ensureLoaded} without paying for a second import.
 * Skips the calling test (via {@link SharedData#requireEsco()}) when the packages are absent.
 */
public final class EscoTestData {

    public static final String VERSION = "v1.1.1";
    private static Map<String, Object> firstImport;

    private EscoTestData() {
    }

    public static Path classificationZip() {
        return SharedData.requireEsco().resolve("esco-v1.1.1-classification-en-csv.zip");
    }

    public static Path relationsZip() {
        return SharedData.requireEsco().resolve("esco-v1.1.1-relations-csv.zip");
    }

    public static Map<String, Object> ensureLoaded(ApplicationContext context) {
        return ensureLoaded(context.getBean(EscoService.class));
    }

    /** Imports the full packages unless this JVM already did; returns the counts of that first import. */
    public static synchronized Map<String, Object> ensureLoaded(EscoService esco) {
        Path classification = classificationZip();
        Path relations = relationsZip();
        if (firstImport == null) {
            firstImport = esco.importNow(new EscoService.PackageFile(classification, classification.getFileName().toString()),
                    new EscoService.PackageFile(relations, relations.getFileName().toString()), VERSION, done -> { });
        }
        return firstImport;
    }

    /**
     * Removes every ESCO node (for tests that import their own fixtures) and forgets the full import, so that the
     * next {@link #ensureLoaded} imports it again.
     */
    public static synchronized void clear(Driver driver) {
        firstImport = null;
        try (var session = driver.session()) {
            session.run("""
                    MATCH (n) WHERE n:EscoSkill OR n:EscoOccupation OR n:IscoGroup OR n:EscoRelease OR n:EscoLanguage
                    CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
                    """).consume();
        }
    }

    /**
     * A digest of every ESCO node (labels, all properties) and every relationship leaving one (type, target,
     * properties), independent of storage order: equal digests mean the ESCO graph did not change. With
     * {@code withRelease} false the release record (whose {@code importedAt} every import renews) is left out.
     */
    public static String snapshot(Driver driver, boolean withRelease) {
        var lines = new java.util.ArrayList<String>();
        try (var session = driver.session()) {
            session.run("""
                    MATCH (n) WHERE n:EscoSkill OR n:EscoOccupation OR n:IscoGroup OR (n:EscoRelease AND $withRelease)
                    OPTIONAL MATCH (n)-[r]->(m)
                    RETURN labels(n) AS labels, properties(n) AS props, type(r) AS type, m.uri AS target, properties(r) AS relProps
                    """, Map.of("withRelease", withRelease)).forEachRemaining(r -> lines.add(new java.util.TreeSet<>(r.get("labels").asList(v -> v.asString()))
                    + sorted(r.get("props").asMap()) + "|" + r.get("type").asString(null) + "|" + r.get("target").asString(null)
                    + "|" + (r.get("relProps").isNull() ? "" : sorted(r.get("relProps").asMap()))));
        }
        java.util.Collections.sort(lines);
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            lines.forEach(line -> digest.update((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return lines.size() + ":" + java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sorted(Map<String, Object> map) {
        return new java.util.TreeMap<>(map).toString();
    }

    /** Whether the full packages were imported in this JVM already. */
    public static synchronized boolean loaded() {
        return firstImport != null;
    }
}
