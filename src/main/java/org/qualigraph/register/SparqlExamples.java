package org.qualigraph.register;

import static org.qualigraph.register.PublicPage.esc;

import java.util.List;

/** The three documented example queries, and the page a browser gets at {@code /sparql}. */
final class SparqlExamples {

    private SparqlExamples() {
    }

    record Example(String title, String query) {
    }

    static final List<Example> EXAMPLES = List.of(
            new Example("Qualifications teaching an ESCO skill", SparqlService.PREFIXES + """
                    SELECT DISTINCT ?qualification ?title WHERE {
                      ?qualification a elm:Qualification ; elm:isPartialQualification false ;
                                     dct:title ?title ; elm:learningOutcome ?outcome .
                      ?outcome elm:relatedESCOSkill <http://data.europa.eu/esco/skill/198b614d-a9af-46f5-b3fd-2672b401dd8e> .
                      FILTER(lang(?title) = "en")
                    }"""),
            new Example("Units per EQF level", SparqlService.PREFIXES + """
                    SELECT ?eqf (COUNT(DISTINCT ?unit) AS ?units) WHERE {
                      ?unit a elm:Qualification ; elm:isPartialQualification true ; elm:EQFLevel ?eqf .
                    } GROUP BY ?eqf ORDER BY ?eqf"""),
            new Example("Qualifications per country of the awarding body", SparqlService.PREFIXES + """
                    SELECT ?country (COUNT(DISTINCT ?qualification) AS ?qualifications) WHERE {
                      ?qualification elm:isPartialQualification false ;
                                     elm:awardingOpportunity/elm:awardingBody/elm:location/elm:address/elm:countryCode ?country .
                    } GROUP BY ?country ORDER BY DESC(?qualifications)"""));

    static String page() {
        var out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head>" + PublicPage.HEAD + "<title>SPARQL endpoint"
                + "</title><style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem}"
                + "textarea{width:100%;font-family:monospace}</style></head><body><main><h1>SPARQL endpoint</h1>"
                + "<p>Read-only SPARQL 1.1 queries over the published qualifications (European Learning Model) and the "
                + "DCAT-AP catalogue. Results as SPARQL JSON or CSV. Queries have a time limit and a result limit.</p>");
        int i = 0;
        for (Example example : EXAMPLES) {
            i++;
            out.append("<h2 id=\"example-").append(i).append("\">").append(esc(example.title())).append("</h2>")
                    .append("<form method=\"get\" action=\"sparql\"><label for=\"q").append(i).append("\">Query</label>")
                    .append("<textarea id=\"q").append(i).append("\" name=\"query\" rows=\"9\">").append(esc(example.query()))
                    .append("</textarea><label for=\"f").append(i).append("\">Results</label> <select id=\"f").append(i)
                    .append("\" name=\"format\"><option value=\"json\">JSON</option><option value=\"csv\">CSV</option>")
                    .append("</select> <button type=\"submit\">Run</button></form>");
        }
        return out.append("</main></body></html>").toString();
    }
}
