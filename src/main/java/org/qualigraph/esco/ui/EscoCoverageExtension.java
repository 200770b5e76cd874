package org.qualigraph.esco.ui;

import org.qualigraph.curriculum.EditorContext;
import org.qualigraph.curriculum.QualificationEditorExtension;
import org.qualigraph.esco.EscoBrowser;
import org.qualigraph.esco.OccupationalProfileService;
import org.qualigraph.esco.SkillSuggestions;
import org.qualigraph.esco.SkillsGapService;

/** Adds the "ESCO coverage" tab to the qualification editor, for every role. */
@org.springframework.stereotype.Component
class EscoCoverageExtension implements QualificationEditorExtension {

    private final SkillsGapService gap;
    private final OccupationalProfileService profiles;
    private final EscoBrowser browser;
    private final SkillSuggestions suggestions;

    EscoCoverageExtension(SkillsGapService gap, OccupationalProfileService profiles, EscoBrowser browser,
                          SkillSuggestions suggestions) {
        this.suggestions = suggestions;
        this.gap = gap;
        this.profiles = profiles;
        this.browser = browser;
    }

    @Override
    public String id() {
        return "esco-coverage";
    }

    @Override
    public String label() {
        return com.vaadin.flow.i18n.I18NProvider.translate("gap.tab");
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public com.vaadin.flow.component.Component create(EditorContext context) {
        return new CoveragePanel(context, gap, profiles, browser, suggestions);
    }
}
