package org.qualigraph.base;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.qualigraph.base.graph.Graph;

/**
 * One workspace restore in progress, handed from module to module within one transaction. Each module claims the
 * labels it owns ({@link #claim}) and gets its nodes, plus the relationships whose two ends are now claimed (so a
 * relationship between two modules' nodes is restored by the module built on the other, which knows both); it writes
 * them through the batched statements here, one statement per combination of labels or per relationship type whatever
 * the size of the file. Every node created hands back its element id, and relationships find their ends by element id
 * (an id seek), never by a property without a label. Plumbing only: it knows no feature's labels.
 */
public final class GraphRestore {

    /** A node of the workspace file; {@code index} is its position in the file's {@code nodes}, for error messages. */
    public record Node(int index, String ref, List<String> labels, Map<String, Object> properties) {

        public String field() {
            return "nodes[" + index + "]";
        }

        public boolean has(String label) {
            return labels.contains(label);
        }
    }

    /** A relationship of the workspace file between two nodes' refs; {@code index} is its position in the file. */
    public record Relationship(int index, String type, String start, String end, Map<String, Object> properties) {

        public String field() {
            return "relationships[" + index + "]";
        }
    }

    /** What one module restores: its nodes and the relationships it is the first to know both ends of. */
    public record Part(List<Node> nodes, List<Relationship> relationships) {

        public List<Node> withLabel(String label) {
            return nodes.stream().filter(node -> node.has(label)).toList();
        }

        public Map<String, List<Relationship>> byType() {
            var byType = new LinkedHashMap<String, List<Relationship>>();
            relationships.forEach(rel -> byType.computeIfAbsent(rel.type(), k -> new ArrayList<>()).add(rel));
            return byType;
        }
    }

    private final Graph client;
    private final Consumer<String> statements;
    private final Map<String, Node> byRef = new LinkedHashMap<>();
    private final List<Relationship> relationships;
    private final Set<String> claimedRefs = new HashSet<>();
    private final Set<Integer> claimedRelationships = new HashSet<>();
    private final Map<String, String> elementIds = new HashMap<>();

    /**
     * @param statements told every statement this restore runs (tests count them: their number must not grow with
     *                   the file)
     */
    public GraphRestore(Graph client, List<Node> nodes, List<Relationship> relationships, Consumer<String> statements) {
        this.client = client;
        this.statements = statements;
        nodes.forEach(node -> byRef.put(node.ref(), node));
        this.relationships = List.copyOf(relationships);
    }

    /** The node with this ref in the file (any module's), to look at what a relationship's other end is. */
    public Optional<Node> node(String ref) {
        return Optional.ofNullable(byRef.get(ref));
    }

    /**
     * Claims for the calling module the nodes carrying any of these labels that no module claimed before, and every
     * relationship not yet claimed whose ends are both claimed now.
     */
    public Part claim(Set<String> labels) {
        var nodes = new ArrayList<Node>();
        for (Node node : byRef.values()) {
            if (!claimedRefs.contains(node.ref()) && node.labels().stream().anyMatch(labels::contains)) {
                claimedRefs.add(node.ref());
                nodes.add(node);
            }
        }
        var rels = new ArrayList<Relationship>();
        for (Relationship rel : relationships) {
            if (!claimedRelationships.contains(rel.index()) && claimedRefs.contains(rel.start()) && claimedRefs.contains(rel.end())) {
                claimedRelationships.add(rel.index());
                rels.add(rel);
            }
        }
        return new Part(nodes, rels);
    }

    /** The nodes no module claimed: labels that no module restores. */
    public List<Node> unclaimed() {
        return byRef.values().stream().filter(node -> !claimedRefs.contains(node.ref())).toList();
    }

    /**
     * Creates nodes the calling module owns, as the file has them. Where a label has a unique key ({@code keys}, label
     * → property), a node that exists already with that key is a conflict (409 naming it): a restore never takes over
     * or writes a node someone else holds.
     */
    public void create(List<Node> nodes, Map<String, String> keys) {
        var byLabels = new LinkedHashMap<List<String>, List<Node>>();
        nodes.forEach(node -> byLabels.computeIfAbsent(node.labels(), k -> new ArrayList<>()).add(node));
        for (var entry : byLabels.entrySet()) {
            String keyLabel = entry.getKey().stream().filter(keys::containsKey).findFirst().orElse(null);
            if (keyLabel != null) {
                String key = keys.get(keyLabel);
                String statement = "UNWIND $keys AS k MATCH (n:`" + keyLabel + "` {`" + key + "`: k}) RETURN k LIMIT 1";
                statements.accept(statement);
                var taken = client.query(statement).bind(entry.getValue().stream().map(n -> n.properties().get(key)).toList())
                        .to("keys").fetchAs(String.class).first();
                if (taken.isPresent()) {
                    throw new ConflictException("the workspace already holds the " + keyLabel + " with " + key + " \""
                            + taken.get() + "\"; import into an empty instance");
                }
            }
            String statement = "UNWIND $rows AS row CREATE (n:" + labels(entry.getKey())
                    + ") SET n = row.properties RETURN row.ref AS ref, elementId(n) AS id";
            run(statement, entry.getValue());
        }
    }

    /**
     * Shared reference nodes (one label, a unique key): created only when missing, with the file's properties; one
     * that exists is linked to as it is and never written. Created in the order given (callers sort by key).
     */
    public void createMissing(List<Node> nodes, String label, String key) {
        if (nodes.isEmpty()) {
            return;
        }
        String statement = "UNWIND $rows AS row MERGE (n:`" + label + "` {`" + key + "`: row.properties.`" + key
                + "`}) ON CREATE SET n += row.properties RETURN row.ref AS ref, elementId(n) AS id";
        run(statement, nodes);
    }

    /** Creates relationships of one type, in the order given, each end found by its element id. */
    public void link(String type, List<Relationship> rels) {
        if (rels.isEmpty()) {
            return;
        }
        var rows = new ArrayList<Map<String, Object>>();
        for (Relationship rel : rels) {
            rows.add(Map.of("a", elementId(rel.start()), "b", elementId(rel.end()), "properties", rel.properties()));
        }
        String statement = "UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.a MATCH (b) WHERE elementId(b) = row.b "
                + "CREATE (a)-[r:`" + type + "`]->(b) SET r = row.properties";
        statements.accept(statement);
        client.query(statement).bind(rows).to("rows").run();
    }

    private String elementId(String ref) {
        String id = elementIds.get(ref);
        if (id == null) {
            throw new IllegalStateException("node " + ref + " is linked before it was restored");
        }
        return id;
    }

    private void run(String statement, Collection<Node> nodes) {
        statements.accept(statement);
        var rows = nodes.stream().map(node -> Map.<String, Object>of("ref", node.ref(), "properties", node.properties())).toList();
        client.query(statement).bind(rows).to("rows").fetch().all()
                .forEach(row -> elementIds.put((String) row.get("ref"), (String) row.get("id")));
    }

    private static String labels(List<String> labels) {
        return String.join(":", labels.stream().map(l -> "`" + l + "`").toList());
    }
}
