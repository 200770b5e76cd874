package org.qualigraph.quality.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.ConflictException;
import org.qualigraph.curriculum.EditorContext;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.quality.AuditEntry;
import org.qualigraph.quality.CommentRequest;
import org.qualigraph.quality.QualityReport;
import org.qualigraph.quality.ReviewComment;
import org.qualigraph.quality.ReviewCommentService;
import org.qualigraph.quality.ReviewRecord;
import org.qualigraph.quality.ReviewWorkflowService;
import org.qualigraph.quality.TransitionRequest;
import org.qualigraph.quality.WorkflowAction;
import org.springframework.security.access.AccessDeniedException;

/**
 * The review tab: where a qualification stands, the workflow steps the signed-in user may take (refusals shown with
 * the blocking findings), the transition history, the comment threads and the audit log. User text is shown through
 * text components only, so it is always escaped.
 */
class ReviewPanel extends VerticalLayout {

    private static final String QUALIFICATION_TARGET = "";

    private final transient EditorContext context;
    private final transient ReviewWorkflowService workflow;
    private final transient ReviewCommentService comments;
    private final transient QualificationService qualifications;

    private final Span status = new Span();
    private final HorizontalLayout actions = new HorizontalLayout();
    private final Div blocked = new Div();
    private final Div note = new Div();
    private final Paragraph fourEyes = new Paragraph();
    private final Div since = new Div();
    private final Grid<ReviewRecord> history = new Grid<>(ReviewRecord.class, false);
    private final VerticalLayout threads = new VerticalLayout();
    private final ComboBox<String> target = new ComboBox<>();
    /** What a comment can be about, by code and in words: "U1 · Cell chemistry", "U1.K1 · Describe the ...". */
    private final java.util.Map<String, String> targetLabels = new java.util.HashMap<>();
    private final TextArea commentText = new TextArea();
    private final Grid<AuditEntry> audit = new Grid<>(AuditEntry.class, false);

    /** Replaces ESCO URIs in texts with labels (audit details, diff lines). */
    private final transient java.util.function.UnaryOperator<List<String>> labels;

    ReviewPanel(EditorContext context, ReviewWorkflowService workflow, ReviewCommentService comments,
                QualificationService qualifications, java.util.function.UnaryOperator<List<String>> labels) {
        this.labels = labels;
        this.context = context;
        this.workflow = workflow;
        this.comments = comments;
        this.qualifications = qualifications;
        setId("review-panel");
        setPadding(false);
        fourEyes.setId("review-four-eyes");
        fourEyes.setVisible(false);
        add(createStatus(), fourEyes, note, blocked, since, new H3(getTranslation("review.history")), createHistory(),
                new H3(getTranslation("review.comments")), createCommentForm(), threads,
                new H3(getTranslation("review.audit")), createAudit());
        refresh();
    }

    private Component createStatus() {
        status.setId("review-status");
        actions.setId("review-actions");
        blocked.setId("review-blocked");
        blocked.getStyle().set("color", "var(--lumo-error-text-color)");
        var row = new HorizontalLayout(status, actions);
        row.setAlignItems(Alignment.BASELINE);
        return row;
    }

    private Component createHistory() {
        history.setId("review-history");
        history.addColumn(r -> r.at() == null ? "" : org.qualigraph.base.LocalFormats.dateTime(r.at(), getLocale())).setHeader(getTranslation("review.when")).setAutoWidth(true);
        history.addColumn(ReviewRecord::by).setHeader(getTranslation("review.who")).setAutoWidth(true);
        history.addColumn(r -> state(r.from()) + " → " + state(r.to())).setHeader(getTranslation("review.step")).setAutoWidth(true);
        history.addColumn(r -> r.comment() == null ? "" : r.comment()).setHeader(getTranslation("review.comment"));
        history.setAllRowsVisible(true);
        return history;
    }

