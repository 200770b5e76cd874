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

    /** The status in words for a rule's note (its label in the reader's language), never the stored code. */
    static QualificationStatus statusWords(QualityInput in) {
        return status(in);
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
            var missing = new ArrayList<org.qualigraph.base.Message>();
            if (!kinds.contains(StakeholderKind.LEARNER_REPRESENTATIVE)) {
                missing.add(finding("ESG-01.learner"));
            }
            if (kinds.stream().noneMatch(k -> k == StakeholderKind.EMPLOYER || k == StakeholderKind.EXTERNAL_EXPERT
                    || k == StakeholderKind.ACADEMIC || k == StakeholderKind.SOCIAL_PARTNER)) {
                missing.add(finding("ESG-01.external"));
            }
            if (!missing.isEmpty()) {
                out.fail(finding("ESG-01", or(missing)));
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
                out.notApplicable(note("ESG-02.notYet", statusWords(in)));
                return;
            }
            Governance.Approval approval = in.governance().approval();
            if (approval == null) {
                out.fail(finding("ESG-02.none"));
                return;
            }
            var missing = new ArrayList<org.qualigraph.base.Message>();
            if (blank(approval.body())) {
                missing.add(finding("ESG-02.body"));
            }
            if (approval.date() == null) {
                missing.add(finding("ESG-02.date"));
            }
            if (blank(approval.decision())) {
                missing.add(finding("ESG-02.decision"));
            }
            if (!missing.isEmpty()) {
                out.fail(finding("ESG-02", missing));
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
            var missing = new ArrayList<org.qualigraph.base.Message>();
            if (doc.entryRequirements().values().stream().allMatch(BaseRule::blank)) {
                missing.add(finding("ESG-03.entry"));
            }
            if (outcomes(doc).isEmpty()) {
                missing.add(finding("ESG-03.outcomes"));
            }
            if (doc.eqfLevel() == null) {
                missing.add(finding("ESG-03.eqf"));
            }
            if (doc.nqfLevels().isEmpty()) {
                missing.add(finding("ESG-03.nqf"));
            }
            List<String> noModes = doc.units().stream().filter(u -> u.deliveryModes().isEmpty())
                    .map(UnitDocument::code).toList();
            if (doc.units().isEmpty() || !noModes.isEmpty()) {
                missing.add(noModes.isEmpty() ? finding("ESG-03.methods") : finding("ESG-03.methodsOf", noModes));
            }
            List<String> noAssessment = doc.units().stream().filter(u -> u.assessments().isEmpty())
                    .map(UnitDocument::code).toList();
            if (doc.units().isEmpty() || !noAssessment.isEmpty()) {
                missing.add(noAssessment.isEmpty() ? finding("ESG-03.assessment")
                        : finding("ESG-03.assessmentOf", noAssessment));
            }
            if (!missing.isEmpty()) {
                var subjects = new ArrayList<String>(noModes);
                noAssessment.stream().filter(c -> !subjects.contains(c)).forEach(subjects::add);
                // a warning before approval, an error at publication: marked as blocking it from the draft on
                out.fail(severity, finding(severity == WARNING ? "ESG-03.draft" : "ESG-03", missing), subjects, true);
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
                out.notApplicable(note("ESG-04.notYet", statusWords(in)));
                return;
            }
            int years = in.thresholds().reviewHorizonYears();
            var next = in.governance().nextReviewDate();
            if (next == null) {
                out.fail(finding("ESG-04.none", years));
            } else if (next.isAfter(in.today().plusYears(years))) {
                out.fail(finding("ESG-04.far", next, years));
            } else if (next.isBefore(in.today())) {
                out.fail(finding("ESG-04.overdue", next));
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
                out.fail(finding("EQAVET-01", missing.stream()
                        .map(p -> org.qualigraph.base.Message.of("quality.phase." + p.name())).toList()));
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
                out.notApplicable(note("EQAVET-02.none"));
                return;
            }
            for (Governance.ReviewAction action : in.governance().actions()) {
                if (action.findingId() == null || !evaluations.contains(action.findingId())) {
                    out.fail(finding("EQAVET-02", String.valueOf(action.text())), String.valueOf(action.id()));
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
                out.notApplicable(note("EQAVET-03.notYet", statusWords(in)));
                return;
            }
            for (int indicator : List.of(3, 4, 5, 6)) {
                boolean recorded = in.governance().indicators().stream().anyMatch(v -> v.indicator() == indicator
                        && !blank(v.value()) && !blank(v.referencePeriod()));
                if (!recorded) {
                    out.fail(finding("EQAVET-03", indicator, org.qualigraph.base.Message.of("quality.indicator." + indicator)));
                }
            }
        }
    }
}
