package org.qualigraph.quality.ui;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qualigraph.esco.EscoCatalog;

/**
 * Replaces ESCO concept URIs in free text (audit entries, diff lines) with their labels, so readers see "install heat
 * pumps" rather than a URI. URIs the loaded ESCO release does not know, or all of them when none is loaded, stay.
 */
final class EscoLabels {

    private static final Pattern URI = Pattern.compile("https?://[^\\s\"()]+/esco/(skill|occupation)/[A-Za-z0-9-]+");

    private EscoLabels() {
    }

    /** The texts with every known ESCO URI replaced by its English label in quotes. */
    static List<String> label(EscoCatalog catalog, List<String> texts) {
        return label(catalog, texts, null);
    }

    /**
     * The texts with every known ESCO URI replaced by its label in quotes, in {@code language} where that language's
     * ESCO package was imported, else in English (the catalogue's language-aware look-up).
     */
    static List<String> label(EscoCatalog catalog, List<String> texts, String language) {
        if (catalog == null || texts.isEmpty()) {
            return texts;
        }
        var skills = new LinkedHashSet<String>();
        var occupations = new LinkedHashSet<String>();
        for (String text : texts) {
            Matcher m = URI.matcher(text == null ? "" : text);
            while (m.find()) {
                ("skill".equals(m.group(1)) ? skills : occupations).add(m.group());
            }
        }
        if (skills.isEmpty() && occupations.isEmpty()) {
            return texts;
        }
        var labels = new HashMap<String, String>();
        if (!skills.isEmpty()) {
            catalog.skills(skills, language).forEach((uri, skill) -> labels.put(uri, skill.label()));
        }
        if (!occupations.isEmpty()) {
            catalog.occupations(occupations, language).forEach((uri, occupation) -> labels.put(uri, occupation.label()));
        }
        return texts.stream().map(text -> replace(text, labels)).toList();
    }

    private static String replace(String text, Map<String, String> labels) {
        if (text == null) {
            return null;
        }
        return URI.matcher(text).replaceAll(m -> {
            String label = labels.get(m.group());
            return Matcher.quoteReplacement(label == null || label.isBlank() ? m.group() : "\"" + label + "\"");
        });
    }
}
