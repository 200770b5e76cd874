package org.qualigraph.esco;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;
import org.qualigraph.base.graph.Graph;
import org.qualigraph.base.graph.GraphRow;
import org.springframework.dao.DataIntegrityViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes a validated ESCO release into the graph with batched {@code UNWIND $rows} statements, each batch its own
 * transaction. It compares the release with what is loaded (a content hash per concept, the set of links) and writes
 * only the difference, so re-importing the same release changes nothing and a newer release updates in place.
 * Concepts that left the classification are deleted, unless curriculum nodes link them: those stay as
 * {@code obsolete: true} so that no outcome silently loses its mapping.
 */
@Component
class EscoImporter {

    static final int BATCH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(EscoImporter.class);
    private static final Set<String> ESCO_LABELS = Set.of("EscoSkill", "EscoOccupation", "IscoGroup");

    private final Graph graph;

    EscoImporter(Graph graph) {
        this.graph = graph;
    }

    /** The outcome of an import, as the job's counts. */
    record Result(Map<String, Object> counts) {
    }

    synchronized Result write(EscoData data, String version, DoubleConsumer progress) {
        var counts = new LinkedHashMap<String, Object>();
        counts.put("version", version);
        {
            var writer = new Writer(graph, progress);
            List<Map<String, Object>> skillRows = new ArrayList<>();
            List<Map<String, Object>> groupRows = new ArrayList<>();
            for (EscoData.Skill skill : data.skills.values()) {
                skillRows.add(skillRow(skill, data));
            }
            for (EscoData.SkillGroup group : data.skillGroups.values()) {
                if (!data.skills.containsKey(group.uri())) {
                    groupRows.add(groupRow(group, data));
                }
            }
            List<Map<String, Object>> occupationRows = data.occupations.values().stream().map(EscoImporter::occupationRow).toList();
            List<Map<String, Object>> iscoRows = data.iscoGroups.values().stream().map(EscoImporter::iscoRow).toList();

            Set<String> skillUris = new HashSet<>(data.skills.keySet());
            skillUris.addAll(data.skillGroups.keySet());
            var occLinks = links(data.occupationSkills, data.occupations.keySet(), skillUris);
            var relatedLinks = links(data.skillSkills, skillUris, skillUris);
            var broaderLinks = links(data.skillBroader, skillUris, skillUris);
            Map<String, Map<String, Link>> occBroader = new LinkedHashMap<>();
            int occBroaderSkipped = 0;
            for (EscoData.Link link : data.occupationBroader) {
                Set<String> from = "Occupation".equals(link.fromKind()) ? data.occupations.keySet() : data.iscoGroups.keySet();
                Set<String> to = "Occupation".equals(link.toKind()) ? data.occupations.keySet() : data.iscoGroups.keySet();
                if (from.contains(link.from()) && to.contains(link.to())) {
                    occBroader.computeIfAbsent(label(link.fromKind()) + ">" + label(link.toKind()), k -> new LinkedHashMap<>())
                            .put(link.from() + " " + link.to(), new Link(link.from(), link.to(), null));
                } else {
                    occBroaderSkipped++;
                }
            }
            writer.total = skillRows.size() + groupRows.size() + occupationRows.size() + iscoRows.size()
                    + occLinks.links.size() + relatedLinks.links.size() + broaderLinks.links.size()
                    + occBroader.values().stream().mapToInt(Map::size).sum();

            var skillDiff = writer.nodes("EscoSkill", skillRows, groupRows, version,
                    "SET n += row.props, n.escoVersion = $version, n.obsolete = false REMOVE n:EscoSkillGroup",
                    "SET n:EscoSkillGroup, n += row.props, n.escoVersion = $version, n.obsolete = false");
            var occupationDiff = writer.nodes("EscoOccupation", occupationRows, List.of(), version,
                    "SET n += row.props, n.escoVersion = $version, n.obsolete = false", null);
            var iscoDiff = writer.nodes("IscoGroup", iscoRows, List.of(), version,
                    "SET n += row.props, n.escoVersion = $version, n.obsolete = false", null);

            var occSync = writer.links("EscoOccupation", "REQUIRES_SKILL", "EscoSkill", true, occLinks.links);
            var relatedSync = writer.links("EscoSkill", "RELATED_SKILL", "EscoSkill", true, relatedLinks.links);
            var broaderSync = writer.links("EscoSkill", "BROADER", "EscoSkill", false, broaderLinks.links);
            int[] occBroaderSync = new int[2];
            for (String fromLabel : List.of("EscoOccupation", "IscoGroup")) {
                for (String toLabel : List.of("EscoOccupation", "IscoGroup")) {
                    int[] sync = writer.links(fromLabel, "BROADER", toLabel, false,
                            occBroader.getOrDefault(fromLabel + ">" + toLabel, Map.of()));
                    occBroaderSync[0] += sync[0];
                    occBroaderSync[1] += sync[1];
                }
            }

            int[] skillRemoval = writer.remove("EscoSkill", skillDiff.removed);
            int[] occupationRemoval = writer.remove("EscoOccupation", occupationDiff.removed);
            int[] iscoRemoval = writer.remove("IscoGroup", iscoDiff.removed);

            long outcomesLinking = graph.query("""
                    MATCH (o:LearningOutcome)-[:MAPS_TO]->(:EscoSkill {obsolete: true})
                    RETURN count(DISTINCT o) AS n
                    """).rows().get(0).get("n").asLong();
            long qualificationsTargeting = graph.query("""
                    MATCH (q:Qualification)-[:TARGETS]->(:EscoOccupation {obsolete: true})
                    RETURN count(DISTINCT q) AS n
                    """).rows().get(0).get("n").asLong();

            counts.put("skills", data.skills.size());
            counts.put("skillGroups", groupRows.size());
            counts.put("occupations", data.occupations.size());
            counts.put("iscoGroups", data.iscoGroups.size());
            counts.put("occupationSkillRelations", occLinks.links.size());
            counts.put("skillSkillRelations", relatedLinks.links.size());
            counts.put("skillBroaderRelations", broaderLinks.links.size());
            counts.put("occupationBroaderRelations", occBroader.values().stream().mapToInt(Map::size).sum());
            counts.put("skippedRelations", occLinks.skipped + relatedLinks.skipped + broaderLinks.skipped + occBroaderSkipped);
            counts.put("conceptsAdded", skillDiff.added + occupationDiff.added + iscoDiff.added);
            counts.put("conceptsChanged", skillDiff.changed + occupationDiff.changed + iscoDiff.changed);
            counts.put("conceptsRemoved", skillDiff.removed.size() + occupationDiff.removed.size() + iscoDiff.removed.size());
            counts.put("removedButLinked", skillRemoval[0] + occupationRemoval[0] + iscoRemoval[0]);
            counts.put("relationsAdded", occSync[0] + relatedSync[0] + broaderSync[0] + occBroaderSync[0]);
            counts.put("relationsRemoved", occSync[1] + relatedSync[1] + broaderSync[1] + occBroaderSync[1]);
            counts.put("outcomesLinkingRemovedConcepts", outcomesLinking);
            counts.put("qualificationsTargetingRemovedOccupations", qualificationsTargeting);
            if (occLinks.skipped > 0) {
                log.warn("{} occupation-skill relations name concepts that are not in the package; skipped", occLinks.skipped);
            }

            Map<String, Object> release = new LinkedHashMap<>();
            release.put("version", version);
            release.put("importedAt", Instant.now().atOffset(ZoneOffset.UTC));
            release.put("skills", data.skills.size());
            release.put("occupations", data.occupations.size());
            release.put("occupationSkillRelations", occLinks.links.size());
            graph.inNewTransaction(() -> graph.query("""
                    OPTIONAL MATCH (old:EscoRelease) SET old.current = false
                    WITH count(old) AS ignored
                    MERGE (r:EscoRelease {version: $r.version})
                    SET r.importedAt = $r.importedAt, r.skills = $r.skills, r.occupations = $r.occupations,
                        r.occupationSkillRelations = $r.occupationSkillRelations, r.current = true
                    """).bindAll(Map.of("r", release)).run());
            progress.accept(1.0);
        }
        return new Result(counts);
    }

