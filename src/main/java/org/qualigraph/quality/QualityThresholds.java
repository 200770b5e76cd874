package org.qualigraph.quality;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The configurable thresholds of the rule catalogue ({@code qualigraph.quality.*}). Several of them are conventions
 * rather than law (see standards.md), so an alliance can adapt them; the values in force are printed in every report.
 *
 * @param workBasedShareMin          WBL-01: minimum share of work-based hours in an apprenticeship (0-1)
 * @param hoursPerEctsMin            CREDIT-03: lowest notional hours per ECTS credit
 * @param hoursPerEctsMax            CREDIT-03: highest notional hours per ECTS credit
 * @param ecvetPointsPerYear         CREDIT-07: ECVET points of one full-time year
 * @param ecvetTolerance             CREDIT-07: accepted deviation from that, as a share (0.10 = ±10 %)
 * @param fullTimeYearHours          CREDIT-07: notional hours of one full-time year, to derive the nominal duration
 * @param reviewHorizonYears         ESG-04: how far ahead the next periodic review may lie
 * @param nearDuplicateSimilarity    LO-04: token Jaccard similarity from which two statements are near-duplicates
 * @param minOutcomeWords            LO-02: fewest words of a statement with an object and a context
 * @param bloomTolerance             LO-03: Bloom bands a verb may lie outside the level's band before it is noted
 * @param essentialCoverageMin       ESCO-03: share of an occupation's essential skills that must be covered (0-1)
 * @param eqfBelowQualificationMax   EQF-03: how many levels a unit may lie below its qualification
 */
@ConfigurationProperties(prefix = "qualigraph.quality")
public record QualityThresholds(
        @DefaultValue("0.5") double workBasedShareMin,
        @DefaultValue("25") double hoursPerEctsMin,
        @DefaultValue("30") double hoursPerEctsMax,
        @DefaultValue("60") double ecvetPointsPerYear,
        @DefaultValue("0.10") double ecvetTolerance,
        @DefaultValue("1600") double fullTimeYearHours,
        @DefaultValue("5") int reviewHorizonYears,
        @DefaultValue("0.8") double nearDuplicateSimilarity,
        @DefaultValue("6") int minOutcomeWords,
        @DefaultValue("0") int bloomTolerance,
        @DefaultValue("1.0") double essentialCoverageMin,
        @DefaultValue("2") int eqfBelowQualificationMax) {

    /** The catalogue's defaults, for code that runs without Spring (tests, benchmarks). */
    public static final QualityThresholds DEFAULTS = new QualityThresholds(0.5, 25, 30, 60, 0.10, 1600, 5, 0.8, 6, 0, 1.0, 2);
}
