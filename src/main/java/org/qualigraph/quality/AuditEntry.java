package org.qualigraph.quality;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZonedDateTime;

/**
 * One recorded change of a qualification: who, when, what ({@code action} such as CREATED, UPDATED, STATUS, REVISED,
 * GOVERNANCE, COMMENT; {@code detail} a readable summary in English, as the API gives it) and the version it
 * produced. {@code words} is the same summary as bundle keys and values ({@link RevisionDiff.Words}, as JSON), for a
 * reader in another language; entries written before it existed have none and read in English.
 */
public record AuditEntry(ZonedDateTime at, String user, String action, String detail, long version,
                         @JsonIgnore String words) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public AuditEntry(ZonedDateTime at, String user, String action, String detail, long version) {
        this(at, user, action, detail, version, null);
    }

    /** The summary in the reader's language where it was recorded as words, else the English detail. */
    public String detail(RevisionDiff.Wording wording) {
        if (words == null || words.isBlank()) {
            return detail;
        }
        try {
            return RevisionDiff.Words.in(JSON.readValue(words, Object.class), wording);
        } catch (JsonProcessingException unreadable) {
            return detail;
        }
    }

    static String json(Object words) {
        try {
            return words == null ? null : JSON.writeValueAsString(words);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit words are plain values", e);
        }
    }
}
