package org.qualigraph.quality.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qualigraph.base.EnumLabels;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.quality.OutcomeWritingAdvisor;
import org.qualigraph.quality.QualityReport;
import org.qualigraph.quality.QualityReport.Finding;
import org.qualigraph.quality.QualityReport.RuleResult;
import org.qualigraph.quality.QualityReport.RuleStatus;
import org.qualigraph.quality.QualityService;
import org.qualigraph.quality.Severity;
import org.qualigraph.quality.StandardGroup;

/**
 * The quality report: every rule grouped by standard with passed/failed, findings filterable by severity, each
 * finding with a button to the unit or outcome to fix, outcome-writing suggestions and the thresholds in force.
 */
class QualityReportPanel extends VerticalLayout {

    /** Where a finding's button leads (the editor); null in the read-only report view. */
    interface Navigator {
        void showUnit(String unitCode);

        void showOutcome(String outcomeCode);
    }

    static final String ALL = "ALL";

    private final QualityService quality;
    private final Navigator navigator;
    private final Span summary = new Span();
    private final RadioButtonGroup<String> filter = new RadioButtonGroup<>();
    private final VerticalLayout groups = new VerticalLayout();
    private final QualityDashboard dashboard = new QualityDashboard();
    private final Div thresholds = new Div();
    private QualificationDocument document;
    private QualityReport report;

    QualityReportPanel(QualityService quality, Navigator navigator) {
        this.quality = quality;
        this.navigator = navigator;
        setPadding(false);
        thresholds.setId("quality-thresholds");
        thresholds.getStyle().set("font-size", "var(--lumo-font-size-s)").set("white-space", "pre-line");
        var thresholdDetails = new Details(getTranslation("quality.thresholds"), thresholds);
        thresholdDetails.setWidthFull();
        add(createHeader(), groups, createDashboard(), thresholdDetails);
        groups.setPadding(false);
        groups.setSpacing(false);
    }

    private Component createHeader() {
        summary.setId("quality-summary");
        filter.setId("quality-filter");
        filter.setItems(ALL, Severity.ERROR.name(), Severity.WARNING.name(), Severity.INFO.name());
        filter.setItemLabelGenerator(item -> getTranslation("quality.filter." + item));
        filter.setValue(ALL);
        filter.addValueChangeListener(e -> render());
        var header = new HorizontalLayout(summary, filter);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();
        return header;
    }

    private Component createDashboard() {
        var details = new Details(getTranslation("quality.dashboard"), dashboard);
        details.setId("quality-dashboard");
        details.setWidthFull();
        return details;
    }

    /** Checks the document as it is now and shows the result. */
    void show(QualificationDocument doc) {
        show(doc, quality.check(doc));
    }

    void show(QualificationDocument doc, QualityReport newReport) {
        this.document = doc;
        this.report = newReport;
        render();
    }

    QualityReport report() {
        return report;
    }

    void setSeverityFilter(String value) {
        filter.setValue(value);
    }

    private void render() {
        groups.removeAll();
        if (report == null) {
            return;
        }
        var s = report.summary();
        summary.setText(getTranslation("quality.summary", s.errors(), s.warnings(), s.infos()));
        String selected = filter.getValue() == null ? ALL : filter.getValue();
        for (StandardGroup group : StandardGroup.values()) {
            List<RuleResult> rules = report.rules().stream().filter(r -> r.standard() == group).toList();
            var content = new VerticalLayout();
            content.setPadding(false);
            content.setSpacing(false);
            int shown = 0;
            for (RuleResult rule : rules) {
                List<Finding> findings = report.findingsOf(rule.rule()).stream()
                        .filter(f -> ALL.equals(selected) || f.severity().name().equals(selected)).toList();
                if (!ALL.equals(selected) && findings.isEmpty()) {
                    continue;
                }
                content.add(createRule(rule, findings));
                shown++;
            }
            if (group == StandardGroup.OUTCOMES && document != null) {
                createWritingHelp().ifPresent(content::add);
            }
            if (shown == 0 && !ALL.equals(selected)) {
                continue;
            }
            long failed = rules.stream().filter(r -> !r.passed()).count();
            var details = new Details(getTranslation("quality.standard." + group.name()) + " · "
                    + getTranslation("quality.group.counts", rules.size() - failed, failed), content);
            details.setId("quality-group-" + group.name());
            details.setOpened(failed > 0);
            details.setWidthFull();
            groups.add(details);
        }
        dashboard.show(document, report);
        var lines = new StringBuilder();
        thresholds(report).forEach((name, value) -> lines.append(getTranslation("quality.threshold." + name))
                .append(": ").append(value).append('\n'));
        thresholds.setText(lines.toString());
    }

