package org.qualigraph.quality.ui;

import com.vaadin.flow.component.Component;
import org.qualigraph.curriculum.EditorContext;
import org.qualigraph.curriculum.QualificationEditorExtension;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.quality.ReviewCommentService;
import org.qualigraph.quality.ReviewWorkflowService;

/** Adds the "Review" tab to the qualification editor: status, workflow actions, history, comments and audit log. */
@org.springframework.stereotype.Component
class ReviewEditorExtension implements QualificationEditorExtension {

    private final ReviewWorkflowService workflow;
    private final ReviewCommentService comments;
    private final QualificationService qualifications;
    private final org.springframework.beans.factory.ObjectProvider<org.qualigraph.esco.EscoCatalog> esco;

    ReviewEditorExtension(ReviewWorkflowService workflow, ReviewCommentService comments,
                          QualificationService qualifications,
                          org.springframework.beans.factory.ObjectProvider<org.qualigraph.esco.EscoCatalog> esco) {
        this.esco = esco;
        this.workflow = workflow;
        this.comments = comments;
        this.qualifications = qualifications;
    }

    @Override
    public String id() {
        return "review";
    }

    @Override
    public String label() {
        return WorkflowTexts.t("review.tab");
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Component create(EditorContext context) {
        return new ReviewPanel(context, workflow, comments, qualifications,
                texts -> EscoLabels.label(esco.getIfAvailable(), texts, language()));
    }

    /** The reader's interface language, in which ESCO labels are shown where imported. */
    private static String language() {
        var ui = com.vaadin.flow.component.UI.getCurrent();
        return ui == null || ui.getLocale() == null ? null : ui.getLocale().getLanguage();
    }
}
