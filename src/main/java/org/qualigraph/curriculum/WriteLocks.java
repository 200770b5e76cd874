package org.qualigraph.curriculum;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Objects;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.qualigraph.base.graph.Graph;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one place that takes the exclusive locks of a curriculum write, so that every write path takes them in the
 * same order and no two writes can wait on each other in a cycle:
 * <ol>
 *   <li>the qualification node (the one being written; a derive or new revision locks its source first, and
 *       publishing a revision then locks its predecessor: always from the newer to the older);</li>
 *   <li>the units whose nodes or links the write changes, by id ascending (a shared unit is where two
 *       qualifications meet).</li>
 * </ol>
 * Nothing else is locked on purpose. Relationships to shared reference nodes (NQF levels, ISCED fields,
 * organisations, ESCO occupations and skills, key competences) make Neo4j lock their end nodes implicitly; the store
 * writes them one reference label at a time in that order and by key ascending, so those implicit locks follow one
 * order too. Callers hold a transaction.
 * <p>
 * The order is checked: each transaction's locks are recorded, and a qualification locked after a unit or after a
 * qualification with a greater id, or a unit locked after a unit with a greater id, is a violation (a lock already held may be asked for again at any time). With
 * {@code qualigraph.write-locks.check=true} (the tests) a violation fails the write; otherwise it is logged.
 */
@Component
class WriteLocks {

    private static final Logger log = LoggerFactory.getLogger(WriteLocks.class);

    /** What the qualification's lock reveals: its committed version and status, read under the lock. */
    record Locked(long version, QualificationStatus status) {
    }

    /** The locks one transaction holds, in the order taken. */
    static final class Held {
        final Set<String> qualifications = new HashSet<>();
        final TreeSet<String> units = new TreeSet<>();
        final List<String> order = new ArrayList<>();
    }

    private final Graph client;
    private final boolean strict;

    WriteLocks(Graph client, @Value("${qualigraph.write-locks.check:false}") boolean strict) {
        this.client = client;
        this.strict = strict;
    }

    /**
     * Step 1: locks the qualification until the transaction ends. Setting a property takes the node's write lock, so
     * what is read afterwards is the latest committed state.
     */
    Optional<Locked> qualification(String id) {
        var held = held();
        if (held != null && !held.qualifications.contains(id)) {
            checkNewQualificationLock(id, "qualification " + id, held);
        }
        var locked = client.query("""
                MATCH (q:Qualification {id: $id}) SET q.lockedAt = timestamp()
                RETURN q.version AS version, q.status AS status
                """).bind(id).to("id").fetch().one().filter(WriteLocks::stillThere).map(row -> new Locked(((Number) row.get("version")).longValue(),
                row.get("status") == null ? QualificationStatus.DRAFT : QualificationStatus.valueOf((String) row.get("status"))));
        if (held != null && locked.isPresent() && held.qualifications.add(id)) {
            held.order.add("Q " + id);
        }
        return locked;
    }

    /**
     * Step 1 and the read of the state a save starts from, in one statement: locks the qualification as
     * {@link #qualification(String)} does, then returns its committed version and status (columns {@code version},
     * {@code status}) and what {@code returns} (Cypher of more {@code RETURN} items over {@code q}, e.g. the document's
     * projection) reads, all under the lock. Empty when the qualification does not exist.
     */
    Optional<Map<String, Object>> qualification(String id, String returns, Map<String, Object> parameters) {
        var held = held();
        if (held != null && !held.qualifications.contains(id)) {
            checkNewQualificationLock(id, "qualification " + id, held);
        }
        var params = new java.util.HashMap<String, Object>(parameters);
        params.put("id", id);
        var row = client.query("""
                MATCH (q:Qualification {id: $id}) SET q.lockedAt = timestamp()
                WITH q
                RETURN q.version AS version, q.status AS status,
                """ + returns).bindAll(params).fetch().one().filter(WriteLocks::stillThere);
        if (held != null && row.isPresent() && held.qualifications.add(id)) {
            held.order.add("Q " + id);
        }
        return row;
    }

