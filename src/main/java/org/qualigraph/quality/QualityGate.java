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
    default List<org.qualigraph.base.Message> blockingSentences(QualificationDocument document, Governance governance,
                                                               boolean publishing) {
        return blockingErrors(document, governance, publishing).stream()
                .map(line -> org.qualigraph.base.Message.of("review.refusal.line", line)).toList();
    }

    /**
     * The same blocking findings as records (rule, sentence in every language, subjects), for screens that list them
     * one per item and lead to what each concerns. By default read back from {@link #blockingErrors}.
     */
    default List<QualityReport.Finding> blockingFindings(QualificationDocument document, Governance governance,
                                                         boolean publishing) {
        return blockingErrors(document, governance, publishing).stream().map(line -> {
            int colon = line.indexOf(": ");
            return new QualityReport.Finding(colon > 0 ? line.substring(0, colon) : "", Severity.ERROR,
                    colon > 0 ? line.substring(colon + 2) : line, List.of());
        }).toList();
    }
}
