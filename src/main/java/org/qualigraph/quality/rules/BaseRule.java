package org.qualigraph.quality.rules;

import java.util.ArrayList;
import java.util.List;
import org.qualigraph.base.Message;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.quality.QualityRule;
import org.qualigraph.quality.Severity;
import org.qualigraph.quality.StandardGroup;

/** The identity of a rule (id, severity, group, title, source) and helpers the rules share. */
abstract class BaseRule implements QualityRule {

    private final String id;
    private final Severity severity;
    private final StandardGroup standard;
    private final String title;
    private final String source;

    BaseRule(String id, Severity severity, StandardGroup standard, String title, String source) {
        this.id = id;
        this.severity = severity;
        this.standard = standard;
        this.title = title;
        this.source = source;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public StandardGroup standard() {
        return standard;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String source() {
        return source;
    }

    /** An outcome with the unit it belongs to. */
    record Located(UnitDocument unit, OutcomeDocument outcome) {
    }

    static List<Located> outcomes(QualificationDocument doc) {
        var all = new ArrayList<Located>();
        for (UnitDocument unit : doc.units()) {
            for (OutcomeDocument outcome : unit.outcomes()) {
                all.add(new Located(unit, outcome));
            }
        }
        return all;
    }

    /** "Unit U3 "Title"" in the reader's language. */
    static Message unitName(UnitDocument unit) {
        String title = unit.displayTitle();
        return title.isBlank() ? Message.of("quality.unit", unit.code())
                : Message.of("quality.unit.titled", unit.code(), title);
    }

    /** A finding sentence: {@code quality.finding.<key>} of the bundles. */
    static Message finding(String key, Object... args) {
        return Message.of("quality.finding." + key, args);
    }

    /** A note on a rule's result: {@code quality.note.<key>} of the bundles. */
    static Message note(String key, Object... args) {
        return Message.of("quality.note." + key, args);
    }

    /** "a or b or c" in the reader's language. */
    static Message or(List<?> parts) {
        return joined("quality.or", parts);
    }

    /** The parts joined pairwise by the pattern {@code key} ("{0} or {1}", "{0}; {1}"); not empty. */
    static Message joined(String key, List<?> parts) {
        Object joined = parts.get(parts.size() - 1);
        for (int i = parts.size() - 2; i >= 0; i--) {
            joined = Message.of(key, parts.get(i), joined);
        }
        return joined instanceof Message m ? m : Message.of("quality.plain", joined);
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
