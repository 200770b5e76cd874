package org.qualigraph.esco.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;
import org.qualigraph.esco.CoverageDetail;
import org.qualigraph.esco.TargetSkill;

/**
 * The heatmap of units × essential skills, rendered on the server as a CSS grid: one row per essential skill of the
 * target, one column per unit; a cell's colour and number give how many outcomes of the unit cover the skill.
 */
class CoverageMatrix extends Div {

    private static final String[] HEAT = {"var(--lumo-contrast-5pct)", "#bbf7d0", "#4ade80", "#16a34a"};

    CoverageMatrix() {
        setId("coverage-matrix");
        getStyle().set("display", "grid").set("gap", "2px").set("overflow-x", "auto").set("font-size", "var(--lumo-font-size-s)");
    }

    void show(List<String> unitCodes, CoverageDetail detail) {
        removeAll();
        List<TargetSkill> essential = detail.skills().stream().filter(TargetSkill::essential).toList();
        if (essential.isEmpty()) {
            add(new Span(getTranslation("gap.matrix.empty")));
            getStyle().set("grid-template-columns", "1fr");
            return;
        }
        getStyle().set("grid-template-columns", "minmax(14rem, 2fr) repeat(" + Math.max(1, unitCodes.size()) + ", 2.75rem)");
        add(header(getTranslation("gap.matrix.skill")));
        unitCodes.forEach(code -> add(header(code)));
        for (TargetSkill skill : essential) {
            var label = new Span(skill.label());
            label.getElement().setAttribute("title", skill.uri());
            if (skill.local()) {
                var badge = new Span(getTranslation("gap.local"));
                badge.getElement().getThemeList().add("badge contrast small");
                var wrap = new Div(label, new Span(" "), badge);
                wrap.addClassName("matrix-skill");
                add(wrap);
            } else {
                label.addClassName("matrix-skill");
                add(label);
            }
            Map<String, Integer> counts = detail.outcomesPerUnit().getOrDefault(skill.uri(), Map.of());
            for (String code : unitCodes) {
                int count = counts.getOrDefault(code, 0);
                add(cell(code, skill, count));
            }
        }
    }

    private Div cell(String unit, TargetSkill skill, int count) {
        var cell = new Div();
        cell.addClassName("matrix-cell");
        cell.getElement().setAttribute("data-unit", unit);
        cell.getElement().setAttribute("data-skill", skill.uri());
        cell.getElement().setAttribute("data-count", Integer.toString(count));
        cell.getElement().setAttribute("title", getTranslation("gap.matrix.cell", unit, count, skill.label()));
        cell.setText(count == 0 ? "" : Integer.toString(count));
        cell.getStyle().set("background", HEAT[Math.min(count, HEAT.length - 1)]).set("text-align", "center")
                .set("border-radius", "3px").set("min-height", "1.5rem").set("line-height", "1.5rem");
        if (count >= 3) {
            cell.getStyle().set("color", "white");
        }
        return cell;
    }

    private static Span header(String text) {
        var span = new Span(text);
        span.getStyle().set("font-weight", "600");
        return span;
    }
}
