package org.qualigraph.quality.rules;

import static org.qualigraph.quality.Severity.ERROR;
import static org.qualigraph.quality.StandardGroup.ELM;

import java.util.HashMap;
import java.util.Locale;
import java.util.regex.Pattern;
import org.qualigraph.curriculum.IscedF;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.quality.QualityInput;
import org.qualigraph.quality.RuleResultCollector;

/** ELM-01..05: the minimum data Europass QDR (ELM v3 LOQ SHACL) requires of a qualification. */
final class ElmRules {

    private static final Pattern QDR_URI = Pattern.compile("^http://data\\.europa\\.eu/snb/qdr/c_[0-9a-f]+$");
    private static final Pattern ISCED_CODE = Pattern.compile("^[0-9]{2,4}$");

    private ElmRules() {
    }

    static final class Elm01 extends BaseRule {
        Elm01() {
            super("ELM-01", ERROR, ELM, "At least one title, at most one per language", "ELM v3 dc:title; QDR LOQ SHACL");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            var titles = in.document().title();
            if (titles.values().stream().allMatch(BaseRule::blank)) {
                out.fail(finding("ELM-01.none"));
                return;
            }
            var seen = new HashMap<String, String>();
            titles.forEach((language, text) -> {
                String key = language.toLowerCase(Locale.ROOT).replace('_', '-');
                if (seen.containsKey(key)) {
                    out.fail(finding("ELM-01.twice", key, seen.get(key), language));
                }
                seen.put(key, language);
                if (blank(text)) {
                    out.fail(finding("ELM-01.empty", language));
                }
            });
        }
    }

    static final class Elm02 extends BaseRule {
        Elm02() {
            super("ELM-02", ERROR, ELM, "At least one NQF level (country + level)", "ELM v3 NQFLevel >= 1; QDR NQF vocabulary");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            var levels = in.document().nqfLevels();
            if (levels.isEmpty()) {
                out.fail(finding("ELM-02.none"));
                return;
            }
            for (QualificationDocument.NqfLevel level : levels) {
                if (blank(level.country()) || blank(level.level())) {
                    out.fail(finding("ELM-02.incomplete"));
                } else if (level.uri() != null && !level.uri().isBlank() && !QDR_URI.matcher(level.uri()).matches()) {
                    out.fail(finding("ELM-02.uri", level.country() + " " + level.level(), level.uri()));
                }
            }
        }
    }

    static final class Elm03 extends BaseRule {
        Elm03() {
            super("ELM-03", ERROR, ELM, "At least one ISCED-F 2013 field that exists",
                    "ELM v3 ISCEDFCode >= 1; ISCED-F 2013");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            var codes = in.document().iscedF();
            if (codes.isEmpty()) {
                out.fail(finding("ELM-03.none"));
                return;
            }
            for (String code : codes) {
                if (code == null || !ISCED_CODE.matcher(code).matches()) {
                    out.fail(finding("ELM-03.malformed", String.valueOf(code)));
                } else if (!IscedF.exists(code)) {
                    out.fail(finding("ELM-03.unknown", code));
                }
            }
        }
    }

    static final class Elm04 extends BaseRule {
        Elm04() {
            super("ELM-04", ERROR, ELM, "At least one learning outcome, each with a statement",
                    "ELM v3 learningOutcome; EQF Annex VI");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            var all = outcomes(in.document());
            if (all.isEmpty()) {
                out.fail(finding("ELM-04.none"));
                return;
            }
            for (Located l : all) {
                if (l.outcome().statement().values().stream().allMatch(BaseRule::blank)) {
                    out.fail(finding("ELM-04.statement", l.outcome().code(), l.unit().code()), l.outcome().code());
                }
            }
        }
    }

    static final class Elm05 extends BaseRule {
        Elm05() {
            super("ELM-05", ERROR, ELM, "At least one awarding body (name + country)",
                    "ELM v3 AwardingOpportunity.awardingBody >= 1");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            var bodies = in.document().awardingBodies();
            if (bodies.isEmpty()) {
                out.fail(finding("ELM-05.none"));
                return;
            }
            for (QualificationDocument.AwardingBody body : bodies) {
                if (blank(body.name()) || blank(body.country())) {
                    out.fail(blank(body.name()) ? finding("ELM-05.name") : finding("ELM-05.country", body.name()));
                }
            }
        }
    }
}
