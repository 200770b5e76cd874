package org.qualigraph.curriculum.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.qualigraph.curriculum.AssessmentDocument;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.curriculum.WorkBasedLearningDocument;
import org.qualigraph.curriculum.ui.QualificationDraft.BodyDraft;
import org.qualigraph.curriculum.ui.QualificationDraft.NqfDraft;
import org.qualigraph.curriculum.ui.QualificationDraft.UriDraft;
import org.qualigraph.curriculum.ui.UnitDraft.AssessmentDraft;
import org.qualigraph.curriculum.ui.UnitDraft.OutcomeDraft;
import org.qualigraph.curriculum.ui.UnitDraft.PeriodDraft;

/**
 * Converts between the immutable contract document and the editor's working copy. A document turned into a draft
 * and back is equal to the original, so opening and saving without edits changes nothing. Blank rows the designer
 * added but never filled in (an empty NQF row, an empty URI) are left out of the document.
 */
final class DraftMapper {

    private DraftMapper() {
    }

    static QualificationDraft toDraft(QualificationDocument doc) {
        var d = new QualificationDraft();
        d.id = doc.id();
        d.version = doc.version();
        d.status = doc.status();
        d.derivedFrom = doc.derivedFrom();
        d.title = new LinkedHashMap<>(doc.title());
        d.description = new LinkedHashMap<>(doc.description());
        d.entryRequirements = new LinkedHashMap<>(doc.entryRequirements());
        d.type = doc.type();
        d.eqfLevel = doc.eqfLevel();
        doc.nqfLevels().forEach(n -> {
            var row = new NqfDraft();
            row.country = n.country();
            row.level = n.level();
            row.uri = n.uri();
            d.nqfLevels.add(row);
        });
        d.iscedF = new LinkedHashSet<>(doc.iscedF());
        d.ecosystem = doc.ecosystem();
        d.creditSystem = doc.creditSystem();
        d.credits = doc.credits();
        doc.awardingBodies().forEach(b -> {
            var row = new BodyDraft();
            row.name = b.name();
            row.country = b.country();
            row.kind = b.kind();
            d.awardingBodies.add(row);
        });
        doc.targetOccupations().forEach(uri -> d.targetOccupations.add(new UriDraft(uri)));
        doc.units().forEach(u -> d.units.add(toDraft(u)));
        return d;
    }

    static UnitDraft toDraft(UnitDocument unit) {
        var u = new UnitDraft();
        u.id = unit.id();
        u.version = unit.version();
        u.code = unit.code();
        u.title = new LinkedHashMap<>(unit.title());
        u.eqfLevel = unit.eqfLevel();
        u.credits = unit.credits();
        u.hours = unit.hours();
        u.mandatory = unit.isMandatory();
        u.prerequisites = new LinkedHashSet<>(unit.prerequisites());
        u.deliveryModes = new LinkedHashSet<>(unit.deliveryModes());
        unit.outcomes().forEach(o -> {
            var outcome = new OutcomeDraft();
            outcome.id = o.id();
            outcome.code = o.code();
            outcome.dimension = o.dimension();
            outcome.statement = new LinkedHashMap<>(o.statement());
            outcome.eqfLevel = o.eqfLevel();
            outcome.skills.addAll(o.skills());
            outcome.keyCompetences = new LinkedHashSet<>(o.keyCompetences());
            u.outcomes.add(outcome);
        });
        unit.workBasedLearning().forEach(w -> {
            var period = new PeriodDraft();
            period.code = w.code();
            period.hours = w.hours();
            period.setting = w.setting();
            period.description = new LinkedHashMap<>(w.description());
            period.outcomes = new LinkedHashSet<>(w.outcomes());
            u.periods.add(period);
        });
        unit.assessments().forEach(a -> {
            var assessment = new AssessmentDraft();
            assessment.code = a.code();
            assessment.method = a.method();
            assessment.weight = a.weight();
            assessment.outcomes = new LinkedHashSet<>(a.outcomes());
            u.assessments.add(assessment);
        });
        return u;
    }

    static QualificationDocument toDocument(QualificationDraft d) {
        List<QualificationDocument.NqfLevel> nqf = d.nqfLevels.stream()
                .filter(n -> !blank(n.country) || !blank(n.level) || !blank(n.uri))
                .map(n -> new QualificationDocument.NqfLevel(trim(n.country), trim(n.level), trim(n.uri))).toList();
        List<QualificationDocument.AwardingBody> bodies = d.awardingBodies.stream()
                .filter(b -> !blank(b.name) || !blank(b.country) || b.kind != null)
                .map(b -> new QualificationDocument.AwardingBody(trim(b.name), trim(b.country), b.kind)).toList();
        List<String> targets = d.targetOccupations.stream().map(t -> trim(t.uri)).filter(t -> t != null).toList();
        List<UnitDocument> units = d.units.stream().map(DraftMapper::toDocument).toList();
        return new QualificationDocument(d.id, d.version, text(d.title), text(d.description), d.type, d.eqfLevel, nqf,
                List.copyOf(d.iscedF), d.ecosystem, d.creditSystem, d.credits, text(d.entryRequirements), bodies, targets,
                d.derivedFrom, d.status, units);
    }

    static UnitDocument toDocument(UnitDraft u) {
        var outcomes = u.outcomes.stream().map(o -> new OutcomeDocument(o.id, trim(o.code), o.dimension, text(o.statement),
                o.eqfLevel, List.copyOf(o.skills), List.copyOf(o.keyCompetences))).toList();
        var periods = u.periods.stream().map(p -> new WorkBasedLearningDocument(trim(p.code), p.hours, p.setting,
                text(p.description), List.copyOf(p.outcomes))).toList();
        var assessments = u.assessments.stream().map(a -> new AssessmentDocument(trim(a.code), a.method, a.weight,
                List.copyOf(a.outcomes))).toList();
        return new UnitDocument(u.id, trim(u.code), text(u.title), u.eqfLevel, u.credits, u.hours, u.mandatory,
                List.copyOf(u.prerequisites), List.copyOf(u.deliveryModes), outcomes, periods, assessments, u.version);
    }

    /** A unit taken over from another qualification keeps its id (so it is shared) but not that qualification's prerequisites. */
    static UnitDraft reused(UnitDocument unit) {
        var draft = toDraft(unit);
        draft.prerequisites.clear();
        return draft;
    }

    /** Totals shown live in the editor header. */
    record Totals(BigDecimal credits, int hours, int workBasedHours) {

        /** Work-based hours as a whole percentage of all hours; 0 when there are no hours. */
        int workBasedShare() {
            return hours == 0 ? 0 : Math.round(100f * workBasedHours / hours);
        }
    }

    static Totals totals(QualificationDraft d) {
        BigDecimal credits = d.units.stream().filter(u -> u.mandatory && u.credits != null).map(u -> u.credits)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        int hours = d.units.stream().mapToInt(u -> u.hours == null ? 0 : u.hours).sum();
        int wbl = d.units.stream().mapToInt(UnitDraft::workBasedHours).sum();
        return new Totals(credits, hours, wbl);
    }

    private static Map<String, String> text(Map<String, String> text) {
        var result = new LinkedHashMap<String, String>();
        text.forEach((language, value) -> {
            if (!blank(language) && !blank(value)) {
                result.put(language.strip(), value);
            }
        });
        return result;
    }

    private static String trim(String value) {
        return blank(value) ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static <T> List<T> moved(List<T> list, int from, int to) {
        var copy = new ArrayList<>(list);
        copy.add(to, copy.remove(from));
        return copy;
    }
}
