package org.qualigraph.exchange.elm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qualigraph.curriculum.IscedF;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.exchange.elm.ElmValidation.Finding;
import org.qualigraph.exchange.elm.ElmValidation.Place;
import org.w3c.dom.Element;

/** Turns validator messages (Xerces, Jena SHACL) into sentences about the qualification and where to fix them. */
final class Explanations {

    private static final Pattern EXPECTED = Pattern.compile("\"[^\"]*\":(\\w+)");
    private static final Pattern ENUMERATION = Pattern.compile("Value '([^']*)' is not facet-valid with respect to enumeration");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate unique value \\[([^\\]]*)\\]");

    private static final Map<String, String> NEEDS = Map.ofEntries(
            Map.entry("NQFLevel", "needs at least one NQF level from the Europass QDR list (Profile → NQF levels: a country and "
                    + "level the list knows, or the QDR URI of the level)."),
            Map.entry("EQFLevel", "needs an EQF level (Profile → EQF level, or the unit's EQF level)."),
            Map.entry("ISCEDFCode", "needs at least one ISCED-F field of education (Profile → ISCED-F fields)."),
            Map.entry("learningOutcome", "needs at least one learning outcome (Units → add an outcome to each unit)."),
            Map.entry("title", "needs a title or statement in at least one language."),
            Map.entry("legalName", "needs a name (Profile → awarding bodies)."),
            Map.entry("language", "needs a language: give the title in a language with an ISO 639 code (e.g. \"en\")."),
            Map.entry("countryCode", "needs a country (Profile → awarding bodies → country)."),
            Map.entry("location", "needs a country (Profile → awarding bodies → country)."),
            Map.entry("awardingBody", "needs an awarding body (Profile → awarding bodies)."));

    private Explanations() {
    }

    static String explainXsd(String message, Element element) {
        String where = element == null ? "" : element.getLocalName();
        Matcher duplicate = DUPLICATE.matcher(message);
        if (duplicate.find()) {
            return "uses the code \"" + duplicate.group(1) + "\" twice; unit and outcome codes must be unique in the whole "
                    + "qualification (Units → codes).";
        }
        Matcher enumeration = ENUMERATION.matcher(message);
        if (enumeration.find()) {
            return "uses " + enumeration.group(1) + (where.isEmpty() ? "" : " as " + where)
                    + ", which is not in the official Europass list: " + fixFor(where);
        }
        if (message.startsWith("cvc-attribute.3")) {
            return "has a value not in the official Europass list for " + where + ": " + fixFor(where);
        }
        int expectedAt = message.indexOf("One of");
        if (expectedAt >= 0) {
            // the last element the schema expects at this point is the required one that is missing
            String needed = null;
            Matcher expected = EXPECTED.matcher(message.substring(expectedAt));
            while (expected.find()) {
                if (NEEDS.containsKey(expected.group(1))) {
                    needed = expected.group(1);
                }
            }
            if (needed != null) {
                return NEEDS.get(needed);
            }
        }
        if (message.contains("cvc-datatype-valid") || message.contains("cvc-type")) {
            return "has a value of the wrong form in " + where + ".";
        }
        return "does not match the Europass LOQ schema" + (where.isEmpty() ? "" : " at " + where) + ".";
    }

    private static String fixFor(String element) {
        return switch (element) {
            case "NQFLevel" -> "choose the level from the QDR list (Profile → NQF levels).";
            case "ISCEDFCode" -> "choose an ISCED-F 2013 field (Profile → ISCED-F fields).";
            case "countryCode" -> "give the ISO country code (Profile → awarding bodies).";
            case "language" -> "write the texts in a language with an ISO 639 code.";
            default -> "choose a value from the list.";
        };
    }

    static String explainShacl(String path, String message) {
        String property = path.replaceAll(".*[/#]", "").replace(">", "");
        if (message.contains("minCount") || message.contains("MinCount")) {
            return NEEDS.getOrDefault(property, "needs a value for " + property + ".");
        }
        if (message.contains("maxCount") || message.contains("MaxCount")) {
            return "has more than one " + property + "; the QDR allows one.";
        }
        if (message.contains("hasValue") || message.contains("HasValue") || message.contains("Expected class")) {
            return "refers to a " + property + " value that is not a concept of the official Europass list (" + message + ").";
        }
        if (message.contains("uniqueLang")) {
            return "has two texts in the same language for " + property + ".";
        }
        return "does not conform to the QDR shapes at " + property + ": " + message;
    }

    /** Problems seen on the document itself, which the exports would otherwise drop silently. */
    static List<Finding> preChecks(QualificationDocument doc, QdrPlan plan) {
        var findings = new ArrayList<Finding>();
        for (var level : doc.nqfLevels()) {
            if (plan.vocabulary().nqfUri(level).isEmpty()) {
                findings.add(new Finding("QDR", Place.PROFILE, null, "The NQF level " + level.country() + " " + level.level()
                        + " has no QDR URI and is not in the Europass QDR list; choose a listed level or enter its URI "
                        + "(Profile → NQF levels).", "no QDR concept for " + level));
            }
        }
        for (String code : doc.iscedF()) {
            if (!IscedF.exists(code)) {
                findings.add(new Finding("QDR", Place.PROFILE, null, "The ISCED-F code " + code
                        + " is not an ISCED-F 2013 field (Profile → ISCED-F fields).", "unknown ISCED-F " + code));
            }
        }
        for (var body : doc.awardingBodies()) {
            if (body.country() == null || ElmVocabulary.countryUri(body.country()).isEmpty()) {
                findings.add(new Finding("QDR", Place.PROFILE, null, "The awarding body \"" + body.name()
                        + "\" needs a country; Europass records where an awarding body is (Profile → awarding bodies).",
                        "no country for " + body.name()));
            }
        }
        if (doc.eqfLevel() == null) {
            for (UnitDocument unit : doc.units()) {
                if (unit.eqfLevel() == null) {
                    findings.add(new Finding("QDR", Place.UNIT, unit.code(), "Unit " + unit.code()
                            + " needs an EQF level, or the qualification one (Units → EQF level).", "no EQF level"));
                }
            }
        }
        return findings;
    }
}
