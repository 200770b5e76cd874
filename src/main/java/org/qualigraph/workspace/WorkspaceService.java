package org.qualigraph.workspace;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.ConflictException;
import org.qualigraph.curriculum.DocumentValidator;
import org.qualigraph.curriculum.QualificationService;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports and imports the curriculum workspace as a graph dump: every node that is not reference data or an account
 * (ESCO concepts are kept as bare URIs so that links survive; users, migrations and ESCO content are left out) with
 * its labels and properties, and every relationship between them. Being generic over labels, it also carries what
 * features add later (reviews, comments, evidence) without knowing them. Import goes into an empty workspace only,
 * in one transaction: it either restores everything or nothing.
 */
@Service
public class WorkspaceService {

    static final String FORMAT = "qualigraph-workspace";
    static final int FORMAT_VERSION = 1;
    private static final Set<String> TOP_LEVEL_FIELDS = Set.of("format", "formatVersion", "exportedAt", "nodes", "relationships");
    /**
     * Labels never exported: accounts (passwords), schema and lock bookkeeping, background jobs and login-throttle counts
     * (state of the running instances, not of the workspace), imported reference data.
     */
    private static final Set<String> EXCLUDED = Set.of("User", "__Migration", "__Demo", "EscoRelease", "IscoGroup", "Job",
            "JobLock", "LoginAttempts");
    /** Reference nodes exported by their key only, so relationships to them survive. */
    private static final Map<String, String> REFERENCE_KEYS = Map.of("EscoSkill", "uri", "EscoOccupation", "uri");
    /** Shared nodes with a natural key: merged on import, since the target may know them already. */
    private static final Map<String, String> MERGE_KEYS = Map.of("EscoSkill", "uri", "EscoOccupation", "uri",
            "IscedField", "code", "KeyCompetence", "code", "Organisation", "key", "NqfLevel", "key");

    private final Neo4jClient client;
    private final ObjectMapper json;
    private final QualificationService qualifications;
    /** Told every statement a restore runs (tests count them: their number must not grow with the file). */
    java.util.function.Consumer<String> statementListener = statement -> { };

    WorkspaceService(Neo4jClient client, ObjectMapper json, QualificationService qualifications) {
        this.client = client;
        this.json = json;
        this.qualifications = qualifications;
    }

    /** Counts of what the workspace holds, by label. */
    @Transactional(readOnly = true)
    public Map<String, Long> counts() {
        var counts = new TreeMap<String, Long>();
        for (var node : nodes()) {
            for (String label : node.labels()) {
                counts.merge(label, 1L, Long::sum);
            }
        }
        counts.put("relationships", (long) relationships(refs(nodes())).size());
        return counts;
    }

