package org.qualigraph.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.qualigraph.esco.RecognitionService.Comparison;
import org.qualigraph.esco.RecognitionService.Pair;
import org.springframework.stereotype.Component;

/**
 * The recognition report of two qualifications as HTML or PDF: which outcomes were paired (by meaning and shared
 * ESCO skills) with their EQF levels, the credits and hours of paired units, and what each side has that the other
 * lacks. The PDF is rendered from the same XHTML with the fonts of the curriculum PDF.
 */
@Component
public class RecognitionReport {

    /** The report as a standalone XHTML page (UTF-8). */
    public byte[] html(Comparison c) {
        return xhtml(c).getBytes(StandardCharsets.UTF_8);
    }

    /** The report as PDF. */
    public byte[] pdf(Comparison c) {
        var out = new ByteArrayOutputStream();
        try {
            PdfExporter.render(xhtml(c), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    String xhtml(Comparison c) {
        var html = new StringBuilder();
        html.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>")
                .append("<meta charset=\"UTF-8\"/><title>Recognition report</title><style>")
                .append("body{font-family:'").append(CurriculumHtml.FONT_FAMILY).append("',sans-serif;font-size:10pt}")
                .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:3px;vertical-align:top;text-align:left}")
                .append("th{background:#eee}</style></head><body>");
        html.append("<h1>Recognition report</h1><p>").append(esc(c.titleA())).append(" (A) compared with ")
                .append(esc(c.titleB())).append(" (B), ").append(LocalDate.now()).append(".</p>");
        html.append("<p>").append(c.pairs().size()).append(" outcomes paired by meaning and shared ESCO skills; ")
                .append(c.onlyInA().size()).append(" only in A; ").append(c.onlyInB().size()).append(" only in B.</p>");
        html.append("<h2>Paired outcomes</h2><table><tr><th>A</th><th>B</th><th>Score</th><th>EQF A / B</th><th>Shared ESCO skills</th></tr>");
        for (Pair p : c.pairs()) {
            html.append("<tr><td><b>").append(esc(p.a())).append("</b> ").append(esc(p.statementA())).append("</td><td><b>")
                    .append(esc(p.b())).append("</b> ").append(esc(p.statementB())).append("</td><td>")
                    .append(String.format(java.util.Locale.ROOT, "%.2f", p.score())).append("</td><td>")
                    .append(level(p.eqfLevels().get(0))).append(" / ").append(level(p.eqfLevels().get(1)))
                    .append(java.util.Objects.equals(p.eqfLevels().get(0), p.eqfLevels().get(1)) ? "" : " (differs)")
                    .append("</td><td>").append(p.sharedSkills().size()).append("</td></tr>");
        }
        html.append("</table><h2>Units</h2><table><tr><th>A</th><th>B</th><th>Credits A / B</th><th>Hours A / B</th><th>Paired outcomes</th></tr>");
        for (var u : c.units()) {
            html.append("<tr><td>").append(esc(u.a())).append("</td><td>").append(esc(u.b())).append("</td><td>")
                    .append(value(u.credits().get(0))).append(" / ").append(value(u.credits().get(1))).append("</td><td>")
                    .append(value(u.hours().get(0))).append(" / ").append(value(u.hours().get(1))).append("</td><td>")
                    .append(u.pairedOutcomes()).append("</td></tr>");
        }
        html.append("</table><h2>Only in A</h2><p>").append(esc(c.onlyInA().stream().collect(Collectors.joining(", "))))
                .append("</p><h2>Only in B</h2><p>").append(esc(c.onlyInB().stream().collect(Collectors.joining(", "))))
                .append("</p></body></html>");
        return html.toString();
    }

    private static String level(Integer level) {
        return level == null ? "–" : level.toString();
    }

    private static String value(Object value) {
        return value == null ? "–" : value instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString();
    }

    private static String esc(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
