package org.qualigraph.base;

/**
 * The request is valid but the current state forbids it: a stale version (optimistic locking), a published
 * qualification that must not change, or a workflow step that is not allowed now. Answered with 409.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