    private Component createCommentForm() {
        target.setId("comment-target");
        target.setLabel(getTranslation("review.comment.on"));
        target.setItemLabelGenerator(code -> code.isEmpty() ? getTranslation("review.comment.on.qualification")
                : targetLabels.getOrDefault(code, code));
        commentText.setId("comment-text");
        commentText.setLabel(getTranslation("review.comment.text"));
        commentText.setWidthFull();
        commentText.setMaxLength(10_000);
        var add = new Button(getTranslation("review.comment.add"), e -> addComment());
        add.setId("comment-add");
        threads.setId("comment-threads");
        threads.setPadding(false);
        var form = new HorizontalLayout(target, commentText, add);
        form.setWidthFull();
        form.setAlignItems(Alignment.END);
        return form;
    }

    private Component createAudit() {
        audit.setId("audit-log");
        audit.addColumn(a -> a.at() == null ? "" : org.qualigraph.base.LocalFormats.dateTime(a.at(), getLocale())).setHeader(getTranslation("review.when")).setAutoWidth(true);
        audit.addColumn(AuditEntry::user).setHeader(getTranslation("review.who")).setAutoWidth(true);
        audit.addColumn(a -> auditAction(a.action())).setHeader(getTranslation("review.action")).setAutoWidth(true);
        audit.addColumn(a -> a.detail() == null ? "" : a.detail()).setHeader(getTranslation("review.detail"))
                .setFlexGrow(1).setKey("detail");
        // long entries wrap instead of being cut off
        audit.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        audit.setAllRowsVisible(true);
        return audit;
    }

    /** "DRAFT → IN_REVIEW" as "draft → in review"; a part that names no status is kept as it is. */
    private String statusChange(String detail) {
        if (detail == null) {
            return null;
        }
        return java.util.Arrays.stream(detail.split(" → ", -1)).map(part -> {
            try {
                return state(org.qualigraph.curriculum.QualificationStatus.valueOf(part.strip()));
            } catch (IllegalArgumentException notAStatus) {
                return part;
            }
        }).collect(java.util.stream.Collectors.joining(" → "));
    }

    /** A status in words ("in review"), never its stored name. */
    private String state(org.qualigraph.curriculum.QualificationStatus value) {
        return value == null ? "" : getTranslation("review.state." + value.name());
    }

    /** "U1 · Cell chemistry": a code with its title or statement, shortened to what fits a list. */
    private static String named(String code, String text) {
        if (text == null || text.isBlank()) {
            return code;
        }
        String shown = text.strip().length() > 70 ? text.strip().substring(0, 69) + "…" : text.strip();
        return code + " · " + shown;
    }

    /** Reads status, actions, history, comments and audit again. */
    void refresh() {
        String id = context.qualificationId();
        var doc = qualifications.get(id);
        status.setText(getTranslation("review.status", state(doc.status())));
        actions.removeAll();
        var roles = WorkflowTexts.roles();
        var fourEyesReason = roles.contains(org.qualigraph.base.Roles.REVIEWER) || roles.contains(org.qualigraph.base.Roles.ADMIN)
                ? workflow.fourEyesRefusal(id, WorkflowTexts.user()) : java.util.Optional.<String>empty();
        fourEyes.setText(fourEyesReason.isPresent() ? getTranslation("review.fourEyes") : "");
        fourEyes.setVisible(fourEyesReason.isPresent());
        for (var action : workflow.allowedActions(id, WorkflowTexts.user(), roles)) {
            var button = new Button(getTranslation("review.action." + action.name()), e -> start(action));
            button.setId("action-" + action.name());
            if (action.name().equals("APPROVE") || action.name().equals("PUBLISH") || action.name().startsWith("SUBMIT")
                    || action.name().equals("RESUBMIT")) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            actions.add(button);
        }
        if (workflow.mayRevise(id, roles)) {
            var revise = new Button(getTranslation("review.action.NEW_REVISION"), e -> newRevision());
            revise.setId("action-NEW_REVISION");
            actions.add(revise);
        }
        var transitions = workflow.history(id);
        history.setItems(transitions);
        showLatestNote(doc.status(), transitions);
        showChangesSinceRequest(doc.status());
        var codes = new ArrayList<String>();
        codes.add(QUALIFICATION_TARGET);
        targetLabels.clear();
        doc.units().forEach(u -> {
            codes.add(u.code());
            targetLabels.put(u.code(), named(u.code(), org.qualigraph.curriculum.Texts.display(u.title())));
            u.outcomes().forEach(o -> {
                codes.add(o.code());
                targetLabels.put(o.code(), named(o.code(), org.qualigraph.curriculum.Texts.display(o.statement())));
            });
        });
        target.setItems(codes);
        target.setValue(QUALIFICATION_TARGET);
        showThreads();
        audit.setItems(labelled(workflow.audit(id)));
    }

