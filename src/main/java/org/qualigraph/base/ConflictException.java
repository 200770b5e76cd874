package org.qualigraph.base;

import java.util.List;
import java.util.Locale;

/**
 * The request is valid but the current state forbids it: a stale version (optimistic locking), a published
 * qualification that must not change, or a workflow step that is not allowed now. Answered with 409; {@link #conflicts}
 * (e.g. the shared units a stale save changed, see the API contract) go into the body's {@code conflicts}.
 */
public class ConflictException extends RuntimeException {

    private final List<?> conflicts;
    private final transient Message text;
    private final transient List<Message> details;

    public ConflictException(String message) {
        this(message, List.of());
    }

    public ConflictException(String message, List<?> conflicts) {
        this(message, conflicts, null, List.of());
    }

    /**
     * A refusal that a screen shows in its user's language: {@code message} stays the English the API answers with,
     * {@code text} is the same sentence as bundle key and values, and {@code details} the items it lists (e.g. the
     * open error findings), each a sentence of its own.
     */
    public ConflictException(String message, Message text, List<Message> details) {
        this(message, List.of(), text, details);
    }

    private ConflictException(String message, List<?> conflicts, Message text, List<Message> details) {
        super(message);
        this.conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        this.text = text;
        this.details = details == null ? List.of() : List.copyOf(details);
    }

    /** The refusal in this language, its items after ": " joined by "; "; the English message without a text. */
    public String message(Locale locale) {
        if (text == null) {
            return getMessage();
        }
        String sentence = text.in(locale);
        return details.isEmpty() ? sentence : sentence + ": " + String.join("; ",
                details.stream().map(d -> d.in(locale)).toList());
    }

    /** What the conflict is about, item by item, for the client to show; empty when the message says it all. */
    public List<?> conflicts() {
        return conflicts;
    }
}
