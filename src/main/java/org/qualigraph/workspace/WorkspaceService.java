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
import org.qualigraph.base.FieldProblem;
import org.qualigraph.base.GraphRestore;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.esco.OccupationalProfileService;
import org.qualigraph.quality.ReviewWorkflowService;
import org.qualigraph.base.graph.Graph;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports and imports the curriculum workspace as a graph dump: every node that is not reference data or an account
 * (ESCO concepts are kept as bare URIs so that links survive; users, migrations and ESCO content are left out) with
 * its labels and properties (all of them: ids, versions, statuses, creation times, unit version histories, a variant's
 * baseline on its {@code DERIVED_FROM}), and every relationship between them. Import goes into an empty workspace
 * only, in one transaction: it either restores everything or nothing. It writes nothing itself: each module restores
 * the labels it owns through its own service ({@link QualificationService#restore}, {@link
 * OccupationalProfileService#restore}, {@link ReviewWorkflowService#restore}), and a label no module owns is refused.
 */
@Service
public class WorkspaceService {

    static final String FORMAT = "qualigraph-workspace";
    static final int FORMAT_VERSION = 1;
    private static final Set<String> TOP_LEVEL_FIELDS = Set.of("format", "formatVersion", "exportedAt", "nodes", "relationships");
    /**
     * Labels never exported: accounts (passwords), schema and lock bookkeeping, background jobs and login-throttle counts,
     * the workflow status stamp of the menu counts and the stored quality reports (state of the running instances,
     * derived from the workspace, not part of it), imported reference data.
     */
    private static final Set<String> EXCLUDED = Set.of("User", "__Migration", "__Demo", "EscoRelease", "EscoLanguage", "IscoGroup", "Job",
            "JobLock", "LoginAttempts", "StatusStamp", "QualityReportSnapshot");
    /** Reference nodes exported by their key only, so relationships to them survive. */
    private static final Map<String, String> REFERENCE_KEYS = Map.of("EscoSkill", "uri", "EscoOccupation", "uri");

    private final Graph client;
    private final ObjectMapper json;
    private final QualificationService qualifications;
    private final OccupationalProfileService profiles;
    private final ReviewWorkflowService reviews;
    /** Told every statement a restore runs (tests count them: their number must not grow with the file). */
    java.util.function.Consumer<String> statementListener = statement -> { };

    WorkspaceService(Graph client, ObjectMapper json, QualificationService qualifications,
                     OccupationalProfileService profiles, ReviewWorkflowService reviews) {
        this.client = client;
        this.json = json;
        this.qualifications = qualifications;
        this.profiles = profiles;
        this.reviews = reviews;
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

    /**
     * Restores a workspace file into an empty workspace; returns the counts restored. The file is checked first (400
     * naming the line, or the node or relationship and its field); then each module restores what it owns through its
     * service, in the order the modules build on each other (curriculum, ESCO profiles, quality), all in this one
     * transaction: any refusal on the way leaves the workspace as it was.
     */
    @Transactional
    public Map<String, Long> importInto(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = json.readTree(in);
        } catch (org.qualigraph.base.PayloadTooLargeException e) {
            throw e;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var at = e.getLocation();
            throw new BadInputException(at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr(),
                    "the workspace file is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadInputException("", "the workspace file is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !FORMAT.equals(root.path("format").asText()) || root.path("formatVersion").asInt() != FORMAT_VERSION) {
            throw new BadInputException("format", "not a Qualigraph workspace file (format \"" + FORMAT + "\", version "
                    + FORMAT_VERSION + ")");
        }
        var problems = new ArrayList<FieldProblem>();
        root.fieldNames().forEachRemaining(field -> {
            if (!TOP_LEVEL_FIELDS.contains(field)) {
                problems.add(new FieldProblem(field, "unknown field \"" + field + "\""));
            }
        });
        for (String list : List.of("nodes", "relationships")) {
            if (root.has(list) && !root.get(list).isArray()) {
                problems.add(new FieldProblem(list, "must be an array"));
            }
        }
        Set<String> restorable = restorableLabels();
        var nodes = new ArrayList<GraphRestore.Node>();
        var refs = new java.util.HashSet<String>();
        int index = 0;
        for (JsonNode node : root.path("nodes")) {
            String field = "nodes[" + index + "]";
            if (!node.isObject()) {
                problems.add(new FieldProblem(field, "must be an object with ref, labels and properties"));
                index++;
                continue;
            }
            String ref = node.path("ref").isTextual() ? node.path("ref").asText() : null;
            List<String> labels = new ArrayList<>();
            node.path("labels").forEach(l -> labels.add(l.asText()));
            String unknown = labels.stream().filter(l -> !restorable.contains(l)).findFirst().orElse(null);
            if (ref == null || ref.isEmpty()) {
                problems.add(new FieldProblem(field + ".ref", "needs a ref (a text)"));
            } else if (!refs.add(ref)) {
                problems.add(new FieldProblem(field + ".ref", "\"" + ref + "\" is the ref of an earlier node; each node needs its own"));
            } else if (labels.isEmpty() || !node.path("labels").isArray()) {
                problems.add(new FieldProblem(field + ".labels", "needs at least one label"));
            } else if (unknown != null) {
                problems.add(new FieldProblem(field + ".labels", "\"" + unknown + "\" is not a label a workspace restores"));
            } else if (node.has("properties") && !node.get("properties").isObject()) {
                problems.add(new FieldProblem(field + ".properties", "must be an object"));
            } else {
                nodes.add(new GraphRestore.Node(index, ref, List.copyOf(labels), decode(node.path("properties"), field, problems)));
            }
            index++;
        }
        var relationships = new ArrayList<GraphRestore.Relationship>();
        index = 0;
        for (JsonNode rel : root.path("relationships")) {
            String field = "relationships[" + index + "]";
            String type = rel.path("type").asText("");
            String start = rel.path("start").isTextual() ? rel.path("start").asText() : null;
            String end = rel.path("end").isTextual() ? rel.path("end").asText() : null;
            if (!type.matches("[A-Z_][A-Z0-9_]*")) {
                problems.add(new FieldProblem(field + ".type", "not a relationship type"));
            } else if (start == null || !refs.contains(start)) {
                problems.add(new FieldProblem(field + ".start", "\"" + start + "\" is not the ref of a node in the file"));
            } else if (end == null || !refs.contains(end)) {
                problems.add(new FieldProblem(field + ".end", "\"" + end + "\" is not the ref of a node in the file"));
            } else if (rel.has("properties") && !rel.get("properties").isObject()) {
                problems.add(new FieldProblem(field + ".properties", "must be an object"));
            } else {
                relationships.add(new GraphRestore.Relationship(index, type, start, end, decode(rel.path("properties"), field, problems)));
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
        var restore = new GraphRestore(client, nodes, relationships, statementListener);
        qualifications.restore(restore);
        profiles.restore(restore);
        reviews.restore(restore);
        return counts();
    }

    /** Every label some module restores: what the file's nodes may carry. */
    private static Set<String> restorableLabels() {
        var labels = new java.util.HashSet<String>(QualificationService.restoredLabels());
        labels.addAll(OccupationalProfileService.restoredLabels());
        labels.addAll(ReviewWorkflowService.restoredLabels());
        return labels;
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
            // when a writer last took the node's lock: bookkeeping of the running instance, not content
            properties.remove("lockedAt");
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

    private Map<String, Object> decode(JsonNode properties, String field, List<FieldProblem> problems) {
        var decoded = new HashMap<String, Object>();
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            try {
                decoded.put(entry.getKey(), decodeValue(entry.getValue()));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field + ".properties." + entry.getKey(), e.getMessage()));
            }
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
                    default -> throw new IllegalArgumentException("unknown value type \"" + value.path("$type").asText() + "\"");
                };
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("not a date/time: \"" + text + "\"");
            }
        }
        if (value.isArray()) {
            var list = new ArrayList<Object>();
            value.forEach(v -> list.add(decodeValue(v)));
            return list;
        }
        if (value.isObject() || value.isNull()) {
            throw new IllegalArgumentException("a property value must be a text, number, boolean, date/time or a list of them");
        }
        return json.convertValue(value, Object.class);
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }
}
