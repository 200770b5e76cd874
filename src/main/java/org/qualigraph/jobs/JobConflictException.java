package org.qualigraph.jobs;

import org.qualigraph.base.ConflictException;

/** A job of a kind that runs one at a time was asked for while another one runs (on any instance): 409. */
public class JobConflictException extends ConflictException {

    private final transient String runningJob;

    JobConflictException(String message, String runningJob) {
        super(message);
        this.runningJob = runningJob;
    }

    /** The id of the job that runs now. */
    public String runningJob() {
        return runningJob;
    }
}
