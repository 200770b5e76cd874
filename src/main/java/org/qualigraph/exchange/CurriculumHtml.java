package org.qualigraph.exchange;

import java.time.LocalDate;
import java.util.List;
import org.qualigraph.quality.Governance;

/**
 * Lays out {@link CurriculumContent} as one well-formed XHTML document: the HTML export as it is, the PDF export through
 * openhtmltopdf with CSS paged media (running page numbers, a table of contents with {@code target-counter}). Every
 * piece of text goes through {@link #escape(String)}, so markup in a title shows as text.
 */
final class CurriculumHtml {

    /** The family name under which the PDF renderer registers the embedded DejaVu Sans. */
    static final String FONT_FAMILY = "DejaVu Sans";

    private static final String BASE_CSS = """
            body { font-family: '%s', sans-serif; font-size: 10.5pt; line-height: 1.4; color: #1a1a1a; }
            h1 { font-size: 24pt; margin: 0 0 8pt 0; }
            h2 { font-size: 16pt; margin: 18pt 0 6pt 0; border-bottom: 1px solid #888; }
            h3 { font-size: 12pt; margin: 12pt 0 4pt 0; }
            table.facts { border-collapse: collapse; width: 100%%; margin: 4pt 0 8pt 0; }
            table.facts th { text-align: left; vertical-align: top; width: 32%%; padding: 2pt 6pt 2pt 0; font-weight: bold; }
            table.facts td { vertical-align: top; padding: 2pt 0; }
            .code { font-weight: bold; white-space: nowrap; }
            .muted { color: #555; }
            .note { font-style: italic; color: #444; }
            ul { margin: 2pt 0 6pt 0; }
            .title-page { text-align: center; padding-top: 180pt; }
            .title-page .subtitle { font-size: 14pt; color: #444; }
            .toc ul { list-style: none; padding-left: 0; }
            .toc a { text-decoration: none; color: #1a1a1a; }
            """;

    private static final String PRINT_CSS = """
            @page { size: A4; margin: 22mm 18mm 22mm 18mm;
                    @bottom-center { content: "%s " counter(page) " / " counter(pages); font-family: '%s'; font-size: 9pt; color: #555; } }
            @page :first { @bottom-center { content: none; } }
            .title-page, .toc, .section-break { page-break-after: always; }
            .unit { page-break-before: always; }
            .toc a::after { content: " … " target-counter(attr(href), page); }
            """;

    private CurriculumHtml() {
    }

    static String render(CurriculumContent c, boolean paged) {
        var m = c.messages();
        var out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(escape(c.language()))
                .append("\"><head><meta charset=\"UTF-8\"/><title>").append(escape(c.title())).append("</title><style>")
                .append(BASE_CSS.formatted(FONT_FAMILY));
        if (paged) {
            out.append(PRINT_CSS.formatted(escapeCss(m.get("page")), FONT_FAMILY));
        }
        out.append("</style></head><body>");

        out.append("<div class=\"title-page\"><h1 id=\"title\">").append(escape(c.title())).append("</h1>")
                .append("<p class=\"subtitle\">").append(escape(c.subtitle())).append("</p>")
                .append("<p class=\"muted\">").append(escape(m.get("document.generated", LocalDate.now().toString()))).append("</p>");
        if (c.untranslatedNote() != null) {
            out.append("<p class=\"note\" id=\"untranslated-note\">").append(escape(c.untranslatedNote())).append("</p>");
        }
        out.append("</div>");

        out.append("<div class=\"toc\"><h2>").append(escape(m.get("toc"))).append("</h2><ul>");
        tocEntry(out, "profile", m.get("section.profile"));
        tocEntry(out, "units", m.get("section.units"));
        out.append("<li><ul>");
        for (var unit : c.units()) {
            tocEntry(out, unit.anchor(), unit.heading());
        }
        out.append("</ul></li>");
        tocEntry(out, "coverage", m.get("section.coverage"));
        if (c.qualityNote() != null) {
            tocEntry(out, "annex-quality", m.get("section.annex.quality"));
        }
        if (c.approval() != null) {
            tocEntry(out, "annex-approval", m.get("section.annex.approval"));
        }
        out.append("</ul></div>");

        out.append("<div class=\"section-break\"><h2 id=\"profile\">").append(escape(m.get("section.profile"))).append("</h2>");
        facts(out, c.profile());
        if (!c.description().isBlank()) {
            out.append("<h3>").append(escape(m.get("section.description"))).append("</h3><p>")
                    .append(escape(c.description())).append("</p>");
        }
        out.append("</div>");

        out.append("<h2 id=\"units\">").append(escape(m.get("section.units"))).append("</h2>");
        for (var unit : c.units()) {
            unit(out, unit, m);
        }

        out.append("<div class=\"unit\"><h2 id=\"coverage\">").append(escape(m.get("section.coverage"))).append("</h2>");
        if (c.coverage().note() != null) {
            out.append("<p class=\"note\">").append(escape(c.coverage().note())).append("</p>");
        }
        for (var line : c.coverage().lines()) {
            out.append("<h3>").append(escape(line.summary())).append("</h3>");
            if (!line.missing().isEmpty()) {
                out.append("<p>").append(escape(m.get("coverage.missing"))).append(":</p>");
                list(out, line.missing());
            }
        }
        out.append("</div>");

        if (c.qualityNote() != null) {
            out.append("<div class=\"unit\"><h2 id=\"annex-quality\">").append(escape(m.get("section.annex.quality")))
                    .append("</h2><p class=\"note\">").append(escape(c.qualityNote())).append("</p>");
            if (!c.qualityFindings().isEmpty()) {
                out.append("<ul>");
                c.qualityFindings().forEach(line -> out.append("<li>").append(escape(line)).append("</li>"));
                out.append("</ul>");
            }
            out.append("</div>");
        }

        if (c.approval() != null) {
            out.append("<div class=\"unit\"><h2 id=\"annex-approval\">").append(escape(m.get("section.annex.approval"))).append("</h2>");
            approval(out, c.approval(), m);
            out.append("</div>");
        }
        out.append("</body></html>");
        return out.toString();
    }

