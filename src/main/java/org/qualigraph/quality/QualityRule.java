package org.qualigraph.quality;

/**
 * One rule of the catalogue (quality-rules.md) under its stable id. A rule looks at a {@link QualityInput} and reports
 * its findings and, where it did not apply or lacked data, why; a rule without findings has passed.
 */
public interface QualityRule {

    /** The stable id, e.g. "EQF-02"; never reused with another meaning. */
    String id();

    /** The catalogue severity; single findings may be milder where the catalogue says so (e.g. EQF-01 levels 1-2). */
    Severity severity();

    StandardGroup standard();

    /** A one-line title in plain language. */
    String title();

    /** The standard text the rule comes from. */
    String source();

    void evaluate(QualityInput input, RuleResultCollector result);
}
