package org.qualigraph.register;

import static org.qualigraph.register.PublicPage.esc;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** The catalogue for people: every published qualification with its identifier and files, and the register's own. */
@Component
class CatalogPage {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final RegisterProperties properties;

    CatalogPage(RegisterProperties properties) {
        this.properties = properties;
    }

    String render(RegisterService.Snapshot snapshot) {
        String base = snapshot.base();
        var out = new StringBuilder(16 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head>").append(PublicPage.HEAD)
                .append("<title>").append(esc(properties.publisher())).append(": published qualifications</title>")
                .append("<link rel=\"alternate\" type=\"text/turtle\" href=\"").append(esc(base)).append("/catalog?format=ttl\">")
                .append("<link rel=\"alternate\" type=\"application/ld+json\" href=\"").append(esc(base))
                .append("/catalog?format=jsonld\">")
                .append("<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:60rem;margin:0 auto;")
                .append("padding:1rem 1.25rem}a{color:#0b4f9c}table{border-collapse:collapse;width:100%}")
                .append("th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ccc;vertical-align:top}</style>")
                .append("</head><body><main><h1>").append(esc(properties.publisher()))
                .append(": published qualifications</h1><p>").append(snapshot.published().size())
                .append(snapshot.published().size() == 1 ? " published qualification" : " published qualifications")
                .append(", as linked open data under the licence <a href=\"")
                .append(esc(properties.licence())).append("\">").append(esc(properties.licence())).append("</a>.</p>")
                .append("<table><caption>Qualifications</caption><thead><tr><th scope=\"col\">Title</th>")
                .append("<th scope=\"col\">EQF level</th><th scope=\"col\">Published</th><th scope=\"col\">Files</th>")
                .append("</tr></thead><tbody>");
        for (RegisterService.Entry entry : snapshot.published()) {
            var doc = entry.document();
            out.append("<tr><td><a href=\"").append(esc(entry.identifier())).append("\">").append(esc(doc.displayTitle()))
                    .append("</a></td><td>").append(doc.eqfLevel() == null ? "" : doc.eqfLevel()).append("</td><td>")
                    .append(DATE.format(entry.modified())).append("</td><td>");
            for (var format : CatalogBuilder.FORMATS) {
                out.append("<a href=\"").append(esc(entry.identifier() + "?format=" + format.parameter())).append("\">")
                        .append(esc(format.parameter().toUpperCase(java.util.Locale.ROOT))).append("</a> ");
            }
            out.append("</td></tr>");
        }
        out.append("</tbody></table><h2>The whole register</h2><ul>")
                .append("<li><a href=\"").append(esc(base)).append("/register/loq.xml\">Europass QDR dataset (LOQ XML)</a>: ")
                .append("the URL to register with Europass QDR for automatic updates</li>")
                .append("<li><a href=\"").append(esc(base)).append("/register/skills.csv\">ESCO skills taught (CSV)</a></li>")
                .append("<li><a href=\"").append(esc(base)).append("/sparql\">SPARQL endpoint</a> (read-only)</li>")
                .append("<li>This catalogue in DCAT-AP: <a href=\"").append(esc(base)).append("/catalog?format=ttl\">Turtle</a>, ")
                .append("<a href=\"").append(esc(base)).append("/catalog?format=jsonld\">JSON-LD</a></li></ul></main></body></html>");
        return out.toString();
    }
}
