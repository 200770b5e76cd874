package org.qualigraph.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.esco.EscoCatalog;
import org.qualigraph.esco.SkillsGap;
import org.qualigraph.support.Documents;

/** Documents built in code and edited as JSON trees, and assertions on one rule's outcome. */
abstract class RuleTestSupport {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    static final QualityEngine ENGINE = new QualityEngine();

    /** One EQF 4 IVET unit U1 with outcomes U1.K1, U1.S2, U1.R3, assessment U1.A1, period U1.W1 (serves U1.R3). */
    static QualificationDocument clean() {
        return Documents.minimal("Clean qualification");
    }

    static QualificationDocument edit(QualificationDocument doc, Consumer<ObjectNode> change) {
        ObjectNode node = JSON.valueToTree(doc);
        change.accept(node);
        try {
            return JSON.treeToValue(node, QualificationDocument.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode unit(ObjectNode doc, int index) {
        return (ObjectNode) doc.withArray("units").get(index);
    }

    static ObjectNode outcome(ObjectNode doc, int unit, int index) {
        return (ObjectNode) unit(doc, unit).withArray("outcomes").get(index);
    }

    static ArrayNode array(ObjectNode parent, String field, String... values) {
        ArrayNode array = parent.putArray(field);
        Arrays.stream(values).forEach(array::add);
        return array;
    }

    static QualityReport run(QualityInput input) {
        return ENGINE.evaluate(input);
    }

    static QualityReport run(QualificationDocument doc) {
        return run(QualityInput.of(doc));
    }

    static void passes(String rule, QualityReport report) {
        assertThat(report.findingsOf(rule)).as("findings of %s", rule).isEmpty();
        assertThat(report.rule(rule).passed()).isTrue();
        assertThat(report.rule(rule).status()).isIn(QualityReport.RuleStatus.PASSED, QualityReport.RuleStatus.NOT_APPLICABLE);
    }

    static void passes(String rule, QualificationDocument doc) {
        passes(rule, run(doc));
    }

    /** The rule failed with (at least) one finding of this severity and exactly these subjects, in any order. */
    static QualityReport.Finding fails(String rule, QualityReport report, Severity severity, String... subjects) {
        assertThat(report.rule(rule).passed()).as("%s passed", rule).isFalse();
        assertThat(report.rule(rule).status()).isEqualTo(QualityReport.RuleStatus.FAILED);
        var match = report.findingsOf(rule).stream()
                .filter(f -> f.severity() == severity && f.subjects().size() == subjects.length
                        && f.subjects().containsAll(List.of(subjects)))
                .findFirst();
        assertThat(match).as("a %s finding of %s about %s in %s", severity, rule, List.of(subjects),
                report.findingsOf(rule)).isPresent();
        assertThat(match.get().message()).isNotBlank();
        return match.get();
    }

    static QualityReport.Finding fails(String rule, QualificationDocument doc, Severity severity, String... subjects) {
        return fails(rule, run(doc), severity, subjects);
    }

    static final String SKILL_A = "http://data.europa.eu/esco/skill/aaaaaaaa-0000-4000-8000-000000000001";
    static final String KNOWLEDGE_B = "http://data.europa.eu/esco/skill/bbbbbbbb-0000-4000-8000-000000000002";
    static final String TRANSVERSAL_T = "http://data.europa.eu/esco/skill/cccccccc-0000-4000-8000-000000000003";
    static final String OCCUPATION = "http://data.europa.eu/esco/occupation/dddddddd-0000-4000-8000-000000000004";

    /**
     * A three-skill, one-occupation ESCO stand-in used ONLY to unit-test the rules' logic; the integration test runs
     * against the real ESCO module once it is on the branch.
     */
    static final class TinyEsco implements EscoCatalog, SkillsGap {
        private final Map<String, EscoSkill> skills = Map.of(
                SKILL_A, new EscoSkill(SKILL_A, "operate coating line", List.of(), "skill/competence", "sector-specific",
                        "", java.util.Set.of(), java.util.Set.of()),
                KNOWLEDGE_B, new EscoSkill(KNOWLEDGE_B, "electrochemistry", List.of(), "knowledge", "cross-sector", "",
                        java.util.Set.of(), java.util.Set.of()),
                TRANSVERSAL_T, new EscoSkill(TRANSVERSAL_T, "work in teams", List.of(), "skill/competence",
                        "transversal", "", java.util.Set.of("transversal"), java.util.Set.of("T4")));

        @Override
        public java.util.Optional<EscoRelease> release() {
            return java.util.Optional.of(new EscoRelease("v1.1.1", java.time.Instant.EPOCH, 3, 1, 2));
        }

        @Override
        public Map<String, EscoSkill> skills(Collection<String> uris) {
            var found = new java.util.HashMap<String, EscoSkill>();
            uris.stream().filter(skills::containsKey).forEach(u -> found.put(u, skills.get(u)));
            return found;
        }

        @Override
        public Map<String, EscoOccupation> occupations(Collection<String> uris) {
            return uris.contains(OCCUPATION) ? Map.of(OCCUPATION, new EscoOccupation(OCCUPATION, "battery assembler",
                    List.of(), "8212", "8212.1", "")) : Map.of();
        }

        /** The occupation's essential skills are SKILL_A and KNOWLEDGE_B. */
        @Override
        public Coverage coverage(QualificationDocument document, String target) {
            var linked = new java.util.HashSet<String>();
            document.units().forEach(u -> u.outcomes().forEach(o -> linked.addAll(o.skills())));
            var missing = new java.util.ArrayList<SkillLabel>();
            for (String essential : List.of(SKILL_A, KNOWLEDGE_B)) {
                if (!linked.contains(essential)) {
                    missing.add(new SkillLabel(essential, skills.get(essential).label()));
                }
            }
            return new Coverage(target, "battery assembler", 2, 2 - missing.size(), 0, 0, missing, Map.of());
        }

        @Override
        public List<OccupationMatch> occupationMatches(QualificationDocument document, int limit) {
            return List.of();
        }
    }

    static QualityInput withTinyEsco(QualificationDocument doc) {
        var esco = new TinyEsco();
        return QualityInput.of(doc).withEsco(QualityInput.EscoFacts.lookUp(doc, esco, esco));
    }
}
