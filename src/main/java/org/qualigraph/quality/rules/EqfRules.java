package org.qualigraph.quality.rules;

import static org.qualigraph.quality.Severity.ERROR;
import static org.qualigraph.quality.Severity.INFO;
import static org.qualigraph.quality.Severity.WARNING;
import static org.qualigraph.quality.StandardGroup.EQF;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.qualigraph.base.Message;
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
                out.fail(finding("EQF-01.none"));
            } else if (level < 1 || level > 8) {
                out.fail(finding("EQF-01.outside", level));
            } else if (level <= 2) {
                out.fail(INFO, finding("EQF-01.low", level), List.of());
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
                out.notApplicable(note("noEqfLevel"));
                return;
            }
            for (UnitDocument unit : in.document().units()) {
                if (unit.eqfLevel() != null && unit.eqfLevel() > level) {
                    out.fail(finding("EQF-02", unitName(unit), unit.eqfLevel(), level), unit.code());
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
                out.notApplicable(note("noEqfLevel"));
                return;
            }
            int max = in.thresholds().eqfBelowQualificationMax();
            for (UnitDocument unit : in.document().units()) {
                if (unit.eqfLevel() != null && unit.eqfLevel() < level - max) {
                    out.fail(finding("EQF-03", unitName(unit), unit.eqfLevel(), max, level), unit.code());
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
                    out.fail(INFO, finding("EQF-04.unit", unitName(unit), names(missing)), List.of(unit.code()));
                }
            }
            var missing = EnumSet.complementOf(overall);
            if (!missing.isEmpty()) {
                out.fail(finding("EQF-04.qualification", names(missing)));
            }
        }

        private static Message names(EnumSet<Dimension> dimensions) {
            var names = new ArrayList<Message>();
            dimensions.forEach(d -> names.add(Message.of("quality.dimension." + d.name())));
            return or(names);
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
                out.notApplicable(note("EQF-05.noTypeOrLevel"));
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
                    out.notApplicable(note("EQF-05.anyLevel", label(type)));
                    return;
                }
            }
            if (level < low || level > high) {
                String expected = low == high ? String.valueOf(low) : low + "-" + high;
                out.fail(finding("EQF-05", label(type), expected, level));
            }
        }

        /** The type in words, for messages (rule texts are plain language, not codes). */
        static Message label(QualificationType type) {
            return Message.of("quality.type." + type.name());
        }
    }
}
