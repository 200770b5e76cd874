package org.qualigraph.quality.rules;

import static org.qualigraph.quality.Severity.ERROR;
import static org.qualigraph.quality.Severity.WARNING;
import static org.qualigraph.quality.StandardGroup.ALIGNMENT;

import java.util.HashSet;
import java.util.Locale;
import org.qualigraph.curriculum.AssessmentDocument;
import org.qualigraph.curriculum.AssessmentMethod;
import org.qualigraph.curriculum.QualificationType;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.quality.QualityInput;
import org.qualigraph.quality.RuleResultCollector;

/** ALIGN-01..03: constructive alignment of outcomes, assessments and delivery (ESG 1.2, 1.3). */
final class AlignmentRules {

    private AlignmentRules() {
    }

    static final class Align01 extends BaseRule {
        Align01() {
            super("ALIGN-01", ERROR, ALIGNMENT, "Every outcome is assessed", "ESG 1.2 and 1.3 (constructive alignment)");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            var assessed = new HashSet<String>();
            in.document().units().forEach(u -> u.assessments().forEach(a -> assessed.addAll(a.outcomes())));
            for (Located l : outcomes(in.document())) {
                if (!assessed.contains(l.outcome().code())) {
                    out.fail(finding("ALIGN-01", l.outcome().code(), l.unit().code()), l.outcome().code());
                }
            }
        }
    }

    static final class Align02 extends BaseRule {
        Align02() {
            super("ALIGN-02", ERROR, ALIGNMENT, "Every assessment assesses at least one outcome", "ESG 1.2 and 1.3");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            for (UnitDocument unit : in.document().units()) {
                for (AssessmentDocument assessment : unit.assessments()) {
                    if (assessment.outcomes().isEmpty()) {
                        out.fail(finding("ALIGN-02", assessment.code(), unit.code()), assessment.code());
                    }
                }
            }
        }
    }

    static final class Align03 extends BaseRule {
        Align03() {
            super("ALIGN-03", WARNING, ALIGNMENT, "Delivery modes named; prior-learning validation for adults",
                    "ESG 1.3 (student-centred learning), ESG 1.4 (recognition); Council Recommendation 2012 on validation");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            for (UnitDocument unit : in.document().units()) {
                if (unit.deliveryModes().isEmpty()) {
                    out.fail(finding("ALIGN-03.modes", unitName(unit)), unit.code());
                }
            }
            if (in.document().type() == QualificationType.CVET) {
                boolean validation = in.document().units().stream().flatMap(u -> u.assessments().stream())
                        .anyMatch(a -> a.method() == AssessmentMethod.PRIOR_LEARNING_VALIDATION);
                boolean described = in.document().entryRequirements().values().stream()
                        .map(t -> t.toLowerCase(Locale.ROOT))
                        .anyMatch(t -> t.contains("prior learning") || t.contains("validation")
                                || t.contains("vorkenntnisse") || t.contains("anerkenn") || t.contains("rpl"));
                if (!validation && !described) {
                    out.fail(finding("ALIGN-03.validation", org.qualigraph.curriculum.AssessmentMethod.PRIOR_LEARNING_VALIDATION));
                }
            }
        }
    }
}
