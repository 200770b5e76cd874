package org.qualigraph.quality;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.qualigraph.base.EnumLabels;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.UnitDocument;

/**
 * What changed between two qualification documents (two revisions, or a variant and its source): units and outcomes
 * are matched by code, so a reader sees "unit U3 added" rather than a change of ids. Each line belongs to one section
 * so that a reviewer can look at levels or credits alone.
 *
 * <p>A line is a message of the UI's bundle ({@code diff.*} in {@code vaadin-i18n/translations*.properties}) with its
 * values, so that each reader gets it in their language: {@link Line#in(Wording)} words it for the UI, and
 * {@link Line#text()} in English for the API and the audit log, from the same bundle.
 *
 * @param fromId the older side ("against")
 * @param toId   the newer side
 */
public record RevisionDiff(String fromId, String toId, List<Line> lines) {

    public RevisionDiff {
        lines = List.copyOf(lines);
    }

    /** The parts of a qualification a diff line is about. */
    public enum Section { QUALIFICATION, UNITS, OUTCOMES, SKILLS, LEVELS, CREDITS }

    public enum Change { ADDED, REMOVED, CHANGED }

    /** One readable difference; {@code subject} is the unit or outcome code, or the qualification field. */
    public record Line(Section section, Change change, String subject, @JsonIgnore Message message) {

        /** In English: what the API answers and the audit log keeps. */
        @JsonProperty("text")
        public String text() {
            return in(ENGLISH);
        }

        /** In the reader's language. */
        public String in(Wording wording) {
            return message.in(wording);
        }

        /** The line with every value that depends on the language left as a bundle key, for {@link Words}. */
        Object words() {
            return RevisionDiff.words(message);
        }
    }

    /**
     * A stored sentence that is put into words when it is read, in the reader's language: a tree of bundle keys
     * ({@code {"k": key, "a": [values]}}), values joined by a space ({@code {"j": [...]}}), by a comma ({@code {"l":
     * [...]}}) or by a semicolon ({@code {"s": [...]}}), and plain strings (codes, names, content). The audit log
     * keeps its lines in this form beside the English text, so each reader gets them in their language.
     */
    public static final class Words {

        private Words() {
        }

        /** A bundle key with values (trees or plain values). */
        public static Object key(String key, Object... args) {
            var node = new LinkedHashMap<String, Object>();
            node.put("k", key);
            if (args.length > 0) {
                node.put("a", Arrays.asList(args));
            }
            return node;
        }

        /** Parts read one after the other, separated by "; ". */
        public static Object sentences(List<?> parts) {
            return Map.of("s", parts);
        }

        /** The tree in words. */
        public static String in(Object tree, Wording wording) {
            if (tree instanceof Map<?, ?> node) {
                if (node.containsKey("k")) {
                    List<?> args = node.get("a") instanceof List<?> list ? list : List.of();
                    return args.isEmpty() ? wording.message((String) node.get("k"))
                            : wording.message((String) node.get("k"), args.stream().map(a -> in(a, wording)).toArray());
                }
                for (var join : List.of(Map.entry("j", " "), Map.entry("l", ", "), Map.entry("s", "; "))) {
                    if (node.get(join.getKey()) instanceof List<?> parts) {
                        return parts.stream().map(p -> in(p, wording)).collect(Collectors.joining(join.getValue()));
                    }
                }
                return "";
            }
            return tree == null ? "" : String.valueOf(tree);
        }
    }

    /** A value as a language-independent tree (see {@link Words}); what {@link #show} puts into words. */
    private static Object words(Object value) {
        if (value == null || value instanceof String s && s.isEmpty()) {
            return Words.key("diff.none");
        }
        if (value instanceof Message message) {
            return Words.key(message.key(), message.args().stream().map(RevisionDiff::words).toArray());
        }
        if (value instanceof Joined joined) {
            return Map.of("j", joined.parts().stream().map(RevisionDiff::words).toList());
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? Words.key("diff.none") : map.entrySet().stream()
                    .map(e -> e.getKey() + ": \"" + e.getValue() + "\"").collect(Collectors.joining(", "));
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? Words.key("diff.none") : Map.of("l", list.stream().map(RevisionDiff::words).toList());
        }
        if (value instanceof Enum<?> constant) {
            return Words.key(EnumLabels.key(constant));
        }
        if (value instanceof Boolean yes) {
            return Words.key(yes ? "diff.yes" : "diff.no");
        }
        return String.valueOf(value);
    }

    /**
     * A bundle key and its values. A value is put into words as the reader reads it: an enum by its label, yes/no,
     * "(none)" for nothing, a nested {@code Message} by its own key, a list joined with commas.
     */
    public record Message(String key, List<Object> args) {

        public Message {
            // values may be null ("(none)"), which List.copyOf refuses
            args = Collections.unmodifiableList(new ArrayList<>(args));
        }

        static Message of(String key, Object... args) {
            return new Message(key, Arrays.asList(args));
        }

        public String in(Wording wording) {
            return wording.message(key, args.stream().map(value -> show(value, wording)).toArray());
        }
    }

