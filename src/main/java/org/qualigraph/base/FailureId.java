package org.qualigraph.base;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;

/**
 * A short id for an unexpected failure: the server logs the stack trace under it and the user sees only a plain
 * message with it, so a support request can be matched to the log without showing internals.
 */
public final class FailureId {

    private static final SecureRandom RANDOM = new SecureRandom();

    private FailureId() {
    }

    /** e.g. {@code E-3f9a0c12} */
    public static String next() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return "E-" + HexFormat.of().formatHex(bytes);
    }

    /** Logs a failure at ERROR with its stack trace under a new id and returns the id to show the user. */
    public static String report(Logger logger, String where, Throwable failure) {
        String id = next();
        logger.error("Unexpected failure {} {}", id, where, failure);
        return id;
    }
}
