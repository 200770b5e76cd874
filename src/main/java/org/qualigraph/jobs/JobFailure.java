package org.qualigraph.jobs;

/**
 * Thrown by a task when its input is bad (a file, a line): the message is shown to the user as it is, without a
 * stack trace in the log.
 */
public class JobFailure extends RuntimeException {

    public JobFailure(String message) {
        super(message);
    }

    public JobFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
