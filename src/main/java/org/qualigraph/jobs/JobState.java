package org.qualigraph.jobs;

/** Where a job is: still working, finished, or stopped by an error. */
public enum JobState {
    RUNNING, DONE, FAILED
}
