package org.qualigraph.jobs;

import org.qualigraph.base.Message;

/**
 * Thrown by a task when its input is bad (a file, a line): the message is shown to the user as it is, without a
 * stack trace in the log. Given as bundle words ({@link Message}), the job keeps them beside the English message, so
 * that a screen shows the failure in its user's language while the API answers in English.
 */
public class JobFailure extends RuntimeException {

    private final transient Message text;

    public JobFailure(String message) {
        super(message);
        this.text = null;
    }

    public JobFailure(String message, Throwable cause) {
        super(message, cause);
        this.text = null;
    }

    public JobFailure(Message text, Throwable cause) {
        super(text.english(), cause);
        this.text = text;
    }

    /** The failure as bundle words; null when it was given as English text only. */
    public Message text() {
        return text;
    }
}
