package org.qualigraph.base;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One problem with a request, naming the field (a JSON path such as {@code units[2].code}) or the line it is about.
 * {@code message} is English, as the API's 4xx answers give it; {@code text}, where the check has one, is the same
 * sentence as bundle key and values ({@code problem.*}), which a screen shows in its user's language.
 */
public record FieldProblem(String field, String message, @JsonIgnore Message text) {

    /** A place in an uploaded file as the importers name it: "line 3" or "line 3, column unit_eqf". */
    private static final Pattern PLACE = Pattern.compile("line (\\d{1,9})(?:, column (.+))?");

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

    /**
     * The field in this language where it is a place in an uploaded file ("line 3, column unit_eqf" reads "Zeile 3,
     * Spalte unit_eqf"); a JSON path or form field as it is (screens name those with their own labels).
     */
    public String field(Locale locale) {
        if (field == null) {
            return "";
        }
        var place = PLACE.matcher(field);
        if (!place.matches()) {
            return field;
        }
        int line = Integer.parseInt(place.group(1));
        return place.group(2) == null ? Message.of("problem.at.line", line).in(locale)
                : Message.of("problem.at.lineColumn", line, place.group(2)).in(locale);
    }

    /** "place: problem" in this language, or the problem alone when it names no field. */
    public String inWords(Locale locale) {
        String where = field(locale);
        return where.isEmpty() ? message(locale) : where + ": " + message(locale);
    }
}
