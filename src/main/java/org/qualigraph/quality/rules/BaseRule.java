package org.qualigraph.quality.rules;

import java.util.ArrayList;
import java.util.List;
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

    static String unitName(UnitDocument unit) {
        String title = unit.displayTitle();
        return title.isBlank() ? "Unit " + unit.code() : "Unit " + unit.code() + " \"" + title + "\"";
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
