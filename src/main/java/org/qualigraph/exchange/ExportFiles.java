package org.qualigraph.exchange;

import java.text.Normalizer;
import org.qualigraph.curriculum.QualificationDocument;

/** How exported files are named: a readable slug of the title, the version and the extension. */
public final class ExportFiles {

    private ExportFiles() {
    }

    public static String fileName(QualificationDocument document, Exporter exporter) {
        return slug(document.displayTitle()) + "-v" + (document.version() == null ? 0 : document.version()) + "."
                + exporter.extension();
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
