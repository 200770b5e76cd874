package org.qualigraph.curriculum;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.qualigraph.base.FieldProblem;

/**
 * Structural validation of a qualification document: what must hold before anything is written. Each problem names
 * the field by its JSON path (e.g. {@code units[2].outcomes[0].eqfLevel}). What a curriculum should contain to be good
 * (titles in two languages, credits adding up, ...) is the quality engine's job, not this one: a draft may be
 * incomplete, but never ambiguous or dangling.
 */
public final class DocumentValidator {

    static final int MAX_TEXT = 10_000;
    static final int MAX_CODE = 64;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern ISCED = Pattern.compile("\\d{2,4}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final BigDecimal MAX_CREDITS = BigDecimal.valueOf(1000);

    private DocumentValidator() {
    }

    /** Every structural problem of the document, in document order; empty when it may be stored. */
    public static List<FieldProblem> validate(QualificationDocument doc) {
        var problems = new ArrayList<FieldProblem>();
        if (doc == null) {
            problems.add(FieldProblem.of("", "problem.document"));
            return problems;
        }
        text(problems, "title", doc.title(), true);
        text(problems, "description", doc.description(), false);
        text(problems, "entryRequirements", doc.entryRequirements(), false);
        level(problems, "eqfLevel", doc.eqfLevel());
        for (int i = 0; i < doc.nqfLevels().size(); i++) {
            var nqf = doc.nqfLevels().get(i);
            String path = "nqfLevels[" + i + "]";
            if (nqf == null) {
                problems.add(FieldProblem.of(path, "problem.null"));
                continue;
            }
            country(problems, path + ".country", nqf.country(), true);
            if (blank(nqf.level())) {
                problems.add(FieldProblem.of(path + ".level", "problem.nqfLevel.required"));
            } else if (nqf.level().length() > MAX_CODE) {
                problems.add(FieldProblem.of(path + ".level", "problem.tooLong", MAX_CODE));
            }
            if (nqf.uri() != null) {
                uri(problems, path + ".uri", nqf.uri(), "any");
            }
        }
        for (int i = 0; i < doc.iscedF().size(); i++) {
            String code = doc.iscedF().get(i);
            if (code == null || !ISCED.matcher(code).matches()) {
                problems.add(FieldProblem.of("iscedF[" + i + "]", "problem.iscedF", quote(code)));
            }
        }
        if (doc.credits() != null && (doc.credits().signum() < 0 || doc.credits().compareTo(MAX_CREDITS) > 0)) {
            problems.add(FieldProblem.of("credits", "problem.between", 0, MAX_CREDITS));
        }
        for (int i = 0; i < doc.awardingBodies().size(); i++) {
            var body = doc.awardingBodies().get(i);
            String path = "awardingBodies[" + i + "]";
            if (body == null) {
                problems.add(FieldProblem.of(path, "problem.null"));
                continue;
            }
            if (blank(body.name())) {
                problems.add(FieldProblem.of(path + ".name", "problem.body.name"));
            } else if (body.name().length() > 500) {
                problems.add(FieldProblem.of(path + ".name", "problem.tooLong", 500));
            }
            country(problems, path + ".country", body.country(), false);
        }
        for (int i = 0; i < doc.targetOccupations().size(); i++) {
            uri(problems, "targetOccupations[" + i + "]", doc.targetOccupations().get(i), "occupation");
        }
        units(problems, doc);
        return problems;
    }

    private static void units(List<FieldProblem> problems, QualificationDocument doc) {
        Set<String> unitCodes = new HashSet<>();
        Set<String> unitIds = new HashSet<>();
        Map<String, String> elementCodes = new HashMap<>();
        Set<String> outcomeCodes = new HashSet<>();
        for (var unit : doc.units()) {
            if (unit != null) {
                unit.outcomes().stream().filter(o -> o != null && o.code() != null).forEach(o -> outcomeCodes.add(o.code()));
            }
        }
        for (int i = 0; i < doc.units().size(); i++) {
            var unit = doc.units().get(i);
            String path = "units[" + i + "]";
            if (unit == null) {
                problems.add(FieldProblem.of(path, "problem.null"));
                continue;
            }
            id(problems, path + ".id", unit.id(), unitIds);
            if (code(problems, path + ".code", unit.code()) && !unitCodes.add(unit.code())) {
                problems.add(FieldProblem.of(path + ".code", "problem.unitCode.duplicate", unit.code()));
            }
            text(problems, path + ".title", unit.title(), false);
            level(problems, path + ".eqfLevel", unit.eqfLevel());
            if (unit.credits() != null && (unit.credits().signum() < 0 || unit.credits().compareTo(MAX_CREDITS) > 0)) {
                problems.add(FieldProblem.of(path + ".credits", "problem.between", 0, MAX_CREDITS));
            }
            if (unit.hours() != null && (unit.hours() < 0 || unit.hours() > 100_000)) {
                problems.add(FieldProblem.of(path + ".hours", "problem.between", 0, 100_000));
            }
            for (int j = 0; j < unit.deliveryModes().size(); j++) {
                if (unit.deliveryModes().get(j) == null) {
                    problems.add(FieldProblem.of(path + ".deliveryModes[" + j + "]", "problem.null"));
                }
            }
            for (int j = 0; j < unit.outcomes().size(); j++) {
                outcome(problems, path + ".outcomes[" + j + "]", unit.outcomes().get(j), elementCodes);
            }
            for (int j = 0; j < unit.workBasedLearning().size(); j++) {
                var wbl = unit.workBasedLearning().get(j);
                String wpath = path + ".workBasedLearning[" + j + "]";
                if (wbl == null) {
                    problems.add(FieldProblem.of(wpath, "problem.null"));
                    continue;
                }
                elementCode(problems, wpath + ".code", wbl.code(), elementCodes);
                if (wbl.hours() != null && (wbl.hours() < 0 || wbl.hours() > 100_000)) {
                    problems.add(FieldProblem.of(wpath + ".hours", "problem.between", 0, 100_000));
                }
                text(problems, wpath + ".description", wbl.description(), false);
                references(problems, wpath + ".outcomes", wbl.outcomes(), outcomeCodes, "outcome");
            }
            for (int j = 0; j < unit.assessments().size(); j++) {
                var assessment = unit.assessments().get(j);
                String apath = path + ".assessments[" + j + "]";
                if (assessment == null) {
                    problems.add(FieldProblem.of(apath, "problem.null"));
                    continue;
                }
                elementCode(problems, apath + ".code", assessment.code(), elementCodes);
                if (assessment.weight() != null && (assessment.weight() < 0 || assessment.weight() > 100)) {
                    problems.add(FieldProblem.of(apath + ".weight", "problem.weight"));
                }
                references(problems, apath + ".outcomes", assessment.outcomes(), outcomeCodes, "outcome");
            }
        }
        for (int i = 0; i < doc.units().size(); i++) {
            var unit = doc.units().get(i);
            if (unit == null) {
                continue;
            }
            references(problems, "units[" + i + "].prerequisites", unit.prerequisites(), unitCodes, "unit");
            for (int j = 0; j < unit.prerequisites().size(); j++) {
                if (unit.code() != null && unit.code().equals(unit.prerequisites().get(j))) {
                    problems.add(FieldProblem.of("units[" + i + "].prerequisites[" + j + "]", "problem.ownPrerequisite"));
                }
            }
        }
    }

    private static void outcome(List<FieldProblem> problems, String path, OutcomeDocument outcome, Map<String, String> codes) {
        if (outcome == null) {
            problems.add(FieldProblem.of(path, "problem.null"));
            return;
        }
        if (outcome.id() != null && !ID.matcher(outcome.id()).matches()) {
            problems.add(FieldProblem.of(path + ".id", "problem.id"));
        }
        elementCode(problems, path + ".code", outcome.code(), codes);
        if (outcome.dimension() == null) {
            problems.add(FieldProblem.of(path + ".dimension", "problem.dimension.required"));
        }
        text(problems, path + ".statement", outcome.statement(), false);
        level(problems, path + ".eqfLevel", outcome.eqfLevel());
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < outcome.skills().size(); k++) {
            String skill = outcome.skills().get(k);
            uri(problems, path + ".skills[" + k + "]", skill, "skill");
            if (skill != null && !seen.add(skill)) {
                problems.add(FieldProblem.of(path + ".skills[" + k + "]", "problem.skill.duplicate", quote(skill)));
            }
        }
        for (int k = 0; k < outcome.keyCompetences().size(); k++) {
            if (outcome.keyCompetences().get(k) == null) {
                problems.add(FieldProblem.of(path + ".keyCompetences[" + k + "]", "problem.null"));
            }
        }
    }

