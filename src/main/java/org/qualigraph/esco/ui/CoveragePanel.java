package org.qualigraph.esco.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.qualigraph.curriculum.EditorContext;
import org.qualigraph.esco.SkillSuggestions;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.esco.CoverageDetail;
import org.qualigraph.esco.EscoBrowser;
import org.qualigraph.esco.OccupationalProfileService;
import org.qualigraph.esco.SkillsGap;
import org.qualigraph.esco.SkillsGapService;
import org.qualigraph.esco.TargetSkill;

/**
 * The "ESCO coverage" tab: the designer picks a target (one of the qualification's target occupations, an
 * occupational profile, or any ESCO occupation found by typing) and sees the essential and optional skills covered,
 * the missing essential skills, the units × skills heatmap, the curriculum graph and the occupations the
 * qualification covers best. It follows the working document, unsaved edits included.
 */
class CoveragePanel extends VerticalLayout {

    /** A choice in the target box. */
    record Target(String key, String label, boolean profile) {
    }

    static final int MATCHES = 10;

    private final EditorContext context;
    private final SkillsGapService gap;
    private final OccupationalProfileService profiles;
    private final EscoBrowser browser;
    private final SkillSuggestions suggestions;

    private final ComboBox<Target> target = new ComboBox<>();
    private final Span essential = new Span();
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Span optional = new Span();
    private final H3 missingTitle = new H3();
    private final Div missing = new Div();
    private final CoverageMatrix matrix = new CoverageMatrix();
    private final CurriculumGraph graph = new CurriculumGraph();
    private final Grid<SkillsGap.OccupationMatch> matches = new Grid<>();
    private final Paragraph message = new Paragraph();
    private final Div results = new Div();
    private QualificationDocument document;
    private Registration changes;