    /** The version and status of a row of {@link #qualification(String, String, Map)}. */
    static Locked locked(Map<String, Object> row) {
        return new Locked(((Number) row.get("version")).longValue(), row.get("status") == null
                ? QualificationStatus.DRAFT : QualificationStatus.valueOf((String) row.get("status")));
    }

    /**
     * Step 1 for a write of many qualifications at once (a workspace restore): locks these qualifications (those that
     * exist) by id ascending in one statement, before any unit.
     */
    void qualifications(Collection<String> ids) {
        var held = held();
        List<String> sorted = List.copyOf(new TreeSet<>(ids));
        if (held != null) {
            sorted = sorted.stream().filter(id -> !held.qualifications.contains(id)).toList();
        }
        if (sorted.isEmpty()) {
            return;
        }
        if (held != null) {
            checkNewQualificationLock(sorted.get(0), "qualifications " + sorted, held);
        }
        List<String> locked = List.copyOf(client.query(
                        "UNWIND $ids AS id MATCH (q:Qualification {id: id}) SET q.lockedAt = timestamp() RETURN q.id")
                .bindAll(Map.of("ids", sorted)).fetchAs(String.class).all().stream().filter(Objects::nonNull).toList());
        if (held != null) {
            locked.stream().filter(held.qualifications::add).forEach(id -> held.order.add("Q " + id));
        }
    }

    /**
     * A qualification lock not yet held ({@code first}: the smallest id of those about to be taken, {@code what}:
     * them, for the message) must come before every unit lock and after every qualification lock held by a smaller id.
     */
    private void checkNewQualificationLock(String first, String what, Held held) {
        if (!held.units.isEmpty()) {
            violation(what + " locked after units " + held.units, held);
        }
        held.qualifications.stream().filter(other -> other.compareTo(first) > 0).findFirst().ifPresent(other ->
                violation("qualification " + first + " locked after qualification " + other, held));
    }

    /**
     * In-process, a node that another transaction deleted while this one waited for its lock is still matched, and
     * reads as having no properties once the lock is granted (the driver's server refused such a read instead). A
     * node gone meanwhile is not locked: it is treated as one that does not exist, as each step's contract says.
     */
    private static boolean stillThere(Map<String, Object> row) {
        return row.get("version") != null;
    }

    /** Step 2: locks these units (those that exist), by id ascending. */
    void units(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        var held = held();
        List<String> sorted = List.copyOf(new TreeSet<>(ids));
        if (held != null) {
            // new locks must all come after the greatest unit lock already held
            sorted = sorted.stream().filter(id -> !held.units.contains(id)).toList();
            if (sorted.isEmpty()) {
                return;
            }
        }
        // UNWIND keeps the list's order, and each row takes its lock before the next row is read
        List<String> locked = List.copyOf(client.query("UNWIND $ids AS id MATCH (u:Unit {id: id}) SET u.lockedAt = timestamp() RETURN u.id")
                .bindAll(Map.of("ids", sorted)).fetchAs(String.class).all().stream().filter(Objects::nonNull).toList());
        if (held != null && !locked.isEmpty()) {
            if (!held.units.isEmpty() && locked.get(0).compareTo(held.units.last()) < 0) {
                violation("unit " + locked.get(0) + " locked after unit " + held.units.last(), held);
            }
            held.units.addAll(locked);
            locked.forEach(id -> held.order.add("U " + id));
        }
    }

    /** The locks this transaction took so far, in order ("Q id", "U id"), for tests of the order. */
    List<String> taken() {
        var held = held();
        return held == null ? List.of() : List.copyOf(held.order);
    }

    private void violation(String what, Held held) {
        String message = "Lock order violated (qualification, then units by id ascending): " + what + "; taken so far "
                + held.order;
        if (strict) {
            throw new IllegalStateException(message);
        }
        log.error(message);
    }

    /** This transaction's record of locks, bound to it and dropped when it ends; null outside a transaction. */
    private Held held() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        var held = (Held) TransactionSynchronizationManager.getResource(this);
        if (held == null) {
            var fresh = new Held();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(WriteLocks.this);
                }
            });
            return fresh;
        }
        return held;
    }
}
