package org.qualigraph.exchange.elm;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationDocument.AwardingBody;
import org.qualigraph.curriculum.QualificationDocument.NqfLevel;
import org.qualigraph.curriculum.UnitDocument;

/**
 * What a qualification becomes in the European Learning Model, shared by the LOQ XML and RDF writers so both say the
 * same: stable identifiers, the resolved NQF concepts, languages, modes, volumes. Units become partial qualifications
 * ({@code hasPart}) carrying their own outcomes, the qualification carries every outcome.
 */
public record QdrPlan(QualificationDocument document, ElmVocabulary vocabulary, String iri, List<Nqf> nqf, List<String> languages, List<String> modes,
               Integer hours, List<Part> parts, List<Outcome> outcomes, List<Body> bodies, String preferredLanguage) {

    /** A resolved NQF level: the QDR concept and its label. */
    record Nqf(NqfLevel level, String uri, String label) {
    }

    /** A unit as a partial qualification. */
    record Part(UnitDocument unit, String iri, int eqfLevel, List<String> modes, List<Outcome> outcomes) {
    }

    record Outcome(OutcomeDocument outcome, String iri) {
    }

    /** An awarding body as an organisation with a location in its country. */
    record Body(AwardingBody body, String iri, String locationIri, String countryUri) {
    }

    public static QdrPlan of(QualificationDocument doc, ElmVocabulary vocabulary, String preferredLanguage) {
        return of(doc, vocabulary, preferredLanguage, null);
    }

    /**
     * @param publicIri the persistent identifier of a published qualification ({@code {base}/id/qualification/{id}}),
     *                  or null: then the qualification is a {@code urn:uuid:}. With it, units and outcomes are hash IRIs
     *                  of that identifier ({@code #unit-U1}, {@code #outcome-U1.K1}), which resolve to the public page
     *                  and stay apart when two published qualifications share a unit.
     */
    public static QdrPlan of(QualificationDocument doc, ElmVocabulary vocabulary, String preferredLanguage, String publicIri) {
        String qualificationIri = publicIri != null ? publicIri : iri("qualification", doc.id(), doc.displayTitle());
        var nqf = new ArrayList<Nqf>();
        for (NqfLevel level : doc.nqfLevels()) {
            vocabulary.nqfUri(level).ifPresent(uri -> nqf.add(new Nqf(level, uri, vocabulary.nqfLabel(uri, level))));
        }
        var languages = new LinkedHashSet<String>(doc.title().keySet());
        var allModes = new LinkedHashSet<String>();
        var parts = new ArrayList<Part>();
        var outcomes = new ArrayList<Outcome>();
        int hours = 0;
        boolean anyHours = false;
        for (UnitDocument unit : doc.units()) {
            var unitModes = new LinkedHashSet<String>();
            unit.deliveryModes().forEach(m -> unitModes.add(ElmVocabulary.mode(m)));
            allModes.addAll(unitModes);
            if (unit.hours() != null) {
                hours += unit.hours();
                anyHours = true;
            }
            var unitOutcomes = new ArrayList<Outcome>();
            for (OutcomeDocument outcome : unit.outcomes()) {
                var o = new Outcome(outcome, publicIri != null ? publicIri + "#outcome-" + fragment(outcome.code())
                        : iri("outcome", outcome.id(), qualificationIri + "/" + unit.code() + "/" + outcome.code()));
                unitOutcomes.add(o);
                outcomes.add(o);
            }
            int eqf = unit.eqfLevel() != null ? unit.eqfLevel() : doc.eqfLevel() == null ? 0 : doc.eqfLevel();
            parts.add(new Part(unit, publicIri != null ? publicIri + "#unit-" + fragment(unit.code())
                    : iri("unit", unit.id(), qualificationIri + "/" + unit.code()), eqf,
                    List.copyOf(unitModes), unitOutcomes));
        }
        var bodies = new ArrayList<Body>();
        var seen = new LinkedHashMap<String, Body>();
        for (AwardingBody body : doc.awardingBodies()) {
            String key = body.name() + "|" + body.country();
            if (seen.containsKey(key)) {
                continue;
            }
            String countryUri = ElmVocabulary.countryUri(body.country()).orElse(null);
            var b = new Body(body, iri("organisation", null, key), iri("location", null, key), countryUri);
            seen.put(key, b);
            bodies.add(b);
        }
        String preferred = doc.title().containsKey(preferredLanguage) ? preferredLanguage
                : doc.title().containsKey("en") ? "en" : doc.title().keySet().stream().findFirst().orElse("en");
        return new QdrPlan(doc, vocabulary, qualificationIri, nqf, List.copyOf(languages), List.copyOf(allModes),
                anyHours ? hours : null, parts, outcomes, bodies, preferred);
    }

    /** The text of a note (ELM notes hold one literal): the preferred language, else English, else any. */
    static Map.Entry<String, String> pick(Map<String, String> text, String preferred) {
        if (text.isEmpty()) {
            return null;
        }
        for (String lang : List.of(preferred, "en")) {
            String value = text.get(lang);
            if (value != null && !value.isBlank()) {
                return Map.entry(lang, value);
            }
        }
        return text.entrySet().stream().filter(e -> !e.getValue().isBlank()).findFirst().orElse(null);
    }

    /** A code as an IRI fragment: unreserved characters stay, everything else is percent-encoded (UTF-8). */
    public static String fragment(String code) {
        var out = new StringBuilder();
        for (byte b : (code == null ? "" : code).getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~')) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    static String duration(int hours) {
        return "PT" + hours + "H";
    }

    static String points(BigDecimal credits) {
        return credits.stripTrailingZeros().toPlainString();
    }

    /** Stored ids become {@code urn:uuid:} IRIs; unsaved documents get name-based ones so exports stay repeatable. */
    static String iri(String kind, String id, String name) {
        if (id != null && id.matches("[0-9a-fA-F-]{36}")) {
            return "urn:uuid:" + id.toLowerCase();
        }
        String seed = kind + ":" + (id != null ? id : name);
        return "urn:uuid:" + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    }

    Set<String> nonBlankLanguages(Map<String, String> text) {
        var result = new LinkedHashSet<String>();
        text.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                result.add(k);
            }
        });
        return result;
    }
}