    /** Several values read as one, e.g. an assessment: its code, method and weight. */
    private record Joined(List<Object> parts) {
    }

    /** How lines are put into words: the message of a bundle key in one language, as a component's getTranslation. */
    @FunctionalInterface
    public interface Wording {

        /** The message of {@code key} with these values; a text containing the key when the bundle has none. */
        String message(String key, Object... args);

        /** An enum's label from the bundle; the constant in words when the bundle has none. */
        default String label(Enum<?> value) {
            String key = EnumLabels.key(value);
            String text = message(key);
            return text == null || text.isBlank() || text.contains(key) ? EnumLabels.words(value.name()) : text;
        }
    }

    /** English, from the bundle the UI reads (its base file is English). */
    public static final Wording ENGLISH = new Wording() {
        private final ResourceBundle bundle = ResourceBundle.getBundle("vaadin-i18n.translations", Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

        @Override
        public String message(String key, Object... args) {
            if (!bundle.containsKey(key)) {
                return "!" + key + "!";
            }
            String pattern = bundle.getString(key);
            // as Vaadin's provider does: MessageFormat only when there are values
            return args.length == 0 ? pattern : new java.text.MessageFormat(org.qualigraph.base.Plural.expand(pattern, Locale.ENGLISH, args), Locale.ENGLISH).format(args);
        }
    };

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Lines grouped by section, in section order. */
    public Map<Section, List<Line>> bySection() {
        var result = new EnumMap<Section, List<Line>>(Section.class);
        lines.forEach(line -> result.computeIfAbsent(line.section(), k -> new ArrayList<>()).add(line));
        return result;
    }

    /** The changes that turn {@code from} into {@code to}. */
    public static RevisionDiff between(QualificationDocument from, QualificationDocument to) {
        var lines = new ArrayList<Line>();
        compareQualification(from, to, lines);
        Map<String, UnitDocument> oldUnits = byCode(from.units(), UnitDocument::code);
        Map<String, UnitDocument> newUnits = byCode(to.units(), UnitDocument::code);
        for (var code : union(oldUnits.keySet(), newUnits.keySet())) {
            var before = oldUnits.get(code);
            var after = newUnits.get(code);
            if (before == null) {
                lines.add(new Line(Section.UNITS, Change.ADDED, code, Message.of("diff.unit.added", code, after.displayTitle(),
                        after.outcomes().size(), after.eqfLevel(), plain(after.credits()))));
            } else if (after == null) {
                lines.add(new Line(Section.UNITS, Change.REMOVED, code, Message.of("diff.unit.removed", code,
                        before.displayTitle(), before.outcomes().size())));
            } else {
                compareUnit(before, after, lines);
            }
        }
        return new RevisionDiff(from.id(), to.id(), lines);
    }

    private static void compareQualification(QualificationDocument from, QualificationDocument to, List<Line> lines) {
        changed(lines, Section.QUALIFICATION, "title", field("title"), from.title(), to.title());
        changed(lines, Section.QUALIFICATION, "description", field("description"), from.description(), to.description());
        changed(lines, Section.QUALIFICATION, "type", field("type"), from.type(), to.type());
        changed(lines, Section.QUALIFICATION, "entryRequirements", field("entryRequirements"), from.entryRequirements(),
                to.entryRequirements());
        changed(lines, Section.QUALIFICATION, "iscedF", field("iscedF"), from.iscedF(), to.iscedF());
        changed(lines, Section.QUALIFICATION, "awardingBodies", field("awardingBodies"),
                from.awardingBodies().stream().map(b -> b.name() + " (" + b.country() + ")").toList(),
                to.awardingBodies().stream().map(b -> b.name() + " (" + b.country() + ")").toList());
        changed(lines, Section.LEVELS, "eqfLevel", field("eqfLevel"), from.eqfLevel(), to.eqfLevel());
        setChanges(lines, Section.LEVELS, "nqfLevels", "diff.nqfLevel",
                from.nqfLevels().stream().map(n -> n.country() + " " + n.level()).toList(),
                to.nqfLevels().stream().map(n -> n.country() + " " + n.level()).toList());
        changed(lines, Section.CREDITS, "credits", field("credits"), plain(from.credits()), plain(to.credits()));
        changed(lines, Section.CREDITS, "creditSystem", field("creditSystem"), from.creditSystem(), to.creditSystem());
        setChanges(lines, Section.SKILLS, "targetOccupations", "diff.targetOccupation", from.targetOccupations(),
                to.targetOccupations());
    }

    private static void compareUnit(UnitDocument before, UnitDocument after, List<Line> lines) {
        String code = before.code();
        changed(lines, Section.UNITS, code, unit("title", code), before.title(), after.title());
        changed(lines, Section.UNITS, code, unit("mandatory", code), before.isMandatory(), after.isMandatory());
        changed(lines, Section.UNITS, code, unit("prerequisites", code), before.prerequisites(), after.prerequisites());
        changed(lines, Section.UNITS, code, unit("deliveryModes", code), before.deliveryModes(), after.deliveryModes());
        changed(lines, Section.UNITS, code, unit("workBasedLearning", code),
                before.workBasedLearning().stream().map(w -> w.code() + " " + w.hours() + " h").toList(),
                after.workBasedLearning().stream().map(w -> w.code() + " " + w.hours() + " h").toList());
        changed(lines, Section.UNITS, code, unit("assessments", code),
                before.assessments().stream().map(a -> new Joined(Arrays.asList(a.code(), a.method(), a.weight() + "%"))).toList(),
                after.assessments().stream().map(a -> new Joined(Arrays.asList(a.code(), a.method(), a.weight() + "%"))).toList());
        changed(lines, Section.LEVELS, code, unit("eqfLevel", code), before.eqfLevel(), after.eqfLevel());
        changed(lines, Section.CREDITS, code, unit("credits", code), plain(before.credits()), plain(after.credits()));
        changed(lines, Section.CREDITS, code, unit("hours", code), before.hours(), after.hours());
        Map<String, OutcomeDocument> oldOutcomes = byCode(before.outcomes(), OutcomeDocument::code);
        Map<String, OutcomeDocument> newOutcomes = byCode(after.outcomes(), OutcomeDocument::code);
        for (var outcomeCode : union(oldOutcomes.keySet(), newOutcomes.keySet())) {
            var o1 = oldOutcomes.get(outcomeCode);
            var o2 = newOutcomes.get(outcomeCode);
            if (o1 == null) {
                lines.add(new Line(Section.OUTCOMES, Change.ADDED, outcomeCode, Message.of("diff.outcome.added", outcomeCode,
                        code, o2.dimension(), o2.displayStatement())));
            } else if (o2 == null) {
                lines.add(new Line(Section.OUTCOMES, Change.REMOVED, outcomeCode, Message.of("diff.outcome.removed",
                        outcomeCode, code, o1.displayStatement())));
            } else {
                changed(lines, Section.OUTCOMES, outcomeCode, outcome("statement", outcomeCode), o1.statement(), o2.statement());
                changed(lines, Section.OUTCOMES, outcomeCode, outcome("dimension", outcomeCode), o1.dimension(), o2.dimension());
                changed(lines, Section.OUTCOMES, outcomeCode, outcome("keyCompetences", outcomeCode),
                        o1.keyCompetences(), o2.keyCompetences());
                changed(lines, Section.LEVELS, outcomeCode, outcome("eqfLevel", outcomeCode), o1.eqfLevel(), o2.eqfLevel());
                setChanges(lines, Section.SKILLS, outcomeCode, "diff.skill", o1.skills(), o2.skills(), outcomeCode);
            }
        }
    }

    private static Message field(String name) {
        return Message.of("diff.field." + name);
    }

    private static Message unit(String field, String code) {
        return Message.of("diff.unit." + field, code);
    }

    private static Message outcome(String field, String code) {
        return Message.of("diff.outcome." + field, code);
    }

    private static void changed(List<Line> lines, Section section, String subject, Message label, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            lines.add(new Line(section, Change.CHANGED, subject, Message.of("diff.changed", label, before, after)));
        }
    }