    private Component createRule(RuleResult rule, List<Finding> findings) {
        var row = new Div();
        row.setId("quality-rule-" + rule.rule());
        row.getStyle().set("padding", "var(--lumo-space-xs) 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        var status = new Span(getTranslation("quality.status." + rule.status().name()));
        status.getStyle().set("font-weight", "600").set("color", switch (rule.status()) {
            case PASSED -> "var(--lumo-success-text-color)";
            case FAILED -> rule.severity() == Severity.ERROR ? "var(--lumo-error-text-color)" : "var(--lumo-warning-text-color, #b26b00)";
            default -> "var(--lumo-secondary-text-color)";
        });
        var title = new Span(rule.rule() + " · " + ruleTitle(rule) + " ");
        var severity = severityBadge(rule.severity());
        var head = new HorizontalLayout(status, title, severity);
        head.setSpacing(true);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.add(head);
        if (rule.note() != null && rule.status() != RuleStatus.FAILED || rule.note() != null && findings.isEmpty()) {
            var note = new Div(rule.note(getLocale()));
            note.addClassName("quality-rule-note");
            note.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            row.add(note);
        }
        for (Finding finding : findings) {
            row.add(createFinding(finding));
        }
        var source = new Div(getTranslation("quality.source") + ": " + rule.source());
        source.addClassName("quality-rule-source");
        source.getStyle().set("color", "var(--lumo-tertiary-text-color)").set("font-size", "var(--lumo-font-size-xs)");
        row.add(source);
        return row;
    }

    private Component createFinding(Finding finding) {
        var line = new HorizontalLayout();
        line.addClassName("quality-finding");
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        line.getStyle().set("margin-left", "var(--lumo-space-m)");
        line.add(severityBadge(finding.severity()));
        if (finding.blocksPublication()) {
            line.add(blocksPublicationMark());
        }
        line.add(new Span(finding.message(getLocale())));
        for (String subject : finding.subjects()) {
            Optional<Runnable> action = target(subject);
            if (action.isPresent() && navigator != null) {
                var go = new Button(getTranslation("quality.show", subject), e -> action.get().run());
                go.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                go.setId("quality-goto-" + finding.rule() + "-" + subject);
                line.add(go);
            } else if (action.isPresent()) {
                line.add(new Span("[" + subject + "]"));
            }
        }
        return line;
    }

    /** Where a subject code leads: an outcome, a unit, or the unit of an assessment or work-based period. */
    private Optional<Runnable> target(String code) {
        if (document == null || code == null) {
            return Optional.empty();
        }
        for (UnitDocument unit : document.units()) {
            if (code.equals(unit.code())) {
                return Optional.of(() -> navigator.showUnit(code));
            }
            for (OutcomeDocument outcome : unit.outcomes()) {
                if (code.equals(outcome.code())) {
                    return Optional.of(() -> navigator.showOutcome(code));
                }
            }
            boolean owned = unit.assessments().stream().anyMatch(a -> code.equals(a.code()))
                    || unit.workBasedLearning().stream().anyMatch(w -> code.equals(w.code()));
            if (owned) {
                String unitCode = unit.code();
                return Optional.of(() -> navigator.showUnit(unitCode));
            }
        }
        return Optional.empty();
    }

    /** For each outcome flagged by LO-01..03: the verb found, its Bloom band, the level's band and verbs to use. */
    private Optional<Component> createWritingHelp() {
        var flagged = report.findings().stream().filter(f -> f.rule().startsWith("LO-0") && !f.rule().equals("LO-04"))
                .flatMap(f -> f.subjects().stream()).distinct().toList();
        if (flagged.isEmpty()) {
            return Optional.empty();
        }
        var help = new VerticalLayout();
        help.setId("quality-writing-help");
        help.setPadding(false);
        help.add(new H4(getTranslation("quality.writing.title")));
        help.add(new Span(getTranslation("quality.writing.languages")));
        OutcomeWritingAdvisor advisor = quality.advisor();
        for (UnitDocument unit : document.units()) {
            for (OutcomeDocument outcome : unit.outcomes()) {
                if (!flagged.contains(outcome.code())) {
                    continue;
                }
                int level = outcome.eqfLevel() != null ? outcome.eqfLevel()
                        : unit.eqfLevel() != null ? unit.eqfLevel() : document.eqfLevel() == null ? 4 : document.eqfLevel();
                var analysis = advisor.analyse(outcome.statement());
                if (analysis.isEmpty()) {
                    continue;
                }
                var advice = OutcomeWritingAdvisor.verbAdvice(analysis.get(), level, quality.thresholds().bloomTolerance());
                String text;
                if (advice.isPresent()) {
                    var a = advice.get();
                    String verb = a.verb() == null ? getTranslation("quality.writing.noVerb")
                            : a.band() == null ? getTranslation("quality.writing.vagueVerb", a.verb())
                            : getTranslation("quality.writing.bandVerb", a.verb(), EnumLabels.of(a.band()));
                    text = getTranslation("quality.writing.advice", verb, level,
                            String.join(" / ", a.expected().stream().map(EnumLabels::of).toList()),
                            String.join(", ", a.suggestions()));
                } else {
                    var problems = analysis.get().structureProblemTexts(quality.thresholds().minOutcomeWords());
                    if (problems.isEmpty()) {
                        continue;
                    }
                    text = getTranslation("quality.writing.structure",
                            String.join("; ", problems.stream().map(p -> p.in(getLocale())).toList()));
                }
                var line = new Div(new Span(outcome.code() + ": " + text));
                line.addClassName("writing-advice");
                if (navigator != null) {
                    var go = new Button(getTranslation("quality.show", outcome.code()), e -> navigator.showOutcome(outcome.code()));
                    go.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    line.add(go);
                }
                help.add(line);
            }
        }
        return Optional.of(help);
    }

    /**
     * "Blocks publication" beside a finding that the publication gate will refuse, shown from the draft on so that
     * nobody learns it only when publishing.
     */
    static Span blocksPublicationMark() {
        var mark = new Span(com.vaadin.flow.i18n.I18NProvider.translate("quality.blocksPublication"));
        mark.addClassName("blocks-publication");
        mark.getElement().getThemeList().add("badge");
        mark.getStyle().set("color", "var(--lumo-error-text-color)").set("border", "1px solid var(--lumo-error-color-50pct)")
                .set("border-radius", "var(--lumo-border-radius-s)").set("padding", "0 var(--lumo-space-xs)")
                .set("font-size", "var(--lumo-font-size-xxs)").set("white-space", "nowrap");
        return mark;
    }

    static Span severityBadge(Severity severity) {
        var badge = new Span(EnumLabels.of(severity));
        badge.getElement().getThemeList().add("badge");
        String color = switch (severity) {
            case ERROR -> "var(--lumo-error-color)";
            case WARNING -> "#b26b00";
            case INFO -> "var(--lumo-contrast-60pct)";
        };
        badge.getStyle().set("color", "white").set("background", color).set("border-radius", "var(--lumo-border-radius-s)")
                .set("padding", "0 var(--lumo-space-xs)").set("font-size", "var(--lumo-font-size-xxs)");
        return badge;
    }

    /** The thresholds in force, as "name: value" lines for the report footer. */
    static Map<String, Object> thresholds(QualityReport report) {
        var t = report.thresholds();
        var map = new java.util.LinkedHashMap<String, Object>();
        map.put("workBasedShareMin", t.workBasedShareMin());
        map.put("hoursPerEcts", t.hoursPerEctsMin() + "-" + t.hoursPerEctsMax());
        map.put("ecvetPointsPerYear", t.ecvetPointsPerYear() + " ±" + Math.round(t.ecvetTolerance() * 100) + " %");
        map.put("fullTimeYearHours", t.fullTimeYearHours());
        map.put("reviewHorizonYears", t.reviewHorizonYears());
        map.put("nearDuplicateSimilarity", t.nearDuplicateSimilarity());
        map.put("minOutcomeWords", t.minOutcomeWords());
        map.put("bloomTolerance", t.bloomTolerance());
        map.put("essentialCoverageMin", t.essentialCoverageMin());
        map.put("eqfBelowQualificationMax", t.eqfBelowQualificationMax());
        return map;
    }

    /** The rule's title in the user's language ({@code quality.rule.<id>}); the engine's English title otherwise. */
    private String ruleTitle(RuleResult rule) {
        String key = "quality.rule." + rule.rule();
        String text = getTranslation(key);
        return text == null || text.isBlank() || text.contains(key) ? rule.title() : text;
    }
}
