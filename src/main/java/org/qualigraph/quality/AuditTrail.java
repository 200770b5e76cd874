package org.qualigraph.quality;

import java.util.stream.Collectors;
import org.qualigraph.curriculum.QualificationChanged;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every change of a qualification as an {@code (:AuditEntry)}. It listens synchronously ({@code @EventListener},
 * not after commit): the curriculum module publishes its events inside the writing transaction, so the entry is
 * committed with the change or rolled back with it, and no change goes unrecorded. An entry records what changed
 * (fields, units and outcomes added, removed or edited, as {@link RevisionDiff} names them, between the document
 * before and after the change that the event carries), never a copy of the document: revisions keep the full frozen
 * documents that approval and publishing need.
 */
@Component
class AuditTrail {

    private static final int MAX_LINES = 12;

    private final WorkflowStore store;
    private final QualificationService qualifications;

    AuditTrail(WorkflowStore store, QualificationService qualifications) {
        this.store = store;
        this.qualifications = qualifications;
    }

    @EventListener
    void on(QualificationChanged event) {
        String id = event.qualificationId();
        if ("DELETED".equals(event.action())) {
            store.addAudit(id, event.user(), "DELETED", "deleted", event.version());
            store.forget(id);
            return;
        }
        if ("STATUS".equals(event.action())) {
            String from = event.previous() == null ? "?" : String.valueOf(event.previous().status());
            store.addAudit(id, event.user(), "STATUS", from + " → " + event.detail(), event.version());
            return;
        }
        var current = event.document() != null ? event.document() : qualifications.find(id).orElse(null);
        if (current == null) {
            store.addAudit(id, event.user(), event.action(), event.detail(), event.version());
            return;
        }
        store.addAudit(id, event.user(), event.action(), describe(event, event.previous(), current), event.version());
    }

    private static String describe(QualificationChanged event, QualificationDocument previous, QualificationDocument current) {
        return switch (event.action()) {
            case "UPDATED" -> {
                // the curriculum module names units it copied to keep a published qualification unchanged
                String copied = event.detail() == null ? "" : event.detail() + "; ";
                if (previous == null) {
                    yield copied + "updated";
                }
                var lines = RevisionDiff.between(previous, current).lines();
                if (lines.isEmpty()) {
                    yield copied + "saved without changes";
                }
                String text = lines.stream().limit(MAX_LINES).map(RevisionDiff.Line::text).collect(Collectors.joining("; "));
                yield copied + (lines.size() > MAX_LINES ? text + "; and " + (lines.size() - MAX_LINES) + " more changes" : text);
            }
            default -> {
                String what = current.units().size() + " units, " + current.units().stream()
                        .mapToInt(u -> u.outcomes().size()).sum() + " outcomes";
                yield event.detail() == null ? what : event.detail() + " (" + what + ")";
            }
        };
    }
}
