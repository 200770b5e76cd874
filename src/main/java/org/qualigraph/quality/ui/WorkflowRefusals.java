package org.qualigraph.quality.ui;

import java.util.Locale;
import org.qualigraph.base.Refusals;

/**
 * A refused workflow step (409, or refused input) in the reviewer's or designer's language: the service keeps the
 * English message the API answers with and the same sentence as bundle words ({@code review.refusal.*}, the open
 * error findings as {@code quality.finding.*}); this puts them into words for the review panel. A step the user's
 * role does not allow (403) carries its words too ({@code review.refusal.role*}), and so do the other 403s
 * ({@link org.qualigraph.base.AccessRefusal}). Anything else is shown as the server wrote it.
 */
final class WorkflowRefusals {

    private WorkflowRefusals() {
    }

    static String inWords(RuntimeException refusal, Locale locale) {
        return Refusals.inWords(refusal, locale);
    }
}