    /** What an audit entry records, in words ("Status changed"), never its stored code ("STATUS"). */
    private String auditAction(String action) {
        if (action == null) {
            return "";
        }
        String key = "review.audit.action." + action;
        String text = getTranslation(key);
        return text == null || text.isBlank() || text.contains(key)
                ? org.qualigraph.base.EnumLabels.words(action) : text;
    }

    /**
     * Audit entries with skill and occupation labels instead of bare URIs, and a change of status ("DRAFT → IN_REVIEW"
     * as stored) in words.
     */
    private List<AuditEntry> labelled(List<AuditEntry> entries) {
        var details = labels.apply(entries.stream().map(e -> "STATUS".equals(e.action()) ? statusChange(e.detail())
                : e.detail(this::getTranslation)).toList());
        var result = new ArrayList<AuditEntry>();
        for (int i = 0; i < entries.size(); i++) {
            var e = entries.get(i);
            // an older entry kept in English only is shown as stored, and says so to a reader of another language
            boolean marked = !"STATUS".equals(e.action()) && e.englishOnly()
                    && !"en".equals(getLocale().getLanguage());
            result.add(new AuditEntry(e.at(), e.user(), e.action(), marked
                    ? getTranslation("review.audit.englishOnly", details.get(i)) : details.get(i), e.version()));
        }
        return result;
    }

    /**
     * The note left with the step that brought the qualification where it is now (the designer's note on submitting,
     * the reviewer's request for changes, ...), on top of the tab, so the other side reads it first.
     */
    private void showLatestNote(org.qualigraph.curriculum.QualificationStatus current, List<ReviewRecord> transitions) {
        note.removeAll();
        note.setId("review-note");
        if (transitions.isEmpty()) {
            note.setVisible(false);
            return;
        }
        var last = transitions.get(transitions.size() - 1);
        if (last.to() != current || last.comment() == null || last.comment().isBlank()) {
            note.setVisible(false);
            return;
        }
        var heading = new Span(getTranslation("review.note.from", last.by(), last.at() == null ? "" : org.qualigraph.base.LocalFormats.dateTime(last.at(), getLocale())));
        heading.getStyle().set("font-weight", "600");
        var text = new Paragraph(last.comment());
        text.setId("review-note-text");
        text.getStyle().set("white-space", "pre-wrap").set("margin", "0");
        note.add(heading, text);
        note.getElement().setAttribute("role", "note");
        note.getStyle().set("background", "var(--lumo-primary-color-10pct)").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        note.setWidthFull();
        note.setVisible(true);
    }

    /**
     * Back in review after a request for changes: what the designer changed since, as a diff in words against the
     * document as it was when the changes were requested, so the reviewer need not read the audit log.
     */
    private void showChangesSinceRequest(org.qualigraph.curriculum.QualificationStatus current) {
        since.removeAll();
        since.setId("changes-since");
        var changes = current == org.qualigraph.curriculum.QualificationStatus.IN_REVIEW
                ? workflow.changesSinceRequest(context.qualificationId()) : java.util.Optional.<ReviewWorkflowService.ChangesSinceRequest>empty();
        since.setVisible(changes.isPresent());
        changes.ifPresent(c -> {
            since.add(new H3(getTranslation("review.since.title")));
            if (c.diff().isEmpty()) {
                since.add(new Paragraph(getTranslation("review.since.none")));
                return;
            }
            since.add(new Paragraph(getTranslation("review.since.intro", c.requestedBy(), c.at() == null ? "" : org.qualigraph.base.LocalFormats.dateTime(c.at(), getLocale()))));
            var list = new UnorderedList();
            list.setId("changes-since-list");
            var lines = c.diff().lines();
            var texts = labels.apply(lines.stream().map(line -> line.in(this::getTranslation)).toList());
            // each change a sentence of its own ("Unit U1 title changed from … to …."), no "+ / − / ~" marks
            texts.forEach(text -> list.add(new ListItem(text)));
            since.add(list);
        });
    }

