package org.qualigraph.quality.ui;

import java.util.Locale;
import java.util.stream.Collectors;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.ConflictException;
import org.qualigraph.base.RoleRefusal;

/**
 * A refused workflow step (409, or refused input) in the reviewer's or designer's language: the service keeps the
 * English message the API answers with and the same sentence as bundle words ({@code review.refusal.*}, the open
 * error findings as {@code quality.finding.*}); this puts them into words for the review panel. A step the user's
 * role does not allow (403) carries its words too ({@code review.refusal.role*}). Anything else is shown as the
 * server wrote it.
 */
final class WorkflowRefusals {

    private WorkflowRefusals() {
    }

    static String inWords(RuntimeException refusal, Locale locale) {
        if (refusal instanceof ConflictException conflict) {
            return conflict.message(locale);
        }
        if (refusal instanceof RoleRefusal role) {
            return role.message(locale);
        }
        if (refusal instanceof BadInputException bad && !bad.problems().isEmpty()) {
            return bad.problems().stream().map(p -> p.message(locale)).collect(Collectors.joining("; "));
        }
        return refusal.getMessage();
    }
}
