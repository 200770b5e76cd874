package org.qualigraph.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import org.qualigraph.base.ConflictException;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationStatus;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.quality.CommentRequest;
import org.qualigraph.quality.ReviewCommentService;
import org.qualigraph.quality.ReviewWorkflowService;
import org.qualigraph.quality.TransitionRequest;

/**
 * A model-based exploration of concurrent writes on shared units, for {@code SharedUnitInterleavingsTest} (bounded,
 * in every build) and {@code SharedUnitSoakBenchmark} (long). Three qualifications share units; one editor thread per
 * qualification runs a random sequence (from a seed) of saves from fresh and stale copies, title-only saves of stale
 * copies, adoption and dropping of units (the others' units too), submit, approve, withdraw or request changes,
 * review comments on units and derives, on real threads against the real database, through the services the REST
 * API calls. Every acknowledged unit change is recorded with the unit version its answer carries.
 * <p>
 * The oracle, checked on the history once all threads are done:
 * <ul>
 *   <li>for every unit and field, the final value is the one of the acknowledged change with the highest unit
 *       version (every acknowledged change is in the final state unless a later acknowledged one replaced it), and no
 *       two acknowledged changes of a unit got the same version;</li>
 *   <li>every acknowledged save answers every unit it sent (no 200 with a missing unit), with its own change;</li>
 *   <li>a qualification's units read when it entered review are exactly what they are while it stays frozen (in
 *       review or approved), and no save of a frozen qualification is acknowledged;</li>
 *   <li>no write fails other than with a 409 (a deadlock or lock-order violation surfacing is a failure);</li>
 *   <li>a save is refused only for a reason: its copy was stale (the qualification's version, a unit's version, a unit
 *       that no longer exists), the qualification was frozen, or something changed while it ran (the versions read
 *       before and after it differ); a derive or a comment on an existing unit is never refused;</li>
 *   <li>the retries the run needed ({@code qualigraph.tx.retries}, counted for this run) are reported.</li>
 * </ul>
 */
