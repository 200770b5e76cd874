package org.qualigraph.quality.ui;

import com.vaadin.flow.component.Component;
import org.qualigraph.curriculum.EditorContext;
import org.qualigraph.curriculum.QualificationEditorExtension;
import org.qualigraph.quality.GovernanceRecordService;

/** Adds the "Evidence" tab to the qualification editor. */
@org.springframework.stereotype.Component
class EvidenceEditorExtension implements QualificationEditorExtension {

    private final GovernanceRecordService governance;

    EvidenceEditorExtension(GovernanceRecordService governance) {
        this.governance = governance;
    }

    @Override
    public String id() {
        return "evidence";
    }

    @Override
    public String label() {
        return WorkflowTexts.t("evidence.tab");
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Component create(EditorContext context) {
        return new EvidencePanel(context, governance);
    }
}
