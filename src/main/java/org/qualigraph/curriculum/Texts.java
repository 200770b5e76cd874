package org.qualigraph.curriculum;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers for multilingual text maps and null-safe lists in the document records. */
public final class Texts {

    private Texts() {
    }

    /** An unmodifiable copy that keeps the language order; null becomes empty. Null values are kept out. */
    static Map<String, String> copy(Map<String, String> text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        var copy = new LinkedHashMap<String, String>();
        text.forEach((language, value) -> {
            if (language != null && value != null) {
                copy.put(language, value);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    static <T> List<T> list(List<T> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        return Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** The English text, else the first language's, else an empty string. */
    public static String display(Map<String, String> text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String english = text.get("en");
        return english != null ? english : text.values().iterator().next();
    }

    /** The text in the preferred language, else English, else any. */
    public static String in(Map<String, String> text, String language) {
        if (text != null && language != null && text.containsKey(language)) {
            return text.get(language);
        }
        return display(text);
    }
}
