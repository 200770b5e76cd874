package org.qualigraph.quality;

import java.util.ArrayList;
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
            store.addAudit(id, event.user(), "DELETED", "deleted", RevisionDiff.Words.key("audit.detail.deleted"),
                    event.version());
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
        store.addAudit(id, event.user(), event.action(), describe(event, event.previous(), current),
                words(event, event.previous(), current), event.version());
    }

    /**
     * The same summary as {@link #describe} as words ({@link RevisionDiff.Words}), so that each reader of the log
     * gets it in their language. A note the curriculum module wrote (units copied, the source of a revision) is kept
     * as it was written.
     */
    private static Object words(QualificationChanged event, QualificationDocument previous, QualificationDocument current) {
        var parts = new ArrayList<Object>();
        if ("UPDATED".equals(event.action())) {
            if (event.detail() != null) {
                parts.add(event.detail());
            }
            if (previous == null) {
                parts.add(RevisionDiff.Words.key("audit.detail.updated"));
                return RevisionDiff.Words.sentences(parts);
            }
            var lines = RevisionDiff.between(previous, current).lines();
            if (lines.isEmpty()) {
                parts.add(RevisionDiff.Words.key("audit.detail.unchanged"));
                return RevisionDiff.Words.sentences(parts);
            }
            lines.stream().limit(MAX_LINES).map(RevisionDiff.Line::words).forEach(parts::add);
            if (lines.size() > MAX_LINES) {
                parts.add(RevisionDiff.Words.key("audit.detail.more", String.valueOf(lines.size() - MAX_LINES)));
            }
            return RevisionDiff.Words.sentences(parts);
        }
        Object counts = RevisionDiff.Words.key("audit.detail.counts", String.valueOf(current.units().size()),
                String.valueOf(current.units().stream().mapToInt(u -> u.outcomes().size()).sum()));
        if ("OWNERSHIP".equals(event.action())) {
            return RevisionDiff.Words.key("audit.detail.noted", ownership(current), counts);
        }
        return event.detail() == null ? counts : RevisionDiff.Words.key("audit.detail.noted", event.detail(), counts);
    }

    /**
     * The owner and collaborators a change of ownership left, as words: the curriculum module's note ("owned by …;
     * collaborators: …") says the same in English, read from the same stored document.
     */
    private static Object ownership(QualificationDocument current) {
        var collaborators = current.collaborators() == null ? java.util.List.<String>of() : current.collaborators();
        return RevisionDiff.Words.sentences(java.util.List.of(
                current.ownerOrganisation() == null ? RevisionDiff.Words.key("audit.detail.owner.none")
                        : RevisionDiff.Words.key("audit.detail.owner", current.ownerOrganisation()),
                collaborators.isEmpty() ? RevisionDiff.Words.key("audit.detail.collaborators.none")
                        : RevisionDiff.Words.key("audit.detail.collaborators", String.join(", ", collaborators))));
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
                int units = current.units().size();
                int outcomes = current.units().stream().mapToInt(u -> u.outcomes().size()).sum();
                String what = units + (units == 1 ? " unit, " : " units, ") + outcomes + (outcomes == 1 ? " outcome" : " outcomes");
                yield event.detail() == null ? what : event.detail() + " (" + what + ")";
            }
        };
    }
}
