package org.qualigraph.curriculum.ui;

import java.util.ArrayList;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qualigraph.base.FieldProblem;

/**
 * A refused field of the document in words for the designer: {@code units[1].outcomes[0].statement} becomes
 * "Unit U2 › outcome U2.K1 › Statement: …". The server names problems by document path, which is right for the API
 * and meaningless on screen.
 */
final class ProblemText {

    private static final Pattern STEP = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?");
    private static final Pattern UNIT = Pattern.compile("^units\\[(\\d+)]");

    private ProblemText() {
    }

    /** Where the problem is, in words, then the server's message as a sentence. */
    static String describe(FieldProblem problem, QualificationDraft draft, BiFunction<String, Object[], String> i18n) {
        var where = new ArrayList<String>();
        UnitDraft unit = null;
        String path = problem.field() == null ? "" : problem.field();
        for (String step : path.split("\\.")) {
            Matcher m = STEP.matcher(step);
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1);
            int index = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
            switch (name) {
                case "units" -> {
                    unit = index >= 0 && index < draft.units.size() ? draft.units.get(index) : null;
                    where.add(t(i18n, "curriculum.ui.problem.unit", unit == null || unit.code == null ? index + 1 : unit.code));
                }
                case "outcomes" -> {
                    var outcome = unit != null && index >= 0 && index < unit.outcomes.size() ? unit.outcomes.get(index) : null;
                    where.add(t(i18n, "curriculum.ui.problem.outcome", outcome == null || outcome.code == null
                            ? index + 1 : outcome.code));
                }
                case "workBasedLearning" -> where.add(t(i18n, "curriculum.ui.problem.wbl", index + 1));
                case "assessments" -> where.add(t(i18n, "curriculum.ui.problem.assessment", index + 1));
                case "nqfLevels" -> where.add(t(i18n, "curriculum.ui.problem.nqf", index + 1));
                case "awardingBodies" -> where.add(t(i18n, "curriculum.ui.problem.body", index + 1));
                case "targetOccupations" -> where.add(t(i18n, "curriculum.ui.problem.target", index + 1));
                default -> where.add(field(name, i18n));
            }
        }
        String message = FieldPaths.sentence(problem.message(FieldPaths.locale()));
        return where.isEmpty() ? message : String.join(" › ", where) + ": " + message;
    }

    /** The index of the unit a problem path points into, or -1. */
    static int unitIndex(String path) {
        if (path == null) {
            return -1;
        }
        Matcher m = UNIT.matcher(path);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The label of a document property, from the bundle ({@code curriculum.ui.field.<name>}) or in words. */
    private static String field(String name, BiFunction<String, Object[], String> i18n) {
        String key = "curriculum.ui.field." + name;
        String text = i18n.apply(key, new Object[0]);
        if (text != null && !text.isBlank() && !text.contains(key)) {
            return text;
        }
        String words = name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String t(BiFunction<String, Object[], String> i18n, String key, Object value) {
        return i18n.apply(key, new Object[] {value});
    }
}