    private static void references(List<FieldProblem> problems, String path, List<String> refs, Set<String> known, String what) {
        for (int k = 0; k < refs.size(); k++) {
            String ref = refs.get(k);
            if (ref == null || !known.contains(ref)) {
                problems.add(FieldProblem.of(path + "[" + k + "]", "problem.reference." + what, quote(ref)));
            }
        }
    }

    private static boolean code(List<FieldProblem> problems, String path, String code) {
        if (blank(code)) {
            problems.add(FieldProblem.of(path, "problem.code.required"));
            return false;
        }
        if (code.length() > MAX_CODE || !code.strip().equals(code)) {
            problems.add(FieldProblem.of(path, "problem.code.form", MAX_CODE));
            return false;
        }
        return true;
    }

    private static void elementCode(List<FieldProblem> problems, String path, String code, Map<String, String> codes) {
        if (code(problems, path, code)) {
            String previous = codes.putIfAbsent(code, path);
            if (previous != null) {
                problems.add(FieldProblem.of(path, "problem.code.duplicate", quote(code), previous));
            }
        }
    }

    private static void id(List<FieldProblem> problems, String path, String id, Set<String> seen) {
        if (id == null) {
            return;
        }
        if (!ID.matcher(id).matches()) {
            problems.add(FieldProblem.of(path, "problem.id"));
        } else if (!seen.add(id)) {
            problems.add(FieldProblem.of(path, "problem.unit.twice"));
        }
    }

