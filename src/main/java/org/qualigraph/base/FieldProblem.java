package org.qualigraph.base;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Locale;

/**
 * One problem with a request, naming the field (a JSON path such as {@code units[2].code}) or the line it is about.
 * {@code message} is English, as the API's 4xx answers give it; {@code text}, where the check has one, is the same
 * sentence as bundle key and values ({@code problem.*}), which a screen shows in its user's language.
 */
public record FieldProblem(String field, String message, @JsonIgnore Message text) {

    public FieldProblem(String field, String message) {
        this(field, message, null);
    }

    /** A problem whose message is a sentence of the bundles; the API gets it in English. */
    public static FieldProblem of(String field, String key, Object... args) {
        var text = Message.of(key, args);
        return new FieldProblem(field, text.english(), text);
    }

    /** The message in this language; the English message where the check has no bundle sentence. */
    public String message(Locale locale) {
        return text == null ? message : text.in(locale);
    }
}
