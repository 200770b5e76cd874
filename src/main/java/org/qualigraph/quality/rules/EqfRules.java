package org.qualigraph.quality.rules;

import static org.qualigraph.quality.Severity.ERROR;
import static org.qualigraph.quality.Severity.INFO;
import static org.qualigraph.quality.Severity.WARNING;
import static org.qualigraph.quality.StandardGroup.EQF;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.qualigraph.curriculum.Dimension;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationType;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.quality.QualityInput;
import org.qualigraph.quality.RuleResultCollector;

/** EQF-01..05: levels and dimensions (EQF Recommendation 2017, Annex II and its QF-EHEA note). */
final class EqfRules {

    private EqfRules() {
    }

    static final class Eqf01 extends BaseRule {
        Eqf01() {
            super("EQF-01", ERROR, EQF, "The qualification has exactly one EQF level, 1-8",
                    "EQF Recommendation 2017, Annex II; ELM EQFLevel 1..1");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            Integer level = in.document().eqfLevel();
            if (level == null) {
                out.fail("The qualification has no EQF level; set one between 3 and 8.");
            } else if (level < 1 || level > 8) {
                out.fail("The qualification's EQF level " + level + " is outside 1-8.");
            } else if (level <= 2) {
                out.fail(INFO, "The qualification is at EQF " + level + "; Qualigraph targets levels 3-8 "
                        + "(levels 1-2 are accepted).", List.of());
            }
        }
    }

    static final class Eqf02 extends BaseRule {
        Eqf02() {
            super("EQF-02", ERROR, EQF, "No unit is above the qualification's EQF level",
                    "EQF Recommendation 2017 (levels are cumulative); design rule for part-qualifications");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            Integer level = in.document().eqfLevel();
            if (level == null) {
                out.notApplicable("The qualification has no EQF level (see EQF-01).");
                return;
            }
            for (UnitDocument unit : in.document().units()) {
                if (unit.eqfLevel() != null && unit.eqfLevel() > level) {
                    out.fail(unitName(unit) + " is at EQF " + unit.eqfLevel() + ", above the qualification's level "
                            + level + ".", unit.code());
                }
            }
        }
    }

    static final class Eqf03 extends BaseRule {
        Eqf03() {
            super("EQF-03", WARNING, EQF, "No unit is more than 2 levels below the qualification",
                    "EQF Recommendation 2017; heuristic");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            Integer level = in.document().eqfLevel();
            if (level == null) {
                out.notApplicable("The qualification has no EQF level (see EQF-01).");
                return;
            }
            int max = in.thresholds().eqfBelowQualificationMax();
            for (UnitDocument unit : in.document().units()) {
                if (unit.eqfLevel() != null && unit.eqfLevel() < level - max) {
                    out.fail(unitName(unit) + " is at EQF " + unit.eqfLevel() + ", more than " + max
                            + " levels below the qualification's level " + level + ".", unit.code());
                }
            }
        }
    }

    static final class Eqf04 extends BaseRule {
        Eqf04() {
            super("EQF-04", WARNING, EQF, "Outcomes cover knowledge, skills and responsibility & autonomy",
                    "EQF Recommendation 2017, Annex II (three columns)");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            var overall = EnumSet.noneOf(Dimension.class);
            for (UnitDocument unit : in.document().units()) {
                var present = EnumSet.noneOf(Dimension.class);
                unit.outcomes().stream().map(OutcomeDocument::dimension).filter(d -> d != null).forEach(present::add);
                overall.addAll(present);
                var missing = EnumSet.complementOf(present);
                if (!unit.outcomes().isEmpty() && !missing.isEmpty()) {
                    out.fail(INFO, unitName(unit) + " has no " + names(missing) + " outcome.", List.of(unit.code()));
                }
            }
            var missing = EnumSet.complementOf(overall);
            if (!missing.isEmpty()) {
                out.fail("The qualification has no " + names(missing) + " outcome; each EQF dimension needs at least one.");
            }
        }

        private static String names(EnumSet<Dimension> dimensions) {
            var names = new ArrayList<String>();
            dimensions.forEach(d -> names.add(switch (d) {
                case KNOWLEDGE -> "knowledge";
                case SKILLS -> "skills";
                case RESPONSIBILITY_AUTONOMY -> "responsibility and autonomy";
            }));
            return String.join(" or ", names);
        }
    }

    static final class Eqf05 extends BaseRule {
        Eqf05() {
            super("EQF-05", ERROR, EQF, "The qualification type agrees with its EQF level",
                    "EQF Recommendation 2017, Annex II (compatibility with the QF-EHEA cycles); typical qualification types per EQF level");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            QualificationType type = in.document().type();
            Integer level = in.document().eqfLevel();
            if (type == null || level == null) {
                out.notApplicable("The qualification has no type or no EQF level.");
                return;
            }
            int low;
            int high;
            switch (type) {
                case HE_SHORT_CYCLE -> { low = 5; high = 5; }
                case HE_BACHELOR -> { low = 6; high = 6; }
                case HE_MASTER -> { low = 7; high = 7; }
                case HE_DOCTORATE -> { low = 8; high = 8; }
                case IVET, APPRENTICESHIP -> { low = 3; high = 5; }
                default -> {
                    out.notApplicable("A " + label(type) + " may sit at any EQF level.");
                    return;
                }
            }
            if (level < low || level > high) {
                String expected = low == high ? "EQF " + low : "EQF " + low + "-" + high;
                out.fail("A " + label(type) + " belongs at " + expected + ", but the qualification is at EQF " + level + ".");
            }
        }

        /** The type in words, for messages (rule texts are plain English, not codes). */
        static String label(QualificationType type) {
            return switch (type) {
                case HE_SHORT_CYCLE -> "short-cycle higher education qualification";
                case HE_BACHELOR -> "bachelor";
                case HE_MASTER -> "master";
                case HE_DOCTORATE -> "doctorate";
                case IVET -> "initial VET qualification";
                case APPRENTICESHIP -> "apprenticeship";
                case CVET -> "continuing VET qualification";
                case MICRO_CREDENTIAL -> "micro-credential";
            };
        }
    }
}
