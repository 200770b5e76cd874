package org.qualigraph.quality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.ConflictException;
import org.qualigraph.base.FieldProblem;
import org.qualigraph.base.Roles;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationNotFoundException;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationStatus;
import org.qualigraph.curriculum.RevisionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review workflow (DRAFT → IN_REVIEW → CHANGES_REQUESTED ↔ IN_REVIEW → APPROVED → PUBLISHED → ARCHIVED): it decides
 * who may move a qualification where and when, so that nothing is published without a traceable approval (ESG 1.2)
 * and without the quality engine's error findings cleared. Every transition leaves a {@code (:Review)} record; the
 * status itself changes only through {@link QualificationService#changeStatus}, so the audit trail sees it too.
 * The permission matrix is documented in {@code docs/workflow.md}.
 */
@Service
public class ReviewWorkflowService {

    private static final Logger log = LoggerFactory.getLogger(ReviewWorkflowService.class);
    private static final int MAX_COMMENT = 10_000;

    /**
     * The decisions the approval form offers (the API takes any text, as before): {@link #APPROVED} and
     * {@link #APPROVED_WITH_CONDITIONS} (followed by ": " and the conditions); a rejection is not an approval but a
     * request for changes, so the API refuses {@link #REJECTED} as the decision of an approval.
     */
    public static final String APPROVED = "approved";
    public static final String APPROVED_WITH_CONDITIONS = "approved with conditions";
    public static final String REJECTED = "rejected";

    private final QualificationService qualifications;
    private final WorkflowStore store;
    private final GovernanceRecordService governance;
    private final ObjectProvider<QualityGate> gate;

    private final com.fasterxml.jackson.databind.ObjectMapper json;

    ReviewWorkflowService(QualificationService qualifications, WorkflowStore store, GovernanceRecordService governance,
                          ObjectProvider<QualityGate> gate, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.json = json;
        this.qualifications = qualifications;
        this.store = store;
        this.governance = governance;
        this.gate = gate;
    }

    /** The steps a user with these roles may try from the qualification's current status, whoever they are. */
    @Transactional(readOnly = true)
    public List<WorkflowAction> allowedActions(String id, Set<String> roles) {
        var status = qualifications.get(id).status();
        var actions = new ArrayList<WorkflowAction>();
        WorkflowPolicy.from(status).stream().filter(step -> step.allowedFor(roles)).forEach(step -> actions.add(
                new WorkflowAction(step.name(), step.to, step.needsComment, step == WorkflowPolicy.APPROVE)));
        return actions;
    }

    /**
     * The steps this user may take now: those of their roles, without approving or publishing what they wrote (four
     * eyes, {@link #fourEyesRefusal}) and without the designer's steps on another partner's qualification.
     */
    @Transactional(readOnly = true)
    public List<WorkflowAction> allowedActions(String id, String user, Set<String> roles) {
        boolean author = fourEyesRefusal(id, user).isPresent();
        boolean mayChange = qualifications.changeRefusal(id, user).isEmpty();
        return allowedActions(id, roles).stream()
                .filter(a -> !author || !(a.name().equals(WorkflowPolicy.APPROVE.name())
                        || a.name().equals(WorkflowPolicy.PUBLISH.name())))
                .filter(a -> mayChange || !WorkflowPolicy.valueOf(a.name()).designersStep())
                .toList();
    }

    /**
     * Four eyes (ESG 1.2, EQAVET): whoever created, edited or submitted this revision may not approve or publish it,
     * whatever roles they hold, administrators included. The reason, when this user is such an author; only while
     * the qualification is in review or approved, where the rule can bite.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<String> fourEyesRefusal(String id, String user) {
        var status = qualifications.get(id).status();
        if (status != QualificationStatus.IN_REVIEW && status != QualificationStatus.APPROVED) {
            return java.util.Optional.empty();
        }
        return store.authors(id).contains(user) ? java.util.Optional.of(fourEyesMessage(user)) : java.util.Optional.empty();
    }

    private static String fourEyesMessage(String user) {
        return "Four eyes: " + user + " created, edited or submitted this revision, so someone else must approve and "
                + "publish it";
    }

    /** Whether the user may start a new revision of this qualification now. */
    @Transactional(readOnly = true)
    public boolean mayRevise(String id, Set<String> roles) {
        var status = qualifications.get(id).status();
        return roles.contains(Roles.DESIGNER)
                && (status == QualificationStatus.PUBLISHED || status == QualificationStatus.ARCHIVED)
                && qualifications.revisions(id).stream().noneMatch(r -> id.equals(r.revisionOf()));
    }

    /**
     * Moves the qualification to {@code request.to()}. Unknown status or missing comment/approval: 400; a step the
     * workflow does not have, or whose conditions are not met (error findings, no approval record): 409 with the
     * reason; a step the user's roles do not allow: {@link AccessDeniedException} (403).
     */
    @Transactional
    public TransitionResult transition(String id, TransitionRequest request, String user, Set<String> roles) {
        if (request == null) {
            throw new BadInputException("to", "the request body with the target status is required");
        }
        QualificationStatus to = parseStatus(request.to());
        // the lock order (docs/architecture.md): qualifications first, by id ascending: publishing locks this one and
        // the predecessor it archives together (a revision's predecessor never changes, so it is read before)
        QualificationStatus from = to == QualificationStatus.PUBLISHED
                ? qualifications.lock(id, predecessor(id).stream().toList())
                : qualifications.lock(id);
        WorkflowPolicy step = WorkflowPolicy.step(from, to).orElseThrow(() -> new ConflictException(
                "The workflow does not go from " + from + " to " + to + "; from " + from + " it goes to "
                        + describe(WorkflowPolicy.from(from)), WorkflowPolicy.from(from).isEmpty()
                        ? org.qualigraph.base.Message.of("review.refusal.step.final", from, to)
                        : org.qualigraph.base.Message.of("review.refusal.step", from, to,
                                WorkflowPolicy.from(from).stream().map(next -> next.to).toList()), List.of()));
        if (!step.allowedFor(roles)) {
            throw new org.qualigraph.base.RoleRefusal("Only " + String.join(" or ", step.roles.stream().sorted().toList())
                    + " may move a qualification from " + from + " to " + to,
                    org.qualigraph.base.Message.of("review.refusal.role", step.roles.stream().sorted()
                            .map(role -> org.qualigraph.base.Message.of("account.role." + role)).toList(), from, to));
        }
        if (step.designersStep()) {
            qualifications.requireMayChange(id, user);
        }
        if ((step == WorkflowPolicy.APPROVE || step == WorkflowPolicy.PUBLISH) && store.authors(id).contains(user)) {
            throw new ConflictException(fourEyesMessage(user), org.qualigraph.base.Message.of("review.refusal.fourEyes", user),
                    List.of());
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        var problems = new ArrayList<FieldProblem>();
        if (step.needsComment && comment == null) {
            problems.add(new FieldProblem("comment", "a comment saying what to change is required for " + step.name()));
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            problems.add(new FieldProblem("comment", "at most " + MAX_COMMENT + " characters"));
        }
        if (step == WorkflowPolicy.APPROVE) {
            problems.addAll(approvalProblems(request.approval()));
        } else if (request.approval() != null) {
            problems.add(new FieldProblem("approval", "an approval record is given only with \"to\": \"APPROVED\""));
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        // the rest of the lock order: a step into a frozen status locks this qualification's units, so that no save of
        // another qualification sharing one can change it between the quality gate's reading below and the new status
        if (!QualificationService.isContentEditable(to)) {
            qualifications.lockUnits(id, null);
        }
        switch (step) {
            case SUBMIT, RESUBMIT -> requireNoErrors(id, false, "submit it for review");
            case PUBLISH -> {
                if (store.approval(id).isEmpty()) {
                    throw new ConflictException("ESG-02: publication requires an approval record (body, date, decision); "
                            + "approve the qualification first", org.qualigraph.base.Message.of("review.refusal.approvalFirst"),
                            List.of());
                }
                requireNoErrors(id, true, "publish it");
            }
            default -> {
            }
        }
        // on a request for changes, the document as the reviewer saw it: on resubmission they read what changed since
        String seen = to == QualificationStatus.CHANGES_REQUESTED ? snapshot(id) : null;
        qualifications.changeStatus(id, to, user);
        if (seen != null) {
            store.addReview(id, from, to, user, comment, seen);
        } else {
            store.addReview(id, from, to, user, comment);
        }
        if (step == WorkflowPolicy.APPROVE) {
            var a = request.approval();
            store.addApproval(id, new Governance.Approval(a.body().strip(), a.date(), a.decision().strip(), user));
            // approving while comment threads are open is allowed, but on the record, with the approver's note
            long open = store.comments(id).stream().filter(c -> !c.resolved()).count();
            if (open > 0) {
                store.addAudit(id, user, "APPROVED_OVER_COMMENTS", "approved with " + open + " open comment thread"
                                + (open == 1 ? "" : "s") + (comment == null ? "" : "; note: " + comment),
                        comment == null ? RevisionDiff.Words.key("audit.detail.openComments", String.valueOf(open))
                                : RevisionDiff.Words.key("audit.detail.openCommentsNote", String.valueOf(open), comment),
                        store.version(id));
            }
        } else if (step == WorkflowPolicy.REVOKE_APPROVAL) {
            store.revokeApproval(id);
        } else if (step == WorkflowPolicy.PUBLISH) {
            archivePredecessor(id, user);
        }
        return new TransitionResult(id, to, store.version(id));
    }

    /**
     * The approving body of this qualification's last approval (also a revoked one), so that approving again after
     * a revocation does not ask for it anew.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<String> lastApprovingBody(String id) {
        return store.lastApprovingBody(id);
    }

    /**
     * What the quality module keeps about qualifications and restores from a workspace file: transitions, review
     * comments, approvals and the governance record (stakeholders, evidence, indicators, actions), the audit trail.
     * Keys only where the schema makes them unique.
     */
    private static final java.util.Map<String, String> RESTORED = java.util.Map.of("Review", "id", "Comment", "id");
    private static final Set<String> RESTORED_LABELS = Set.of("Review", "Comment", "AuditEntry", "Evidence", "Approval",
            "GovernanceRecord", "Stakeholder", "EvidenceItem", "IndicatorValue", "ReviewAction");

    /** The labels {@link #restore} takes from a workspace file. */
    public static Set<String> restoredLabels() {
        return RESTORED_LABELS;
    }

    /**
     * Restores the quality module's part of a workspace file in the caller's transaction, after the curriculum's: every
     * record as dumped (times, authors, versions), linked to the restored qualifications, units and outcomes. Each
     * record names its qualification ({@code qualificationId}, which audit entries keep after a deletion too); the
     * qualifications that exist are locked first, then their units (the lock order of a comment or transition), before
     * anything links to them.
     */
    @Transactional
    public void restore(org.qualigraph.base.GraphRestore restore) {
        var part = restore.claim(RESTORED_LABELS);
        var problems = new ArrayList<FieldProblem>();
        var qualificationIds = new java.util.TreeSet<String>();
        for (var node : part.nodes()) {
            Object id = node.properties().get("qualificationId");
            if (!(id instanceof String text) || text.isBlank()) {
                problems.add(new FieldProblem(node.field() + ".properties.qualificationId",
                        "a " + String.join(":", node.labels()) + " record names its qualification"));
            } else {
                qualificationIds.add(text);
            }
            RESTORED.forEach((label, key) -> {
                if (node.has(label) && !(node.properties().get(key) instanceof String)) {
                    problems.add(new FieldProblem(node.field() + ".properties." + key, "a " + label + " needs its " + key));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        qualifications.lockAll(qualificationIds);
        restore.create(part.nodes(), RESTORED);
        new java.util.TreeMap<>(part.byType()).forEach(restore::link);
    }

    /** Transitions of this qualification, oldest first. */
    @Transactional(readOnly = true)
    public List<ReviewRecord> history(String id) {
        requireExists(id);
        return store.reviews(id);
    }

    /** Every recorded change of this qualification (also after it was deleted), oldest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> audit(String id) {
        var entries = store.audit(id);
        if (entries.isEmpty()) {
            requireExists(id);
        }
        return entries;
    }

    /**
     * Starts a new DRAFT revision of a published or archived qualification; its governance record (stakeholders,
     * evidence, indicators, actions, review date) carries over, its approval does not: the revision needs its own.
     */
    @Transactional
    public QualificationDocument newRevision(String id, String user, Set<String> roles) {
        if (!roles.contains(Roles.DESIGNER)) {
            throw new org.qualigraph.base.RoleRefusal("Only DESIGNER may start a new revision",
                    org.qualigraph.base.Message.of("review.refusal.role.revision"));
        }
        var revision = qualifications.newRevision(id, user);
        var record = governance.governance(id);
        store.writeGovernance(revision.id(), new Governance(record.stakeholders(), record.evidence(), null,
                record.nextReviewDate(), record.indicators(), record.actions()));
        return revision;
    }

    @Transactional(readOnly = true)
    public List<RevisionInfo> revisions(String id) {
        return qualifications.revisions(id);
    }

    /**
     * What changed in the qualification since a reviewer last requested changes (or revoked an approval): the diff from
     * the document as it was then to the document now, with who asked and when. Empty when changes were never requested.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<ChangesSinceRequest> changesSinceRequest(String id) {
        requireExists(id);
        return store.latestSnapshot(id, QualificationStatus.CHANGES_REQUESTED).map(row -> {
            QualificationDocument then;
            try {
                then = json.readValue((String) row.get("snapshot"), QualificationDocument.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("unreadable snapshot of qualification " + id, e);
            }
            return new ChangesSinceRequest((String) row.get("by"),
                    row.get("at") instanceof java.time.ZonedDateTime at ? at : null,
                    RevisionDiff.between(then, qualifications.get(id)));
        });
    }

    /** The changes since {@code requestedBy} requested changes {@code at}. */
    public record ChangesSinceRequest(String requestedBy, java.time.ZonedDateTime at, RevisionDiff diff) {
    }

    private String snapshot(String id) {
        try {
            return json.writeValueAsString(qualifications.get(id));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot snapshot qualification " + id, e);
        }
    }

    /** The changes from {@code againstId} (older) to {@code id} (newer); any two qualifications may be compared. */
    @Transactional(readOnly = true)
    public RevisionDiff diff(String id, String againstId) {
        var to = qualifications.get(id);
        var from = qualifications.get(againstId);
        return RevisionDiff.between(from, to);
    }

    /**
     * The findings that refuse this step now (submitting or resubmitting: the errors; publishing: the errors of the
     * publication check), one record each, so that a screen can list them one per item and lead to what they concern.
     * Empty when the step would pass the gate or no gate is installed.
     */
    @Transactional(readOnly = true)
    public List<QualityReport.Finding> blockers(String id, boolean publishing) {
        QualityGate qualityGate = gate.getIfAvailable();
        return qualityGate == null ? List.of()
                : qualityGate.blockingFindings(qualifications.get(id), governance.governance(id), publishing);
    }

    /**
     * What would refuse publication once this qualification is approved: the errors of the publication check, with the
     * approval that is about to be given taken as given (so ESG-02's "no approval record" is not among them). The
     * approval dialog lists these before anyone approves what cannot be published; the submit dialog, before the
     * designer hands it over.
     */
    @Transactional(readOnly = true)
    public List<QualityReport.Finding> publicationBlockers(String id) {
        QualityGate qualityGate = gate.getIfAvailable();
        if (qualityGate == null) {
            return List.of();
        }
        var record = governance.governance(id);
        var assumed = record.approval() != null ? record : new Governance(record.stakeholders(), record.evidence(),
                new Governance.Approval("(to be approved)", LocalDate.now(), "approved", "(reviewer)"),
                record.nextReviewDate(), record.indicators(), record.actions());
        return qualityGate.blockingFindings(qualifications.get(id), assumed, true);
    }

    /** The comment threads of this qualification that nobody has resolved yet, oldest first. */
    @Transactional(readOnly = true)
    public List<ReviewComment> openThreads(String id) {
        return store.comments(id).stream().filter(c -> !c.resolved()).toList();
    }

    private void requireNoErrors(String id, boolean publishing, String what) {
        QualityGate qualityGate = gate.getIfAvailable();
        if (qualityGate == null) {
            log.warn("No quality gate installed: {} of {} is not checked against error findings", what, id);
            return;
        }
        var errors = qualityGate.blockingSentences(qualifications.get(id), governance.governance(id), publishing);
        if (!errors.isEmpty()) {
            throw new ConflictException("Cannot " + what + " while " + errors.size() + " error finding"
                    + (errors.size() == 1 ? " is" : "s are") + " open: " + String.join("; ",
                    errors.stream().map(org.qualigraph.base.Message::english).toList()),
                    org.qualigraph.base.Message.of(publishing ? "review.refusal.errors.publish" : "review.refusal.errors.submit",
                            errors.size()), errors);
        }
    }

    private java.util.Optional<String> predecessor(String id) {
        return qualifications.revisions(id).stream().filter(r -> id.equals(r.id())).findFirst().map(RevisionInfo::revisionOf);
    }

    private void archivePredecessor(String id, String user) {
        predecessor(id).ifPresent(previous -> {
                    var status = qualifications.lock(previous);
                    if (status == QualificationStatus.PUBLISHED) {
                        qualifications.changeStatus(previous, QualificationStatus.ARCHIVED, user);
                        store.addReview(previous, status, QualificationStatus.ARCHIVED, user,
                                "superseded by the publication of revision " + id);
                    }
                });
    }

    private static List<FieldProblem> approvalProblems(TransitionRequest.ApprovalInput approval) {
        if (approval == null) {
            return List.of(new FieldProblem("approval", "approving needs the approval record: body, date and decision (ESG-02)"));
        }
        var problems = new ArrayList<FieldProblem>();
        if (approval.body() == null || approval.body().isBlank()) {
            problems.add(new FieldProblem("approval.body", "the approving body is required"));
        }
        if (approval.date() == null) {
            problems.add(new FieldProblem("approval.date", "the date of the decision is required (YYYY-MM-DD)"));
        } else if (approval.date().isAfter(LocalDate.now().plusDays(1))) {
            problems.add(new FieldProblem("approval.date", "must not be in the future"));
        }
        if (approval.decision() == null || approval.decision().isBlank()) {
            problems.add(new FieldProblem("approval.decision", "the decision is required (e.g. \"approved\")"));
        } else if (REJECTED.equalsIgnoreCase(approval.decision().strip())) {
            problems.add(new FieldProblem("approval.decision", "\"rejected\" does not approve; request changes instead "
                    + "(\"to\": \"CHANGES_REQUESTED\" with a comment)"));
        }
        return problems;
    }

    private static QualificationStatus parseStatus(String value) {
        String allowed = Arrays.stream(QualificationStatus.values()).map(Enum::name).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            throw new BadInputException("to", "the target status is required; one of " + allowed);
        }
        try {
            return QualificationStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("to", "unknown status \"" + value + "\"; one of " + allowed);
        }
    }

    private static String describe(List<WorkflowPolicy> steps) {
        return steps.isEmpty() ? "nowhere (final)" : steps.stream()
                .map(s -> s.to + " (" + String.join("/", s.roles.stream().sorted().toList()) + ")")
                .collect(Collectors.joining(", "));
    }

    private void requireExists(String id) {
        if (!store.exists(id)) {
            throw new QualificationNotFoundException(id);
        }
    }
}