    @Transactional(readOnly = true)
    public void export(OutputStream out) throws IOException {
        List<Node> nodes = nodes();
        Map<String, String> refs = refs(nodes);
        try (JsonGenerator generator = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            generator.useDefaultPrettyPrinter();
            generator.writeStartObject();
            generator.writeStringField("format", FORMAT);
            generator.writeNumberField("formatVersion", FORMAT_VERSION);
            generator.writeStringField("exportedAt", OffsetDateTime.now().toString());
            generator.writeArrayFieldStart("nodes");
            for (Node node : nodes) {
                generator.writeStartObject();
                generator.writeStringField("ref", refs.get(node.elementId()));
                generator.writeObjectField("labels", node.labels());
                generator.writeObjectField("properties", encode(node.properties()));
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeArrayFieldStart("relationships");
            for (Relationship rel : relationships(refs)) {
                generator.writeStartObject();
                generator.writeStringField("type", rel.type());
                generator.writeStringField("start", rel.start());
                generator.writeStringField("end", rel.end());
                generator.writeObjectField("properties", encode(rel.properties()));
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
    }

    /** Restores a workspace file into an empty workspace; returns the counts restored. */
    @Transactional
    public Map<String, Long> importInto(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = json.readTree(in);
        } catch (org.qualigraph.base.PayloadTooLargeException e) {
            throw e;
        } catch (IOException e) {
            throw new BadInputException("", "the workspace file is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !FORMAT.equals(root.path("format").asText()) || root.path("formatVersion").asInt() != FORMAT_VERSION) {
            throw new BadInputException("format", "not a Qualigraph workspace file (format \"" + FORMAT + "\", version "
                    + FORMAT_VERSION + ")");
        }
        var problems = new ArrayList<org.qualigraph.base.FieldProblem>();
        root.fieldNames().forEachRemaining(field -> {
            if (!TOP_LEVEL_FIELDS.contains(field)) {
                problems.add(new org.qualigraph.base.FieldProblem(field, "unknown field \"" + field + "\""));
            }
        });
        for (String list : List.of("nodes", "relationships")) {
            if (root.has(list) && !root.get(list).isArray()) {
                problems.add(new org.qualigraph.base.FieldProblem(list, "must be an array"));
            }
        }
        var nodeRows = new ArrayList<Map<String, Object>>();
        var refs = new java.util.HashSet<String>();
        int index = 0;
        for (JsonNode node : root.path("nodes")) {
            String ref = node.path("ref").asText(null);
            List<String> labels = new ArrayList<>();
            node.path("labels").forEach(l -> labels.add(l.asText()));
            if (ref == null || labels.isEmpty() || labels.stream().anyMatch(l -> !l.matches("[A-Za-z_][A-Za-z0-9_]*") || EXCLUDED.contains(l))) {
                problems.add(new org.qualigraph.base.FieldProblem("nodes[" + index + "]", "needs a ref and allowed labels"));
            } else if (!refs.add(ref)) {
                problems.add(new org.qualigraph.base.FieldProblem("nodes[" + index + "].ref", "\"" + ref
                        + "\" is the ref of an earlier node; each node needs its own"));
            } else {
                nodeRows.add(Map.of("ref", ref, "labels", labels, "properties", decode(node.path("properties"))));
            }
            index++;
        }
        var relRows = new ArrayList<Map<String, Object>>();
        index = 0;
        for (JsonNode rel : root.path("relationships")) {
            String type = rel.path("type").asText("");
            if (!type.matches("[A-Z_][A-Z0-9_]*")) {
                problems.add(new org.qualigraph.base.FieldProblem("relationships[" + index + "].type", "not a relationship type"));
            } else {
                relRows.add(Map.of("type", type, "start", rel.path("start").asText(), "end", rel.path("end").asText(),
                        "properties", decode(rel.path("properties"))));
            }
            index++;
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        // checked after the file itself, so a broken file is named as such whatever the state of the workspace
        long existing = client.query("MATCH (q:Qualification) RETURN count(q)").fetchAs(Long.class).one().orElse(0L);
        if (existing > 0) {
            throw new ConflictException("the workspace is not empty (" + existing + " qualifications); import into an empty instance");
        }
        // Labels and relationship types cannot be parameters in Cypher; they were checked against a strict pattern
        // above and are grouped so each statement names one combination: the number of statements depends on the
        // kinds of nodes and relationships, not on the size of the file, and each row is found by its element id.
        var byLabels = new LinkedHashMap<List<String>, List<Map<String, Object>>>();
        nodeRows.forEach(row -> byLabels.computeIfAbsent(castList(row.get("labels")), k -> new ArrayList<>()).add(row));
        var elementIds = new HashMap<String, String>();
        for (var entry : byLabels.entrySet()) {
            String labels = String.join(":", entry.getKey().stream().map(l -> "`" + l + "`").toList());
            String keyLabel = entry.getKey().stream().filter(MERGE_KEYS::containsKey).findFirst().orElse(null);
            // a shared reference node that exists already is used as it is: never written, only linked to
            String statement = keyLabel != null
                    ? "UNWIND $rows AS row MERGE (n:`" + keyLabel + "` {" + MERGE_KEYS.get(keyLabel) + ": row.properties."
                    + MERGE_KEYS.get(keyLabel) + "}) ON CREATE SET n:" + labels + ", n += row.properties"
                    + " RETURN row.ref AS ref, elementId(n) AS id"
                    : "UNWIND $rows AS row CREATE (n:" + labels + ") SET n = row.properties RETURN row.ref AS ref, elementId(n) AS id";
            statementListener.accept(statement);
            client.query(statement).bind(entry.getValue()).to("rows").fetch().all()
                    .forEach(row -> elementIds.put((String) row.get("ref"), (String) row.get("id")));
        }
        var byType = new LinkedHashMap<String, List<Map<String, Object>>>();
        var unresolved = new LinkedHashMap<String, Integer>();
        relRows.forEach(row -> {
            String start = elementIds.get((String) row.get("start"));
            String end = elementIds.get((String) row.get("end"));
            if (start == null || end == null) {
                unresolved.merge((String) row.get("type"), 1, Integer::sum);
            } else {
                byType.computeIfAbsent((String) row.get("type"), k -> new ArrayList<>())
                        .add(Map.of("a", start, "b", end, "properties", row.get("properties")));
            }
        });
        if (!unresolved.isEmpty()) {
            var first = unresolved.entrySet().iterator().next();
            throw new BadInputException("relationships", first.getValue() + " " + first.getKey()
                    + " relationships refer to nodes that are not in the file");
        }
        for (var entry : byType.entrySet()) {
            String statement = "UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.a MATCH (b) WHERE elementId(b) = row.b "
                    + "CREATE (a)-[r:`" + entry.getKey() + "`]->(b) SET r = row.properties";
            statementListener.accept(statement);
            client.query(statement).bind(entry.getValue()).to("rows").run();
        }
        requireValidDocuments();
        return counts();
    }

    /**
     * Every restored qualification must be a document the API would accept: read back through the curriculum module
     * and checked by its validator, the problems named per qualification. Any problem rolls the whole restore back.
     */
    private void requireValidDocuments() {
        var problems = new ArrayList<org.qualigraph.base.FieldProblem>();
        List<String> ids = List.copyOf(client.query("MATCH (q:Qualification) RETURN q.id ORDER BY q.id")
                .fetchAs(String.class).all());
        for (String id : ids) {
            var document = id == null ? null : qualifications.find(id).orElse(null);
            if (document == null) {
                problems.add(new org.qualigraph.base.FieldProblem("nodes", "a Qualification node has no usable id"));
                continue;
            }
            for (var problem : DocumentValidator.validate(document)) {
                problems.add(new org.qualigraph.base.FieldProblem("qualification " + id + ": " + problem.field(),
                        problem.message()));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
    }

    private record Node(String elementId, List<String> labels, Map<String, Object> properties) {
    }

    private record Relationship(String type, String start, String end, Map<String, Object> properties) {
    }

    private List<Node> nodes() {
        var rows = client.query("""
                MATCH (n)
                WHERE none(l IN labels(n) WHERE l IN $excluded)
                  AND (NOT (n:EscoSkill OR n:EscoOccupation) OR EXISTS { (n)<--(m) WHERE NOT (m:EscoSkill OR m:EscoOccupation) })
                RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties
                """).bind(List.copyOf(EXCLUDED)).to("excluded").fetch().all();
        var nodes = new ArrayList<Node>();
        for (var row : rows) {
            List<String> labels = castList(row.get("labels")).stream().sorted().toList();
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = new TreeMap<>((Map<String, Object>) row.get("properties"));
            String keyLabel = labels.stream().filter(REFERENCE_KEYS::containsKey).findFirst().orElse(null);
            if (keyLabel != null) {
                String key = REFERENCE_KEYS.get(keyLabel);
                properties = new TreeMap<>(Map.of(key, properties.get(key)));
                labels = List.of(keyLabel);
            }
            nodes.add(new Node((String) row.get("id"), labels, properties));
        }
        nodes.sort((a, b) -> canonical(a).compareTo(canonical(b)));
        return nodes;
    }

    /** Stable references: the node's id or natural key where it has one, else its position in canonical order. */
    private Map<String, String> refs(List<Node> nodes) {
        var refs = new HashMap<String, String>();
        int anonymous = 0;
        for (Node node : nodes) {
            Object key = node.properties().getOrDefault("id", node.properties().getOrDefault("uri",
                    node.properties().getOrDefault("key", node.properties().get("code"))));
            String ref = key != null ? node.labels().get(0) + ":" + key : "n" + anonymous++;
            refs.put(node.elementId(), ref);
        }
        return refs;
    }

    private List<Relationship> relationships(Map<String, String> refs) {
        var result = new ArrayList<Relationship>();
        client.query("MATCH (a)-[r]->(b) WHERE elementId(a) IN $ids AND elementId(b) IN $ids "
                        + "RETURN elementId(a) AS a, type(r) AS type, elementId(b) AS b, properties(r) AS properties")
                .bind(List.copyOf(refs.keySet())).to("ids").fetch().all().forEach(row -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> properties = new TreeMap<>((Map<String, Object>) row.get("properties"));
                    result.add(new Relationship((String) row.get("type"), refs.get((String) row.get("a")),
                            refs.get((String) row.get("b")), properties));
                });
        result.sort((x, y) -> (x.start() + x.type() + x.end() + x.properties()).compareTo(y.start() + y.type() + y.end() + y.properties()));
        return result;
    }

    private String canonical(Node node) {
        return node.labels() + String.valueOf(node.properties());
    }

    /** Neo4j temporal values are written as {"$type": ..., "value": ...} so they come back with their type. */
    private static Map<String, Object> encode(Map<String, Object> properties) {
        var encoded = new TreeMap<String, Object>();
        properties.forEach((key, value) -> encoded.put(key, encodeValue(value)));
        return encoded;
    }

    private static Object encodeValue(Object value) {
        if (value instanceof ZonedDateTime || value instanceof OffsetDateTime) {
            return Map.of("$type", "datetime", "value", value.toString());
        }
        if (value instanceof LocalDateTime) {
            return Map.of("$type", "localdatetime", "value", value.toString());
        }
        if (value instanceof LocalDate) {
            return Map.of("$type", "date", "value", value.toString());
        }
        if (value instanceof List<?> list) {
            return list.stream().map(WorkspaceService::encodeValue).toList();
        }
        return value;
    }

    private Map<String, Object> decode(JsonNode properties) {
        var decoded = new HashMap<String, Object>();
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            decoded.put(field.getKey(), decodeValue(field.getValue()));
        }
        return decoded;
    }

    private Object decodeValue(JsonNode value) {
        if (value.isObject() && value.has("$type")) {
            String text = value.path("value").asText();
            try {
                return switch (value.path("$type").asText()) {
                    case "datetime" -> ZonedDateTime.parse(text);
                    case "localdatetime" -> LocalDateTime.parse(text);
                    case "date" -> LocalDate.parse(text);
                    default -> throw new BadInputException("properties", "unknown value type " + value.path("$type").asText());
                };
            } catch (java.time.format.DateTimeParseException e) {
                throw new BadInputException("properties", "not a date/time: " + text);
            }
        }
        if (value.isArray()) {
            var list = new ArrayList<Object>();
            value.forEach(v -> list.add(decodeValue(v)));
            return list;
        }
        if (value.isObject()) {
            throw new BadInputException("properties", "a property value cannot be an object");
        }
        return json.convertValue(value, Object.class);
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }
}
