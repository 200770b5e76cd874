package org.qualigraph.jobs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Locale;
import java.util.Map;
import org.qualigraph.base.Message;

/**
 * A snapshot of a job as the contract answers it: state, progress 0.0-1.0, counts the job reported (what it read,
 * wrote, added...) and the error message of a failed job (null otherwise), in English. {@code errorText} is the same
 * error as bundle words where the job gave them (a bad ESCO package names its file and line), for a screen in
 * another language.
 */
public record JobStatus(String id, String name, JobState state, double progress, Map<String, Object> counts, String error,
                        @JsonIgnore Message errorText) {

    public JobStatus {
        counts = Map.copyOf(counts);
    }

    public JobStatus(String id, String name, JobState state, double progress, Map<String, Object> counts, String error) {
        this(id, name, state, progress, counts, error, null);
    }

    public boolean finished() {
        return state != JobState.RUNNING;
    }

    /** The error in this language where the job gave it as words, else as the job wrote it. */
    public String error(Locale locale) {
        return errorText == null ? error : errorText.in(locale);
    }
}
