package org.qualigraph.base;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A refused request as a screen shows it, in its user's language: a 409 with its words ({@link ConflictException}),
 * a 404 with its words ({@link NotFoundException}), a 403 that says why ({@link AccessRefusal}) and bad input (each problem after its place, "Zeile 3, Spalte unit_eqf:
 * …"). A refusal a service still writes in English only is shown as the service wrote it.
 */
public final class Refusals {

    private Refusals() {
    }

    public static String inWords(RuntimeException refusal, Locale locale) {
        if (refusal instanceof ConflictException conflict) {
            return conflict.message(locale);
        }
        if (refusal instanceof NotFoundException missing) {
            return missing.message(locale);
        }
        if (refusal instanceof AccessRefusal access) {
            return access.message(locale);
        }
        if (refusal instanceof BadInputException bad && !bad.problems().isEmpty()) {
            return bad.problems().stream().map(p -> p.message(locale)).collect(Collectors.joining("; "));
        }
        return refusal.getMessage();
    }
}
