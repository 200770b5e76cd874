package org.qualigraph.quality.ui;

import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qualigraph.base.EnumLabels;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.quality.QualityReport;
import org.qualigraph.quality.Severity;
import org.qualigraph.quality.StandardGroup;

/** Charts of a report: findings by standard, credits and hours per unit, and the work-based share of the hours. */
class QualityDashboard extends VerticalLayout {

    private final QgChart findingsChart = new QgChart();
    private final QgChart unitsChart = new QgChart();
    private final QgChart workBasedChart = new QgChart();
    private final Span workBasedText = new Span();

    QualityDashboard() {
        setPadding(false);
        findingsChart.setId("chart-findings");
        unitsChart.setId("chart-units");
        workBasedChart.setId("chart-work-based");
        workBasedText.setId("work-based-share");
        workBasedChart.setHeight("220px");
        add(new H4(getTranslation("quality.chart.findings")), findingsChart,
                new H4(getTranslation("quality.chart.units")), unitsChart,
                new H4(getTranslation("quality.chart.workBased")), workBasedText, workBasedChart);
    }

    void show(QualificationDocument doc, QualityReport report) {
        findingsChart.setConfig(findingsConfig(report));
        if (doc != null) {
            unitsChart.setConfig(unitsConfig(doc));
            int total = doc.units().stream().mapToInt(u -> u.hours() == null ? 0 : u.hours()).sum();
            int work = doc.units().stream().mapToInt(UnitDocument::workBasedHours).sum();
            workBasedText.setText(getTranslation("quality.chart.workBasedShare", work, total,
                    total == 0 ? 0 : Math.round(100.0 * work / total)));
            workBasedChart.setConfig(Map.of("type", "doughnut", "data", Map.of(
                    "labels", List.of(getTranslation("quality.chart.workBasedHours"), getTranslation("quality.chart.otherHours")),
                    "datasets", List.of(Map.of("data", List.of(work, Math.max(0, total - work)),
                            "backgroundColor", List.of("#2e7d32", "#90a4ae"))))));
        }
    }

    static Map<String, Object> findingsConfig(QualityReport report) {
        var labels = new ArrayList<String>();
        var counts = new LinkedHashMap<Severity, List<Long>>();
        for (Severity s : Severity.values()) {
            counts.put(s, new ArrayList<>());
        }
        for (StandardGroup group : StandardGroup.values()) {
            labels.add(EnumLabels.of(group));
            var ruleIds = report.rules().stream().filter(r -> r.standard() == group).map(QualityReport.RuleResult::rule).toList();
            for (Severity s : Severity.values()) {
                counts.get(s).add(report.findings().stream()
                        .filter(f -> f.severity() == s && ruleIds.contains(f.rule())).count());
            }
        }
        var colors = Map.of(Severity.ERROR, "#c62828", Severity.WARNING, "#ef8f00", Severity.INFO, "#78909c");
        var datasets = new ArrayList<Map<String, Object>>();
        counts.forEach((s, values) -> datasets.add(Map.of("label", EnumLabels.of(s), "data", values, "backgroundColor", colors.get(s))));
        return Map.of("type", "bar", "data", Map.of("labels", labels, "datasets", datasets),
                "options", Map.of("scales", Map.of("x", Map.of("stacked", true), "y", Map.of("stacked", true,
                        "ticks", Map.of("precision", 0)))));
    }

    static Map<String, Object> unitsConfig(QualificationDocument doc) {
        var labels = doc.units().stream().map(UnitDocument::code).toList();
        var credits = doc.units().stream().map(u -> u.credits() == null ? 0 : u.credits().doubleValue()).toList();
        var hours = doc.units().stream().map(u -> u.hours() == null ? 0 : u.hours()).toList();
        var work = doc.units().stream().map(UnitDocument::workBasedHours).toList();
        return Map.of("type", "bar", "data", Map.of("labels", labels, "datasets", List.of(
                        Map.of("label", "credits", "data", credits, "yAxisID", "credits", "backgroundColor", "#1565c0"),
                        Map.of("label", "hours", "data", hours, "yAxisID", "hours", "backgroundColor", "#90caf9"),
                        Map.of("label", "work-based hours", "data", work, "yAxisID", "hours", "backgroundColor", "#2e7d32"))),
                "options", Map.of("scales", Map.of(
                        "credits", Map.of("type", "linear", "position", "left", "title", Map.of("display", true, "text", "credits")),
                        "hours", Map.of("type", "linear", "position", "right", "title", Map.of("display", true, "text", "hours"),
                                "grid", Map.of("drawOnChartArea", false)))));
    }
}
