package org.qualigraph.curriculum;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

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
 */
@Component
class WriteLocks {

    /** What the qualification's lock reveals: its committed version and status, read under the lock. */
    record Locked(long version, QualificationStatus status) {
    }

    private final Neo4jClient client;

    WriteLocks(Neo4jClient client) {
        this.client = client;
    }

    /**
     * Step 1: locks the qualification until the transaction ends. Setting a property takes the node's write lock, so
     * what is read afterwards is the latest committed state.
     */
    Optional<Locked> qualification(String id) {
        return client.query("""
                MATCH (q:Qualification {id: $id}) SET q.lockedAt = timestamp()
                RETURN q.version AS version, q.status AS status
                """).bind(id).to("id").fetch().one().map(row -> new Locked(((Number) row.get("version")).longValue(),
                row.get("status") == null ? QualificationStatus.DRAFT : QualificationStatus.valueOf((String) row.get("status"))));
    }

    /** Step 2: locks these units (those that exist), by id ascending. */
    void units(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> sorted = List.copyOf(new TreeSet<>(ids));
        // UNWIND keeps the list's order, and each row takes its lock before the next row is read
        client.query("UNWIND $ids AS id MATCH (u:Unit {id: id}) SET u.lockedAt = timestamp()")
                .bindAll(Map.of("ids", sorted)).run();
    }
}
