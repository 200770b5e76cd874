package org.qualigraph.jobs;

import java.util.Map;

/**
 * A snapshot of a job as the contract answers it: state, progress 0.0-1.0, counts the job reported (what it read,
 * wrote, added...) and the error message of a failed job (null otherwise).
 */
public record JobStatus(String id, String name, JobState state, double progress, Map<String, Object> counts, String error) {

    public JobStatus {
        counts = Map.copyOf(counts);
    }

    public boolean finished() {
        return state != JobState.RUNNING;
    }
}