    private static void unit(StringBuilder out, CurriculumContent.UnitSection unit, DocumentMessages m) {
        out.append("<div class=\"unit\"><h2 id=\"").append(escape(unit.anchor())).append("\">")
                .append(escape(unit.heading())).append("</h2>");
        facts(out, unit.facts());
        out.append("<h3>").append(escape(m.get("unit.outcomes"))).append("</h3>");
        for (var group : unit.outcomes()) {
            out.append("<p><b>").append(escape(group.dimension())).append("</b></p><ul>");
            for (var outcome : group.outcomes()) {
                out.append("<li><span class=\"code\">").append(escape(outcome.code())).append("</span> ")
                        .append(escape(outcome.statement()));
                if (!outcome.skills().isEmpty()) {
                    out.append("<br/><span class=\"muted\">").append(escape(m.get("unit.skills"))).append(": ")
                            .append(escape(String.join("; ", outcome.skills()))).append("</span>");
                }
                out.append("</li>");
            }
            out.append("</ul>");
        }
        out.append("<h3>").append(escape(m.get("unit.wbl"))).append("</h3>");
        listOrNone(out, unit.workBasedLearning(), m);
        out.append("<h3>").append(escape(m.get("unit.assessments"))).append("</h3>");
        listOrNone(out, unit.assessments(), m);
        out.append("<h3>").append(escape(m.get("unit.skills"))).append("</h3>");
        listOrNone(out, unit.skills(), m);
        out.append("</div>");
    }

    private static void approval(StringBuilder out, CurriculumContent.Approval approval, DocumentMessages m) {
        if (approval.note() != null) {
            out.append("<p class=\"note\">").append(escape(approval.note())).append("</p>");
        }
        Governance g = approval.governance();
        if (g == null) {
            return;
        }
        if (g.approval() != null) {
            out.append("<table class=\"facts\">");
            row(out, m.get("approval.body"), g.approval().body());
            row(out, m.get("approval.date"), CurriculumContentBuilder.date(g.approval().date(), m));
            row(out, m.get("approval.decision"), g.approval().decision());
            row(out, m.get("approval.by"), g.approval().approvedBy());
            row(out, m.get("approval.nextReview"), CurriculumContentBuilder.date(g.nextReviewDate(), m));
            out.append("</table>");
        }
        if (!g.stakeholders().isEmpty()) {
            out.append("<h3>").append(escape(m.get("approval.stakeholders"))).append("</h3>");
            list(out, g.stakeholders().stream().map(s -> s.name() + (s.organisation() == null ? "" : ", " + s.organisation())
                    + " (" + m.of(s.kind()) + ")").toList());
        }
        if (!g.evidence().isEmpty()) {
            out.append("<h3>").append(escape(m.get("approval.evidence"))).append("</h3>");
            list(out, g.evidence().stream().map(e -> m.of(e.phase()) + ": " + e.text()
                    + (e.date() == null ? "" : " (" + CurriculumContentBuilder.date(e.date(), m) + ")")).toList());
        }
    }

    private static void tocEntry(StringBuilder out, String anchor, String text) {
        out.append("<li><a href=\"#").append(escape(anchor)).append("\">").append(escape(text)).append("</a></li>");
    }

    private static void facts(StringBuilder out, List<CurriculumContent.Fact> facts) {
        out.append("<table class=\"facts\">");
        for (var fact : facts) {
            row(out, fact.label(), String.join("\n", fact.values()));
        }
        out.append("</table>");
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append("<tr><th>").append(escape(label)).append("</th><td>")
                .append(escape(value == null ? "" : value).replace("\n", "<br/>")).append("</td></tr>");
    }

    private static void list(StringBuilder out, List<String> items) {
        out.append("<ul>");
        items.forEach(item -> out.append("<li>").append(escape(item)).append("</li>"));
        out.append("</ul>");
    }

    private static void listOrNone(StringBuilder out, List<String> items, DocumentMessages m) {
        if (items.isEmpty()) {
            out.append("<p class=\"muted\">").append(escape(m.get("unit.none"))).append("</p>");
        } else {
            list(out, items);
        }
    }

    static String escape(String text) {
        return org.qualigraph.base.HtmlText.escape(text);
    }

    private static String escapeCss(String text) {
        return escape(text.replace("\\", "").replace("\"", ""));
    }
}