public final class SharedUnitInterleavings {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SharedUnitInterleavings.class);

    /** What a run did and what the oracle found; {@code violations} is empty when everything held. */
    public record Outcome(long seed, int operations, int acknowledged, int refused, int submitted, int staleKept,
                          double retries, List<String> violations) {
    }

    /** An acknowledged change of one field of one unit, with the unit's version in the save's answer. */
    private record Write(String unit, String field, String value, long version, int op) {
    }

    private static final String DESIGNER = "designer";
    private static final String REVIEWER = "reviewer";

    private final QualificationService qualifications;
    private final ReviewWorkflowService workflow;
    private final ReviewCommentService comments;
    private final ObjectMapper json;
    private final DoubleSupplier retries;

    public SharedUnitInterleavings(QualificationService qualifications, ReviewWorkflowService workflow,
                                   ReviewCommentService comments, ObjectMapper json, DoubleSupplier retries) {
        this.qualifications = qualifications;
        this.workflow = workflow;
        this.comments = comments;
        this.json = json;
        this.retries = retries;
    }

    /** One run: three fresh qualifications sharing units, one thread each doing {@code operations} random steps. */
    public Outcome run(long seed, int operations) throws Exception {
        double retriesBefore = retries.getAsDouble();
        var q0 = qualifications.create(recoded(Documents.generated("Core profile " + seed, 4, 3), "A"), DESIGNER);
        var q1 = qualifications.create(withShared(recoded(Documents.generated("Partner B " + seed, 2, 3), "B"),
                q0.units().subList(0, 2)), DESIGNER);
        var q2 = qualifications.create(withShared(recoded(Documents.generated("Partner C " + seed, 2, 3), "C"),
                List.of(q0.units().get(1), q0.units().get(2), q1.units().get(0))), DESIGNER);
        List<String> ids = List.of(q0.id(), q1.id(), q2.id());

        var run = new Run(ids);
        var editors = new ArrayList<Callable<Void>>();
        for (int i = 0; i < ids.size(); i++) {
            var editor = new Editor(run, i, new Random(seed * 31 + i), operations);
            editors.add(() -> {
                editor.work();
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(editors.size());
        try {
            var futures = new ArrayList<Future<Void>>();
            editors.forEach(e -> futures.add(pool.submit(e)));
            for (var future : futures) {
                future.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        run.finalChecks();
        return new Outcome(seed, run.ops.get(), run.acknowledged.get(), run.refused.get(), run.submitted.get(),
                run.staleKept.get(), retries.getAsDouble() - retriesBefore, List.copyOf(run.violations));
    }

    /** The shared state of one run: the history and the violations found. */
    private final class Run {
        final List<String> ids;
        final ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
        final List<String> violations = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger ops = new AtomicInteger();
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger submitted = new AtomicInteger();
        final AtomicInteger staleKept = new AtomicInteger();
        final AtomicInteger markers = new AtomicInteger();
        /** Per qualification: its units as read when it entered review, while it is frozen. */
        final Map<String, String> frozen = new java.util.concurrent.ConcurrentHashMap<>();

        Run(List<String> ids) {
            this.ids = ids;
        }

        void violation(String what) {
            violations.add(what);
        }

        void finalChecks() {
            Map<String, UnitDocument> units = new HashMap<>();
            for (String id : ids) {
                var doc = qualifications.get(id);
                doc.units().forEach(u -> units.put(u.id(), u));
                String seen = frozen.get(id);
                if (seen != null && !QualificationService.isContentEditable(doc.status()) && !seen.equals(unitsJson(doc))) {
                    violation("qualification " + id + " is " + doc.status() + " but its units changed since it was submitted");
                }
            }
            Map<String, Map<String, Write>> latest = new HashMap<>();
            Map<String, Map<Long, Write>> byVersion = new HashMap<>();
            for (Write w : writes) {
                var other = byVersion.computeIfAbsent(w.unit(), k -> new HashMap<>()).putIfAbsent(w.version(), w);
                if (other != null && other.op() != w.op()) {
                    violation("unit " + w.unit() + ": acknowledged changes " + other.op() + " and " + w.op()
                            + " both got version " + w.version() + " (one of them is lost)");
                }
                latest.computeIfAbsent(w.unit(), k -> new HashMap<>()).merge(w.field(), w,
                        (a, b) -> a.version() >= b.version() ? a : b);
            }
            latest.forEach((unit, fields) -> {
                var stored = units.get(unit);
                if (stored == null) {
                    return; // dropped by every holder: deleted
                }
                fields.forEach((field, w) -> {
                    if (!w.value().equals(value(stored, field))) {
                        violation("unit " + stored.code() + " (" + unit + "): " + field + " is " + value(stored, field)
                                + " but the acknowledged change " + w.op() + " set " + w.value() + " at version " + w.version()
                                + " and no later acknowledged change replaced it");
                    }
                    if (stored.version() < w.version()) {
                        violation("unit " + stored.code() + " is at version " + stored.version() + ", below the acknowledged "
                                + w.version());
                    }
                });
            });
        }
    }

    /** One designer working on "their" qualification, reading and adopting the others' units too. */
    private final class Editor {
        final Run run;
        final String home;
        final Random random;
        final int operations;
        QualificationDocument last;

        Editor(Run run, int index, Random random, int operations) {
            this.run = run;
            this.home = run.ids.get(index);
            this.random = random;
            this.operations = operations;
        }

        void work() {
            last = qualifications.get(home);
            for (int i = 0; i < operations; i++) {
                int op = run.ops.incrementAndGet();
                int pick = random.nextInt(20);
                try {
                    if (pick < 4) {
                        edit(op, true);
                    } else if (pick < 8) {
                        edit(op, false);
                    } else if (pick < 10) {
                        titleOnly(op);
                    } else if (pick < 12) {
                        adopt(op);
                    } else if (pick < 13) {
                        drop(op);
                    } else if (pick < 15) {
                        submit(op);
                    } else if (pick < 16) {
                        approve(op);
                    } else if (pick < 18) {
                        back(op);
                    } else if (pick < 19) {
                        comment(op);
                    } else {
                        derive(op);
                    }
                } catch (ConflictException e) {
                    run.refused.incrementAndGet();
                } catch (RuntimeException e) {
                    log.warn("Interleavings: operation {} failed", op, e);
                    run.violation("operation " + op + " failed with " + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }

        /** A read-modify-write of one unit field with a unique value, from a fresh or the last (maybe stale) copy. */
        void edit(int op, boolean fresh) {
            var doc = fresh ? qualifications.get(home) : last;
            if (doc.units().isEmpty()) {
                return;
            }
            int k = random.nextInt(doc.units().size());
            var unit = doc.units().get(k);
            String field = random.nextBoolean() ? "title" : "credits";
            int marker = run.markers.incrementAndGet();
            var changed = "title".equals(field)
                    ? with(unit, Map.of("en", "Title " + marker), unit.credits())
                    : with(unit, unit.title(), credits(marker));
            var units = new ArrayList<>(doc.units());
            units.set(k, changed);
            var answer = save(doc.withUnits(units), op);
            var saved = answer.units().stream().filter(u -> u.code().equals(unit.code())).findFirst().orElseThrow();
            String value = "title".equals(field) ? "Title " + marker : credits(marker).stripTrailingZeros().toPlainString();
            if (!value.equals(value(saved, field))) {
                run.violation("save " + op + " was acknowledged without its change of " + unit.code() + "." + field);
            }
            run.writes.add(new Write(saved.id(), field, value, saved.version(), op));
        }

        /** Only the qualification's title, from the last copy: its units' stale copies must leave the units as stored. */
        void titleOnly(int op) {
            var before = last;
            var answer = save(last.withTitle(Map.of("en", "Retitled " + op)), op);
            for (var unit : before.units()) {
                answer.units().stream().filter(u -> u.id().equals(unit.id()) && u.version() != null
                        && unit.version() != null && u.version() > unit.version()).findFirst()
                        .ifPresent(u -> run.staleKept.incrementAndGet());
            }
        }

        /** Adds a unit of another qualification (shared by id, as read there) that this one does not hold. */
        void adopt(int op) {
            String otherId = run.ids.get(random.nextInt(run.ids.size()));
            if (otherId.equals(home)) {
                return;
            }
            var other = qualifications.get(otherId);
            var doc = random.nextBoolean() ? qualifications.get(home) : last;
            var candidates = other.units().stream().filter(u -> doc.units().stream()
                    .noneMatch(mine -> mine.id().equals(u.id()) || mine.code().equals(u.code()))).toList();
            if (candidates.isEmpty()) {
                return;
            }
            var unit = candidates.get(random.nextInt(candidates.size()));
            var units = new ArrayList<>(doc.units());
            units.add(new UnitDocument(unit.id(), unit.code(), unit.title(), unit.eqfLevel(), unit.credits(), unit.hours(),
                    true, List.of(), unit.deliveryModes(), unit.outcomes(), unit.workBasedLearning(), unit.assessments(),
                    unit.version()));
            save(doc.withUnits(units), op);
        }

        /** Removes one unit (and the prerequisites naming it); a unit no one else holds is deleted with it. */
        void drop(int op) {
            var doc = random.nextBoolean() ? qualifications.get(home) : last;
            if (doc.units().size() < 2) {
                return;
            }
            var gone = doc.units().get(random.nextInt(doc.units().size()));
            var units = doc.units().stream().filter(u -> u != gone).map(u -> new UnitDocument(u.id(), u.code(), u.title(),
                    u.eqfLevel(), u.credits(), u.hours(), u.mandatory(), u.prerequisites().stream()
                    .filter(p -> !p.equals(gone.code())).toList(), u.deliveryModes(), u.outcomes(), u.workBasedLearning(),
                    u.assessments(), u.version())).toList();
            save(doc.withUnits(units), op);
        }

        /** Makes the credits add up (the quality gate's CREDIT-02), then submits; records the units as submitted. */
        void submit(int op) {
            var doc = qualifications.get(home);
            if (!QualificationService.isContentEditable(doc.status())) {
                return;
            }
            var total = doc.units().stream().filter(UnitDocument::isMandatory).map(UnitDocument::credits)
                    .filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (doc.credits() == null || doc.credits().compareTo(total) != 0) {
                doc = save(new QualificationDocument(doc.id(), doc.version(), doc.title(), doc.description(), doc.type(),
                        doc.eqfLevel(), doc.nqfLevels(), doc.iscedF(), doc.ecosystem(), doc.creditSystem(), total,
                        doc.entryRequirements(), doc.awardingBodies(), doc.targetOccupations(), doc.derivedFrom(),
                        doc.status(), doc.units()), op);
            }
            workflow.transition(home, new TransitionRequest("IN_REVIEW", null, null), DESIGNER, java.util.Set.of("DESIGNER"));
            run.submitted.incrementAndGet();
            run.acknowledged.incrementAndGet();
            // only this editor moves its qualification, so it stays in review until this editor moves it back
            last = qualifications.get(home);
            run.frozen.put(home, unitsJson(last));
        }

        void approve(int op) {
            if (qualifications.get(home).status() != QualificationStatus.IN_REVIEW) {
                return;
            }
            workflow.transition(home, new TransitionRequest("APPROVED", null, new TransitionRequest.ApprovalInput(
                    "Board " + op, LocalDate.now(), "approved")), REVIEWER, java.util.Set.of("REVIEWER"));
            run.acknowledged.incrementAndGet();
            checkFrozen(op);
        }

        /** Back to the designer (withdraw from review, or a request for changes after approval), checking first. */
        void back(int op) {
            var status = qualifications.get(home).status();
            if (QualificationService.isContentEditable(status)) {
                return;
            }
            checkFrozen(op);
            if (status == QualificationStatus.IN_REVIEW) {
                workflow.transition(home, new TransitionRequest("DRAFT", null, null), DESIGNER, java.util.Set.of("DESIGNER"));
            } else {
                workflow.transition(home, new TransitionRequest("CHANGES_REQUESTED", "Please revise " + op, null), REVIEWER,
                        java.util.Set.of("REVIEWER"));
            }
            run.frozen.remove(home);
            run.acknowledged.incrementAndGet();
            last = qualifications.get(home);
        }

        void comment(int op) {
            var doc = qualifications.get(home);
            if (doc.units().isEmpty()) {
                return;
            }
            var unit = doc.units().get(random.nextInt(doc.units().size()));
            try {
                comments.add(home, new CommentRequest("Remark " + op, unit.code(), null), REVIEWER);
            } catch (ConflictException e) {
                // only this editor drops its qualification's units, so the unit commented on exists
                run.violation("comment " + op + " on " + unit.code() + " was refused: " + e.getMessage());
                return;
            }
            run.acknowledged.incrementAndGet();
        }

        void derive(int op) {
            var source = qualifications.get(home);
            QualificationDocument variant;
            try {
                variant = qualifications.derive(home, Map.of("en", "Variant " + op), DESIGNER);
            } catch (ConflictException e) {
                // deriving copies one committed state under the source's lock: nothing may refuse it (a copy once
                // kept its source units' versions and was refused as a copy of a deleted unit)
                run.violation("derive " + op + " was refused: " + e.getMessage());
                return;
            }
            run.acknowledged.incrementAndGet();
            if (variant.units().size() != source.units().size() || variant.units().stream()
                    .anyMatch(v -> source.units().stream().anyMatch(s -> s.id().equals(v.id())))) {
                run.violation("derive " + op + " did not copy the units of " + home);
            }
        }

        Map<String, State> states() {
            return SharedUnitInterleavings.this.states(run.ids);
        }

        /**
         * A 409 must have a reason: the copy was stale (the qualification's version, or a unit it sent at a version
         * that is no longer stored, or a unit that no longer exists), the qualification was frozen, or something changed
         * while the save ran. When the states read before and after the refusal are equal and the copy matched them,
         * none of these held, and the refusal is a violation (a save wrongly refused is a lost edit too).
         */
        void explainRefusal(QualificationDocument doc, Map<String, State> before, int op, ConflictException refused) {
            if (!states().equals(before)) {
                return;
            }
            var mine = before.get(home);
            if (!QualificationService.isContentEditable(mine.status()) || !java.util.Objects.equals(doc.version(), mine.version())) {
                return;
            }
            var stored = new HashMap<String, Long>();
            before.values().forEach(s -> stored.putAll(s.units()));
            for (var unit : doc.units()) {
                if (unit.id() != null && (!stored.containsKey(unit.id())
                        || !java.util.Objects.equals(stored.get(unit.id()), unit.version()))) {
                    return;
                }
            }
            run.violation("save " + op + " of " + home + " was refused though its copy was current and nothing changed "
                    + "meanwhile: " + refused.getMessage());
        }

        void checkFrozen(int op) {
            String seen = run.frozen.get(home);
            var now = qualifications.get(home);
            if (seen != null && !seen.equals(unitsJson(now))) {
                run.violation("operation " + op + ": qualification " + home + " is " + now.status()
                        + " but its units changed since it was submitted");
            }
        }

        QualificationDocument save(QualificationDocument doc, int op) {
            var before = states();
            boolean frozen = !QualificationService.isContentEditable(before.get(home).status());
            QualificationDocument answer;
            try {
                answer = qualifications.update(home, doc, DESIGNER);
            } catch (ConflictException refused) {
                explainRefusal(doc, before, op, refused);
                throw refused;
            }
            if (frozen && !QualificationService.isContentEditable(qualifications.get(home).status())) {
                run.violation("save " + op + " of a qualification in " + answer.status() + " was acknowledged");
            }
            run.acknowledged.incrementAndGet();
            for (var unit : doc.units()) {
                if (answer.units().stream().noneMatch(u -> u.code().equals(unit.code()))) {
                    run.violation("save " + op + " was acknowledged without unit " + unit.code() + " (" + unit.id() + ")");
                }
            }
            last = answer;
            return answer;
        }
    }

    /** What a save may be refused over: the version and status of each qualification and the versions of its units. */
    private record State(long version, QualificationStatus status, Map<String, Long> units) {
    }

    /**
     * The versions of every qualification of the run and of their units, read one qualification after another.
     * Versions only grow, so two such reads that are equal component by component show that nothing changed in
     * between, whatever ran meanwhile (derived variants copy units under new ids and so share none).
     */
    private Map<String, State> states(List<String> ids) {
        var states = new HashMap<String, State>();
        for (String id : ids) {
            var doc = qualifications.get(id);
            var units = new HashMap<String, Long>();
            doc.units().forEach(u -> units.put(u.id(), u.version()));
            states.put(id, new State(doc.version(), doc.status(), units));
        }
        return states;
    }

    private String unitsJson(QualificationDocument doc) {
        try {
            return json.writeValueAsString(doc.units());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unique credits per marker within the validator's range (0-1000): 1.01, 1.02, ... */
    private static BigDecimal credits(int marker) {
        return BigDecimal.valueOf(100L + marker, 2);
    }

    private static String value(UnitDocument unit, String field) {
        return "title".equals(field) ? unit.title().get("en")
                : unit.credits() == null ? null : unit.credits().stripTrailingZeros().toPlainString();
    }

    private static UnitDocument with(UnitDocument u, Map<String, String> title, BigDecimal credits) {
        return new UnitDocument(u.id(), u.code(), title, u.eqfLevel(), credits, u.hours(), u.mandatory(), u.prerequisites(),
                u.deliveryModes(), u.outcomes(), u.workBasedLearning(), u.assessments(), u.version());
    }

    /** The document with its unit codes (and every code derived from them) starting with {@code prefix}, not "U". */
    private QualificationDocument recoded(QualificationDocument doc, String prefix) {
        try {
            String text = json.writeValueAsString(doc).replaceAll("\"U(\\d)", "\"" + prefix + "$1");
            return json.readValue(text, QualificationDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The document with these units of another qualification added, shared by id (without their prerequisites). */
    private static QualificationDocument withShared(QualificationDocument doc, List<UnitDocument> shared) {
        var units = new ArrayList<>(doc.units());
        shared.forEach(u -> units.add(new UnitDocument(u.id(), u.code(), u.title(), u.eqfLevel(), u.credits(), u.hours(),
                true, List.of(), u.deliveryModes(), u.outcomes(), u.workBasedLearning(), u.assessments(), u.version())));
        return doc.withUnits(units);
    }
}
