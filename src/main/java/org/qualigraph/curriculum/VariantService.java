package org.qualigraph.curriculum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.ConflictException;
import org.qualigraph.base.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a national variant in step with its core profile by the partner's choice. A variant remembers its core as it
 * last took it (the <em>baseline</em>, {@link VariantBaselines}): set when the variant is derived, moved unit by unit
 * when the partner adopts or dismisses a core change. What the core changed since is the difference from the baseline
 * to the core now ({@link #coreChanges}); what the partner changed is the difference from the baseline to the variant
 * ({@link #baseline}), so a later edit of the core never reads as the partner's and the partner's own edits never read
 * as the core's. Units are matched by code. Adopting is a normal save of the variant (version check, validation,
 * locks, audit) through {@link QualificationService#update}.
 */
@Service
public class VariantService {

    /** What happened to a unit of the core since the variant's baseline. */
    public enum Change { ADDED, CHANGED, REMOVED }

    /** One unit the core changed: its code, how, and for CHANGED which of its fields (names of the document's). */
    public record UnitChange(String code, Change change, List<String> fields) {
    }

    /** The core's changes since the variant's baseline, unit by unit, in the core's order (removed units last). */
    public record CoreChanges(String core, List<UnitChange> units) {

        public boolean isEmpty() {
            return units.isEmpty();
        }
    }

    /** The variant's core, and the core as the variant last took it: what the partner's own changes are measured against. */
    public record CoreBaseline(String coreId, QualificationDocument baseline) {
    }

    private final QualificationStore store;
    private final VariantBaselines baselines;
    private final WriteLocks locks;
    private final QualificationService qualifications;
    private final ApplicationEventPublisher events;

    VariantService(QualificationStore store, VariantBaselines baselines, WriteLocks locks,
                   QualificationService qualifications, ApplicationEventPublisher events) {
        this.store = store;
        this.baselines = baselines;
        this.locks = locks;
        this.qualifications = qualifications;
        this.events = events;
    }

    /**
     * What the core changed since the variant was derived or last took (or dismissed) its changes. A variant derived
     * before baselines existed gets the current core as its baseline at this first read (recorded, so later core edits
     * show); one whose core is gone, or a qualification that is no variant, is a 409.
     */
    @Transactional
    public CoreChanges coreChanges(String id) {
        var state = state(id);
        return changes(state);
    }

    /**
     * Applies the core's changes of these units to the variant as a normal save against {@code version} (409 when
     * stale or while the variant is in review; 400 naming {@code units[i]} for a code the core did not change) and
     * moves the baseline of these units to the core as it is now. Answers the saved document.
     */
    @Transactional
    public QualificationDocument adopt(String id, List<String> units, Long version, String user) {
        requireInput(units, version);
        locks.qualification(id).orElseThrow(() -> new QualificationNotFoundException(id));
        var state = state(id);
        if (!Objects.equals(state.variant().version(), version)) {
            throw stale(id, state.variant().displayTitle(), state.variant().version(), version);
        }
        var listed = listed(changes(state), units);
        var core = state.core();
        Map<String, UnitDocument> coreUnits = byCode(core.units());
        var result = new ArrayList<>(state.variant().units());
        for (String code : listed.keySet()) {
            int at = indexOf(result, code);
            if (listed.get(code) == Change.REMOVED) {
                if (at >= 0) {
                    result.remove(at);
                }
            } else if (at >= 0) {
                result.set(at, taken(coreUnits.get(code), result.get(at)));
            } else {
                result.add(taken(coreUnits.get(code), null));
            }
        }
        Set<String> codes = result.stream().map(UnitDocument::code).collect(Collectors.toSet());
        var cleaned = result.stream().map(u -> withPrerequisites(u, u.prerequisites().stream()
                .filter(p -> codes.contains(p) && !p.equals(u.code())).toList())).toList();
        var saved = qualifications.update(id, state.variant().withUnits(cleaned), user);
        // read again: the save's own listener may have moved the baseline of a unit shared with the core
        var baseline = baselines.of(id).flatMap(VariantBaselines.Stored::baseline).orElse(state.baseline());
        baselines.set(id, moved(baseline, core, listed.keySet()), core.version());
        return saved;
    }

    /**
     * Moves the baseline of these units to the core as it is now without changing the variant: the partner has seen
     * the core's changes and keeps their own. The version must be the stored one (409 otherwise), so the decision is
     * taken on the content the partner looked at; the variant's version does not change. Answers what remains.
     */
    @Transactional
    public CoreChanges dismiss(String id, List<String> units, Long version, String user) {
        requireInput(units, version);
        var locked = locks.qualification(id).orElseThrow(() -> new QualificationNotFoundException(id));
        if (locked.version() != version) {
            throw stale(id, store.read(id).map(QualificationDocument::displayTitle).orElse(id), locked.version(), version);
        }
        var state = state(id);
        var listed = listed(changes(state), units);
        var baseline = moved(state.baseline(), state.core(), listed.keySet());
        baselines.set(id, baseline, state.core().version());
        events.publishEvent(new QualificationChanged(id, locked.version(), user, "CORE_DISMISSED",
                "changes of the core " + state.core().id() + " dismissed for units " + String.join(", ", listed.keySet()),
                state.variant()));
        return changes(new State(state.variant(), state.core(), baseline));
    }

    /**
     * The core as the variant last took it, for "changes from core": the partner's own changes are those from it to the
     * variant. Units the variant shares with its core are taken as they are now (one unit cannot differ from itself).
     * Empty for a qualification that is no variant; a variant without a baseline yet is measured against its core now.
     */
    @Transactional(readOnly = true)
    public Optional<CoreBaseline> baseline(String id) {
        var variant = store.read(id).orElseThrow(() -> new QualificationNotFoundException(id));
        return baselines.of(id).flatMap(stored -> store.read(stored.coreId()).map(core -> {
            var baseline = stored.baseline().orElse(core);
            Set<String> coreUnitIds = core.units().stream().map(UnitDocument::id).collect(Collectors.toSet());
            var sharedByCode = new HashMap<String, UnitDocument>();
            variant.units().stream().filter(u -> coreUnitIds.contains(u.id())).forEach(u -> sharedByCode.put(u.code(), u));
            var units = new ArrayList<UnitDocument>();
            for (var unit : baseline.units()) {
                units.add(sharedByCode.getOrDefault(unit.code(), unit));
            }
            return new CoreBaseline(core.id(), baseline.withUnits(units));
        }));
    }

    /**
     * Keeps the baseline where the variant's own writes put it: set at derive (the core under its lock, as copied),
     * carried over to a new revision of the variant, and moved for a unit the variant shares with its core when the
     * variant's save changes it (that change is the partner's own, not the core's).
     */
    @EventListener
    void on(QualificationChanged event) {
        switch (event.action()) {
            case "DERIVED" -> baselines.of(event.qualificationId()).flatMap(stored -> store.read(stored.coreId()))
                    .ifPresent(core -> baselines.set(event.qualificationId(), core, core.version()));
            case "REVISED" -> baselines.ofPredecessor(event.qualificationId())
                    .ifPresent(baseline -> baselines.set(event.qualificationId(), baseline, baseline.version()));
            case "UPDATED" -> followOwnSharedEdits(event);
            default -> {
            }
        }
    }

    private void followOwnSharedEdits(QualificationChanged event) {
        if (event.document() == null || event.previous() == null || event.previous().derivedFrom() == null) {
            return;
        }
        Map<String, UnitDocument> before = new HashMap<>();
        event.previous().units().forEach(u -> before.put(u.id(), u));
        // decided from the two documents first, so that a save that changes no unit (most saves) reads nothing here
        var changedUnits = event.document().units().stream().filter(unit -> {
            var was = before.get(unit.id());
            return was == null || !changedFields(was, unit).isEmpty();
        }).map(UnitDocument::id).collect(java.util.stream.Collectors.toSet());
        if (changedUnits.isEmpty()) {
            return;
        }
        var stored = baselines.of(event.qualificationId()).orElse(null);
        if (stored == null || stored.baseline().isEmpty()) {
            return;
        }
        var shared = baselines.sharedWithCore(event.qualificationId(),
                event.document().units().stream().map(UnitDocument::id).toList());
        if (shared.isEmpty()) {
            return;
        }
        var baseline = stored.baseline().get();
        var units = new ArrayList<>(baseline.units());
        boolean moved = false;
        for (var unit : event.document().units()) {
            var was = before.get(unit.id());
            if (shared.contains(unit.id()) && (was == null || !changedFields(was, unit).isEmpty())) {
                int at = indexOf(units, unit.code());
                if (at >= 0) {
                    units.set(at, unit);
                } else {
                    units.add(unit);
                }
                moved = true;
            }
        }
        if (moved) {
            baselines.set(event.qualificationId(), baseline.withUnits(units), baseline.version() == null ? 0 : baseline.version());
        }
    }

    /** The fields of a unit's content that differ between two versions of it, as the document names them. */
    public static List<String> changedFields(UnitDocument a, UnitDocument b) {
        var fields = new ArrayList<String>();
        if (!Objects.equals(a.title(), b.title())) {
            fields.add("title");
        }
        if (!Objects.equals(a.eqfLevel(), b.eqfLevel())) {
            fields.add("eqfLevel");
        }
        if (a.credits() == null ? b.credits() != null : b.credits() == null || a.credits().compareTo(b.credits()) != 0) {
            fields.add("credits");
        }
        if (!Objects.equals(a.hours(), b.hours())) {
            fields.add("hours");
        }
        if (a.isMandatory() != b.isMandatory()) {
            fields.add("mandatory");
        }
        if (!a.prerequisites().equals(b.prerequisites())) {
            fields.add("prerequisites");
        }
        if (!a.deliveryModes().equals(b.deliveryModes())) {
            fields.add("deliveryModes");
        }
        if (!withoutIds(a.outcomes()).equals(withoutIds(b.outcomes()))) {
            fields.add("outcomes");
        }
        if (!a.workBasedLearning().equals(b.workBasedLearning())) {
            fields.add("workBasedLearning");
        }
        if (!a.assessments().equals(b.assessments())) {
            fields.add("assessments");
        }
        return fields;
    }

    // ---------------------------------------------------------------- internals

    private record State(QualificationDocument variant, QualificationDocument core, QualificationDocument baseline) {
    }

    private State state(String id) {
        var variant = store.read(id).orElseThrow(() -> new QualificationNotFoundException(id));
        var stored = baselines.of(id).orElseThrow(() -> new ConflictException("Qualification " + id
                + " is not a national variant of a core profile (it was not derived from one, or its core was deleted)",
                org.qualigraph.base.Message.of("refusal.variant.none", variant.displayTitle()), List.of()));
        var core = store.read(stored.coreId()).orElseThrow(() -> new QualificationNotFoundException(stored.coreId()));
        var baseline = stored.baseline().orElseGet(() -> {
            // derived before variants kept a baseline: a predecessor revision's, else the core as it is now
            var fallback = baselines.ofPredecessor(id).orElse(core);
            baselines.setIfMissing(id, fallback, fallback.version() == null ? core.version() : fallback.version());
            return fallback;
        });
        return new State(variant, core, baseline);
    }

    private static CoreChanges changes(State state) {
        Map<String, UnitDocument> before = byCode(state.baseline().units());
        Map<String, UnitDocument> now = byCode(state.core().units());
        Map<String, UnitDocument> mine = byCode(state.variant().units());
        Set<String> coreUnitIds = state.core().units().stream().map(UnitDocument::id).collect(Collectors.toSet());
        var codes = new LinkedHashSet<>(now.keySet());
        codes.addAll(before.keySet());
        var result = new ArrayList<UnitChange>();
        for (String code : codes) {
            var was = before.get(code);
            var is = now.get(code);
            var own = mine.get(code);
            // a unit the variant holds as its own copy that already reads as the core's has nothing left to take
            boolean alreadyTaken = own != null && is != null && !coreUnitIds.contains(own.id())
                    && changedFields(own, is).isEmpty();
            if (was == null) {
                if (!alreadyTaken && !(own != null && coreUnitIds.contains(own.id()))) {
                    result.add(new UnitChange(code, Change.ADDED, List.of()));
                }
            } else if (is == null) {
                if (own != null) {
                    result.add(new UnitChange(code, Change.REMOVED, List.of()));
                }
            } else {
                var fields = changedFields(was, is);
                if (!fields.isEmpty() && !alreadyTaken) {
                    result.add(new UnitChange(code, Change.CHANGED, List.copyOf(fields)));
                }
            }
        }
        return new CoreChanges(state.core().id(), List.copyOf(result));
    }

    private static void requireInput(List<String> units, Long version) {
        var problems = new ArrayList<FieldProblem>();
        if (units == null || units.isEmpty()) {
            problems.add(new FieldProblem("units", "the codes of the units whose core changes to take are required, e.g. [\"U2\"]"));
        } else {
            for (int i = 0; i < units.size(); i++) {
                if (units.get(i) == null || units.get(i).isBlank()) {
                    problems.add(new FieldProblem("units[" + i + "]", "a unit code is required"));
                }
            }
        }
        if (version == null) {
            problems.add(new FieldProblem("version", "the version of the variant you looked at is required"));
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
    }

    /** The requested codes with their change, in the request's order; a code the core did not change is a 400. */
    private static Map<String, Change> listed(CoreChanges changes, List<String> units) {
        Map<String, Change> byCode = new LinkedHashMap<>();
        changes.units().forEach(c -> byCode.put(c.code(), c.change()));
        var result = new LinkedHashMap<String, Change>();
        var problems = new ArrayList<FieldProblem>();
        for (int i = 0; i < units.size(); i++) {
            String code = units.get(i).strip();
            if (!byCode.containsKey(code)) {
                problems.add(new FieldProblem("units[" + i + "]", "\"" + abbreviate(code)
                        + "\" is not a unit the core changed since this variant took its changes; "
                        + (byCode.isEmpty() ? "the core has no changes for it" : "changed: " + String.join(", ", byCode.keySet()))));
            } else {
                result.put(code, byCode.get(code));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        return result;
    }

    /** The core's unit as the variant takes it: its own unit's id and outcome ids (by code) where it has them. */
    private static UnitDocument taken(UnitDocument core, UnitDocument own) {
        if (own == null) {
            return new UnitDocument(null, core.code(), core.title(), core.eqfLevel(), core.credits(), core.hours(),
                    core.mandatory(), core.prerequisites(), core.deliveryModes(),
                    core.outcomes().stream().map(o -> o.withId(null)).toList(), core.workBasedLearning(), core.assessments());
        }
        if (own.id() != null && own.id().equals(core.id())) {
            return core;
        }
        Map<String, String> outcomeIds = new HashMap<>();
        own.outcomes().forEach(o -> outcomeIds.put(o.code(), o.id()));
        return new UnitDocument(own.id(), core.code(), core.title(), core.eqfLevel(), core.credits(), core.hours(),
                core.mandatory(), core.prerequisites(), core.deliveryModes(),
                core.outcomes().stream().map(o -> o.withId(outcomeIds.get(o.code()))).toList(), core.workBasedLearning(),
                core.assessments());
    }

    private static UnitDocument withPrerequisites(UnitDocument u, List<String> prerequisites) {
        return new UnitDocument(u.id(), u.code(), u.title(), u.eqfLevel(), u.credits(), u.hours(), u.mandatory(),
                prerequisites, u.deliveryModes(), u.outcomes(), u.workBasedLearning(), u.assessments());
    }

    /** The baseline with these units as the core has them now (dropped where the core no longer has them). */
    private static QualificationDocument moved(QualificationDocument baseline, QualificationDocument core, Set<String> codes) {
        Map<String, UnitDocument> coreUnits = byCode(core.units());
        var units = new ArrayList<UnitDocument>();
        for (var unit : baseline.units()) {
            if (!codes.contains(unit.code())) {
                units.add(unit);
            } else if (coreUnits.containsKey(unit.code())) {
                units.add(coreUnits.get(unit.code()));
            }
        }
        Set<String> present = units.stream().map(UnitDocument::code).collect(Collectors.toSet());
        codes.stream().filter(c -> !present.contains(c) && coreUnits.containsKey(c)).forEach(c -> units.add(coreUnits.get(c)));
        return baseline.withUnits(units);
    }

    private static List<OutcomeDocument> withoutIds(List<OutcomeDocument> outcomes) {
        return outcomes.stream().map(o -> o.withId(null)).toList();
    }

    private static Map<String, UnitDocument> byCode(List<UnitDocument> units) {
        var result = new LinkedHashMap<String, UnitDocument>();
        units.forEach(u -> result.putIfAbsent(u.code(), u));
        return result;
    }

    private static int indexOf(List<UnitDocument> units, String code) {
        for (int i = 0; i < units.size(); i++) {
            if (code.equals(units.get(i).code())) {
                return i;
            }
        }
        return -1;
    }

    private static ConflictException stale(String id, String title, Long stored, Long yours) {
        return new ConflictException("Qualification " + id + " was changed by someone else (version " + stored + ", yours "
                + yours + "); reload it and decide on the core's changes again",
                org.qualigraph.base.Message.of("refusal.variant.stale", title, stored, yours), List.of());
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
