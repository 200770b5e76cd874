package org.qualigraph.quality;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Locale;
import org.qualigraph.base.Message;

/**
 * The answer of {@code GET /api/qualifications/{id}/quality}: findings of the failed rules, every rule evaluated with
 * its result, and the thresholds in force.
 */
@JsonPropertyOrder({"qualificationId", "summary", "findings", "rules", "thresholds"})
public record QualityReport(String qualificationId, Summary summary, List<Finding> findings, List<RuleResult> rules,
                            QualityThresholds thresholds) {

    public QualityReport {
        findings = List.copyOf(findings);
        rules = List.copyOf(rules);
    }

    /** Counts of findings by severity. */
    public record Summary(int errors, int warnings, int infos) {
    }

    /**
     * One problem found by a rule; {@code subjects} are the codes of what it concerns (unit "U3", outcome "U3.K1",
     * assessment "U3.A1", period "U3.W1", an occupation URI, or empty for the qualification as a whole).
     * {@code message} is English, as the REST API gives it; {@code text} is the same sentence as bundle key and
     * arguments ({@code quality.finding.<rule>.<case>}), which a screen shows in its user's language.
     * {@code blocksPublication} says, from the draft on, whether this finding will refuse publication.
     */
    @JsonPropertyOrder({"rule", "severity", "message", "subjects", "blocksPublication"})
    public record Finding(String rule, Severity severity, String message, List<String> subjects,
                          @JsonIgnore Message text, boolean blocksPublication) {
        public Finding {
            subjects = List.copyOf(subjects);
            // an error blocks every step ahead, publication included
            blocksPublication = blocksPublication || severity == Severity.ERROR;
        }

        /**
         * {@code blocksPublication}: the publication gate refuses while this finding is open, also when it is only a
         * warning now (ESG-03 on a draft is a warning that becomes an error at publication); errors always do.
         */
        public Finding(String rule, Severity severity, String message, List<String> subjects, Message text) {
            this(rule, severity, message, subjects, text, false);
        }

        public Finding(String rule, Severity severity, String message, List<String> subjects) {
            this(rule, severity, message, subjects, null, false);
        }

        /** The sentence in this language; the English message where no key is known. */
        public String message(Locale locale) {
            return text == null ? message : text.in(locale);
        }
    }

    /**
     * How one rule came out. {@code status} tells PASSED, FAILED, NOT_APPLICABLE (e.g. a master's rule on an IVET
     * qualification, a publication rule on a draft) and NO_DATA (the rule needs data that is not there, e.g. no ESCO
     * release loaded); {@code passed} is false only for FAILED. {@code note} explains anything but a plain pass.
     * {@code severity} is the rule's own, except for a failed rule whose findings are all of another severity (ESG-03
     * warns on a draft): then the highest of its findings', so that the rule's tag and its findings agree.
     */
    @JsonPropertyOrder({"rule", "severity", "title", "standard", "passed", "status", "source", "note", "findings"})
    public record RuleResult(String rule, Severity severity, String title, StandardGroup standard, boolean passed,
                             RuleStatus status, String source, String note, int findings,
                             @JsonIgnore Message noteText) {

        public RuleResult(String rule, Severity severity, String title, StandardGroup standard, boolean passed,
                          RuleStatus status, String source, String note, int findings) {
            this(rule, severity, title, standard, passed, status, source, note, findings, null);
        }

        /** The note in this language; the English note where no key is known; null without a note. */
        public String note(Locale locale) {
            return noteText == null ? note : noteText.in(locale);
        }
    }

    public enum RuleStatus { PASSED, FAILED, NOT_APPLICABLE, NO_DATA }

    public List<Finding> findingsOf(String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).toList();
    }

    public RuleResult rule(String id) {
        return rules.stream().filter(r -> r.rule().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule " + id));
    }

    /** Short badge text such as "2 errors · 5 warnings". */
    public String headline() {
        return summary.errors() + (summary.errors() == 1 ? " error · " : " errors · ")
                + summary.warnings() + (summary.warnings() == 1 ? " warning" : " warnings");
    }
}
