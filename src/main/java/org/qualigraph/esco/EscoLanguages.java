package org.qualigraph.esco;

import java.util.List;
import java.util.Locale;
import org.qualigraph.base.BadInputException;

/**
 * The languages ESCO concepts can be searched and shown in besides English: each has its own full-text indexes
 * ({@code V046__esco_languages.cypher}) and its own node properties ({@code label_de}, {@code altLabels_de},
 * {@code searchText_de}, {@code description_de}), filled by importing that language's classification package.
 * The property names are built only from these codes, never from user input.
 */
public final class EscoLanguages {

    /** Languages whose packages can be imported, besides English (the release's own language). */
    public static final List<String> ADDITIONAL = List.of("de", "fr", "it", "es", "pl", "nl", "pt");

    private EscoLanguages() {
    }

    /** {@code en} or one of {@link #ADDITIONAL}, or null for null/blank; anything else is refused naming {@code field}. */
    static String check(String language, String field) {
        if (language == null || language.isBlank()) {
            return null;
        }
        String code = language.strip().toLowerCase(Locale.ROOT);
        if (!code.equals("en") && !ADDITIONAL.contains(code)) {
            throw new BadInputException(java.util.List.of(org.qualigraph.base.FieldProblem.of(field, "problem.esco.language",
                    abbreviate(language), String.join(", ", ADDITIONAL))));
        }
        return code;
    }

    /** The language of a UI or document locale when ESCO can be shown in it, else null (English). */
    static String of(String language) {
        if (language == null) {
            return null;
        }
        String code = language.toLowerCase(Locale.ROOT);
        return ADDITIONAL.contains(code) ? code : null;
    }

    static String labelKey(String language) {
        return "label_" + language;
    }

    static String altLabelsKey(String language) {
        return "altLabels_" + language;
    }

    static String searchTextKey(String language) {
        return "searchText_" + language;
    }

    static String descriptionKey(String language) {
        return "description_" + language;
    }

    static String skillIndex(String language) {
        return "esco_skill_search_" + language;
    }

    static String occupationIndex(String language) {
        return "esco_occupation_search_" + language;
    }

    private static String abbreviate(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "..." : value;
    }
}
