package org.qualigraph.exchange;

import java.text.Normalizer;
import org.qualigraph.curriculum.Edition;
import org.qualigraph.curriculum.QualificationDocument;

/**
 * How exported files are named: a readable slug of the title, the edition users know ({@code r1}, {@code r2-draft};
 * never the save counter) and the extension.
 */
public final class ExportFiles {

    private ExportFiles() {
    }

    public static String fileName(QualificationDocument document, Edition edition, Exporter exporter) {
        return baseName(document, edition) + "." + exporter.extension();
    }

    /** The name without extension, e.g. {@code heat-pump-installer-r1}. */
    public static String baseName(QualificationDocument document, Edition edition) {
        return slug(document.displayTitle()) + "-" + edition.fileSuffix();
    }

    public static String slug(String title) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "qualification" : slug;
    }
}
