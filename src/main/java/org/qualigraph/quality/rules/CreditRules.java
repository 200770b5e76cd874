package org.qualigraph.quality.rules;

import static org.qualigraph.quality.Severity.ERROR;
import static org.qualigraph.quality.Severity.WARNING;
import static org.qualigraph.quality.StandardGroup.CREDITS;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import org.qualigraph.curriculum.CreditSystem;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationType;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.quality.QualityInput;
import org.qualigraph.quality.RuleResultCollector;

/** CREDIT-01..08: credits and workload (ECTS Users' Guide, QF-EHEA, ECVET 2009). */
final class CreditRules {

    private CreditRules() {
    }

    /** Units counted once each: a unit that appears twice (same id, else same code) counts once. */
    static List<UnitDocument> distinct(List<UnitDocument> units) {
        var seen = new HashSet<String>();
        return units.stream().filter(u -> seen.add(u.id() != null ? "id:" + u.id() : "code:" + u.code())).toList();
    }

    static BigDecimal sum(List<UnitDocument> units) {
        return units.stream().map(UnitDocument::credits).filter(c -> c != null).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static String plain(BigDecimal value) {
        return value == null ? "none" : value.stripTrailingZeros().toPlainString();
    }

    static final class Credit01 extends BaseRule {
        Credit01() {
            super("CREDIT-01", ERROR, CREDITS, "Credits are ECTS or ECVET, every value a number > 0",
                    "ELM CreditPoint (framework ECTS/ECVET, point > 0)");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            QualificationDocument doc = in.document();
            if (doc.creditSystem() == null) {
                out.fail(finding("CREDIT-01.system"));
            }
            if (doc.credits() == null) {
                out.fail(finding("CREDIT-01.none"));
            } else if (doc.credits().signum() <= 0) {
                out.fail(finding("CREDIT-01.qualification", doc.credits()));
            }
            for (UnitDocument unit : doc.units()) {
                if (unit.credits() != null && unit.credits().signum() <= 0) {
                    out.fail(finding("CREDIT-01.unit", unitName(unit), unit.credits()), unit.code());
                }
            }
        }
    }

    static final class Credit02 extends BaseRule {
        Credit02() {
            super("CREDIT-02", ERROR, CREDITS, "Credits = mandatory units + required elective credits",
                    "ECTS Users' Guide 2015 (credits allocated to the qualification and its components)");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            QualificationDocument doc = in.document();
            if (doc.credits() == null || doc.units().isEmpty()) {
                out.notApplicable(note("CREDIT-02.nothing"));
                return;
            }
            List<UnitDocument> units = distinct(doc.units());
            BigDecimal mandatory = sum(units.stream().filter(UnitDocument::isMandatory).toList());
            BigDecimal elective = sum(units.stream().filter(u -> !u.isMandatory()).toList());
            BigDecimal required = doc.credits().subtract(mandatory);
            if (required.signum() < 0) {
                out.fail(finding("CREDIT-02.over", mandatory, doc.credits()));
            } else if (required.compareTo(elective) > 0) {
                out.fail(elective.signum() == 0
                        ? finding("CREDIT-02.noElectives", mandatory, doc.credits())
                        : finding("CREDIT-02.electives", required, mandatory, elective));
            } else if (required.signum() > 0) {
                out.note(note("CREDIT-02.sum", mandatory, required, elective));
            }
        }
    }

    static final class Credit03 extends BaseRule {
        Credit03() {
            super("CREDIT-03", WARNING, CREDITS, "25-30 notional hours per ECTS credit", "ECTS Users' Guide 2015");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            if (in.document().creditSystem() != CreditSystem.ECTS) {
                out.notApplicable(note("CREDIT.notEcts"));
                return;
            }
            double min = in.thresholds().hoursPerEctsMin();
            double max = in.thresholds().hoursPerEctsMax();
            for (UnitDocument unit : in.document().units()) {
                if (unit.credits() != null && unit.credits().signum() > 0 && unit.hours() != null) {
                    double perCredit = unit.hours() / unit.credits().doubleValue();
                    if (perCredit < min || perCredit > max) {
                        out.fail(finding("CREDIT-03", unitName(unit), unit.hours(), unit.credits(), perCredit, min, max),
                                unit.code());
                    }
                }
            }
        }
    }

    abstract static class CycleRange extends BaseRule {
        private final QualificationType type;

        CycleRange(String id, org.qualigraph.quality.Severity severity, QualificationType type, String title) {
            super(id, severity, CREDITS, title, "QF-EHEA (2018 revision); ECTS Users' Guide 2015");
            this.type = type;
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            QualificationDocument doc = in.document();
            if (doc.type() != type) {
                out.notApplicable(note("CREDIT.onlyType", type));
                return;
            }
            if (doc.creditSystem() != CreditSystem.ECTS || doc.credits() == null) {
                out.fail(finding("CREDIT.ectsNeeded", type));
                return;
            }
            check(doc.credits().doubleValue(), out);
        }

        abstract void check(double ects, RuleResultCollector out);
    }

    static final class Credit04 extends CycleRange {
        Credit04() {
            super("CREDIT-04", ERROR, QualificationType.HE_BACHELOR, "Bachelor: 180-240 ECTS");
        }

        @Override
        void check(double ects, RuleResultCollector out) {
            if (ects < 180 || ects > 240) {
                out.fail(finding("CREDIT-04", ects));
            }
        }
    }

    static final class Credit05 extends CycleRange {
        Credit05() {
            super("CREDIT-05", ERROR, QualificationType.HE_MASTER, "Master: 60-120 ECTS (typically 90-120)");
        }

        @Override
        void check(double ects, RuleResultCollector out) {
            if (ects < 60 || ects > 120) {
                out.fail(finding("CREDIT-05.range", ects));
            } else if (ects < 90) {
                out.fail(WARNING, finding("CREDIT-05.low", ects), List.of());
            }
        }
    }

    static final class Credit06 extends CycleRange {
        Credit06() {
            super("CREDIT-06", WARNING, QualificationType.HE_SHORT_CYCLE, "Short cycle: 90-120 ECTS");
        }

        @Override
        void check(double ects, RuleResultCollector out) {
            if (ects < 90 || ects > 120) {
                out.fail(finding("CREDIT-06", ects));
            }
        }
    }

    static final class Credit07 extends BaseRule {
        Credit07() {
            super("CREDIT-07", WARNING, CREDITS, "ECVET: about 60 points a full-time year; unit points add up",
                    "ECVET Recommendation 2009 (OJ C 155/11)");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            QualificationDocument doc = in.document();
            if (doc.creditSystem() != CreditSystem.ECVET) {
                out.notApplicable(note("CREDIT.notEcvet"));
                return;
            }
            if (doc.credits() == null) {
                out.notApplicable(note("CREDIT-07.noPoints"));
                return;
            }
            List<UnitDocument> mandatory = distinct(doc.units()).stream().filter(UnitDocument::isMandatory).toList();
            BigDecimal unitPoints = sum(mandatory);
            if (unitPoints.compareTo(doc.credits()) != 0) {
                out.fail(finding("CREDIT-07.sum", unitPoints, doc.credits()));
            }
            int hours = mandatory.stream().mapToInt(u -> u.hours() == null ? 0 : u.hours()).sum();
            if (hours > 0) {
                var t = in.thresholds();
                double years = hours / t.fullTimeYearHours();
                double expected = years * t.ecvetPointsPerYear();
                double points = doc.credits().doubleValue();
                if (Math.abs(points - expected) > expected * t.ecvetTolerance()) {
                    out.fail(finding("CREDIT-07.year", hours, years, t.fullTimeYearHours(), expected, points));
                }
            } else {
                out.note(note("CREDIT-07.noHours"));
            }
        }
    }

    static final class Credit08 extends BaseRule {
        Credit08() {
            super("CREDIT-08", ERROR, CREDITS, "Every unit has a workload (credits or hours)",
                    "ESG 1.2 guideline 6 (defined workload); ECTS Users' Guide 2015");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            for (UnitDocument unit : in.document().units()) {
                boolean credits = unit.credits() != null && unit.credits().signum() > 0;
                boolean hours = unit.hours() != null && unit.hours() > 0;
                if (!credits && !hours) {
                    out.fail(finding("CREDIT-08", unitName(unit)), unit.code());
                }
            }
        }
    }
}
