package org.qualigraph.quality.rules;

import static org.qualigraph.quality.Severity.ERROR;
import static org.qualigraph.quality.Severity.INFO;
import static org.qualigraph.quality.Severity.WARNING;
import static org.qualigraph.quality.StandardGroup.EQAVET;
import static org.qualigraph.quality.StandardGroup.ESG;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.qualigraph.curriculum.QualificationStatus;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.quality.Governance;
import org.qualigraph.quality.Governance.QualityPhase;
import org.qualigraph.quality.Governance.StakeholderKind;
import org.qualigraph.quality.QualityInput;
import org.qualigraph.quality.RuleResultCollector;
import org.qualigraph.quality.Severity;

/** ESG-01..04 and EQAVET-01..03: design, approval, public information, review and the quality cycle. */
final class GovernanceRules {

    private static final Set<QualificationStatus> APPROVED_ON = EnumSet.of(QualificationStatus.APPROVED,
            QualificationStatus.PUBLISHED, QualificationStatus.ARCHIVED);
    private static final Set<QualificationStatus> RUNNING = EnumSet.of(QualificationStatus.PUBLISHED,
            QualificationStatus.ARCHIVED);

    private GovernanceRules() {
    }

    static QualificationStatus status(QualityInput in) {
        return in.document().status() == null ? QualificationStatus.DRAFT : in.document().status();
    }