    private void start(WorkflowAction action) {
        if (action.needsApproval()) {
            approveDialog(action).open();
        } else {
            transitionDialog(action).open();
        }
    }

    private boolean run(WorkflowAction action, String comment, TransitionRequest.ApprovalInput approval) {
        blocked.removeAll();
        try {
            workflow.transition(context.qualificationId(), new TransitionRequest(action.to().name(), comment, approval),
                    WorkflowTexts.user(), WorkflowTexts.roles());
        } catch (ConflictException e) {
            var gate = action.name().startsWith("SUBMIT") || action.name().equals("RESUBMIT") ? java.util.Optional.of(false)
                    : action.name().equals("PUBLISH") ? java.util.Optional.of(true) : java.util.Optional.<Boolean>empty();
            var findings = gate.map(publishing -> workflow.blockers(context.qualificationId(), publishing))
                    .orElse(List.of());
            if (findings.isEmpty()) {
                showRefusal(WorkflowRefusals.inWords(e, getLocale()));
            } else {
                showBlockers(gate.get(), findings);
            }
            return false;
        } catch (BadInputException | AccessDeniedException e) {
            showRefusal(WorkflowRefusals.inWords(e, getLocale()));
            return false;
        }
        Notification.show(getTranslation("review.done." + action.to().name()));
        context.reload();
        refresh();
        return true;
    }

    /** A refusal without findings to list (four eyes, no approval record, a conflict): the server's sentence whole. */
    private void showRefusal(String message) {
        blocked.removeAll();
        blocked.add(new Paragraph(message));
    }

    /**
     * The findings that refused submitting or publishing, one problem per item (a finding's sentence is never split at
     * its semicolons), each marked when it blocks publication and with a button to the unit or outcome it concerns.
     */
    private void showBlockers(boolean publishing, List<QualityReport.Finding> findings) {
        blocked.removeAll();
        blocked.add(new Paragraph(getTranslation(publishing ? "review.blocked.publish" : "review.blocked.submit")));
        var list = findingList(findings);
        list.setId("review-blocked-list");
        blocked.add(list);
    }

    /** Findings one per item: severity, "blocks publication" where it does, the sentence, and where to fix it. */
    private UnorderedList findingList(List<QualityReport.Finding> findings) {
        var list = new UnorderedList();
        var doc = context.currentDocument();
        for (var finding : findings) {
            var item = new ListItem();
            item.addClassName("blocking-finding");
            item.add(QualityReportPanel.severityBadge(finding.severity()), new Span(" "));
            if (finding.blocksPublication()) {
                item.add(QualityReportPanel.blocksPublicationMark(), new Span(" "));
            }
            var text = new Span(finding.rule() + ": " + finding.message(getLocale()));
            text.addClassName("blocking-finding-text");
            item.add(text);
            for (String subject : finding.subjects()) {
                boolean unit = doc.units().stream().anyMatch(u -> u.code().equals(subject));
                boolean outcome = !unit && doc.units().stream().flatMap(u -> u.outcomes().stream())
                        .anyMatch(o -> o.code().equals(subject));
                var owner = unit || outcome ? null : doc.units().stream().filter(u -> u.assessments().stream()
                        .anyMatch(a -> subject.equals(a.code())) || u.workBasedLearning().stream()
                        .anyMatch(w -> subject.equals(w.code()))).map(org.qualigraph.curriculum.UnitDocument::code)
                        .findFirst().orElse(null);
                if (!unit && !outcome && owner == null) {
                    continue;
                }
                var go = new Button(getTranslation("quality.show", subject), e -> {
                    if (outcome) {
                        context.showOutcome(subject);
                    } else {
                        context.showUnit(unit ? subject : owner);
                    }
                });
                go.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
                go.addClassName("blocking-finding-goto");
                item.add(new Span(" "), go);
            }
            list.add(item);
        }
        return list;
    }

