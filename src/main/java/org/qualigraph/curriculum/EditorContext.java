package org.qualigraph.curriculum;

import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;

/** What an editor extension may see of, and do with, the open qualification editor. */
public interface EditorContext {

    /** The id of the qualification being edited. */
    String qualificationId();

    /** The document as the designer sees it now, unsaved edits included. */
    QualificationDocument currentDocument();

    /**
     * Whether the user may change content: a designer, and the qualification is a draft or has changes requested (in
     * review and approved ones are locked while the reviewer holds them; published and archived ones never change).
     */
    boolean editable();

    /** Selects the unit with this code in the editor (and switches to the units tab). */
    void showUnit(String unitCode);

    /** Selects the outcome with this code (within its unit) in the editor. */
    void showOutcome(String outcomeCode);

    /** Called with the working document after each edit (debounced by the editor) and after each save. */
    Registration addChangeListener(Consumer<QualificationDocument> listener);

    /**
     * Maps skills to outcomes in the working copy (outcome code to skill URIs), unsaved, as if the designer had
     * picked them in the skill picker. Nothing changes, and the answer is false, when the user may not edit or an
     * outcome code is unknown.
     */
    default boolean addSkills(java.util.Map<String, java.util.List<String>> skillsByOutcome) {
        return false;
    }

    /** Reloads the qualification from the server (e.g. after a workflow transition changed its status). */
    void reload();
}