    /** The status in words for a rule's note ("a changes requested qualification"), never the stored code. */
    static String statusWords(QualityInput in) {
        return status(in).name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    static final class Esg01 extends BaseRule {
        Esg01() {
            super("ESG-01", WARNING, ESG, "Design involved learners and an external stakeholder",
                    "ESG 2015, 1.2 guidelines 2-3");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            var kinds = in.governance().stakeholders().stream().map(Governance.Stakeholder::kind)
                    .collect(Collectors.toSet());
            var missing = new ArrayList<String>();
            if (!kinds.contains(StakeholderKind.LEARNER_REPRESENTATIVE)) {
                missing.add("a learner or student representative");
            }
            if (kinds.stream().noneMatch(k -> k == StakeholderKind.EMPLOYER || k == StakeholderKind.EXTERNAL_EXPERT
                    || k == StakeholderKind.ACADEMIC || k == StakeholderKind.SOCIAL_PARTNER)) {
                missing.add("an external stakeholder (employer, social partner, external or academic expert)");
            }
            if (!missing.isEmpty()) {
                out.fail("The design record does not name " + String.join(" or ", missing) + ".");
            }
        }
    }

    static final class Esg02 extends BaseRule {
        Esg02() {
            super("ESG-02", ERROR, ESG, "Publication requires an approval record (body, date, decision)",
                    "ESG 2015, 1.2 guideline 8 (formal approval)");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            if (!in.publishing() && !APPROVED_ON.contains(status(in))) {
                out.notApplicable("Evaluated from approval on and on every attempt to publish; this is a "
                        + statusWords(in) + " qualification.");
                return;
            }
            Governance.Approval approval = in.governance().approval();
            if (approval == null) {
                out.fail("There is no approval record; publication needs the approving body, the date and the decision.");
                return;
            }
            var missing = new ArrayList<String>();
            if (blank(approval.body())) {
                missing.add("the approving body");
            }
            if (approval.date() == null) {
                missing.add("the date");
            }
            if (blank(approval.decision())) {
                missing.add("the decision");
            }
            if (!missing.isEmpty()) {
                out.fail("The approval record lacks " + String.join(", ", missing) + ".");
            }
        }
    }

    static final class Esg03 extends BaseRule {
        Esg03() {
            super("ESG-03", ERROR, ESG, "Public information is complete before publication",
                    "ESG 2015, 1.8 (public information); EQF Annex VI");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            Severity severity = in.publishing() || APPROVED_ON.contains(status(in)) ? ERROR : WARNING;
            var doc = in.document();
            var missing = new ArrayList<String>();
            if (doc.entryRequirements().values().stream().allMatch(BaseRule::blank)) {
                missing.add("entry requirements");
            }
            if (outcomes(doc).isEmpty()) {
                missing.add("learning outcomes");
            }
            if (doc.eqfLevel() == null) {
                missing.add("the EQF level");
            }
            if (doc.nqfLevels().isEmpty()) {
                missing.add("the NQF level");
            }
            List<String> noModes = doc.units().stream().filter(u -> u.deliveryModes().isEmpty())
                    .map(UnitDocument::code).toList();
            if (doc.units().isEmpty() || !noModes.isEmpty()) {
                missing.add("teaching and learning methods" + (noModes.isEmpty() ? "" : " of " + String.join(", ", noModes)));
            }
            List<String> noAssessment = doc.units().stream().filter(u -> u.assessments().isEmpty())
                    .map(UnitDocument::code).toList();
            if (doc.units().isEmpty() || !noAssessment.isEmpty()) {
                missing.add("assessment methods" + (noAssessment.isEmpty() ? "" : " of " + String.join(", ", noAssessment)));
            }
            if (!missing.isEmpty()) {
                var subjects = new ArrayList<String>(noModes);
                noAssessment.stream().filter(c -> !subjects.contains(c)).forEach(subjects::add);
                out.fail(severity, "The public information lacks " + String.join(", ", missing) + "."
                        + (severity == WARNING ? " It must be complete before publication." : ""), subjects);
            }
        }
    }

    static final class Esg04 extends BaseRule {
        Esg04() {
            super("ESG-04", WARNING, ESG, "A published qualification has a next periodic review within 5 years",
                    "ESG 2015, 1.9 (periodic review) and 1.10");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            if (!in.publishing() && !RUNNING.contains(status(in))) {
                out.notApplicable("Evaluated for published qualifications; this is a " + statusWords(in) + " qualification.");
                return;
            }
            int years = in.thresholds().reviewHorizonYears();
            var next = in.governance().nextReviewDate();
            if (next == null) {
                out.fail("No next periodic review date is set; plan one within " + years + " years.");
            } else if (next.isAfter(in.today().plusYears(years))) {
                out.fail("The next periodic review (" + next + ") is more than " + years + " years ahead.");
            } else if (next.isBefore(in.today())) {
                out.fail("The periodic review due on " + next + " is overdue.");
            }
        }
    }

    static final class Eqavet01 extends BaseRule {
        Eqavet01() {
            super("EQAVET-01", WARNING, EQAVET, "Every phase of the quality cycle has evidence",
                    "EQAVET Recommendation 2009/2020 (Annex II): planning, implementation, evaluation, review");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            var present = EnumSet.noneOf(QualityPhase.class);
            in.governance().evidence().stream().map(Governance.EvidenceItem::phase).filter(p -> p != null)
                    .forEach(present::add);
            var missing = EnumSet.complementOf(present);
            if (!missing.isEmpty()) {
                out.fail("The quality cycle has no evidence for "
                        + missing.stream().map(p -> p.name().toLowerCase()).collect(Collectors.joining(", ")) + ".");
            }
        }
    }

    static final class Eqavet02 extends BaseRule {
        Eqavet02() {
            super("EQAVET-02", WARNING, EQAVET, "Every review action refers to an evaluation finding",
                    "EQAVET quality cycle (review follows evaluation)");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            var evaluations = in.governance().evidence().stream().filter(e -> e.phase() == QualityPhase.EVALUATION)
                    .map(Governance.EvidenceItem::id).collect(Collectors.toSet());
            if (in.governance().actions().isEmpty()) {
                out.notApplicable("No review action is recorded.");
                return;
            }
            for (Governance.ReviewAction action : in.governance().actions()) {
                if (action.findingId() == null || !evaluations.contains(action.findingId())) {
                    out.fail("Review action \"" + action.text() + "\" does not refer to an evaluation finding.",
                            String.valueOf(action.id()));
                }
            }
        }
    }

    static final class Eqavet03 extends BaseRule {
        Eqavet03() {
            super("EQAVET-03", INFO, EQAVET, "Indicators 3, 4, 5, 6 are recorded once the qualification runs",
                    "EQAVET reference indicators 3 (participation), 4 (completion), 5 (placement), 6 (use of skills)");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            if (!RUNNING.contains(status(in))) {
                out.notApplicable("Evaluated once the qualification runs (published); this is a " + statusWords(in)
                        + " qualification.");
                return;
            }
            for (int indicator : List.of(3, 4, 5, 6)) {
                boolean recorded = in.governance().indicators().stream().anyMatch(v -> v.indicator() == indicator
                        && !blank(v.value()) && !blank(v.referencePeriod()));
                if (!recorded) {
                    out.fail("EQAVET indicator " + indicator + " (" + name(indicator) + ") has no value with a "
                            + "reference period.");
                }
            }
        }

        private static String name(int indicator) {
            return switch (indicator) {
                case 3 -> "participation";
                case 4 -> "completion";
                case 5 -> "placement";
                default -> "use of skills at the workplace";
            };
        }
    }
}
