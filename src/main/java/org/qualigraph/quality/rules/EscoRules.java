package org.qualigraph.quality.rules;

import static org.qualigraph.quality.Severity.ERROR;
import static org.qualigraph.quality.Severity.INFO;
import static org.qualigraph.quality.Severity.WARNING;
import static org.qualigraph.quality.StandardGroup.ESCO;

import java.util.regex.Pattern;
import org.qualigraph.base.Message;
import org.qualigraph.curriculum.Dimension;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.esco.EscoCatalog;
import org.qualigraph.esco.SkillsGap;
import org.qualigraph.quality.QualityInput;
import org.qualigraph.quality.RuleResultCollector;

/**
 * ESCO-01..05: labour-market relevance. Without a loaded ESCO release the rules that need ESCO's data say so in their
 * note ("ESCO data not loaded: ...") and report NO_DATA instead of passing silently; ESCO-01 then still checks the URI
 * pattern, ESCO-04 still accepts key-competence tags, ESCO-05 needs no data.
 */
final class EscoRules {

    static final Pattern SKILL_URI = Pattern.compile("^http://data\\.europa\\.eu/esco/skill/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    static final Pattern OCCUPATION_URI = Pattern.compile("^http://data\\.europa\\.eu/esco/occupation/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private EscoRules() {
    }

    static org.qualigraph.base.Message notLoaded(String key, Object... args) {
        return BaseRule.note("ESCO.notLoaded", BaseRule.note(key, args));
    }

    static final class Esco01 extends BaseRule {
        Esco01() {
            super("ESCO-01", ERROR, ESCO, "Linked skills and occupations are URIs of the loaded ESCO version",
                    "ESCO v1.1 classification (concept URIs under data.europa.eu/esco); ELM relatedESCOSkill");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            var esco = in.esco();
            for (Located l : outcomes(in.document())) {
                for (String uri : l.outcome().skills()) {
                    if (uri == null || !SKILL_URI.matcher(uri).matches()) {
                        out.fail(finding("ESCO-01.skillUri", l.outcome().code(), String.valueOf(uri)), l.outcome().code());
                    } else if (esco.loaded() && !esco.skills().containsKey(uri)) {
                        out.fail(finding("ESCO-01.skill", l.outcome().code(), uri, String.valueOf(esco.version())),
                                l.outcome().code());
                    }
                }
            }
            for (String uri : in.document().targetOccupations()) {
                if (uri == null || !OCCUPATION_URI.matcher(uri).matches()) {
                    out.fail(finding("ESCO-01.occupationUri", String.valueOf(uri)), String.valueOf(uri));
                } else if (esco.loaded() && !esco.occupations().containsKey(uri)) {
                    out.fail(finding("ESCO-01.occupation", uri, String.valueOf(esco.version())), uri);
                }
            }
            if (!esco.loaded()) {
                out.note(notLoaded("ESCO-01.patternsOnly"));
            }
        }
    }

    static final class Esco02 extends BaseRule {
        Esco02() {
            super("ESCO-02", WARNING, ESCO, "Knowledge concepts sit in KNOWLEDGE, skills in SKILLS or R&A",
                    "ESCO skill types (skill/competence, knowledge) vs the EQF descriptor columns; ELM LearningOutcome type");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            var esco = in.esco();
            boolean anyLink = outcomes(in.document()).stream().anyMatch(l -> !l.outcome().skills().isEmpty());
            if (!anyLink) {
                out.notApplicable(note("ESCO-02.noLinks"));
                return;
            }
            if (!esco.loaded()) {
                out.noData(notLoaded("ESCO-02.types"));
                return;
            }
            for (Located l : outcomes(in.document())) {
                for (String uri : l.outcome().skills()) {
                    EscoCatalog.EscoSkill skill = esco.skills().get(uri);
                    if (skill == null || skill.skillType() == null || skill.skillType().isBlank()) {
                        continue;
                    }
                    Dimension dimension = l.outcome().dimension();
                    if (skill.isKnowledge() && dimension != Dimension.KNOWLEDGE) {
                        out.fail(finding("ESCO-02.knowledge", l.outcome().code(), dimension == null
                                ? Message.of("quality.dimension.SKILLS") : Message.of("quality.dimension." + dimension.name()),
                                skill.label()), l.outcome().code());
                    } else if (!skill.isKnowledge() && dimension == Dimension.KNOWLEDGE) {
                        out.fail(finding("ESCO-02.skill", l.outcome().code(), skill.label()), l.outcome().code());
                    }
                }
            }
        }
    }

