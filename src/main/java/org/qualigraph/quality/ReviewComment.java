package org.qualigraph.quality;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * A comment thread entry on a qualification, one of its units or one of its outcomes. Replies carry the target of the
 * comment they answer. {@code targetCode} is the unit or outcome code (null for the qualification itself).
 */
public record ReviewComment(String id, String text, String author, ZonedDateTime at, boolean resolved,
                            String resolvedBy, TargetKind targetKind, String targetCode, String replyTo,
                            List<ReviewComment> replies) {

    public ReviewComment {
        replies = replies == null ? List.of() : List.copyOf(replies);
    }

    /** What a comment is about. */
    public enum TargetKind { QUALIFICATION, UNIT, OUTCOME }
}
