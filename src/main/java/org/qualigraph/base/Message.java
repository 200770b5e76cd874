package org.qualigraph.base;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * A sentence a service produces for people (a quality finding, a note), kept as its bundle key and arguments so that
 * each reader gets it in their own language: the REST API in English, a screen in the user's interface language.
 * Arguments that are themselves messages, enum constants ({@code enum.<Enum>.<CONSTANT>}), lists (joined with ", "),
 * dates (as {@link LocalFormats#date}) and numbers (no grouping, so codes such as 1234 stay whole; the language's
 * decimal separator) are formatted in the same language. Keys live in the interface bundles
 * ({@code vaadin-i18n/translations*.properties}); a value with arguments is a {@link MessageFormat} pattern.
 */
public record Message(String key, List<Object> args) {

    public Message {
        args = List.copyOf(args);
    }

    public static Message of(String key, Object... args) {
        return new Message(key, Arrays.asList(args));
    }

    /** The sentence in this language, English where the bundle lacks the key. */
    public String in(Locale locale) {
        Locale language = locale == null ? Locale.ENGLISH : locale;
        String pattern = text(key, language);
        if (args.isEmpty()) {
            return pattern;
        }
        Object[] values = args.stream().map(a -> argument(a, language)).toArray();
        return new MessageFormat(Plural.expand(pattern, language, args.toArray()), language).format(values);
    }

    /** The sentence as the REST API gives it. */
    public String english() {
        return in(Locale.ENGLISH);
    }

    @Override
    public String toString() {
        return english();
    }

    private static Object argument(Object value, Locale locale) {
        if (value instanceof Message message) {
            return message.in(locale);
        }
        if (value instanceof Enum<?> constant) {
            return EnumLabels.of(constant, locale);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> String.valueOf(argument(v, locale))).collect(Collectors.joining(", "));
        }
        if (value instanceof LocalDate date) {
            return LocalFormats.date(date, locale);
        }
        if (value instanceof Number number) {
            var format = NumberFormat.getNumberInstance(locale);
            format.setGroupingUsed(false);
            format.setMaximumFractionDigits(2);
            return format.format(number instanceof BigDecimal big ? big : number.doubleValue());
        }
        return value == null ? "null" : value;
    }

    /**
     * The message as JSON ({@code {"k": key, "a": [values]}}, nested messages alike) for storing it where a later
     * reader in another language needs it, e.g. on a job's node; strings and numbers stay as they are, other values
     * are stored as their English words.
     */
    public String toJson() {
        try {
            return JSON.writeValueAsString(tree(this));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("message values are plain values", e);
        }
    }

    /** A message stored by {@link #toJson}; null for null, blank or unreadable text. */
    public static Message fromJson(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(json, Object.class) instanceof java.util.Map<?, ?> node ? fromTree(node) : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException unreadable) {
            return null;
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static Object tree(Object value) {
        if (value instanceof Message message) {
            var node = new java.util.LinkedHashMap<String, Object>();
            node.put("k", message.key());
            node.put("a", message.args().stream().map(Message::tree).toList());
            return node;
        }
        if (value instanceof Number || value instanceof String) {
            return value;
        }
        return value == null ? "null" : String.valueOf(argument(value, Locale.ENGLISH));
    }

    private static Message fromTree(java.util.Map<?, ?> node) {
        var args = node.get("a") instanceof List<?> list ? list : List.of();
        return new Message(String.valueOf(node.get("k")), args.stream()
                .map(a -> a instanceof java.util.Map<?, ?> nested ? fromTree(nested) : a).toList());
    }

    static String text(String key, Locale locale) {
        try {
            return ResourceBundle.getBundle(I18nConfiguration.BUNDLE, locale, Message.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
