package org.qualigraph.exchange.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.Set;
import org.qualigraph.curriculum.EditorContext;
import org.qualigraph.curriculum.QualificationEditorExtension;
import org.qualigraph.exchange.elm.PreflightService;


/** The "Submit to authority" tab of the qualification editor: checks the document as the designer sees it now. */
@org.springframework.stereotype.Component
class PreflightEditorTab implements QualificationEditorExtension {

    private final PreflightService preflight;
    private final org.qualigraph.curriculum.PersistentIdentifiers identifiers;

    PreflightEditorTab(PreflightService preflight, org.qualigraph.curriculum.PersistentIdentifiers identifiers) {
        this.preflight = preflight;
        this.identifiers = identifiers;
    }

    @Override
    public String id() {
        return "preflight";
    }

    @Override
    public String label() {
        UI ui = UI.getCurrent();
        return ui == null ? "Submit to authority" : ui.getTranslation("preflight.tab");
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public boolean visibleTo(Set<String> roles) {
        return roles.contains("DESIGNER") || roles.contains("REVIEWER") || roles.contains("ADMIN");
    }

    @Override
    public Component create(EditorContext context) {
        return new PreflightPanel(preflight, context::currentDocument, context, identifiers);
    }
}
