package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qualigraph.curriculum.Dimension;
import org.qualigraph.curriculum.SkillCatalog;
import org.qualigraph.curriculum.Texts;

/**
 * Maps a whole curriculum in one pass: for every outcome without a skill it lists the ESCO skills its statement
 * means (of the dimension rule ESCO-02 expects), the best one ticked. The designer unticks what is wrong, ticks what
 * fits, and "Apply" adds the ticked skills to the working copy; the editor's Save then stores them all at once.
 */
class MapSkillsDialog extends Dialog {

    static final int PER_OUTCOME = 5;

    private final Map<UnitDraft.OutcomeDraft, List<Choice>> choices = new LinkedHashMap<>();

    private record Choice(String uri, Checkbox box) {
    }

    MapSkillsDialog(QualificationDraft draft, SkillCatalog catalog, Runnable onApplied) {
        setId("map-skills-dialog");
        setHeaderTitle(getTranslation("curriculum.ui.mapSkills.title"));
        setWidth("56em");
        var body = new VerticalLayout();
        body.setPadding(false);
        boolean meaning = true;
        for (UnitDraft unit : draft.units) {
            for (UnitDraft.OutcomeDraft outcome : unit.outcomes) {
                String statement = Texts.display(outcome.statement);
                if (!outcome.skills.isEmpty() || statement.isBlank()) {
                    continue;
                }
                var result = catalog.suggestWithReasons(statement, PER_OUTCOME * 3);
                meaning &= result.byMeaning();
                var section = new Div();
                section.addClassName("map-skills-outcome");
                section.add(new H4(outcome.code + " " + statement));
                String language = outcome.statement.containsKey("en") ? "en"
                        : outcome.statement.keySet().stream().findFirst().orElse(null);
                if (result.byMeaning() && language != null && !catalog.meaningLanguages().contains(language)) {
                    var note = new com.vaadin.flow.component.html.Span(getTranslation("curriculum.ui.skills.meaningLanguage",
                            java.util.Locale.forLanguageTag(language).getDisplayLanguage(getLocale())));
                    note.addClassName("skill-suggest-language");
                    section.add(note);
                }
                var list = new ArrayList<Choice>();
                for (var suggestion : result.skills()) {
                    if (!fits(suggestion.skill().skillType(), outcome.dimension) || list.size() == PER_OUTCOME) {
                        continue;
                    }
                    var box = new Checkbox(SkillPicker.describe(suggestion.skill(), getLocale()) + "  ("
                            + String.join(" + ", suggestion.matchedBy().stream()
                            .map(m -> getTranslation("curriculum.ui.skills.matchedBy." + m)).toList()) + ")");
                    box.addClassName("map-skills-choice");
                    box.setValue(list.isEmpty());
                    list.add(new Choice(suggestion.skill().uri(), box));
                    section.add(new Div(box));
                }
                if (list.isEmpty()) {
                    section.add(new Span(getTranslation("curriculum.ui.none")));
                }
                choices.put(outcome, list);
                body.add(section);
            }
        }
        if (choices.isEmpty()) {
            body.add(new Paragraph(getTranslation("curriculum.ui.mapSkills.nothing")));
        } else {
            body.addComponentAsFirst(new Paragraph(getTranslation(meaning ? "curriculum.ui.mapSkills.help"
                    : "curriculum.ui.skills.wordsOnly")));
        }
        add(body);
        var apply = new Button(getTranslation("curriculum.ui.mapSkills.apply"), e -> {
            if (apply() > 0) {
                onApplied.run();
            }
            close();
        });
        apply.setId("map-skills-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(!choices.isEmpty());
        getFooter().add(new Button(getTranslation("curriculum.ui.close"), e -> close()), apply);
    }

    /** Adds the ticked skills to their outcomes; returns how many were added. */
    int apply() {
        int added = 0;
        for (var entry : choices.entrySet()) {
            for (Choice choice : entry.getValue()) {
                if (choice.box().getValue() && !entry.getKey().skills.contains(choice.uri())) {
                    entry.getKey().skills.add(choice.uri());
                    added++;
                }
            }
        }
        return added;
    }

    /** Rule ESCO-02: knowledge concepts go to KNOWLEDGE outcomes, skills and competences to the other dimensions. */
    static boolean fits(String skillType, Dimension dimension) {
        if (skillType == null || dimension == null) {
            return true;
        }
        return "knowledge".equals(skillType) == (dimension == Dimension.KNOWLEDGE);
    }
}
