package org.qualigraph.esco;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleConsumer;
import org.qualigraph.base.graph.Graph;
import org.springframework.stereotype.Component;

/**
 * Adds the texts of a classification package in another language to the concepts of the loaded release: preferred
 * label, alternative labels (also as the search text of that language's full-text index) and description, as
 * properties suffixed with the language. It creates no concept: a concept of the package that the loaded release
 * lacks (the package may be of another ESCO version) is counted, not written. The language's previous texts are
 * replaced in the same transaction, so a re-import leaves no stale label behind and a failure changes nothing.
 */
@Component
class EscoLabelImporter {

    private final Graph graph;

    EscoLabelImporter(Graph graph) {
        this.graph = graph;
    }

    synchronized Map<String, Object> write(EscoData data, DoubleConsumer progress) {
        String language = data.language;
        var counts = new LinkedHashMap<String, Object>();
        counts.put("language", language);
        if (data.detectedVersion != null) {
            counts.put("packageVersion", data.detectedVersion);
        }
        {
            Map<String, String> known = new HashMap<>();
            String release = graph.inNewTransaction(() -> {
                graph.query("""
                        MATCH (n) WHERE (n:EscoSkill OR n:EscoOccupation) AND n.escoVersion IS NOT NULL
                          AND coalesce(n.obsolete, false) = false
                        RETURN n.uri AS uri, CASE WHEN n:EscoOccupation THEN 'EscoOccupation' ELSE 'EscoSkill' END AS label
                        """).rows().forEach(r -> known.put(r.get("uri").asString(), r.get("label").asString()));
                var current = graph.query("MATCH (r:EscoRelease {current: true}) RETURN r.version AS v ORDER BY r.importedAt DESC LIMIT 1").rows();
                return current.isEmpty() ? null : current.get(0).get("v").asString();
            });
            if (release == null) {
                throw new EscoPackageException(org.qualigraph.base.Message.of("problem.esco.noRelease"));
            }
            progress.accept(0.2);
            var rows = new TreeMap<String, List<Map<String, Object>>>();
            int skills = 0;
            int groups = 0;
            int occupations = 0;
            Set<String> unknownSkills = new HashSet<>();
            Set<String> unknownOccupations = new HashSet<>();
            int wrongKind = 0;
            for (var entry : data.labels.entrySet()) {
                String uri = entry.getKey();
                EscoData.Labels texts = entry.getValue();
                String expected = "occupations".equals(texts.file()) ? "EscoOccupation" : "EscoSkill";
                String label = known.get(uri);
                if (label == null) {
                    ("occupations".equals(texts.file()) ? unknownOccupations : unknownSkills).add(uri);
                    continue;
                }
                if (!label.equals(expected)) {
                    wrongKind++;
                    continue;
                }
                var props = new HashMap<String, Object>();
                props.put(EscoLanguages.labelKey(language), texts.label());
                props.put(EscoLanguages.altLabelsKey(language), texts.altLabels());
                props.put(EscoLanguages.searchTextKey(language), String.join("\n", texts.altLabels()));
                props.put(EscoLanguages.descriptionKey(language), texts.description());
                rows.computeIfAbsent(label, k -> new ArrayList<>()).add(Map.of("uri", uri, "props", props));
                switch (texts.file()) {
                    case "occupations" -> occupations++;
                    case "skillGroups" -> groups++;
                    default -> skills++;
                }
            }
            rows.values().forEach(list -> list.sort((a, b) -> ((String) a.get("uri")).compareTo((String) b.get("uri"))));
            var cleared = new HashMap<String, Object>();
            cleared.put(EscoLanguages.labelKey(language), null);
            cleared.put(EscoLanguages.altLabelsKey(language), null);
            cleared.put(EscoLanguages.searchTextKey(language), null);
            cleared.put(EscoLanguages.descriptionKey(language), null);
            Instant now = Instant.now();
            var summary = new HashMap<String, Object>();
            summary.put("code", language);
            summary.put("release", release);
            summary.put("packageVersion", data.detectedVersion);
            summary.put("importedAt", now.atZone(ZoneOffset.UTC));
            summary.put("skills", (long) skills + groups);
            summary.put("occupations", (long) occupations);
            summary.put("unknownConcepts", (long) unknownSkills.size() + unknownOccupations.size());
            graph.inNewTransaction(() -> {
                // one reference label at a time, by URI ascending (the import's lock order)
                for (String label : List.of("EscoOccupation", "EscoSkill")) {
                    graph.query("MATCH (n:" + label + ") WHERE n[$key] IS NOT NULL SET n += $cleared")
                            .bindAll(Map.of("key", EscoLanguages.labelKey(language), "cleared", cleared)).run();
                    graph.query("UNWIND $rows AS row MATCH (n:" + label + " {uri: row.uri}) SET n += row.props")
                            .bindAll(Map.of("rows", rows.getOrDefault(label, List.of()))).run();
                }
                graph.query("MERGE (l:EscoLanguage {code: $s.code}) SET l += $s").bindAll(Map.of("s", summary)).run();
            });
            progress.accept(1.0);
            counts.put("release", release);
            counts.put("skills", skills);
            counts.put("skillGroups", groups);
            counts.put("occupations", occupations);
            counts.put("unknownSkills", unknownSkills.size());
            counts.put("unknownOccupations", unknownOccupations.size());
            counts.put("unknownConcepts", unknownSkills.size() + unknownOccupations.size());
            if (wrongKind > 0) {
                counts.put("skippedOtherKind", wrongKind);
            }
            return counts;
        }
    }

    /** What each imported language holds: code → {release, packageVersion, importedAt, skills, occupations, unknownConcepts}. */
    Map<String, Map<String, Object>> languages() {
        {
            {
                var result = new TreeMap<String, Map<String, Object>>();
                graph.query("MATCH (l:EscoLanguage) RETURN l ORDER BY l.code").rows().forEach(r -> {
                    var node = r.get("l");
                    var entry = new LinkedHashMap<String, Object>();
                    entry.put("release", node.get("release").asString(null));
                    entry.put("packageVersion", node.get("packageVersion").asString(null));
                    entry.put("importedAt", node.get("importedAt").isNull() ? null
                            : node.get("importedAt").asZonedDateTime().toInstant().toString());
                    entry.put("skills", node.get("skills").asLong(0));
                    entry.put("occupations", node.get("occupations").asLong(0));
                    entry.put("unknownConcepts", node.get("unknownConcepts").asLong(0));
                    result.put(node.get("code").asString(), entry);
                });
                return result;
            }
        }
    }
}