    /** Values added and removed, each a line: {@code key + ".added"} / {@code ".removed"} with the value and {@code where}. */
    private static void setChanges(List<Line> lines, Section section, String subject, String key, List<String> before,
                                   List<String> after, Object... where) {
        after.stream().filter(v -> !before.contains(v)).forEach(v ->
                lines.add(new Line(section, Change.ADDED, subject, withValue(key + ".added", v, where))));
        before.stream().filter(v -> !after.contains(v)).forEach(v ->
                lines.add(new Line(section, Change.REMOVED, subject, withValue(key + ".removed", v, where))));
    }

    private static Message withValue(String key, String value, Object... where) {
        var args = new ArrayList<Object>();
        args.add(value);
        args.addAll(Arrays.asList(where));
        return new Message(key, args);
    }

    private static String show(Object value, Wording wording) {
        if (value == null || value instanceof String s && s.isEmpty()) {
            return wording.message("diff.none");
        }
        if (value instanceof Message message) {
            return message.in(wording);
        }
        if (value instanceof Joined joined) {
            return joined.parts().stream().map(part -> show(part, wording)).collect(Collectors.joining(" "));
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? wording.message("diff.none") : map.entrySet().stream()
                    .map(e -> e.getKey() + ": \"" + e.getValue() + "\"").collect(Collectors.joining(", "));
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? wording.message("diff.none")
                    : list.stream().map(item -> show(item, wording)).collect(Collectors.joining(", "));
        }
        if (value instanceof Enum<?> constant) {
            return wording.label(constant);
        }
        if (value instanceof Boolean yes) {
            return wording.message(yes ? "diff.yes" : "diff.no");
        }
        return String.valueOf(value);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static <T> Map<String, T> byCode(List<T> items, Function<T, String> code) {
        var result = new LinkedHashMap<String, T>();
        items.forEach(item -> result.putIfAbsent(code.apply(item), item));
        return result;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var result = new LinkedHashSet<>(a);
        result.addAll(b);
        return result;
    }
}
