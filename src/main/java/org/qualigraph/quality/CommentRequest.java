package org.qualigraph.quality;

/**
 * A new comment: its text and, optionally, the unit or outcome it is about (by id or code). Without either it is
 * about the qualification as a whole.
 */
public record CommentRequest(String text, String unit, String outcome) {
}
