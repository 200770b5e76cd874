package org.qualigraph.support;

import java.nio.file.Path;
import java.util.Map;
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

    /** Whether the full packages were imported in this JVM already. */
    public static synchronized boolean loaded() {
        return firstImport != null;
    }
}
