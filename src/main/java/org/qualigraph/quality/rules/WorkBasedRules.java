package org.qualigraph.quality.rules;

import static org.qualigraph.quality.Severity.ERROR;
import static org.qualigraph.quality.Severity.INFO;
import static org.qualigraph.quality.Severity.WARNING;
import static org.qualigraph.quality.StandardGroup.WORK_BASED_LEARNING;

import java.util.ArrayList;
import java.util.List;
import org.qualigraph.curriculum.AssessmentDocument;
import org.qualigraph.curriculum.QualificationType;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.curriculum.WblSetting;
import org.qualigraph.curriculum.WorkBasedLearningDocument;
import org.qualigraph.quality.QualityInput;
import org.qualigraph.quality.RuleResultCollector;

/** WBL-01..04: work-based learning (European Framework for Quality and Effective Apprenticeships, 2018). */
final class WorkBasedRules {

    private WorkBasedRules() {
    }

    static final class Wbl01 extends BaseRule {
        Wbl01() {
            super("WBL-01", ERROR, WORK_BASED_LEARNING, "Apprenticeships: at least half of the hours are work-based",
                    "Council Recommendation 2018 on apprenticeships, criterion 4 (workplace component)");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            if (in.document().type() != QualificationType.APPRENTICESHIP) {
                out.notApplicable(note("WBL-01.only"));
                return;
            }
            var units = CreditRules.distinct(in.document().units()).stream().filter(UnitDocument::isMandatory).toList();
            int total = units.stream().mapToInt(u -> u.hours() == null ? 0 : u.hours()).sum();
            int work = units.stream().mapToInt(UnitDocument::workBasedHours).sum();
            double min = in.thresholds().workBasedShareMin();
            if (total <= 0) {
                out.fail(finding("WBL-01.noHours", Math.round(min * 100)));
                return;
            }
            double share = (double) work / total;
            if (share + 1e-9 < min) {
                out.fail(finding("WBL-01.share", work, total, Math.round(share * 100), Math.round(min * 100)));
            } else {
                out.note(note("WBL-01.share", work, total, Math.round(share * 100)));
            }
        }
    }

    static final class Wbl02 extends BaseRule {
        Wbl02() {
            super("WBL-02", WARNING, WORK_BASED_LEARNING, "Initial VET includes work-based learning",
                    "Council Recommendation 2020 on VET; Osnabrück Declaration (work-based learning in initial VET)");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            if (in.document().type() != QualificationType.IVET) {
                out.notApplicable(note("WBL-02.only"));
                return;
            }
            if (in.document().units().stream().allMatch(u -> u.workBasedLearning().isEmpty())) {
                out.fail(finding("WBL-02"));
            }
        }
    }

    static final class Wbl03 extends BaseRule {
        Wbl03() {
            super("WBL-03", WARNING, WORK_BASED_LEARNING, "Each work-based period has outcomes, hours and an assessment",
                    "ESG 1.2 guideline 7 (well-structured placements); apprenticeship framework criterion 2");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            List<AssessmentDocument> assessments = in.document().units().stream()
                    .flatMap(u -> u.assessments().stream()).toList();
            for (UnitDocument unit : in.document().units()) {
                for (WorkBasedLearningDocument period : unit.workBasedLearning()) {
                    var missing = new ArrayList<org.qualigraph.base.Message>();
                    if (period.outcomes().isEmpty()) {
                        missing.add(finding("WBL-03.outcomes"));
                    }
                    if (period.hours() == null || period.hours() <= 0) {
                        missing.add(finding("WBL-03.hours"));
                    }
                    if (!period.outcomes().isEmpty() && assessments.stream()
                            .noneMatch(a -> a.outcomes().stream().anyMatch(period.outcomes()::contains))) {
                        missing.add(finding("WBL-03.assessment"));
                    }
                    if (!missing.isEmpty()) {
                        out.fail(finding("WBL-03", period.code(), unit.code(), missing), period.code());
                    }
                }
            }
        }
    }

    static final class Wbl04 extends BaseRule {
        Wbl04() {
            super("WBL-04", INFO, WORK_BASED_LEARNING, "Transnational (mobility) work-based learning",
                    "Council Recommendation 2018 on apprenticeships, criterion 4 (part abroad); criterion 11 (mobility)");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            var transnational = in.document().units().stream().flatMap(u -> u.workBasedLearning().stream())
                    .filter(w -> w.setting() == WblSetting.TRANSNATIONAL).map(WorkBasedLearningDocument::code).toList();
            if (transnational.isEmpty()) {
                out.fail(finding("WBL-04"));
            } else {
                out.note(note("WBL-04", transnational));
            }
        }
    }
}