    /**
     * Every step but approval is confirmed in a dialog that says what it does and takes a note for the other side
     * (stored with the transition; the reviewer sees the designer's note on top of the tab and vice versa). Requesting
     * changes and revoking an approval need the note; the other steps take it optionally.
     */
    private Dialog transitionDialog(WorkflowAction action) {
        var dialog = new Dialog();
        dialog.setId("transition-dialog");
        dialog.setHeaderTitle(getTranslation("review.action." + action.name()));
        var explanation = new Paragraph(getTranslation("review.confirm." + action.name()));
        explanation.setId("transition-explanation");
        var text = new TextArea(getTranslation(action.needsComment() ? "review.comment" : "review.note"));
        text.setId("transition-comment");
        text.setWidthFull();
        text.setMaxLength(10_000);
        text.setRequired(action.needsComment());
        if (!action.needsComment()) {
            text.setHelperText(getTranslation("review.note.help"));
        }
        dialog.add(explanation);
        if (action.name().startsWith("SUBMIT") || action.name().equals("RESUBMIT")) {
            // one gate, seen early: what will refuse publication is shown when the designer hands the work over
            var blockers = workflow.publicationBlockers(context.qualificationId());
            if (!blockers.isEmpty()) {
                var box = new Div(new Paragraph(getTranslation("review.submit.publicationBlockers")));
                box.setId("transition-publication-blockers");
                box.add(findingList(blockers));
                dialog.add(box);
            }
        }
        dialog.add(text);
        dialog.setWidth("32em");
        var confirm = new Button(getTranslation("review.action." + action.name()), e -> {
            if (action.needsComment() && text.getValue().isBlank()) {
                text.setInvalid(true);
                text.setErrorMessage(getTranslation("review.comment.required"));
                return;
            }
            dialog.close();
            run(action, text.getValue().isBlank() ? null : text.getValue(), null);
        });
        confirm.setId("transition-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("review.cancel"), e -> dialog.close());
        cancel.setId("transition-cancel");
        dialog.getFooter().add(cancel, confirm);
        return dialog;
    }

    /** The decisions the approval form offers; a rejection sends the qualification back instead of approving it. */
    enum Decision { APPROVED, APPROVED_WITH_CONDITIONS, REJECTED }

    /**
     * Approving: the approval record (body, remembered from the last approval; date; the decision chosen from a list),
     * what would refuse publication (listed, and approval refused while there is any, since an approved qualification
     * can no longer be fixed), and the open comment threads, each to resolve here or to approve over with a note.
     */
    private Dialog approveDialog(WorkflowAction action) {
        var dialog = new Dialog();
        dialog.setId("approve-dialog");
        dialog.setHeaderTitle(getTranslation("review.action.APPROVE"));
        dialog.setWidth("44em");
        var body = new TextField(getTranslation("review.approval.body"));
        body.setId("approval-body");
        body.setRequired(true);
        // approving again after a revocation: the same body decides, as a rule
        workflow.lastApprovingBody(context.qualificationId()).ifPresent(body::setValue);
        var date = new DatePicker(getTranslation("review.approval.date"), LocalDate.now());
        org.qualigraph.base.LocalFormats.localise(date, getLocale());
        date.setId("approval-date");
        date.setRequired(true);
        var decision = new com.vaadin.flow.component.select.Select<Decision>();
        decision.setLabel(getTranslation("review.approval.decision"));
        decision.setId("approval-decision");
        decision.setItems(Decision.values());
        decision.setItemLabelGenerator(d -> getTranslation("review.approval.decision." + d.name()));
        decision.setValue(Decision.APPROVED);
        var conditions = new TextArea(getTranslation("review.approval.conditions"));
        conditions.setId("approval-conditions");
        conditions.setMaxLength(2_000);
        conditions.setVisible(false);
        var comment = new TextArea(getTranslation("review.comment"));
        comment.setId("approval-comment");
        comment.setMaxLength(10_000);
        var errors = new Div();
        errors.setId("approval-errors");
        errors.getStyle().set("color", "var(--lumo-error-text-color)");
        var form = new FormLayout(body, date, decision, conditions, comment);
        form.setColspan(conditions, 2);
        form.setColspan(comment, 2);

        var blockers = workflow.publicationBlockers(context.qualificationId());
        var blockerBox = new Div();
        blockerBox.setId("approval-blockers");
        if (blockers.isEmpty()) {
            blockerBox.add(new Paragraph(getTranslation("review.approval.blockers.none")));
        } else {
            var warning = new Paragraph(getTranslation("review.approval.blockers"));
            warning.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
            blockerBox.add(warning, findingList(blockers));
        }
        var threadBox = new Div();
        threadBox.setId("approval-threads");
        var confirm = new Button(getTranslation("review.action.APPROVE"));
        Runnable update = () -> {
            boolean rejected = decision.getValue() == Decision.REJECTED;
            conditions.setVisible(decision.getValue() == Decision.APPROVED_WITH_CONDITIONS);
            boolean open = !workflow.openThreads(context.qualificationId()).isEmpty();
            comment.setRequired(rejected || open);
            comment.setHelperText(rejected ? getTranslation("review.approval.rejected.help")
                    : open ? getTranslation("review.approval.note.help") : getTranslation("review.note.help"));
            confirm.setText(getTranslation(rejected ? "review.approval.reject" : "review.action.APPROVE"));
            // publication would be refused: an approval now would freeze what has to be fixed, so it is refused here
            confirm.setEnabled(rejected || blockers.isEmpty());
        };
        showOpenThreads(threadBox, update);
        decision.addValueChangeListener(e -> update.run());
        update.run();
        dialog.add(blockerBox, threadBox, form, errors);
        confirm.addClickListener(e -> {
            errors.removeAll();
            body.setInvalid(false);
            date.setInvalid(false);
            decision.setInvalid(false);
            conditions.setInvalid(false);
            comment.setInvalid(false);
            String note = comment.getValue() == null || comment.getValue().isBlank() ? null : comment.getValue().strip();
            if (decision.getValue() == Decision.REJECTED) {
                reject(dialog, body, date, comment, note);
                return;
            }
            if (note == null && !workflow.openThreads(context.qualificationId()).isEmpty()) {
                comment.setErrorMessage(getTranslation("review.approval.note.required"));
                comment.setInvalid(true);
                return;
            }
            String decided = ReviewWorkflowService.APPROVED;
            if (decision.getValue() == Decision.APPROVED_WITH_CONDITIONS) {
                if (conditions.getValue().isBlank()) {
                    conditions.setErrorMessage(getTranslation("review.approval.conditions.required"));
                    conditions.setInvalid(true);
                    return;
                }
                decided = ReviewWorkflowService.APPROVED_WITH_CONDITIONS + ": " + conditions.getValue().strip();
            }
            try {
                workflow.transition(context.qualificationId(), new TransitionRequest(action.to().name(),
                        note, new TransitionRequest.ApprovalInput(body.getValue(), date.getValue(), decided)),
                        WorkflowTexts.user(), WorkflowTexts.roles());
            } catch (BadInputException ex) {
                markApprovalProblems(ex, body, date, decision, errors);
                return;
            } catch (ConflictException | AccessDeniedException ex) {
                dialog.close();
                showRefusal(WorkflowRefusals.inWords(ex, getLocale()));
                return;
            }
            dialog.close();
            Notification.show(getTranslation("review.done." + action.to().name()));
            context.reload();
            refresh();
        });
        confirm.setId("approval-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("review.cancel"), e -> dialog.close());
        cancel.setId("approval-cancel");
        dialog.getFooter().add(cancel, confirm);
        return dialog;
    }

    /**
     * The approving body rejected it: not an approval but a request for changes, whose note records who rejected it
     * on which date and why, so the designer reads it on top of the review tab.
     */
    private void reject(Dialog dialog, TextField body, DatePicker date, TextArea comment, String note) {
        if (note == null) {
            comment.setErrorMessage(getTranslation("review.approval.rejected.required"));
            comment.setInvalid(true);
            return;
        }
        String who = body.getValue() == null || body.getValue().isBlank() ? WorkflowTexts.user() : body.getValue().strip();
        String when = date.getValue() == null ? "" : org.qualigraph.base.LocalFormats.date(date.getValue(), getLocale());
        dialog.close();
        run(new WorkflowAction("REQUEST_CHANGES", org.qualigraph.curriculum.QualificationStatus.CHANGES_REQUESTED,
                true, false), getTranslation("review.approval.rejected.note", who, when, note), null);
    }

    /** The open threads in the approval dialog, each with a button to resolve it there. */
    private void showOpenThreads(Div box, Runnable changed) {
        box.removeAll();
        var open = workflow.openThreads(context.qualificationId());
        if (open.isEmpty()) {
            box.add(new Paragraph(getTranslation("review.approval.threads.none")));
            return;
        }
        var heading = new Paragraph(getTranslation("review.approval.threads"));
        heading.getStyle().set("font-weight", "600");
        box.add(heading);
        var list = new UnorderedList();
        list.setId("approval-thread-list");
        for (var thread : open) {
            var item = new ListItem();
            item.addClassName("approval-thread");
            String where = thread.targetCode() == null ? getTranslation("review.comment.on.qualification")
                    : thread.targetCode();
            String text = thread.text().strip().length() > 140 ? thread.text().strip().substring(0, 139) + "…"
                    : thread.text().strip();
            var words = new Span(thread.author() + " · " + where + ": " + text);
            words.addClassName("approval-thread-text");
            item.add(words);
            if (ReviewCommentService.mayResolve(thread.author(), WorkflowTexts.user(), WorkflowTexts.roles())) {
                var resolve = new Button(getTranslation("review.comment.resolve"), e -> {
                    comments.resolve(context.qualificationId(), thread.id(), true, WorkflowTexts.user(),
                            WorkflowTexts.roles());
                    showOpenThreads(box, changed);
                    showThreads();
                    changed.run();
                });
                resolve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
                resolve.addClassName("approval-thread-resolve");
                item.add(new Span(" "), resolve);
            }
            list.add(item);
        }
        box.add(list);
    }

    /**
     * Marks each field the server refused (approval.body, approval.date, approval.decision) with Vaadin's invalid state
     * and a message in words; anything else is listed under the form, without field paths.
     */
    private void markApprovalProblems(BadInputException ex, TextField body, DatePicker date,
                                      com.vaadin.flow.component.select.Select<Decision> decision, Div errors) {
        for (var problem : ex.problems()) {
            switch (problem.field()) {
                case "approval.body" -> {
                    body.setErrorMessage(getTranslation("review.approval.body.required"));
                    body.setInvalid(true);
                }
                case "approval.date" -> {
                    date.setErrorMessage(getTranslation(date.getValue() == null ? "review.approval.date.required"
                            : "review.approval.date.future"));
                    date.setInvalid(true);
                }
                case "approval.decision" -> {
                    decision.setErrorMessage(getTranslation("review.approval.decision.required"));
                    decision.setInvalid(true);
                }
                case "comment" -> errors.add(new Paragraph(getTranslation("review.comment.tooLong")));
                default -> errors.add(new Paragraph(problem.message()));
            }
        }
    }

    private void newRevision() {
        blocked.removeAll();
        try {
            var revision = workflow.newRevision(context.qualificationId(), WorkflowTexts.user(), WorkflowTexts.roles());
            Notification.show(getTranslation("review.revision.created"));
            getUI().ifPresent(ui -> ui.navigate("qualifications/" + revision.id()));
        } catch (ConflictException | AccessDeniedException e) {
            showRefusal(WorkflowRefusals.inWords(e, getLocale()));
        }
    }

    private void addComment() {
        try {
            String code = target.getValue() == null ? QUALIFICATION_TARGET : target.getValue();
            boolean isUnit = context.currentDocument().units().stream().anyMatch(u -> u.code().equals(code));
            var request = code.isEmpty() ? new CommentRequest(commentText.getValue(), null, null)
                    : isUnit ? new CommentRequest(commentText.getValue(), code, null)
                    : new CommentRequest(commentText.getValue(), null, code);
            comments.add(context.qualificationId(), request, WorkflowTexts.user());
            commentText.clear();
            commentText.setInvalid(false);
            showThreads();
            audit.setItems(labelled(workflow.audit(context.qualificationId())));
        } catch (BadInputException e) {
            commentText.setInvalid(true);
            commentText.setErrorMessage(org.qualigraph.base.Refusals.inWords(e, getLocale()));
        }
    }

    private void showThreads() {
        threads.removeAll();
        List<ReviewComment> all = comments.threads(context.qualificationId());
        if (all.isEmpty()) {
            threads.add(new Span(getTranslation("review.comments.none")));
        }
        all.forEach(comment -> threads.add(commentView(comment, 0)));
    }

    private Component commentView(ReviewComment comment, int depth) {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.setSpacing(false);
        box.getStyle().set("margin-left", depth * 2 + "em").set("border-left", "2px solid var(--lumo-contrast-20pct)")
                .set("padding-left", "0.5em");
        box.setId("comment-" + comment.id());
        box.addClassName("review-comment");
        var meta = new HorizontalLayout(new Span(comment.author()),
                new Span(comment.at() == null ? "" : org.qualigraph.base.LocalFormats.dateTime(comment.at(), getLocale())));
        meta.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        if (depth == 0 && comment.targetCode() != null) {
            var place = new Button(comment.targetCode(), e -> {
                if (comment.targetKind() == ReviewComment.TargetKind.UNIT) {
                    context.showUnit(comment.targetCode());
                } else {
                    context.showOutcome(comment.targetCode());
                }
            });
            place.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            place.addClassName("comment-place");
            meta.add(place);
        }
        if (comment.resolved()) {
            meta.add(new Span(getTranslation("review.comment.resolvedBy", comment.resolvedBy())));
        }
        var text = new Paragraph(comment.text());
        text.addClassName("comment-body");
        text.getStyle().set("white-space", "pre-wrap").set("margin", "0");
        var reply = new Button(getTranslation("review.comment.reply"), e -> replyForm(box, comment));
        reply.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        reply.addClassName("comment-reply");
        var resolve = new Button(getTranslation(comment.resolved() ? "review.comment.reopen" : "review.comment.resolve"), e -> {
            comments.resolve(context.qualificationId(), comment.id(), !comment.resolved(), WorkflowTexts.user(),
                    WorkflowTexts.roles());
            showThreads();
        });
        resolve.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        resolve.addClassName("comment-resolve");
        // only the author or a reviewer may close (or reopen) a point; the service refuses anyone else
        resolve.setVisible(ReviewCommentService.mayResolve(comment.author(), WorkflowTexts.user(), WorkflowTexts.roles()));
        box.add(meta, text, new HorizontalLayout(reply, resolve));
        comment.replies().forEach(r -> box.add(commentView(r, 1)));
        return box;
    }

    private void replyForm(VerticalLayout box, ReviewComment comment) {
        var text = new TextArea(getTranslation("review.comment.reply"));
        text.addClassName("reply-text");
        text.setWidthFull();
        var send = new Button(getTranslation("review.comment.send"), e -> {
            try {
                comments.reply(context.qualificationId(), comment.id(), text.getValue(), WorkflowTexts.user());
                showThreads();
            } catch (BadInputException ex) {
                text.setInvalid(true);
                text.setErrorMessage(org.qualigraph.base.Refusals.inWords(ex, getLocale()));
            }
        });
        send.addClassName("reply-send");
        box.add(new HorizontalLayout(text, send));
    }
}
