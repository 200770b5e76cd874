package org.qualigraph.quality;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.UnitDocument;

/**
 * What changed between two qualification documents (two revisions, or a variant and its source): units and outcomes
 * are matched by code, so a reader sees "unit U3 added" rather than a change of ids. Each line belongs to one section
 * so that a reviewer can look at levels or credits alone.
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
    public record Line(Section section, Change change, String subject, String text) {
    }

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
                lines.add(new Line(Section.UNITS, Change.ADDED, code, "Unit " + code + " added: \"" + after.displayTitle()
                        + "\" (" + after.outcomes().size() + " outcomes, EQF " + after.eqfLevel() + ", "
                        + plain(after.credits()) + " credits)"));
            } else if (after == null) {
                lines.add(new Line(Section.UNITS, Change.REMOVED, code, "Unit " + code + " removed: \"" + before.displayTitle()
                        + "\" (" + before.outcomes().size() + " outcomes)"));
            } else {
                compareUnit(before, after, lines);
            }
        }
        return new RevisionDiff(from.id(), to.id(), lines);
    }

    private static void compareQualification(QualificationDocument from, QualificationDocument to, List<Line> lines) {
        changed(lines, Section.QUALIFICATION, "title", "Title", from.title(), to.title());
        changed(lines, Section.QUALIFICATION, "description", "Description", from.description(), to.description());
        changed(lines, Section.QUALIFICATION, "type", "Type", from.type(), to.type());
        changed(lines, Section.QUALIFICATION, "entryRequirements", "Entry requirements", from.entryRequirements(), to.entryRequirements());
        changed(lines, Section.QUALIFICATION, "iscedF", "ISCED-F fields", from.iscedF(), to.iscedF());
        changed(lines, Section.QUALIFICATION, "awardingBodies", "Awarding bodies",
                from.awardingBodies().stream().map(b -> b.name() + " (" + b.country() + ")").toList(),
                to.awardingBodies().stream().map(b -> b.name() + " (" + b.country() + ")").toList());
        changed(lines, Section.LEVELS, "eqfLevel", "Qualification EQF level", from.eqfLevel(), to.eqfLevel());
        setChanges(lines, Section.LEVELS, "nqfLevels", "NQF level",
                from.nqfLevels().stream().map(n -> n.country() + " " + n.level()).toList(),
                to.nqfLevels().stream().map(n -> n.country() + " " + n.level()).toList(), "");
        changed(lines, Section.CREDITS, "credits", "Qualification credits", plain(from.credits()), plain(to.credits()));
        changed(lines, Section.CREDITS, "creditSystem", "Credit system", from.creditSystem(), to.creditSystem());
        setChanges(lines, Section.SKILLS, "targetOccupations", "Target occupation", from.targetOccupations(),
                to.targetOccupations(), "");
    }

    private static void compareUnit(UnitDocument before, UnitDocument after, List<Line> lines) {
        String code = before.code();
        changed(lines, Section.UNITS, code, "Unit " + code + " title", before.title(), after.title());
        changed(lines, Section.UNITS, code, "Unit " + code + " mandatory", before.isMandatory(), after.isMandatory());
        changed(lines, Section.UNITS, code, "Unit " + code + " prerequisites", before.prerequisites(), after.prerequisites());
        changed(lines, Section.UNITS, code, "Unit " + code + " delivery modes", before.deliveryModes(), after.deliveryModes());
        changed(lines, Section.UNITS, code, "Unit " + code + " work-based learning",
                before.workBasedLearning().stream().map(w -> w.code() + " " + w.hours() + " h").toList(),
                after.workBasedLearning().stream().map(w -> w.code() + " " + w.hours() + " h").toList());
        changed(lines, Section.UNITS, code, "Unit " + code + " assessments",
                before.assessments().stream().map(a -> a.code() + " " + words(a.method()) + " " + a.weight() + "%").toList(),
                after.assessments().stream().map(a -> a.code() + " " + words(a.method()) + " " + a.weight() + "%").toList());
        changed(lines, Section.LEVELS, code, "Unit " + code + " EQF level", before.eqfLevel(), after.eqfLevel());
        changed(lines, Section.CREDITS, code, "Unit " + code + " credits", plain(before.credits()), plain(after.credits()));
        changed(lines, Section.CREDITS, code, "Unit " + code + " hours", before.hours(), after.hours());
        Map<String, OutcomeDocument> oldOutcomes = byCode(before.outcomes(), OutcomeDocument::code);
        Map<String, OutcomeDocument> newOutcomes = byCode(after.outcomes(), OutcomeDocument::code);
        for (var outcomeCode : union(oldOutcomes.keySet(), newOutcomes.keySet())) {
            var o1 = oldOutcomes.get(outcomeCode);
            var o2 = newOutcomes.get(outcomeCode);
            if (o1 == null) {
                lines.add(new Line(Section.OUTCOMES, Change.ADDED, outcomeCode, "Outcome " + outcomeCode + " added to unit "
                        + code + " (" + words(o2.dimension()) + "): \"" + o2.displayStatement() + "\""));
            } else if (o2 == null) {
                lines.add(new Line(Section.OUTCOMES, Change.REMOVED, outcomeCode, "Outcome " + outcomeCode
                        + " removed from unit " + code + ": \"" + o1.displayStatement() + "\""));
            } else {
                changed(lines, Section.OUTCOMES, outcomeCode, "Outcome " + outcomeCode + " statement", o1.statement(), o2.statement());
                changed(lines, Section.OUTCOMES, outcomeCode, "Outcome " + outcomeCode + " dimension", o1.dimension(), o2.dimension());
                changed(lines, Section.OUTCOMES, outcomeCode, "Outcome " + outcomeCode + " key competences",
                        o1.keyCompetences(), o2.keyCompetences());
                changed(lines, Section.LEVELS, outcomeCode, "Outcome " + outcomeCode + " EQF level", o1.eqfLevel(), o2.eqfLevel());
                setChanges(lines, Section.SKILLS, outcomeCode, "Skill", o1.skills(), o2.skills(), " on outcome " + outcomeCode);
            }
        }
    }

    private static void changed(List<Line> lines, Section section, String subject, String label, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            lines.add(new Line(section, Change.CHANGED, subject, label + ": " + show(before) + " → " + show(after)));
        }
    }

    private static void setChanges(List<Line> lines, Section section, String subject, String label, List<String> before,
                                   List<String> after, String where) {
        after.stream().filter(v -> !before.contains(v)).forEach(v ->
                lines.add(new Line(section, Change.ADDED, subject, label + " " + v + " added" + where)));
        before.stream().filter(v -> !after.contains(v)).forEach(v ->
                lines.add(new Line(section, Change.REMOVED, subject, label + " " + v + " removed" + where)));
    }

    private static String show(Object value) {
        if (value == null || value instanceof String s && s.isEmpty()) {
            return "(none)";
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? "(none)" : map.entrySet().stream().map(e -> e.getKey() + ": \"" + e.getValue() + "\"")
                    .reduce((a, b) -> a + ", " + b).orElse("");
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "(none)" : String.join(", ", list.stream().map(RevisionDiff::show).toList());
        }
        if (value instanceof Enum<?> constant) {
            return words(constant);
        }
        return String.valueOf(value);
    }

    /** A stored code in words (PRACTICAL_TASK: "practical task"): the lines are read by people, not parsers. */
    private static String words(Enum<?> constant) {
        return constant == null ? "(none)" : constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
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
