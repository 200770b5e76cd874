package org.qualigraph.jobs;

/** What a running job uses to report: its progress and its counts. Calls are cheap and thread-safe. */
public interface JobContext {

    /** The share done, 0.0-1.0; values are clamped and never go backwards. */
    void progress(double done);

    /** Sets a named count shown in the job's result (e.g. "skills" = 13896). */
    void count(String name, Object value);
}
