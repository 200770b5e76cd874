package org.qualigraph.quality;

import java.util.List;
import org.qualigraph.curriculum.QualificationDocument;

/**
 * What the review workflow asks the rule engine before a transition: the error-severity findings that block it.
 * Implemented by the quality rule engine.
 */
public interface QualityGate {

    /**
     * The blocking findings as readable lines ("EQF-02: unit U3 is at EQF 5, above the qualification's 4"); empty when
     * the step may go ahead. {@code publishing} evaluates the publication-only rules (ESG-02, ESG-03 as errors).
     */
    List<String> blockingErrors(QualificationDocument document, Governance governance, boolean publishing);

    /** The same findings as sentences each reader gets in their language ({@code review.refusal.finding}). */
    default List<org.qualigraph.base.Message> blockingFindings(QualificationDocument document, Governance governance,
                                                               boolean publishing) {
        return blockingErrors(document, governance, publishing).stream()
                .map(line -> org.qualigraph.base.Message.of("review.refusal.line", line)).toList();
    }
}
