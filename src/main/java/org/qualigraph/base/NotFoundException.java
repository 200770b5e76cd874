package org.qualigraph.base;

import java.util.Locale;

/**
 * The thing asked for does not exist; answered with 404. {@code text}, where given, is the same sentence as bundle key
 * and values for a screen in its user's language; the API answers the English {@code message}.
 */
public class NotFoundException extends RuntimeException {

    private final transient Message text;

    public NotFoundException(String message) {
        this(message, null);
    }

    public NotFoundException(String message, Message text) {
        super(message);
        this.text = text;
    }

    /** The sentence in this language; the English message without words. */
    public String message(Locale locale) {
        return text == null ? getMessage() : text.in(locale);
    }
}
