package org.qualigraph.quality;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.FieldProblem;
import org.qualigraph.base.NotFoundException;
import org.qualigraph.base.Roles;
import org.qualigraph.curriculum.QualificationNotFoundException;
import org.qualigraph.curriculum.QualificationService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Threaded review comments on a qualification, a unit or an outcome, so that reviewers and designers discuss a change
 * where it applies and mark the thread resolved once it is done. Comments are plain text; the UI shows them escaped.
 */
@Service
public class ReviewCommentService {

    private static final int MAX_TEXT = 10_000;

    private final WorkflowStore store;
    private final QualificationService qualifications;

    ReviewCommentService(WorkflowStore store, QualificationService qualifications) {
        this.store = store;
        this.qualifications = qualifications;
    }

    /** All threads of the qualification, oldest first, replies nested. */
    @Transactional(readOnly = true)
    public List<ReviewComment> threads(String qualificationId) {
        requireExists(qualificationId);
        return store.comments(qualificationId);
    }

    /** Adds a comment on the qualification, or on the unit / outcome named by id or code. */
    @Transactional
    public ReviewComment add(String qualificationId, CommentRequest request, String author) {
        requireExists(qualificationId);
        if (request == null) {
            throw new BadInputException(List.of(FieldProblem.of("text", "problem.comment.required")));
        }
        String text = text(request.text());
        boolean onUnit = request.unit() != null && !request.unit().isBlank();
        boolean onOutcome = request.outcome() != null && !request.outcome().isBlank();
        if (onUnit && onOutcome) {
            throw new BadInputException(List.of(FieldProblem.of("outcome", "problem.comment.both")));
        }
        var kind = onUnit ? ReviewComment.TargetKind.UNIT : onOutcome ? ReviewComment.TargetKind.OUTCOME
                : ReviewComment.TargetKind.QUALIFICATION;
        String ref = onUnit ? request.unit().strip() : onOutcome ? request.outcome().strip() : null;
        String code = null;
        // the lock order (docs/architecture.md): the qualification first, then the unit the comment is about (an
        // outcome's unit), and only then the comment's relationship to it, which locks its end implicitly
        qualifications.lock(qualificationId);
        if (kind != ReviewComment.TargetKind.QUALIFICATION) {
            String field = onUnit ? "unit" : "outcome";
            code = store.resolveTarget(qualificationId, kind, ref).orElseThrow(() -> new BadInputException(List.of(
                    FieldProblem.of(field, "problem.comment.target." + field, ref))));
        }
        if (code != null) {
            qualifications.lockUnits(qualificationId, store.targetUnits(qualificationId, kind, code));
        }
        String id = store.addComment(qualificationId, kind, code, text, author);
        store.addAudit(qualificationId, author, "COMMENT", "on " + (code == null ? "the qualification" : code) + ": "
                + abbreviate(text), RevisionDiff.Words.key("audit.detail.comment", code == null
                        ? RevisionDiff.Words.key("audit.detail.comment.qualification") : code, abbreviate(text)),
                store.version(qualificationId));
        return find(qualificationId, id).orElseThrow();
    }

    /** Answers a comment; the reply is about the same target. */
    @Transactional
    public ReviewComment reply(String qualificationId, String commentId, String text, String author) {
        requireComment(qualificationId, commentId);
        String stripped = text(text);
        qualifications.lock(qualificationId);
        String id = store.addReply(qualificationId, commentId, stripped, author);
        store.addAudit(qualificationId, author, "COMMENT", "reply: " + abbreviate(stripped),
                RevisionDiff.Words.key("audit.detail.reply", abbreviate(stripped)), store.version(qualificationId));
        return find(qualificationId, id).orElseThrow();
    }

    /**
     * Marks a comment resolved (or open again when {@code resolved} is false). Only its author or a reviewer may: a
     * designer must not close the reviewer's point on the reviewer's behalf ({@link AccessDeniedException}, 403).
     */
    @Transactional
    public ReviewComment resolve(String qualificationId, String commentId, boolean resolved, String user, Set<String> roles) {
        var comment = requireComment(qualificationId, commentId);
        if (!mayResolve(comment.get("author"), user, roles)) {
            throw new org.qualigraph.base.AccessRefusal(org.qualigraph.base.Message.of(
                    resolved ? "refusal.comment.resolve" : "refusal.comment.reopen", String.valueOf(comment.get("author"))));
        }
        qualifications.lock(qualificationId);
        store.setResolved(qualificationId, commentId, resolved, user);
        return find(qualificationId, commentId).orElseThrow();
    }

    /** Whether this user may resolve or reopen a comment by {@code author}: the author, or any reviewer. */
    public static boolean mayResolve(Object author, String user, Set<String> roles) {
        return roles.contains(Roles.REVIEWER) || (user != null && user.equals(author));
    }

    private Optional<ReviewComment> find(String qualificationId, String commentId) {
        return flatten(store.comments(qualificationId)).stream().filter(c -> c.id().equals(commentId)).findFirst();
    }

    /** Every comment of these threads, replies included, depth first. */
    public static List<ReviewComment> flatten(List<ReviewComment> threads) {
        var result = new java.util.ArrayList<ReviewComment>();
        threads.forEach(t -> {
            result.add(t);
            result.addAll(flatten(t.replies()));
        });
        return result;
    }

    private Map<String, Object> requireComment(String qualificationId, String commentId) {
        requireExists(qualificationId);
        return store.comment(qualificationId, commentId).orElseThrow(() ->
                new NotFoundException("Qualification " + qualificationId + " has no comment " + commentId));
    }

    private static String text(String text) {
        if (text == null || text.isBlank()) {
            throw new BadInputException(List.of(FieldProblem.of("text", "problem.comment.required")));
        }
        if (text.length() > MAX_TEXT) {
            throw new BadInputException(List.of(FieldProblem.of("text", "problem.atMost", MAX_TEXT)));
        }
        return text.strip();
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }

    private void requireExists(String id) {
        if (!store.exists(id)) {
            throw new QualificationNotFoundException(id);
        }
    }
}
