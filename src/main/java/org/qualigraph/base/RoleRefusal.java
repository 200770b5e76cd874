package org.qualigraph.base;

/**
 * A step the user's role does not allow (403), explained: {@code message} stays the English the API answers with,
 * {@code text} is the same sentence as bundle words, which a screen shows in its user's language.
 */
public class RoleRefusal extends AccessRefusal {

    public RoleRefusal(String message, Message text) {
        super(message, text);
    }
}
