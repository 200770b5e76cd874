package org.qualigraph.quality;

import java.time.LocalDate;
import java.util.List;

/**
 * The design, approval and quality-assurance record of one qualification: what the ESG and EQAVET rules check.
 * Kept by the review workflow; read by the rule engine.
 */
public record Governance(
        List<Stakeholder> stakeholders,
        List<EvidenceItem> evidence,
        Approval approval,
        LocalDate nextReviewDate,
        List<IndicatorValue> indicators,
        List<ReviewAction> actions) {

    public static final Governance EMPTY = new Governance(List.of(), List.of(), null, null, List.of(), List.of());

    public Governance {
        stakeholders = stakeholders == null ? List.of() : List.copyOf(stakeholders);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public enum StakeholderKind { LEARNER_REPRESENTATIVE, EMPLOYER, EXTERNAL_EXPERT, ACADEMIC, SOCIAL_PARTNER, TEACHER, OTHER }

    public enum QualityPhase { PLANNING, IMPLEMENTATION, EVALUATION, REVIEW }

    /** Someone involved in designing the qualification. */
    public record Stakeholder(String id, String name, String organisation, StakeholderKind kind) {
    }

    /** An evidence record of one phase of the EQAVET quality cycle. */
    public record EvidenceItem(String id, QualityPhase phase, String text, String link, LocalDate date) {
    }

    /** The formal approval: who approved, when, with which decision (ESG 1.2). */
    public record Approval(String body, LocalDate date, String decision, String approvedBy) {
    }

    /** A value of EQAVET reference indicator 3, 4, 5 or 6 for a reference period (e.g. "2025/26"). */
    public record IndicatorValue(int indicator, String value, String referencePeriod) {
    }

    /** A review action; {@code findingId} is the id of the EVALUATION evidence item it responds to (EQAVET-02). */
    public record ReviewAction(String id, String text, String findingId, boolean done) {
    }
}