    private static String label(String kind) {
        return "Occupation".equals(kind) ? "EscoOccupation" : "IscoGroup";
    }

    private record Link(String from, String to, String type) {
    }

    private record Links(Map<String, Link> links, int skipped) {
    }

    private static Links links(List<EscoData.Link> source, Set<String> from, Set<String> to) {
        Map<String, Link> links = new LinkedHashMap<>();
        int skipped = 0;
        for (EscoData.Link link : source) {
            if (from.contains(link.from()) && to.contains(link.to())) {
                links.putIfAbsent(link.from() + " " + link.to(), new Link(link.from(), link.to(), link.type()));
            } else {
                skipped++;
            }
        }
        return new Links(links, skipped);
    }

    private static Map<String, Object> skillRow(EscoData.Skill skill, EscoData data) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("label", skill.label());
        props.put("altLabels", skill.altLabels());
        props.put("searchText", String.join("\n", skill.altLabels()));
        props.put("skillType", skill.skillType());
        props.put("reuseLevel", skill.reuseLevel());
        props.put("description", skill.description());
        props.put("collections", List.copyOf(data.collections.getOrDefault(skill.uri(), Set.of())));
        props.put("transversalGroups", List.copyOf(data.transversalGroups.getOrDefault(skill.uri(), Set.of())));
        return row(skill.uri(), props);
    }

    private static Map<String, Object> groupRow(EscoData.SkillGroup group, EscoData data) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("label", group.label());
        props.put("altLabels", group.altLabels());
        props.put("searchText", String.join("\n", group.altLabels()));
        props.put("skillType", null);
        props.put("reuseLevel", null);
        props.put("description", group.description());
        props.put("code", group.code());
        props.put("collections", List.copyOf(data.collections.getOrDefault(group.uri(), Set.of())));
        props.put("transversalGroups", List.copyOf(data.transversalGroups.getOrDefault(group.uri(), new TreeSet<>())));
        return row(group.uri(), props);
    }

    private static Map<String, Object> occupationRow(EscoData.Occupation occupation) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("label", occupation.label());
        props.put("altLabels", occupation.altLabels());
        props.put("searchText", String.join("\n", occupation.altLabels()));
        props.put("iscoGroup", occupation.iscoGroup());
        props.put("code", occupation.code());
        props.put("description", occupation.description());
        return row(occupation.uri(), props);
    }

    private static Map<String, Object> iscoRow(EscoData.IscoGroup group) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("code", group.code());
        props.put("label", group.label());
        props.put("description", group.description());
        return row(group.uri(), props);
    }

    /** A row with its properties and a hash of them, so that a re-import can tell changed concepts from unchanged ones. */
    private static Map<String, Object> row(String uri, Map<String, Object> props) {
        String hash = hash(props.toString());
        props.put("contentHash", hash);
        Map<String, Object> row = new HashMap<>();
        row.put("uri", uri);
        row.put("props", props);
        row.put("hash", hash);
        return row;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class NodeDiff {
        int added;
        int changed;
        final List<String> removed = new ArrayList<>();
    }

    private static final class Writer {
        private final Graph graph;
        private final DoubleConsumer progress;
        long total;
        long done;

        Writer(Graph graph, DoubleConsumer progress) {
            this.graph = graph;
            this.progress = progress;
        }

        /**
         * Brings the nodes of one label to the given rows. {@code set} (and {@code secondarySet} for the secondary rows)
         * is the SET clause for a node {@code n} and its {@code row}. Concepts the graph does not hold at all are
         * written with CREATE (no locking index seek; the uniqueness constraint still guards them at commit), the rest
         * with MERGE; a node that only curriculum links created (an outcome mapped before the release was loaded)
         * counts as added.
         */
        NodeDiff nodes(String label, List<Map<String, Object>> rows, List<Map<String, Object>> secondaryRows, String version,
                       String set, String secondarySet) {
            long start = System.nanoTime();
            Map<String, String[]> existing = new HashMap<>();
            Set<String> placeholders = new HashSet<>();
            {
                graph.query("MATCH (n:" + label + ") RETURN n.uri AS uri, n.contentHash AS hash, n.escoVersion AS version, "
                        + "coalesce(n.obsolete, false) AS obsolete, n:EscoSkillGroup AS grp")
                        .rows().forEach(r -> {
                            if (r.get("version").isNull()) {
                                placeholders.add(r.get("uri").asString());
                            } else {
                                existing.put(r.get("uri").asString(), new String[] {r.get("hash").asString(null),
                                        r.get("version").asString(), String.valueOf(r.get("obsolete").asBoolean()),
                                        String.valueOf(r.get("grp").asBoolean())});
                            }
                        });
            }
            var diff = new NodeDiff();
            List<Map<String, Object>> write = new ArrayList<>();
            List<Map<String, Object>> writeSecondary = new ArrayList<>();
            List<String> versionOnly = new ArrayList<>();
            Set<String> present = new HashSet<>();
            classify(rows, existing, version, diff, write, versionOnly, present, false);
            classify(secondaryRows, existing, version, diff, writeSecondary, versionOnly, present, true);
            write(label, set, write, existing, placeholders, version);
            if (secondarySet != null) {
                write(label, secondarySet, writeSecondary, existing, placeholders, version);
            }
            done += rows.size() + secondaryRows.size() - write.size() - writeSecondary.size();
            for (int i = 0; i < versionOnly.size(); i += BATCH) {
                var slice = versionOnly.subList(i, Math.min(versionOnly.size(), i + BATCH));
                graph.inNewTransaction(() -> graph.query("UNWIND $uris AS uri MATCH (n:" + label
                        + " {uri: uri}) SET n.escoVersion = $version").bindAll(Map.of("uris", slice, "version", version)).run());
            }
            report();
            log.info("ESCO import: {} {} nodes checked, {} written, in {} ms", rows.size() + secondaryRows.size(), label,
                    write.size() + writeSecondary.size(), (System.nanoTime() - start) / 1_000_000);
            for (var entry : existing.entrySet()) {
                if (!present.contains(entry.getKey()) && !Boolean.parseBoolean(entry.getValue()[2])) {
                    diff.removed.add(entry.getKey());
                }
            }
            return diff;
        }

        private void write(String label, String set, List<Map<String, Object>> rows, Map<String, String[]> existing,
                           Set<String> placeholders, String version) {
            List<Map<String, Object>> fresh = new ArrayList<>();
            List<Map<String, Object>> known = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                String uri = (String) row.get("uri");
                (existing.containsKey(uri) || placeholders.contains(uri) ? known : fresh).add(row);
            }
            // by URI, the order in which saves link reference nodes (docs/architecture.md), so the two rarely wait in a cycle
            fresh.sort(java.util.Comparator.comparing(row -> (String) row.get("uri")));
            known.sort(java.util.Comparator.comparing(row -> (String) row.get("uri")));
            String create = "UNWIND $rows AS row CREATE (n:" + label + " {uri: row.uri}) " + set;
            String merge = "UNWIND $rows AS row MERGE (n:" + label + " {uri: row.uri}) " + set;
            for (int i = 0; i < fresh.size(); i += BATCH) {
                var slice = fresh.subList(i, Math.min(fresh.size(), i + BATCH));
                try {
                    batches(create, slice, Map.of("version", version));
                } catch (DataIntegrityViolationException e) {
                    // a save linked one of these concepts after the graph was read, creating it as a placeholder
                    // (its URI only): this batch is written again with MERGE, which fills such placeholders in
                    log.info("ESCO import: a {} batch met concepts created meanwhile by a save; merging it", label);
                    done -= slice.size();
                    batches(merge, slice, Map.of("version", version));
                }
            }
            batches(merge, known, Map.of("version", version));
        }

        private static void classify(List<Map<String, Object>> rows, Map<String, String[]> existing, String version, NodeDiff diff,
                                     List<Map<String, Object>> write, List<String> versionOnly, Set<String> present, boolean group) {
            for (Map<String, Object> row : rows) {
                String uri = (String) row.get("uri");
                present.add(uri);
                String[] known = existing.get(uri);
                if (known == null || Boolean.parseBoolean(known[2])) {
                    diff.added++;
                    write.add(row);
                } else if (!row.get("hash").equals(known[0]) || Boolean.parseBoolean(known[3]) != group) {
                    diff.changed++;
                    write.add(row);
                } else if (!version.equals(known[1])) {
                    versionOnly.add(uri);
                }
            }
        }

        /** Brings one relationship type between two labels to exactly the given links; returns {added, removed}. */
        int[] links(String fromLabel, String type, String toLabel, boolean typed, Map<String, Link> wanted) {
            long start = System.nanoTime();
            Map<String, String> existing = new HashMap<>();
            graph.query("MATCH (a:" + fromLabel + ")-[r:" + type + "]->(b:" + toLabel + ") WHERE a.escoVersion IS NOT NULL "
                    + "RETURN a.uri AS a, b.uri AS b, r.type AS type")
                    .rows().forEach((GraphRow r) -> existing.put(r.get("a").asString() + " " + r.get("b").asString(),
                            r.get("type").asString(null)));
            List<Map<String, Object>> create = new ArrayList<>();
            List<Map<String, Object>> retype = new ArrayList<>();
            for (var entry : wanted.entrySet()) {
                Link link = entry.getValue();
                if (!existing.containsKey(entry.getKey())) {
                    create.add(linkRow(link));
                } else if (typed && !java.util.Objects.equals(existing.get(entry.getKey()), link.type())) {
                    retype.add(linkRow(link));
                }
            }
            List<Map<String, Object>> delete = new ArrayList<>();
            for (String key : existing.keySet()) {
                if (!wanted.containsKey(key)) {
                    int space = key.indexOf(' ');
                    delete.add(Map.of("from", key.substring(0, space), "to", key.substring(space + 1)));
                }
            }
            String match = "UNWIND $rows AS row MATCH (a:" + fromLabel + " {uri: row.from}) MATCH (b:" + toLabel + " {uri: row.to}) ";
            batches("UNWIND $rows AS row MATCH (a:" + fromLabel + " {uri: row.from})-[r:" + type + "]->(b:" + toLabel
                    + " {uri: row.to}) DELETE r", delete, Map.of());
            batches(match + "CREATE (a)-[:" + type + (typed ? " {type: row.type}" : "") + "]->(b)", create, Map.of());
            batches("UNWIND $rows AS row MATCH (a:" + fromLabel + " {uri: row.from})-[r:" + type + "]->(b:" + toLabel
                    + " {uri: row.to}) SET r.type = row.type", retype, Map.of());
            done += wanted.size() - create.size() - retype.size();
            report();
            log.info("ESCO import: {} {}-[:{}]->{} links checked, {} created, {} changed, {} removed, in {} ms", wanted.size(),
                    fromLabel, type, toLabel, create.size(), retype.size(), delete.size(), (System.nanoTime() - start) / 1_000_000);
            return new int[] {create.size(), delete.size()};
        }

        /**
         * Deletes concepts that left the classification; those linked from curriculum nodes (outcomes, qualifications,
         * profiles) stay as obsolete, without their ESCO relationships. Returns {kept obsolete, deleted}.
         */
        int[] remove(String label, Collection<String> uris) {
            int[] result = new int[2];
            List<String> list = List.copyOf(uris);
            for (int i = 0; i < list.size(); i += BATCH) {
                var slice = list.subList(i, Math.min(list.size(), i + BATCH));
                var counts = graph.inNewTransaction(() -> graph.query("""
                        UNWIND $uris AS uri
                        MATCH (n:%s {uri: uri})
                        WITH n, EXISTS { (n)--(x) WHERE NOT (x:EscoSkill OR x:EscoOccupation OR x:IscoGroup) } AS linked
                        CALL (n, linked) {
                          WITH n WHERE linked
                          SET n.obsolete = true
                          WITH n
                          MATCH (n)-[r:BROADER|REQUIRES_SKILL|RELATED_SKILL]-()
                          DELETE r
                        }
                        WITH n, linked
                        CALL (n, linked) {
                          WITH n WHERE NOT linked
                          DETACH DELETE n
                        }
                        RETURN sum(CASE WHEN linked THEN 1 ELSE 0 END) AS kept, sum(CASE WHEN linked THEN 0 ELSE 1 END) AS deleted
                        """.formatted(label)).bindAll(Map.of("uris", slice)).rows().get(0));
                result[0] += counts.get("kept").asInt();
                result[1] += counts.get("deleted").asInt();
            }
            return result;
        }

        private static Map<String, Object> linkRow(Link link) {
            Map<String, Object> row = new HashMap<>();
            row.put("from", link.from());
            row.put("to", link.to());
            row.put("type", link.type());
            return row;
        }

        private void batches(String statement, List<Map<String, Object>> rows, Map<String, Object> parameters) {
            for (int i = 0; i < rows.size(); i += BATCH) {
                var slice = rows.subList(i, Math.min(rows.size(), i + BATCH));
                Map<String, Object> params = new HashMap<>(parameters);
                params.put("rows", slice);
                graph.inNewTransaction(() -> graph.query(statement).bindAll(params).run());
                done += slice.size();
                report();
            }
        }

        private void report() {
            progress.accept(total == 0 ? 1.0 : Math.min(1.0, (double) done / total));
        }
    }
}
