package org.qualigraph.quality.ui;

import com.vaadin.flow.component.html.Span;
import org.qualigraph.quality.QualityReport;

/** The editor header's live badge: "2 errors · 5 warnings", red with errors, amber with warnings, green otherwise. */
class QualityBadge extends Span {

    QualityBadge() {
        setId("quality-badge");
        getElement().getThemeList().add("badge");
        getStyle().set("padding", "0 var(--lumo-space-s)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("font-size", "var(--lumo-font-size-s)").set("color", "white")
                .set("white-space", "nowrap").set("flex-shrink", "0");
    }

    void show(QualityReport report) {
        var s = report.summary();
        setText(getTranslation("quality.badge", s.errors(), s.warnings()));
        String level = s.errors() > 0 ? "error" : s.warnings() > 0 ? "warning" : "ok";
        getElement().setAttribute("data-level", level);
        getStyle().set("background", switch (level) {
            case "error" -> "var(--lumo-error-color)";
            case "warning" -> "#ef8f00";
            default -> "var(--lumo-success-color)";
        });
        setTitle(getTranslation("quality.badge.title", s.infos()));
    }
}
