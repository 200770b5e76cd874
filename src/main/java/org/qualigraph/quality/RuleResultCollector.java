package org.qualigraph.quality;

import java.util.ArrayList;
import java.util.List;
import org.qualigraph.base.Message;

/** What a rule writes its outcome to while it is evaluated. */
public final class RuleResultCollector {

    private final QualityRule rule;
    private final List<QualityReport.Finding> findings = new ArrayList<>();
    private QualityReport.RuleStatus status;
    private Message note;

    RuleResultCollector(QualityRule rule) {
        this.rule = rule;
    }

    /**
     * A finding at the rule's own severity. Findings are sentences of the bundles ({@code quality.finding.*}), so
     * every reader gets them in their language; the REST report carries the English one.
     */
    public void fail(Message message, String... subjects) {
        fail(rule.severity(), message, List.of(subjects));
    }

    public void fail(Severity severity, Message message, List<String> subjects) {
        fail(severity, message, subjects, false);
    }

    /**
     * A finding at this severity that will nevertheless refuse publication ({@code blocksPublication}): a rule that
     * only warns before approval but is an error at publication says so from the draft on.
     */
    public void fail(Severity severity, Message message, List<String> subjects, boolean blocksPublication) {
        findings.add(new QualityReport.Finding(rule.id(), severity, message.english(), subjects, message,
                blocksPublication));
    }

    /** The rule does not apply to this qualification (type, status); {@code why} is shown in the report. */
    public void notApplicable(Message why) {
        status = QualityReport.RuleStatus.NOT_APPLICABLE;
        note = why;
    }

    /** The rule could not be (fully) evaluated because data is missing, e.g. no ESCO release loaded. */
    public void noData(Message why) {
        status = QualityReport.RuleStatus.NO_DATA;
        note = why;
    }

    /** A remark that goes with the result (e.g. "checked against the URI pattern only"). */
    public void note(Message text) {
        note = text;
    }

    List<QualityReport.Finding> findings() {
        return findings;
    }

    QualityReport.RuleResult result() {
        QualityReport.RuleStatus effective = !findings.isEmpty() ? QualityReport.RuleStatus.FAILED
                : status != null ? status : QualityReport.RuleStatus.PASSED;
        // a failed rule is tagged as its findings are (ESG-03 warns on a draft), never "Error" over a list of warnings
        Severity severity = findings.isEmpty() ? rule.severity() : findings.stream().map(QualityReport.Finding::severity)
                .min(java.util.Comparator.naturalOrder()).orElse(rule.severity());
        return new QualityReport.RuleResult(rule.id(), severity, rule.title(), rule.standard(),
                effective != QualityReport.RuleStatus.FAILED, effective, rule.source(), note == null ? null : note.english(),
                findings.size(), note);
    }
}
