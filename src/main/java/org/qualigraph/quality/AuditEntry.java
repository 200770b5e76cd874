package org.qualigraph.quality;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * The summary in the reader's language where it was recorded as words, or where it is an older English entry in
     * one of the fixed forms this version writes as words too (see {@link #oldWords}); else the English detail.
     */
    public String detail(RevisionDiff.Wording wording) {
        if (words == null || words.isBlank()) {
            Object old = oldWords(action, detail);
            return old == null ? detail : RevisionDiff.Words.in(old, wording);
        }
        try {
            return RevisionDiff.Words.in(JSON.readValue(words, Object.class), wording);
        } catch (JsonProcessingException unreadable) {
            return detail;
        }
    }

    /**
     * Whether the detail exists in English only: an entry written before audit lines were kept as words, in a form
     * that cannot be read back (e.g. the change lines of an older edit). A screen shows it as stored, marked.
     */
    @JsonIgnore
    public boolean englishOnly() {
        return (words == null || words.isBlank()) && detail != null && !detail.isBlank() && oldWords(action, detail) == null;
    }

    private static final Pattern COUNTS = Pattern.compile("(\\d+) units?, (\\d+) outcomes?");
    private static final Pattern NOTED = Pattern.compile("(.+) \\((\\d+) units?, (\\d+) outcomes?\\)", Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("on (the qualification|\\S+): (.*)", Pattern.DOTALL);
    private static final Pattern REPLY = Pattern.compile("reply: (.*)", Pattern.DOTALL);
    private static final Pattern GOVERNANCE = Pattern.compile("(\\d+) stakeholders, (\\d+) evidence items, (\\d+) indicator "
            + "values, (\\d+) review actions, next review (.+)");
    private static final Pattern OWNER = Pattern.compile("(?:owned by (.+)|no owner); collaborators: (.+)", Pattern.DOTALL);
    private static final Pattern OPEN_COMMENTS = Pattern.compile("approved with (\\d+) open comment threads?(?:; note: (.*))?",
            Pattern.DOTALL);

    /**
     * An older entry's English detail as words, where it is one of the fixed sentences that later entries keep as
     * words ({@code audit.detail.*}): deleted, updated, saved without changes, the unit and outcome counts (with or
     * without the curriculum module's note), a comment, a reply, the governance record's counts and an approval over
     * open comments. The detail was written by this code from these parts, so reading it back is exact; anything else
     * (the change lines of an older edit) gives null and stays as written.
     */
    static Object oldWords(String action, String detail) {
        if (detail == null) {
            return null;
        }
        switch (detail) {
            case "deleted":
                return RevisionDiff.Words.key("audit.detail.deleted");
            case "updated":
                return RevisionDiff.Words.key("audit.detail.updated");
            case "saved without changes":
                return RevisionDiff.Words.key("audit.detail.unchanged");
            default:
                break;
        }
        Matcher m;
        if ((m = COUNTS.matcher(detail)).matches()) {
            return RevisionDiff.Words.key("audit.detail.counts", m.group(1), m.group(2));
        }
        if ("GOVERNANCE".equals(action) && (m = GOVERNANCE.matcher(detail)).matches()) {
            return RevisionDiff.Words.key("audit.detail.governance", m.group(1), m.group(2), m.group(3), m.group(4),
                    "not set".equals(m.group(5)) ? RevisionDiff.Words.key("audit.detail.governance.noReview") : m.group(5));
        }
        if ("APPROVED_OVER_COMMENTS".equals(action) && (m = OPEN_COMMENTS.matcher(detail)).matches()) {
            return m.group(2) == null ? RevisionDiff.Words.key("audit.detail.openComments", m.group(1))
                    : RevisionDiff.Words.key("audit.detail.openCommentsNote", m.group(1), m.group(2));
        }
        if ("COMMENT".equals(action) && (m = REPLY.matcher(detail)).matches()) {
            return RevisionDiff.Words.key("audit.detail.reply", m.group(1));
        }
        if ("COMMENT".equals(action) && (m = COMMENT.matcher(detail)).matches()) {
            return RevisionDiff.Words.key("audit.detail.comment", "the qualification".equals(m.group(1))
                    ? RevisionDiff.Words.key("audit.detail.comment.qualification") : m.group(1), m.group(2));
        }
        if ((m = NOTED.matcher(detail)).matches()) {
            Matcher owner = "OWNERSHIP".equals(action) ? OWNER.matcher(m.group(1)) : null;
            return RevisionDiff.Words.key("audit.detail.noted", owner != null && owner.matches() ? ownerWords(owner) : m.group(1),
                    RevisionDiff.Words.key("audit.detail.counts", m.group(2), m.group(3)));
        }
        return null;
    }

    /** The curriculum module's owner-change note ("owned by …; collaborators: …") as the words entries keep now. */
    private static Object ownerWords(Matcher owner) {
        return RevisionDiff.Words.sentences(java.util.List.of(
                owner.group(1) == null ? RevisionDiff.Words.key("audit.detail.owner.none")
                        : RevisionDiff.Words.key("audit.detail.owner", owner.group(1)),
                "none".equals(owner.group(2)) ? RevisionDiff.Words.key("audit.detail.collaborators.none")
                        : RevisionDiff.Words.key("audit.detail.collaborators", owner.group(2))));
    }

    static String json(Object words) {
        try {
            return words == null ? null : JSON.writeValueAsString(words);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit words are plain values", e);
        }
    }
}
