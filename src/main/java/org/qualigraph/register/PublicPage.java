package org.qualigraph.register;

import com.vaadin.flow.i18n.I18NProvider;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qualigraph.base.EnumLabels;
import org.qualigraph.curriculum.Dimension;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.UnitDocument;
import org.springframework.stereotype.Component;

/**
 * The public page of a published qualification: what a learner, employer or authority reads at its identifier. Plain,
 * self-contained HTML (no script, one small style sheet that prints well), headings in order, a skip link, the
 * language of every text marked, and only the published content: no reviewers, comments, quality findings or drafts.
 */
@Component
class PublicPage {

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif; line-height: 1.5;
                   color: #1a1a1a; background: #fff; max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
            a { color: #0b4f9c; } a:focus { outline: 3px solid #f0b400; }
            .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
            h1 { font-size: 1.9rem; margin: .5rem 0; } h2 { border-bottom: 1px solid #999; margin-top: 2rem; }
            dl.facts { display: grid; grid-template-columns: minmax(10rem, 30%) 1fr; gap: .25rem 1rem; }
            dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; }
            .notice { border-left: 6px solid #b35900; background: #fff4e5; padding: .75rem 1rem; }
            .muted { color: #555; } .code { font-weight: bold; }
            nav.formats ul, nav.languages ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; }
            @media print { nav, .skip { display: none; } a { color: inherit; text-decoration: none; }
                           .unit { page-break-inside: avoid; } body { max-width: none; } }
            """;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final I18NProvider i18n;

    PublicPage(I18NProvider i18n) {
        this.i18n = i18n;
    }

    /** The languages a document has text in (its titles), first the one written first. */
    static List<String> languages(QualificationDocument doc) {
        var result = new ArrayList<String>();
        doc.title().forEach((lang, text) -> {
            if (text != null && !text.isBlank()) {
                result.add(lang);
            }
        });
        return result;
    }

    /**
     * The start of the head of every public page: UTF-8, the mobile viewport, and an empty icon, so that a visitor's
     * browser does not ask for a /favicon.ico that is not there (a 404 in its console) or outside the public paths.
     */
    static final String HEAD = "<meta charset=\"UTF-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<link rel=\"icon\" href=\"data:,\">";

    byte[] render(RegisterService.Entry entry, String language) {
        QualificationDocument doc = entry.document();
        Locale locale = Locale.forLanguageTag(language);
        var out = new StringBuilder(32 * 1024);
        String title = text(doc.title(), language, doc.displayTitle());
        out.append("<!DOCTYPE html>\n<html lang=\"").append(esc(language)).append("\"><head>").append(HEAD)
                .append("<title>").append(esc(title)).append("</title>");
        for (var format : CatalogBuilder.FORMATS) {
            out.append("<link rel=\"alternate\" type=\"").append(esc(format.mediaType())).append("\" href=\"")
                    .append(esc(entry.identifier() + "?format=" + format.parameter())).append("\">");
        }
        out.append("<style>").append(CSS).append("</style></head><body>");
        out.append("<a class=\"skip\" href=\"#content\">").append(esc(t("register.page.skip", locale))).append("</a>");
        out.append("<header><p class=\"muted\">").append(esc(t("register.page.kicker", locale))).append("</p>");
        out.append("<h1 id=\"content\"").append(langAttr(doc.title(), language)).append(">").append(esc(title)).append("</h1>");
        if (doc.type() != null || doc.eqfLevel() != null) {
            out.append("<p>");
            if (doc.type() != null) {
                out.append(esc(t(EnumLabels.key(doc.type()), locale)));
            }
            if (doc.eqfLevel() != null) {
                out.append(doc.type() != null ? " · " : "").append(esc(t("register.page.eqf", locale, doc.eqfLevel())));
            }
            out.append("</p>");
        }
        out.append("</header><main>");
        if (entry.archived()) {
            out.append("<p class=\"notice\" role=\"note\"><strong>").append(esc(t("register.page.archived", locale)))
                    .append("</strong></p>");
        }
        String description = text(doc.description(), language, "");
        if (!description.isBlank()) {
            out.append("<p").append(langAttr(doc.description(), language)).append(">").append(esc(description)).append("</p>");
        }

        out.append("<h2>").append(esc(t("register.page.facts", locale))).append("</h2><dl class=\"facts\">");
        fact(out, t("register.page.identifier", locale), "<a href=\"" + esc(entry.identifier()) + "\">"
                + esc(entry.identifier()) + "</a>");
        if (doc.eqfLevel() != null) {
            fact(out, t("register.page.eqfLevel", locale), esc(String.valueOf(doc.eqfLevel())));
        }
        if (!doc.nqfLevels().isEmpty()) {
            fact(out, t("register.page.nqfLevels", locale), esc(String.join(", ", doc.nqfLevels().stream()
                    .map(l -> l.country() + " " + l.level()).toList())));
        }
        if (!doc.iscedF().isEmpty()) {
            fact(out, t("register.page.isced", locale), esc(String.join(", ", doc.iscedF())));
        }
        if (doc.credits() != null) {
            fact(out, t("register.page.credits", locale), esc(doc.credits().stripTrailingZeros().toPlainString()
                    + (doc.creditSystem() == null ? "" : " " + doc.creditSystem().name())));
        }
        int hours = doc.units().stream().mapToInt(u -> u.hours() == null ? 0 : u.hours()).sum();
        if (hours > 0) {
            fact(out, t("register.page.hours", locale), esc(String.valueOf(hours)));
        }
        if (!doc.awardingBodies().isEmpty()) {
            fact(out, t("register.page.awardingBodies", locale), esc(String.join("; ", doc.awardingBodies().stream()
                    .map(b -> b.name() + (b.country() == null ? "" : " (" + b.country() + ")")).toList())));
        }
        String entry0 = text(doc.entryRequirements(), language, "");
        if (!entry0.isBlank()) {
            fact(out, t("register.page.entryRequirements", locale), esc(entry0));
        }
        fact(out, t(entry.archived() ? "register.page.archivedOn" : "register.page.publishedOn", locale),
                esc(DATE.format(entry.modified())));
        out.append("</dl>");

        out.append("<h2>").append(esc(t("register.page.units", locale))).append("</h2>");
        for (UnitDocument unit : doc.units()) {
            unit(out, unit, language, locale);
        }

        out.append("</main><footer>");
        var languages = languages(doc);
        if (languages.size() > 1) {
            out.append("<nav class=\"languages\" aria-label=\"").append(esc(t("register.page.languages", locale)))
                    .append("\"><h2>").append(esc(t("register.page.languages", locale))).append("</h2><ul>");
            for (String lang : languages) {
                out.append("<li><a hreflang=\"").append(esc(lang)).append("\" lang=\"").append(esc(lang)).append("\" href=\"")
                        .append(esc(entry.identifier() + "?lang=" + lang)).append("\">")
                        .append(esc(Locale.forLanguageTag(lang).getDisplayLanguage(Locale.forLanguageTag(lang))))
                        .append("</a></li>");
            }
            out.append("</ul></nav>");
        }
        out.append("<nav class=\"formats\" aria-label=\"").append(esc(t("register.page.formats", locale)))
                .append("\"><h2>").append(esc(t("register.page.formats", locale))).append("</h2><ul>");
        for (var format : CatalogBuilder.FORMATS) {
            out.append("<li><a type=\"").append(esc(format.mediaType())).append("\" href=\"")
                    .append(esc(entry.identifier() + "?format=" + format.parameter())).append("\">")
                    .append(esc(format.title())).append("</a></li>");
        }
        out.append("</ul></nav><p class=\"muted\">").append(esc(t("register.page.licence", locale))).append("</p>")
                .append("</footer></body></html>");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void unit(StringBuilder out, UnitDocument unit, String language, Locale locale) {
        String anchor = "unit-" + org.qualigraph.exchange.EuropassFiles.fragment(unit.code());
        out.append("<section class=\"unit\" id=\"").append(esc(anchor)).append("\"><h3>")
                .append("<span class=\"code\">").append(esc(unit.code())).append("</span> ")
                .append("<span").append(langAttr(unit.title(), language)).append(">")
                .append(esc(text(unit.title(), language, ""))).append("</span></h3><p class=\"muted\">");
        var facts = new ArrayList<String>();
        facts.add(t(unit.isMandatory() ? "register.page.mandatory" : "register.page.elective", locale));
        if (unit.eqfLevel() != null) {
            facts.add(t("register.page.eqf", locale, unit.eqfLevel()));
        }
        if (unit.credits() != null) {
            facts.add(t("register.page.unitCredits", locale, unit.credits().stripTrailingZeros().toPlainString()));
        }
        if (unit.hours() != null) {
            facts.add(t("register.page.unitHours", locale, unit.hours()));
        }
        out.append(esc(String.join(" · ", facts))).append("</p>");
        for (Dimension dimension : Dimension.values()) {
            var outcomes = unit.outcomes().stream().filter(o -> o.dimension() == dimension).toList();
            if (outcomes.isEmpty()) {
                continue;
            }
            out.append("<h4>").append(esc(t(EnumLabels.key(dimension), locale))).append("</h4><ul>");
            for (OutcomeDocument outcome : outcomes) {
                out.append("<li id=\"outcome-").append(esc(org.qualigraph.exchange.EuropassFiles.fragment(outcome.code())))
                        .append("\"><span class=\"code\">").append(esc(outcome.code())).append("</span> <span")
                        .append(langAttr(outcome.statement(), language)).append(">")
                        .append(esc(text(outcome.statement(), language, ""))).append("</span>");
                if (!outcome.skills().isEmpty()) {
                    out.append("<br><span class=\"muted\">").append(esc(t("register.page.escoSkills", locale))).append(": ");
                    for (int i = 0; i < outcome.skills().size(); i++) {
                        String skill = outcome.skills().get(i);
                        out.append(i > 0 ? ", " : "").append("<a href=\"").append(esc(skill)).append("\">")
                                .append(esc(skill.substring(skill.lastIndexOf('/') + 1, Math.min(skill.length(),
                                        skill.lastIndexOf('/') + 9)))).append("</a>");
                    }
                    out.append("</span>");
                }
                out.append("</li>");
            }
            out.append("</ul>");
        }
        out.append("</section>");
    }

    private static void fact(StringBuilder out, String label, String html) {
        out.append("<dt>").append(esc(label)).append("</dt><dd>").append(html).append("</dd>");
    }

    private String t(String key, Locale locale, Object... params) {
        return i18n.getTranslation(key, locale, params);
    }

    /** The text in the language, else English, else any. */
    static String text(Map<String, String> text, String language, String fallback) {
        for (String lang : List.of(language, "en")) {
            String value = text.get(lang);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return text.values().stream().filter(v -> v != null && !v.isBlank()).findFirst().orElse(fallback);
    }

    /** A lang attribute when the shown text is not in the page's language (screen readers switch voice). */
    private static String langAttr(Map<String, String> text, String language) {
        String value = text.get(language);
        if (value != null && !value.isBlank()) {
            return "";
        }
        String shown = text.containsKey("en") && !text.get("en").isBlank() ? "en"
                : text.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                        .map(Map.Entry::getKey).findFirst().orElse(null);
        return shown == null || shown.equals(language) ? "" : " lang=\"" + esc(shown) + "\"";
    }

    static String esc(String text) {
        return org.qualigraph.base.HtmlText.escape(text);
    }
}
