package org.qualigraph.quality;

import java.util.ArrayList;
import java.util.List;

/** What a rule writes its outcome to while it is evaluated. */
public final class RuleResultCollector {

    private final QualityRule rule;
    private final List<QualityReport.Finding> findings = new ArrayList<>();
    private QualityReport.RuleStatus status;
    private String note;

    RuleResultCollector(QualityRule rule) {
        this.rule = rule;
    }

    /** A finding at the rule's own severity. */
    public void fail(String message, String... subjects) {
        fail(rule.severity(), message, List.of(subjects));
    }

    public void fail(Severity severity, String message, List<String> subjects) {
        findings.add(new QualityReport.Finding(rule.id(), severity, message, subjects));
    }

    /** The rule does not apply to this qualification (type, status); {@code why} is shown in the report. */
    public void notApplicable(String why) {
        status = QualityReport.RuleStatus.NOT_APPLICABLE;
        note = why;
    }

    /** The rule could not be (fully) evaluated because data is missing, e.g. no ESCO release loaded. */
    public void noData(String why) {
        status = QualityReport.RuleStatus.NO_DATA;
        note = why;
    }

    /** A remark that goes with the result (e.g. "checked against the URI pattern only"). */
    public void note(String text) {
        note = text;
    }

    List<QualityReport.Finding> findings() {
        return findings;
    }

    QualityReport.RuleResult result() {
        QualityReport.RuleStatus effective = !findings.isEmpty() ? QualityReport.RuleStatus.FAILED
                : status != null ? status : QualityReport.RuleStatus.PASSED;
        return new QualityReport.RuleResult(rule.id(), rule.severity(), rule.title(), rule.standard(),
                effective != QualityReport.RuleStatus.FAILED, effective, rule.source(), note, findings.size());
    }
}
