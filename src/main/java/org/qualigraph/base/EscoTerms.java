package org.qualigraph.base;

import java.util.Locale;

/**
 * ESCO's own codes for a skill's type ("skill/competence", "knowledge") and reuse level ("cross-sector",
 * "transversal", ...) in the reader's words, from the bundles ({@code esco.skillType.<code>},
 * {@code esco.reuseLevel.<code>}, the code with every character but letters turned into "-"). ESCO's CSV files give
 * these codes in English whatever the package's language, so they are vocabulary, not labels: a code the bundles do
 * not know (a later ESCO release) is shown as ESCO writes it. The same holds for the type of an occupation-skill
 * relation ({@code essential}, {@code optional}: {@code esco.relationType.<code>}).
 */
public final class EscoTerms {

    private EscoTerms() {
    }

    public static String skillType(String code, Locale locale) {
        return term("esco.skillType.", code, locale);
    }

    public static String reuseLevel(String code, Locale locale) {
        return term("esco.reuseLevel.", code, locale);
    }

    /** "essential" or "optional", the relation of a skill to an occupation or an occupational profile. */
    public static String relationType(String code, Locale locale) {
        return term("esco.relationType.", code, locale);
    }

    private static String term(String prefix, String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String key = prefix + code.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-");
        String text = Message.text(key, locale == null ? Locale.ENGLISH : locale);
        return text.equals(key) ? code : text;
    }
}