    CoveragePanel(EditorContext context, SkillsGapService gap, OccupationalProfileService profiles, EscoBrowser browser,
                  SkillSuggestions suggestions) {
        this.context = context;
        this.suggestions = suggestions;
        this.gap = gap;
        this.profiles = profiles;
        this.browser = browser;
        setId("esco-coverage");
        setPadding(false);
        this.document = context.currentDocument();
        add(createTarget(), message, createResults(), createMatches());
        List<Target> fixed = fixedTargets();
        if (!fixed.isEmpty()) {
            target.setValue(fixed.get(0));
        } else {
            refresh();
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        changes = context.addChangeListener(doc -> {
            document = doc;
            refresh();
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (changes != null) {
            changes.remove();
            changes = null;
        }
    }

    private ComboBox<Target> createTarget() {
        target.setId("coverage-target");
        target.setLabel(getTranslation("gap.target"));
        target.setPlaceholder(getTranslation("gap.target.placeholder"));
        target.setWidth("40rem");
        target.setItemLabelGenerator(Target::label);
        target.setItems(query -> {
            String filter = query.getFilter().orElse("").strip().toLowerCase(Locale.ROOT);
            Stream<Target> own = fixedTargets().stream().filter(t -> t.label().toLowerCase(Locale.ROOT).contains(filter));
            Stream<Target> found = filter.length() < 2 ? Stream.empty() : browser.searchOccupations(filter, 30, language()).stream()
                    .map(o -> new Target(o.uri(), o.label(), false));
            return Stream.concat(own, found).distinct().skip(query.getOffset()).limit(query.getLimit());
        });
        target.addValueChangeListener(e -> refresh());
        return target;
    }

    private List<Target> fixedTargets() {
        var list = new ArrayList<Target>();
        var labels = browser.occupationLabels(document.targetOccupations(), language());
        labels.forEach((uri, label) -> list.add(new Target(uri, getTranslation("gap.target.target", label), false)));
        profiles.list().forEach(p -> list.add(new Target(p.id(), getTranslation("gap.target.profile", p.name()), true)));
        return list;
    }

    private Div createResults() {
        essential.setId("coverage-essential");
        optional.setId("coverage-optional");
        progress.setId("coverage-progress");
        progress.setWidth("30rem");
        missing.setId("coverage-missing");
        graph.setId("coverage-graph");
        var matrixHelp = new Paragraph(getTranslation("gap.matrix.help"));
        var graphHelp = new Paragraph(getTranslation("gap.graph.help"));
        results.add(essential, progress, optional, missingTitle, missing, new H3(getTranslation("gap.matrix")), matrixHelp,
                matrix, new H3(getTranslation("gap.graph")), graphHelp, graph);
        results.setWidthFull();
        return results;
    }

    private Div createMatches() {
        matches.setId("coverage-matches");
        matches.addColumn(SkillsGap.OccupationMatch::label).setHeader(getTranslation("gap.matches.occupation")).setFlexGrow(3);
        matches.addColumn(m -> m.essentialCovered() + " / " + m.essentialTotal())
                .setHeader(getTranslation("gap.matches.covered"));
        matches.addColumn(m -> String.format(Locale.ROOT, "%.0f %%", m.score() * 100)).setHeader(getTranslation("gap.matches.score"));
        matches.addComponentColumn(m -> {
            var use = new Button(getTranslation("gap.matches.use"),
                    e -> target.setValue(new Target(m.occupation(), m.label(), false)));
            use.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            return use;
        });
        matches.setAllRowsVisible(true);
        return new Div(new H3(getTranslation("gap.matches")), matches);
    }

    private void refresh() {
        try {
            matches.setItems(gap.occupationMatches(document, MATCHES));
        } catch (RuntimeException e) {
            matches.setItems(List.of());
        }
        Target chosen = target.getValue();
        if (chosen == null) {
            message.setText(getTranslation("gap.target.none"));
            results.setVisible(false);
            return;
        }
        try {
            show(inUserLanguage(gap.detail(document, chosen.key())));
            message.setText("");
            results.setVisible(true);
        } catch (RuntimeException e) {
            message.setText(getTranslation("gap.error", org.qualigraph.base.Refusals.inWords(e, getLocale())));
            results.setVisible(false);
        }
    }

    private void show(CoverageDetail detail) {
        var c = detail.coverage();
        essential.setText(getTranslation("gap.essential", c.essentialCovered(), c.essentialTotal()));
        progress.setValue(c.essentialShare());
        optional.setText(getTranslation("gap.optional", c.optionalCovered(), c.optionalTotal()));
        missingTitle.setText(getTranslation("gap.missing", c.missingEssential().size()));
        missing.removeAll();
        if (c.missingEssential().isEmpty()) {
            missing.add(new Span(getTranslation("gap.missing.none")));
        }
        var local = detail.skills().stream().filter(TargetSkill::local).map(TargetSkill::uri).toList();
        for (var skill : c.missingEssential()) {
            var row = new Div();
            row.addClassName("missing-skill");
            var label = new Span(skill.label());
            label.getElement().setAttribute("title", skill.uri());
            row.add(label);
            if (local.contains(skill.uri())) {
                var badge = new Span(getTranslation("gap.local"));
                badge.getElement().getThemeList().add("badge contrast small");
                row.add(new Span(" "), badge);
            }
            var add = new Button(getTranslation("gap.missing.add"), e -> openAddDialog(skill));
            add.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            add.addClassName("add-to-outcome");
            row.add(new Span(" "), add);
            missing.add(row);
        }
        matrix.show(document.units().stream().map(u -> u.code()).toList(), detail);
        graph.setElements(CurriculumGraphData.elements(document, detail));
    }

    /**
     * Proposes the outcomes where the missing skill belongs (matching dimension, closest in meaning first) and maps it
     * to the chosen one in the working copy; the designer saves as for any other edit.
     */
    private void openAddDialog(SkillsGap.SkillLabel skill) {
        var dialog = new Dialog();
        dialog.setId("add-to-outcome-dialog");
        dialog.setHeaderTitle(getTranslation("gap.missing.add.title", skill.label()));
        var placements = suggestions.placements(document, skill.uri());
        var outcomes = new Select<SkillSuggestions.Placement>();
        outcomes.setId("add-to-outcome-choice");
        outcomes.setLabel(getTranslation("gap.missing.add.outcome"));
        outcomes.setItems(placements);
        outcomes.setItemLabelGenerator(p -> p.outcomeCode() + " " + abbreviate(p.statement()));
        outcomes.setWidthFull();
        if (!placements.isEmpty()) {
            outcomes.setValue(placements.get(0));
        }
        var add = new Button(getTranslation("gap.missing.add.confirm"), e -> {
            var chosen = outcomes.getValue();
            if (chosen != null && context.addSkills(java.util.Map.of(chosen.outcomeCode(), List.of(skill.uri())))) {
                Notification.show(getTranslation("gap.missing.add.added", skill.label(), chosen.outcomeCode()));
                dialog.close();
            }
        });
        add.setId("add-to-outcome-confirm");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setEnabled(context.editable() && !placements.isEmpty());
        dialog.add(new Paragraph(getTranslation(placements.isEmpty() ? "gap.missing.add.nooutcome"
                : context.editable() ? "gap.missing.add.closest" : "gap.missing.add.readonly")), outcomes);
        dialog.getFooter().add(new Button(getTranslation("profiles.cancel"), e -> dialog.close()), add);
        dialog.open();
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 79) + "\u2026" : text;
    }

    /** The detail with ESCO skill labels in the user's language where that language's ESCO texts were imported. */
    private CoverageDetail inUserLanguage(CoverageDetail detail) {
        String language = language();
        if (language == null || language.equals("en")) {
            return detail;
        }
        var uris = new java.util.LinkedHashSet<String>();
        detail.skills().stream().filter(s -> !s.local()).forEach(s -> uris.add(s.uri()));
        uris.addAll(detail.mappedLabels().keySet());
        var labels = new java.util.HashMap<String, String>();
        browser.skillRefs(List.copyOf(uris), language).forEach(ref -> {
            if (ref.label() != null) {
                labels.put(ref.uri(), ref.label());
            }
        });
        return detail.relabelled(labels);
    }

    /** The user's language: ESCO texts are shown in it where that language's package was imported. */
    private String language() {
        return getLocale() == null ? null : getLocale().getLanguage();
    }
}
