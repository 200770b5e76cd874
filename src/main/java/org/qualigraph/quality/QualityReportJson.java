package org.qualigraph.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.qualigraph.base.Message;

/**
 * A quality report as stored JSON and back, with the application's {@link ObjectMapper}. The REST form leaves out
 * each finding's and note's sentence as bundle key and arguments ({@link Message}), from which a screen renders its
 * user's language; the stored form keeps them, so a report read from the store is equal to the computed one and is
 * shown in German to a German user and in English to the API. Message arguments carry their type (text, whole or
 * decimal number, date, enum constant, list, nested message), since the sentence formats each type its own way.
 */
final class QualityReportJson {

    /** Raised when the stored form changes; part of every key, so snapshots of another form are recomputed. */
    static final int FORMAT = 1;

    private final ObjectMapper json;

    QualityReportJson(ObjectMapper json) {
        this.json = json;
    }

    record Stored(String qualificationId, QualityReport.Summary summary, List<StoredFinding> findings,
                  List<StoredRule> rules, QualityThresholds thresholds) {
    }

    record StoredFinding(String rule, Severity severity, String message, List<String> subjects, JsonNode text,
                         boolean blocksPublication) {
    }

    record StoredRule(String rule, Severity severity, String title, StandardGroup standard, boolean passed,
                      QualityReport.RuleStatus status, String source, String note, int findings, JsonNode noteText) {
    }

    String write(QualityReport report) {
        var findings = report.findings().stream().map(f -> new StoredFinding(f.rule(), f.severity(), f.message(),
                f.subjects(), message(f.text()), f.blocksPublication())).toList();
        var rules = report.rules().stream().map(r -> new StoredRule(r.rule(), r.severity(), r.title(), r.standard(),
                r.passed(), r.status(), r.source(), r.note(), r.findings(), message(r.noteText()))).toList();
        try {
            return json.writeValueAsString(new Stored(report.qualificationId(), report.summary(), findings, rules,
                    report.thresholds()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the quality report of " + report.qualificationId(), e);
        }
    }

    QualityReport read(String text) {
        Stored stored;
        try {
            stored = json.readValue(text, Stored.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored quality report", e);
        }
        var findings = stored.findings().stream().map(f -> new QualityReport.Finding(f.rule(), f.severity(),
                f.message(), f.subjects(), message(f.text()), f.blocksPublication())).toList();
        var rules = stored.rules().stream().map(r -> new QualityReport.RuleResult(r.rule(), r.severity(), r.title(),
                r.standard(), r.passed(), r.status(), r.source(), r.note(), r.findings(), message(r.noteText()))).toList();
        return new QualityReport(stored.qualificationId(), stored.summary(), findings, rules, stored.thresholds());
    }

    private JsonNode message(Message message) {
        if (message == null) {
            return null;
        }
        ObjectNode node = json.createObjectNode();
        node.put("key", message.key());
        ArrayNode args = node.putArray("args");
        message.args().forEach(a -> args.add(argument(a)));
        return node;
    }

    private JsonNode argument(Object value) {
        ObjectNode node = json.createObjectNode();
        if (value == null) {
            node.putNull("null");
        } else if (value instanceof Message m) {
            node.set("message", message(m));
        } else if (value instanceof String s) {
            node.put("text", s);
        } else if (value instanceof Integer i) {
            node.put("int", i);
        } else if (value instanceof Long l) {
            node.put("long", l);
        } else if (value instanceof Double d) {
            node.put("double", Double.toString(d));
        } else if (value instanceof BigDecimal b) {
            node.put("decimal", b.toString());
        } else if (value instanceof Boolean b) {
            node.put("boolean", b);
        } else if (value instanceof LocalDate d) {
            node.put("date", d.toString());
        } else if (value instanceof Enum<?> e) {
            node.put("enum", e.getDeclaringClass().getName()).put("constant", e.name());
        } else if (value instanceof List<?> list) {
            ArrayNode items = node.putArray("list");
            list.forEach(item -> items.add(argument(item)));
        } else {
            throw new IllegalArgumentException("A quality message argument of type " + value.getClass().getName()
                    + " cannot be stored");
        }
        return node;
    }

    private static Message message(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        var args = new ArrayList<Object>();
        node.get("args").forEach(a -> args.add(argument(a)));
        return new Message(node.get("key").asText(), args);
    }

    private static Object argument(JsonNode node) {
        if (node.has("null")) {
            return null;
        }
        if (node.has("message")) {
            return message(node.get("message"));
        }
        if (node.has("text")) {
            return node.get("text").asText();
        }
        if (node.has("int")) {
            return node.get("int").intValue();
        }
        if (node.has("long")) {
            return node.get("long").longValue();
        }
        if (node.has("double")) {
            return Double.valueOf(node.get("double").asText());
        }
        if (node.has("decimal")) {
            return new BigDecimal(node.get("decimal").asText());
        }
        if (node.has("boolean")) {
            return node.get("boolean").booleanValue();
        }
        if (node.has("date")) {
            return LocalDate.parse(node.get("date").asText());
        }
        if (node.has("enum")) {
            return constant(node.get("enum").asText(), node.get("constant").asText());
        }
        if (node.has("list")) {
            var items = new ArrayList<Object>();
            node.get("list").forEach(item -> items.add(argument(item)));
            return items;
        }
        throw new IllegalStateException("Unknown stored message argument " + node);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object constant(String type, String name) {
        if (!type.startsWith("org.qualigraph.")) {
            throw new IllegalStateException("A stored message names a type outside the application: " + type);
        }
        try {
            Class<?> enumType = Class.forName(type, false, QualityReportJson.class.getClassLoader());
            if (!enumType.isEnum()) {
                throw new IllegalStateException(type + " is not an enum");
            }
            return Enum.valueOf((Class) enumType, name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("A stored message names an unknown enum " + type, e);
        }
    }
}
