package org.qualigraph.quality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.qualigraph.base.Roles;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationStatus;
import org.qualigraph.curriculum.RevisionInfo;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Review workflow endpoints: transitions and their history, revisions, diffs, the audit trail, governance evidence. */
@RestController
@RequestMapping("/api/qualifications/{id}")
@Tag(name = "Review workflow", description = "Transitions, revisions, diff, audit and governance evidence")
class WorkflowController {

    private final ReviewWorkflowService workflow;
    private final GovernanceRecordService governance;
    private final QualificationService qualifications;

    WorkflowController(ReviewWorkflowService workflow, GovernanceRecordService governance, QualificationService qualifications) {
        this.workflow = workflow;
        this.governance = governance;
        this.qualifications = qualifications;
    }

    /** The current status and the steps the caller may take from it. */
    record WorkflowState(String id, QualificationStatus status, long version, List<WorkflowAction> actions, boolean mayRevise,
                         String fourEyes) {
    }

    @GetMapping("/workflow")
    @Operation(summary = "Current status and the transitions the caller may make")
    WorkflowState state(@PathVariable String id, Authentication user) {
        var doc = qualifications.get(id);
        var roles = roles(user);
        return new WorkflowState(id, doc.status(), doc.version(), workflow.allowedActions(id, user.getName(), roles),
                workflow.mayRevise(id, roles), roles.contains(Roles.REVIEWER) || roles.contains(Roles.ADMIN)
                        ? workflow.fourEyesRefusal(id, user.getName()).orElse(null) : null);
    }

    @PostMapping("/transitions")
    @PreAuthorize("hasAnyRole('DESIGNER','REVIEWER','ADMIN')")
    @Operation(summary = "Move the qualification to another status; 409 when the workflow forbids it, 403 for the wrong role")
    TransitionResult transition(@PathVariable String id, @RequestBody TransitionRequest request, Authentication user) {
        return workflow.transition(id, request, user.getName(), roles(user));
    }

    @GetMapping("/transitions")
    @Operation(summary = "Transition history, oldest first")
    List<ReviewRecord> history(@PathVariable String id) {
        return workflow.history(id);
    }

    @PostMapping("/revisions")
    @PreAuthorize("hasRole('DESIGNER')")
    @Operation(summary = "Start a new DRAFT revision of a published or archived qualification")
    ResponseEntity<QualificationDocument> newRevision(@PathVariable String id, Authentication user) {
        var revision = workflow.newRevision(id, user.getName(), roles(user));
        return ResponseEntity.created(URI.create("/api/qualifications/" + revision.id())).body(revision);
    }

    @GetMapping("/revisions")
    @Operation(summary = "The revision chain this qualification belongs to, oldest first")
    List<RevisionInfo> revisions(@PathVariable String id) {
        return workflow.revisions(id);
    }

    @GetMapping("/diff")
    @Operation(summary = "Changes from the qualification 'against' to this one, grouped by section")
    RevisionDiff diff(@PathVariable String id, @RequestParam String against) {
        return workflow.diff(id, against);
    }

    @GetMapping("/audit")
    @Operation(summary = "Every recorded change: who, when, what")
    List<AuditEntry> audit(@PathVariable String id) {
        return workflow.audit(id);
    }

    @GetMapping("/governance")
    @Operation(summary = "The ESG/EQAVET governance record")
    Governance getGovernance(@PathVariable String id) {
        return governance.get(id);
    }

    @PutMapping("/governance")
    @PreAuthorize("hasAnyRole('DESIGNER','REVIEWER')")
    @Operation(summary = "Replace the governance record (not the approval, which the approve transition writes)")
    Governance putGovernance(@PathVariable String id, @RequestBody Governance record, Authentication user) {
        return governance.update(id, record, user.getName());
    }

    static Set<String> roles(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).collect(Collectors.toSet());
    }
}