    private static void text(List<FieldProblem> problems, String path, Map<String, String> text, boolean required) {
        if (required && text.values().stream().allMatch(DocumentValidator::blank)) {
            problems.add(FieldProblem.of(path, "problem.text.required"));
        }
        text.forEach((language, value) -> {
            if (!LANGUAGE.matcher(language).matches()) {
                problems.add(FieldProblem.of(path + "." + language, "problem.language"));
            } else if (value.length() > MAX_TEXT) {
                problems.add(FieldProblem.of(path + "." + language, "problem.tooLong", MAX_TEXT));
            }
        });
    }

    private static void level(List<FieldProblem> problems, String path, Integer level) {
        if (level != null && (level < 1 || level > 8)) {
            problems.add(FieldProblem.of(path, "problem.eqfLevel", level));
        }
    }

    static void country(List<FieldProblem> problems, String path, String country, boolean required) {
        if (country == null) {
            if (required) {
                problems.add(FieldProblem.of(path, "problem.country.required"));
            }
        } else if (!COUNTRY.matcher(country).matches()) {
            problems.add(FieldProblem.of(path, "problem.country.form", quote(country)));
        }
    }

    /** {@code what}: any (an absolute http(s) URI), skill or occupation (an ESCO URI), as in {@code problem.uri.*}. */
    private static void uri(List<FieldProblem> problems, String path, String value, String what) {
        if (value == null || value.length() > 500) {
            problems.add(FieldProblem.of(path, "problem.uri." + what));
            return;
        }
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                problems.add(FieldProblem.of(path, "problem.uri." + what + ".got", quote(value)));
            }
        } catch (URISyntaxException e) {
            problems.add(FieldProblem.of(path, "problem.uri." + what + ".got", quote(value)));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        String shortened = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return "\"" + shortened + "\"";
    }
}
