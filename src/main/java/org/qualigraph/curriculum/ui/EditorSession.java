package org.qualigraph.curriculum.ui;

import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.qualigraph.curriculum.EditorContext;
import org.qualigraph.curriculum.QualificationDocument;

/**
 * The open editor as extension tabs see it ({@link EditorContext}): the working copy as a document, navigation to a
 * unit or outcome, and change notifications. The view supplies the navigation and reload behaviour.
 */
class EditorSession implements EditorContext {

    /** What the view does for the session. */
    interface Host {
        QualificationDraft draft();

        boolean editable();

        void showUnit(String unitCode);

        void showOutcome(String outcomeCode);

        void reload();

        /** The working copy changed outside the open forms: show it and mark it unsaved. */
        void contentChanged();
    }

    private final String id;
    private final Host host;
    private final List<Consumer<QualificationDocument>> listeners = new CopyOnWriteArrayList<>();

    EditorSession(String id, Host host) {
        this.id = id;
        this.host = host;
    }

    @Override
    public String qualificationId() {
        return id;
    }

    @Override
    public QualificationDocument currentDocument() {
        return DraftMapper.toDocument(host.draft());
    }

    @Override
    public boolean editable() {
        return host.editable();
    }

    @Override
    public void showUnit(String unitCode) {
        host.showUnit(unitCode);
    }

    @Override
    public void showOutcome(String outcomeCode) {
        host.showOutcome(outcomeCode);
    }

    @Override
    public boolean addSkills(java.util.Map<String, List<String>> skillsByOutcome) {
        if (!host.editable() || skillsByOutcome.isEmpty()) {
            return false;
        }
        var draft = host.draft();
        var targets = new java.util.LinkedHashMap<UnitDraft.OutcomeDraft, List<String>>();
        for (var entry : skillsByOutcome.entrySet()) {
            var outcome = draft.unitOfOutcome(entry.getKey()).flatMap(unit -> unit.outcomes.stream()
                    .filter(o -> entry.getKey().equals(o.code)).findFirst());
            if (outcome.isEmpty()) {
                return false;
            }
            targets.put(outcome.get(), entry.getValue());
        }
        targets.forEach((outcome, skills) -> skills.stream().filter(uri -> !outcome.skills.contains(uri))
                .forEach(outcome.skills::add));
        host.contentChanged();
        return true;
    }

    @Override
    public Registration addChangeListener(Consumer<QualificationDocument> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void reload() {
        host.reload();
    }

    /** Tells every listener about the current working copy. */
    void fireChanged() {
        if (listeners.isEmpty()) {
            return;
        }
        var document = currentDocument();
        listeners.forEach(l -> l.accept(document));
    }
}
