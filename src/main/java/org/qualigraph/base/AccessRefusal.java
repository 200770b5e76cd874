package org.qualigraph.base;

import java.util.Locale;
import org.springframework.security.access.AccessDeniedException;

/**
 * A refusal (403) that says why in words: {@code message} stays the English the API answers with, {@code text} is
 * the same sentence as bundle key and values, which a screen shows in its user's language. Thrown for another
 * partner's qualification, another author's comment and (as {@link RoleRefusal}) a workflow step of another role.
 */
public class AccessRefusal extends AccessDeniedException {

    private final transient Message text;

    public AccessRefusal(Message text) {
        this(text.english(), text);
    }

    public AccessRefusal(String message, Message text) {
        super(message);
        this.text = text;
    }

    /** The refusal in this language. */
    public String message(Locale locale) {
        return text.in(locale);
    }

    public Message text() {
        return text;
    }
}
