package org.qualigraph.quality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Threaded review comments on a qualification, its units and outcomes. Designers and reviewers write; all read. */
@RestController
@RequestMapping("/api/qualifications/{id}/comments")
@Tag(name = "Review comments", description = "Threaded comments, replies, resolve and reopen")
class ReviewCommentController {

    private final ReviewCommentService comments;

    ReviewCommentController(ReviewCommentService comments) {
        this.comments = comments;
    }

    record ReplyRequest(String text) {
    }

    record ResolveRequest(Boolean resolved) {
    }

    @GetMapping
    @Operation(summary = "All comment threads, oldest first, replies nested")
    List<ReviewComment> list(@PathVariable String id) {
        return comments.threads(id);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('DESIGNER','REVIEWER')")
    @Operation(summary = "Comment on the qualification, or on a unit/outcome given by id or code")
    ResponseEntity<ReviewComment> add(@PathVariable String id, @RequestBody CommentRequest request, Authentication user) {
        var comment = comments.add(id, request, user.getName());
        return ResponseEntity.created(URI.create("/api/qualifications/" + id + "/comments/" + comment.id())).body(comment);
    }

    @PostMapping("/{commentId}/replies")
    @PreAuthorize("hasAnyRole('DESIGNER','REVIEWER')")
    @Operation(summary = "Reply to a comment")
    ResponseEntity<ReviewComment> reply(@PathVariable String id, @PathVariable String commentId,
                                        @RequestBody ReplyRequest request, Authentication user) {
        var reply = comments.reply(id, commentId, request == null ? null : request.text(), user.getName());
        return ResponseEntity.created(URI.create("/api/qualifications/" + id + "/comments/" + reply.id())).body(reply);
    }

    @PostMapping("/{commentId}/resolve")
    @PreAuthorize("hasAnyRole('DESIGNER','REVIEWER')")
    @Operation(summary = "Resolve a comment (body optional; {\"resolved\": false} reopens it); only its author or a reviewer, else 403")
    ReviewComment resolve(@PathVariable String id, @PathVariable String commentId,
                          @RequestBody(required = false) ResolveRequest request, Authentication user) {
        boolean resolved = request == null || request.resolved() == null || request.resolved();
        return comments.resolve(id, commentId, resolved, user.getName(), WorkflowController.roles(user));
    }

    @PostMapping("/{commentId}/reopen")
    @PreAuthorize("hasAnyRole('DESIGNER','REVIEWER')")
    @Operation(summary = "Reopen a resolved comment")
    ReviewComment reopen(@PathVariable String id, @PathVariable String commentId, Authentication user) {
        return comments.resolve(id, commentId, false, user.getName(), WorkflowController.roles(user));
    }
}
