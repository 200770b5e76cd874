package org.qualigraph.base;

import java.util.Locale;
import org.springframework.security.access.AccessDeniedException;

/**
 * A step the user's role does not allow (403), explained: {@code message} stays the English the API answers with,
 * {@code text} is the same sentence as bundle words, which a screen shows in its user's language.
 */
public class RoleRefusal extends AccessDeniedException {

    private final transient Message text;

    public RoleRefusal(String message, Message text) {
        super(message);
        this.text = text;
    }

    /** The refusal in this language. */
    public String message(Locale locale) {
        return text.in(locale);
    }
}
