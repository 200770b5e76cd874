package org.qualigraph.quality;

import java.util.ArrayList;
import java.util.List;
import org.qualigraph.quality.rules.RuleCatalogue;

/**
 * Runs every rule of the catalogue on one input and assembles the report. Pure Java without Spring, so the rules can
 * be tested and benchmarked on documents built in code.
 */
public final class QualityEngine {

    private final List<QualityRule> rules;

    public QualityEngine() {
        this(RuleCatalogue.all());
    }

    public QualityEngine(List<QualityRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<QualityRule> rules() {
        return rules;
    }

    public QualityReport evaluate(QualityInput input) {
        var findings = new ArrayList<QualityReport.Finding>();
        var results = new ArrayList<QualityReport.RuleResult>();
        for (QualityRule rule : rules) {
            var collector = new RuleResultCollector(rule);
            rule.evaluate(input, collector);
            findings.addAll(collector.findings());
            results.add(collector.result());
        }
        int errors = 0;
        int warnings = 0;
        int infos = 0;
        for (QualityReport.Finding finding : findings) {
            switch (finding.severity()) {
                case ERROR -> errors++;
                case WARNING -> warnings++;
                case INFO -> infos++;
            }
        }
        return new QualityReport(input.document().id(), new QualityReport.Summary(errors, warnings, infos), findings,
                results, input.thresholds());
    }
}
