package org.qualigraph.quality.rules;

import static org.qualigraph.quality.Severity.INFO;
import static org.qualigraph.quality.Severity.WARNING;
import static org.qualigraph.quality.StandardGroup.OUTCOMES;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qualigraph.quality.OutcomeWritingAdvisor;
import org.qualigraph.quality.OutcomeWritingAdvisor.Analysis;
import org.qualigraph.quality.QualityInput;
import org.qualigraph.quality.RuleResultCollector;

/**
 * LO-01..04: outcomes as written (Cedefop handbook; Bloom heuristic). The verb checks read the English text of an
 * outcome, else its German text; outcomes in neither language are skipped and counted in the rule's note.
 */
final class OutcomeRules {

    private OutcomeRules() {
    }

    abstract static class AnalysingRule extends BaseRule {
        AnalysingRule(String id, org.qualigraph.quality.Severity severity, String title, String source) {
            super(id, severity, OUTCOMES, title, source);
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            int skipped = 0;
            for (Located l : outcomes(in.document())) {
                var analysis = in.advisor().analyse(l.outcome().statement());
                if (analysis.isEmpty()) {
                    if (!l.outcome().statement().isEmpty()) {
                        skipped++;
                    }
                    continue;
                }
                check(in, l, analysis.get(), out);
            }
            if (skipped > 0) {
                out.note(note("LO.skipped", skipped));
            }
        }

        abstract void check(QualityInput in, Located l, Analysis a, RuleResultCollector out);

        static String quoted(Located l) {
            String text = l.outcome().displayStatement();
            return text.length() > 80 ? text.substring(0, 77) + "..." : text;
        }
    }

    static final class Lo01 extends AnalysingRule {
        Lo01() {
            super("LO-01", WARNING, "Statements use an observable action verb",
                    "Cedefop (2017/2022) Defining, writing and applying learning outcomes, §2.2");
        }

        @Override
        void check(QualityInput in, Located l, Analysis a, RuleResultCollector out) {
            a.verbProblemText().ifPresent(problem -> out.fail(finding("LO-01", l.outcome().code(), quoted(l), problem,
                    OutcomeWritingAdvisor.suggestedVerbs(level(in, l)).subList(0, 4)), l.outcome().code()));
        }
    }

    static final class Lo02 extends AnalysingRule {
        Lo02() {
            super("LO-02", WARNING, "One main verb, an object and a context or standard",
                    "Cedefop learning-outcomes handbook (verb + object + context); ECTS Users' Guide 2015");
        }

        @Override
        void check(QualityInput in, Located l, Analysis a, RuleResultCollector out) {
            if (a.noVerb()) {
                return;
            }
            var problems = a.structureProblemTexts(in.thresholds().minOutcomeWords());
            if (!problems.isEmpty()) {
                out.fail(finding("LO-02", l.outcome().code(), quoted(l), joined("quality.semicolon", problems)),
                        l.outcome().code());
            }
        }
    }

    static final class Lo03 extends AnalysingRule {
        Lo03() {
            super("LO-03", INFO, "The verb's Bloom band fits the EQF level (advisory)",
                    "Bloom's revised taxonomy (Anderson & Krathwohl 2001); Cedefop learning-outcomes handbook (2022), verbs by level");
        }

        @Override
        void check(QualityInput in, Located l, Analysis a, RuleResultCollector out) {
            int level = level(in, l);
            if (a.band() == null || level < 1 || level > 8) {
                return;
            }
            if (!OutcomeWritingAdvisor.fits(a.band(), level, in.thresholds().bloomTolerance())) {
                var bands = OutcomeWritingAdvisor.bandsFor(level).stream().map(OutcomeRules::band).toList();
                boolean above = a.band().ordinal() > OutcomeWritingAdvisor.bandsFor(level).get(0).ordinal();
                out.fail(finding(above ? "LO-03.above" : "LO-03.below", l.outcome().code(), a.mainVerb(), band(a.band()),
                        level, joined("quality.slash", bands), OutcomeWritingAdvisor.suggestedVerbs(level).subList(0, 6)),
                        l.outcome().code());
            }
        }
    }

    static org.qualigraph.base.Message band(OutcomeWritingAdvisor.Bloom band) {
        return org.qualigraph.base.Message.of("quality.bloom." + band.name());
    }

    static int level(QualityInput in, BaseRule.Located l) {
        if (l.outcome().eqfLevel() != null) {
            return l.outcome().eqfLevel();
        }
        if (l.unit().eqfLevel() != null) {
            return l.unit().eqfLevel();
        }
        return in.document().eqfLevel() == null ? 4 : in.document().eqfLevel();
    }

    static final class Lo04 extends BaseRule {
        Lo04() {
            super("LO-04", WARNING, OUTCOMES, "No duplicate or near-duplicate statements",
                    "Cedefop learning-outcomes handbook (clear, distinct outcomes)");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            var byLanguage = new LinkedHashMap<String, Map<String, String>>();
            for (Located l : outcomes(in.document())) {
                l.outcome().statement().forEach((language, text) -> {
                    if (!blank(text)) {
                        byLanguage.computeIfAbsent(language, k -> new LinkedHashMap<>()).put(l.outcome().code(), text);
                    }
                });
            }
            var reported = new java.util.HashSet<List<String>>();
            double threshold = in.thresholds().nearDuplicateSimilarity();
            byLanguage.forEach((language, statements) -> {
                for (List<String> group : in.advisor().nearDuplicates(statements, threshold, OutcomeWritingAdvisor.MEANING_DUPLICATE)) {
                    if (reported.add(group)) {
                        out.fail(byLanguage.size() > 1 ? finding("LO-04.language", group, language)
                                : finding("LO-04", group), group.toArray(String[]::new));
                    }
                }
            });
        }
    }
}
