package org.qualigraph.esco.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.esco.CoverageDetail;
import org.qualigraph.esco.TargetSkill;

/**
 * Builds the Cytoscape elements of the curriculum graph from the document and its coverage: qualification → units →
 * outcomes → mapped skills → the target's essential skills (through BROADER when a narrower skill was mapped) →
 * target. Node classes drive the colours in the web component: {@code covered} / {@code missing} essential skills,
 * {@code local} for non-ESCO skills.
 */
final class CurriculumGraphData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CurriculumGraphData() {
    }

    static String elements(QualificationDocument doc, CoverageDetail detail) {
        ArrayNode elements = JsonNodeFactory.instance.arrayNode();
        Set<String> nodes = new HashSet<>();
        String q = "q";
        node(elements, nodes, q, doc.displayTitle(), "qualification");
        String target = "t";
        node(elements, nodes, target, detail.coverage().label(), detail.profile() ? "target profile" : "target");
        for (var unit : doc.units()) {
            String u = "u:" + unit.code();
            node(elements, nodes, u, unit.code() + " " + unit.displayTitle(), "unit");
            edge(elements, q, u);
            for (var outcome : unit.outcomes()) {
                String o = "o:" + outcome.code();
                node(elements, nodes, o, outcome.code(), "outcome");
                edge(elements, u, o);
                for (String skill : outcome.skills()) {
                    String s = "s:" + skill;
                    node(elements, nodes, s, detail.mappedLabels().getOrDefault(skill, skill), "skill");
                    edge(elements, o, s);
                }
            }
        }
        for (TargetSkill skill : detail.skills()) {
            if (!skill.essential()) {
                continue;
            }
            String s = "s:" + skill.uri();
            String classes = "essential " + (detail.covered(skill.uri()) ? "covered" : "missing") + (skill.local() ? " local" : "");
            if (nodes.contains(s)) {
                restyle(elements, s, classes);
            } else {
                node(elements, nodes, s, skill.label(), classes);
            }
            edge(elements, s, target);
            for (String mapped : detail.coveringSkills().getOrDefault(skill.uri(), Set.of())) {
                if (!mapped.equals(skill.uri())) {
                    edge(elements, "s:" + mapped, s);
                }
            }
        }
        try {
            return JSON.writeValueAsString(elements);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void node(ArrayNode elements, Set<String> nodes, String id, String label, String classes) {
        if (!nodes.add(id)) {
            return;
        }
        ObjectNode element = elements.addObject();
        element.put("group", "nodes");
        element.putObject("data").put("id", id).put("label", label == null ? id : label);
        element.put("classes", classes);
    }

    private static void restyle(ArrayNode elements, String id, String classes) {
        elements.forEach(e -> {
            if ("nodes".equals(e.path("group").asText()) && id.equals(e.path("data").path("id").asText())) {
                ((ObjectNode) e).put("classes", classes);
            }
        });
    }

    private static void edge(ArrayNode elements, String source, String target) {
        ObjectNode element = elements.addObject();
        element.put("group", "edges");
        element.putObject("data").put("id", source + "->" + target).put("source", source).put("target", target);
    }
}
