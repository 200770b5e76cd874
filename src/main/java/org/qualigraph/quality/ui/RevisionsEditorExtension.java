package org.qualigraph.quality.ui;

import com.vaadin.flow.component.Component;
import org.qualigraph.curriculum.EditorContext;
import org.qualigraph.curriculum.QualificationEditorExtension;
import org.qualigraph.quality.ReviewWorkflowService;
import org.qualigraph.quality.VariantChangesService;

/** Adds the "Revisions" tab to the qualification editor. */
@org.springframework.stereotype.Component
class RevisionsEditorExtension implements QualificationEditorExtension {

    private final ReviewWorkflowService workflow;
    private final VariantChangesService variantChanges;

    RevisionsEditorExtension(ReviewWorkflowService workflow, VariantChangesService variantChanges) {
        this.workflow = workflow;
        this.variantChanges = variantChanges;
    }

    @Override
    public String id() {
        return "revisions";
    }

    @Override
    public String label() {
        return WorkflowTexts.t("revisions.tab");
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public Component create(EditorContext context) {
        return new RevisionsPanel(context, workflow, variantChanges);
    }
}
