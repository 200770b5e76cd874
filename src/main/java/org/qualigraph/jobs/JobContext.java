package org.qualigraph.jobs;

/** What a running job uses to report: its progress and its counts. Calls are cheap and thread-safe. */
public interface JobContext {

    /** The count that says a job is waiting for people's requests to pass ({@code true}) or working ({@code false}). */
    String PAUSED = "pausedForInteractiveLoad";
    /** The count of whole seconds a job has waited for people's requests so far. */
    String PAUSED_SECONDS = "pausedSeconds";

    /** The share done, 0.0-1.0; values are clamped and never go backwards. */
    void progress(double done);

    /** Sets a named count shown in the job's result (e.g. "skills" = 13896). */
    void count(String name, Object value);

    /**
     * Called by a long job between two steps of work: waits while the application is busy with HTTP requests (see
     * {@code qualigraph.jobs.yield-*}), showing {@link #PAUSED} in the job's counts meanwhile. Returns {@code true}
     * when the load left room, {@code false} when it did not within the trickle time: the job then takes one small step
     * anyway, so that it still ends under constant load.
     *
     * @throws InterruptedException when the application stops while the job waits
     */
    default boolean yieldToInteractiveLoad() throws InterruptedException {
        return true;
    }
}