    static final class Esco03 extends BaseRule {
        Esco03() {
            super("ESCO-03", WARNING, ESCO, "Essential skills of each target occupation are covered",
                    "ESCO occupationSkillRelations (essential)");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            var targets = in.document().targetOccupations();
            if (targets.isEmpty()) {
                out.notApplicable(note("ESCO-03.noTargets"));
                return;
            }
            if (!in.esco().loaded() || in.esco().gap().isEmpty()) {
                out.noData(notLoaded("ESCO-03.coverage", targets.size()));
                return;
            }
            SkillsGap gap = in.esco().gap().get();
            double min = in.thresholds().essentialCoverageMin();
            var notes = new java.util.ArrayList<Message>();
            for (String occupation : targets) {
                if (!in.esco().occupations().containsKey(occupation)) {
                    continue;
                }
                SkillsGap.Coverage coverage = gap.coverage(in.document(), occupation);
                long pct = Math.round(coverage.essentialShare() * 100);
                notes.add(note("ESCO-03.item", coverage.label() == null ? occupation : coverage.label(), pct));
                if (coverage.essentialShare() + 1e-9 < min) {
                    var missing = coverage.missingEssential().stream().map(SkillsGap.SkillLabel::label).toList();
                    Object shown = missing.size() > 10
                            ? finding("ESCO-03.more", missing.subList(0, 10), missing.size() - 10) : missing;
                    out.fail(finding("ESCO-03", coverage.essentialCovered(), coverage.essentialTotal(), pct,
                            String.valueOf(coverage.label()), shown), occupation);
                }
            }
            out.note(note("ESCO-03.coverageNote", notes));
        }
    }

    static final class Esco04 extends BaseRule {
        Esco04() {
            super("ESCO-04", WARNING, ESCO, "The qualification develops transversal skills or key competences",
                    "ESCO transversal skills and competences T1-T6; Key competences for lifelong learning (Council Recommendation 2018); European Framework for Quality and Effective Apprenticeships (2018), criterion 2");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            var all = outcomes(in.document());
            if (all.stream().anyMatch(l -> !l.outcome().keyCompetences().isEmpty())) {
                return;
            }
            var esco = in.esco();
            boolean transversal = all.stream().flatMap(l -> l.outcome().skills().stream())
                    .map(esco.skills()::get).filter(s -> s != null)
                    .anyMatch(s -> !s.transversalGroups().isEmpty() || s.collections().contains("transversal")
                            || "transversal".equals(s.reuseLevel()));
            if (transversal) {
                return;
            }
            boolean anyLink = all.stream().anyMatch(l -> !l.outcome().skills().isEmpty());
            if (!esco.loaded() && anyLink) {
                out.noData(notLoaded("ESCO-04.transversal"));
                return;
            }
            out.fail(finding("ESCO-04"));
        }
    }

    static final class Esco05 extends BaseRule {
        Esco05() {
            super("ESCO-05", INFO, ESCO, "Units with no ESCO link at all", "ESCO alignment of units (informative)");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            for (UnitDocument unit : in.document().units()) {
                if (unit.outcomes().stream().allMatch(o -> o.skills().isEmpty())) {
                    out.fail(finding("ESCO-05", unitName(unit)), unit.code());
                }
            }
        }
    }
}
