package org.qualigraph.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Collectors;
import org.qualigraph.curriculum.QualificationChanged;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every change of a qualification as an {@code (:AuditEntry)}. It listens synchronously ({@code @EventListener},
 * not after commit): the curriculum module publishes its events inside the writing transaction, so the entry is
 * committed with the change or rolled back with it, and no change goes unrecorded. To say <em>what</em> changed it
 * keeps the last audited document as a snapshot and describes the difference with {@link RevisionDiff}.
 */
@Component
class AuditTrail {

    private static final int MAX_LINES = 12;

    private final WorkflowStore store;
    private final QualificationService qualifications;
    private final ObjectMapper json;

    AuditTrail(WorkflowStore store, QualificationService qualifications, ObjectMapper json) {
        this.store = store;
        this.qualifications = qualifications;
        this.json = json;
    }

    @EventListener
    void on(QualificationChanged event) {
        String id = event.qualificationId();
        if ("DELETED".equals(event.action())) {
            store.addAudit(id, event.user(), "DELETED", "deleted", event.version());
            store.forget(id);
            return;
        }
        var current = event.document() != null ? event.document() : qualifications.find(id).orElse(null);
        if (current == null) {
            store.addAudit(id, event.user(), event.action(), event.detail(), event.version());
            return;
        }
        var previous = store.snapshot(id).map(this::read).orElse(null);
        store.addAudit(id, event.user(), event.action(), describe(event, previous, current), event.version());
        store.saveSnapshot(id, write(current));
    }

    private static String describe(QualificationChanged event, QualificationDocument previous, QualificationDocument current) {
        return switch (event.action()) {
            case "STATUS" -> (previous == null ? "?" : String.valueOf(previous.status())) + " → " + current.status();
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

    private QualificationDocument read(String text) {
        try {
            return json.readValue(text, QualificationDocument.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String write(QualificationDocument document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A qualification document could not be written as JSON", e);
        }
    }
}
