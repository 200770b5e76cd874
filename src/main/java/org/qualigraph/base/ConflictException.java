package org.qualigraph.base;

import java.util.List;

/**
 * The request is valid but the current state forbids it: a stale version (optimistic locking), a published
 * qualification that must not change, or a workflow step that is not allowed now. Answered with 409; {@link #conflicts}
 * (e.g. the shared units a stale save changed, see the API contract) go into the body's {@code conflicts}.
 */
public class ConflictException extends RuntimeException {

    private final List<?> conflicts;

    public ConflictException(String message) {
        this(message, List.of());
    }

    public ConflictException(String message, List<?> conflicts) {
        super(message);
        this.conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }

    /** What the conflict is about, item by item, for the client to show; empty when the message says it all. */
    public List<?> conflicts() {
        return conflicts;
    }
}
