package org.qualigraph.base.graph;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One value of a result, whichever adapter produced it, with the accessors of the driver's {@code Value} the stores
 * used. The value inside is plain Java: {@code String}, {@code Long}, {@code Double}, {@code Boolean},
 * {@code List<Object>} (also for array properties, which the embedded database returns as arrays such as
 * {@code String[]} and the driver as lists), {@code Map<String, Object>} (also for a node or relationship: its
 * properties), {@code byte[]}, {@code java.time} types, or {@code null}.
 */
public final class GraphValue {

    private final Object value;

    GraphValue(Object value) {
        this.value = value;
    }

    public boolean isNull() {
        return value == null;
    }

    public Object asObject() {
        return value;
    }

    public String asString() {
        return value == null ? null : value instanceof String s ? s : fail("a string");
    }

    public String asString(String whenNull) {
        return value == null ? whenNull : asString();
    }

    public long asLong() {
        return number("an integer").longValue();
    }

    public long asLong(long whenNull) {
        return value == null ? whenNull : asLong();
    }

    public int asInt() {
        return Math.toIntExact(number("an integer").longValue());
    }

    public int asInt(int whenNull) {
        return value == null ? whenNull : asInt();
    }

    public double asDouble() {
        return number("a number").doubleValue();
    }

    public double asDouble(double whenNull) {
        return value == null ? whenNull : asDouble();
    }

    public float asFloat() {
        return number("a number").floatValue();
    }

    public boolean asBoolean() {
        return value instanceof Boolean b ? b : fail("a boolean");
    }

    public boolean asBoolean(boolean whenNull) {
        return value == null ? whenNull : asBoolean();
    }

    @SuppressWarnings("unchecked")
    public List<Object> asList() {
        return value == null ? List.of() : value instanceof List<?> list ? (List<Object>) list : fail("a list");
    }

    public <T> List<T> asList(Function<GraphValue, T> each) {
        List<Object> list = asList();
        List<T> result = new ArrayList<>(list.size());
        for (Object item : list) {
            result.add(each.apply(new GraphValue(item)));
        }
        return Collections.unmodifiableList(result);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> asMap() {
        return value == null ? Map.of() : value instanceof Map<?, ?> map ? (Map<String, Object>) map : fail("a map");
    }

    /** An entry of a map (or of a node's properties); a missing entry is a null value. */
    public GraphValue get(String key) {
        return new GraphValue(asMap().get(key));
    }

    /** The number of entries of a list or map. */
    public int size() {
        return value instanceof List<?> list ? list.size() : asMap().size();
    }

    public byte[] asByteArray() {
        return value instanceof byte[] bytes ? bytes : fail("bytes");
    }

    /** A list of numbers (e.g. an embedding vector) as floats. */
    public float[] asFloatArray() {
        List<Object> list = asList();
        float[] result = new float[list.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = ((Number) list.get(i)).floatValue();
        }
        return result;
    }

    public ZonedDateTime asZonedDateTime() {
        if (value instanceof OffsetDateTime odt) {
            return odt.toZonedDateTime();
        }
        return value instanceof ZonedDateTime z ? z : fail("a date-time");
    }

    public OffsetDateTime asOffsetDateTime() {
        return value instanceof ZonedDateTime z ? z.toOffsetDateTime() : value instanceof OffsetDateTime o ? o : fail("a date-time");
    }

    public LocalDate asLocalDate() {
        return value instanceof LocalDate d ? d : fail("a date");
    }

    public LocalDateTime asLocalDateTime() {
        return value instanceof LocalDateTime d ? d : fail("a local date-time");
    }

    /** The value converted to {@code type}, for {@code fetchAs(type)} without a mapper. */
    @SuppressWarnings("unchecked")
    <T> T as(Class<T> type) {
        if (value == null) {
            return null;
        }
        if (type == Long.class || type == long.class) {
            return (T) Long.valueOf(asLong());
        }
        if (type == Integer.class || type == int.class) {
            return (T) Integer.valueOf(asInt());
        }
        if (type == Double.class || type == double.class) {
            return (T) Double.valueOf(asDouble());
        }
        if (type == Boolean.class || type == boolean.class) {
            return (T) Boolean.valueOf(asBoolean());
        }
        if (type == String.class) {
            return (T) asString();
        }
        if (type == ZonedDateTime.class) {
            return (T) asZonedDateTime();
        }
        if (type == OffsetDateTime.class) {
            return (T) asOffsetDateTime();
        }
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        return fail(type.getSimpleName());
    }

    private Number number(String expected) {
        return value instanceof Number n ? n : fail(expected);
    }

    private <T> T fail(String expected) {
        throw new GraphValueException("expected " + expected + " but the graph returned "
                + (value == null ? "null" : value.getClass().getSimpleName() + " " + value));
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }

    /** A value read as a type it is not: a mistake in a store, not in the data. */
    public static final class GraphValueException extends org.springframework.dao.TypeMismatchDataAccessException {

        GraphValueException(String message) {
            super(message);
        }
    }
}
