package org.qualigraph.base.graph;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns what each adapter returns into the plain Java values {@link GraphValue} describes, and parameters back. */
final class GraphValues {

    private GraphValues() {
    }

    /** A value of the embedded database: arrays become lists, nodes and relationships their property maps. */
    static Object fromEmbedded(Object value) {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Boolean
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Number n) {
            return n instanceof Float || n instanceof java.math.BigDecimal ? (Object) n.doubleValue() : (Object) n.longValue();
        }
        if (value instanceof byte[]) {
            return value;
        }
        if (value instanceof org.neo4j.graphdb.Entity entity) {
            return fromEmbedded(entity.getAllProperties());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), fromEmbedded(v)));
            return Collections.unmodifiableMap(result);
        }
        if (value instanceof Collection<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            for (Object item : list) {
                result.add(fromEmbedded(item));
            }
            return Collections.unmodifiableList(result);
        }
        if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            List<Object> result = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                result.add(fromEmbedded(Array.get(value, i)));
            }
            return Collections.unmodifiableList(result);
        }
        if (value instanceof Iterable<?> iterable) {
            List<Object> result = new ArrayList<>();
            iterable.forEach(item -> result.add(fromEmbedded(item)));
            return Collections.unmodifiableList(result);
        }
        return value;
    }

    /** A value of the driver: lists, maps and nodes as the embedded side gives them. */
    static Object fromDriver(org.neo4j.driver.Value value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String type = value.type().name();
        switch (type) {
            case "LIST" -> {
                List<Object> result = new ArrayList<>(value.size());
                for (org.neo4j.driver.Value item : value.values()) {
                    result.add(fromDriver(item));
                }
                return Collections.unmodifiableList(result);
            }
            case "MAP", "NODE", "RELATIONSHIP" -> {
                Map<String, Object> result = new LinkedHashMap<>();
                for (String key : value.keys()) {
                    result.put(key, fromDriver(value.get(key)));
                }
                return Collections.unmodifiableMap(result);
            }
            case "DATE_TIME" -> {
                return value.asZonedDateTime();
            }
            default -> {
                return value.asObject();
            }
        }
    }

    /** A parameter for either adapter: enums by name, collections as lists, float vectors as they are. */
    static Object parameter(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), parameter(v)));
            return result;
        }
        if (value instanceof Collection<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            for (Object item : list) {
                result.add(parameter(item));
            }
            return result;
        }
        if (value instanceof java.util.UUID uuid) {
            return uuid.toString();
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atZone(java.time.ZoneOffset.UTC);
        }
        return value;
    }

    static Map<String, Object> parameters(Map<String, Object> parameters) {
        Map<String, Object> result = new LinkedHashMap<>();
        parameters.forEach((k, v) -> result.put(k, parameter(v)));
        return result;
    }
}
