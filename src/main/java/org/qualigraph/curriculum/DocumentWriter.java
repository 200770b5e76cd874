package org.qualigraph.curriculum;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.qualigraph.base.graph.Graph;

/**
 * Writes a qualification document as the difference to what is stored: changed properties, and the nodes and
 * relationships that were added or removed. A title-only save therefore sets properties of the qualification node and
 * nothing else, and a save never rewrites what another qualification shares with it.
 * <p>
 * The order of its writes is the lock order of {@link WriteLocks}: the qualification (locked by the caller), then the
 * units the write changes, by id; then relationships to shared reference nodes one label at a time (NQF level, ISCED
 * field, organisation, ESCO occupation, ESCO skill, key competence), each by key ascending and each key's removal,
 * change and creation together, so that the locks Neo4j takes implicitly on the ends of a relationship follow one
 * order too. Reference nodes are never written: a missing one is created by {@code MERGE} on its uniqueness constraint,
 * with its key (and, for organisations and NQF levels, the identifying fields) only.
 */
final class DocumentWriter {

    /** A kind of relationship to shared reference nodes, written by key ascending. */
    private record RefType(String from, String type, String to, String key) {

        String statement() {
            // one subquery per row, so each key's removal, change and creation run together and in the rows' order
            return """
                    UNWIND $rows AS row
                    CALL (row) {
                      MATCH (from:%1$s {id: row.from})
                      CALL (from, row) {
                        MATCH (from)-[r:%2$s]->(:%3$s {%4$s: row.key}) WHERE row.remove
                        DELETE r
                      }
                      CALL (from, row) {
                        MATCH (from)-[r:%2$s]->(:%3$s {%4$s: row.key}) WHERE row.set IS NOT NULL
                        SET r += row.set
                      }
                      CALL (from, row) {
                        UNWIND row.create AS props
                        MERGE (t:%3$s {%4$s: row.key}) ON CREATE SET t += row.init
                        CREATE (from)-[r:%2$s]->(t)
                        SET r = props
                      }
                    }
                    """.formatted(from, type, to, key);
        }
    }

    private static final RefType NQF = new RefType("Qualification", "HAS_NQF_LEVEL", "NqfLevel", "key");
    private static final RefType ISCED = new RefType("Qualification", "CLASSIFIED_AS", "IscedField", "code");
    private static final RefType BODY = new RefType("Qualification", "AWARDED_BY", "Organisation", "key");
    private static final RefType TARGET = new RefType("Qualification", "TARGETS", "EscoOccupation", "uri");
    private static final RefType SKILL = new RefType("LearningOutcome", "MAPS_TO", "EscoSkill", "uri");
    private static final RefType COMPETENCE = new RefType("LearningOutcome", "DEVELOPS_COMPETENCE", "KeyCompetence", "code");

    private static final List<String> Q_PROPS = List.of("title", "titleSearch", "titleSort", "description", "type",
            "eqfLevel", "ecosystem", "creditSystem", "credits", "entryRequirements", "status");
    private static final List<String> UNIT_PROPS = List.of("code", "title", "titleSearch", "eqfLevel", "credits", "hours",
            "deliveryModes");
    private static final List<String> OUTCOME_PROPS = List.of("code", "dimension", "statement", "statementSearch", "eqfLevel");
    private static final List<String> PERIOD_PROPS = List.of("code", "hours", "setting", "description");
    private static final List<String> ASSESSMENT_PROPS = List.of("code", "method", "weight");

    private final Graph client;
    private final WriteLocks locks;
    private final QualificationStore store;

    DocumentWriter(Graph client, WriteLocks locks, QualificationStore store) {
        this.client = client;
        this.locks = locks;
        this.store = store;
    }

    /** The rows of one document or of the stored graph, in the same shape, so the two compare property by property. */
    record Shape(Map<String, Object> q, Map<RefType, Map<String, List<Map<String, Object>>>> refs,
                         Map<String, Map<String, Object>> hasUnit, Map<String, Map<String, Object>> requires) {
    }

    /**
     * A unit's own content: its properties, outcomes by id, periods and assessments by code; {@code meta} is the stored
     * unit's version record when read from the graph (null for a document's content).
     */
    private record Content(Map<String, Object> props, Map<String, Map<String, Object>> outcomes,
                           Map<String, Map<String, Object>> periods, Map<String, Map<String, Object>> assessments,
                           Meta meta) {

        static final Content EMPTY = new Content(Map.of(), Map.of(), Map.of(), Map.of(), null);
    }

    /**
     * A stored unit's version, the content hashes of its latest versions ("version:hash", oldest first, at most
     * {@link #HASH_HISTORY}; "version:hash@qualification:version" names the save that wrote it), and who changed its
     * content last, through which qualification and when.
     */
    private record Meta(long version, List<String> hashes, String changedBy, String changedIn, Object changedAt) {

        /** The content hash at version {@code v}, or null when the history does not have it. */
        String hashAt(long v) {
            String entry = entryAt(v);
            return entry == null ? null : entry.contains("@") ? entry.substring(0, entry.indexOf('@')) : entry;
        }

        /** The save that wrote version {@code v}: its qualification's id and the version that save gave it. */
        Optional<Map.Entry<String, Long>> writtenAt(long v) {
            String entry = entryAt(v);
            if (entry == null || !entry.contains("@") || entry.lastIndexOf(':') < entry.indexOf('@')) {
                return Optional.empty();
            }
            String by = entry.substring(entry.indexOf('@') + 1);
            return Optional.of(Map.entry(by.substring(0, by.lastIndexOf(':')), Long.parseLong(by.substring(by.lastIndexOf(':') + 1))));
        }

        String entryAt(long v) {
            String prefix = v + ":";
            return hashes.stream().filter(h -> h.startsWith(prefix)).map(h -> h.substring(prefix.length())).findFirst()
                    .orElse(null);
        }
    }

    /**
     * Called once the write holds its unit locks, with the document and the stored units it changes, before anything
     * is written: may refuse the write (e.g. a unit it changes is now held by a frozen qualification).
     */
    interface AfterLocks {
        void check(QualificationDocument doc, Set<String> changedUnits);
    }

    /**
     * Unit copies whose content a read verified, by unit id, version and hash (at most {@link #VERIFIED_UNITS}, the
     * least recently used dropped): with every unit hashed on every read, a GET of the 100 × 10 document took 38.6 ms
     * of application CPU against 22.3 ms without the check (LargeDocumentSaveBenchmark, two runs on different days).
     */
    private final Map<String, UnitDocument> verified = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, UnitDocument> eldest) {
                    return size() > VERIFIED_UNITS;
                }
            });

    static final int VERIFIED_UNITS = 2048;

    /** How many content hashes of its latest versions a unit keeps, to recognise an unchanged stale copy. */
    static final int HASH_HISTORY = 32;

    private static final com.fasterxml.jackson.databind.ObjectMapper CANONICAL = com.fasterxml.jackson.databind.json.JsonMapper
            .builder().configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).build();

    /**
     * Brings the stored qualification to {@code doc}, which carries ids for itself, its units and outcomes and the
     * version to store. For an existing qualification the caller holds its lock ({@link WriteLocks#qualification});
     * a new one is created here, linked to its source when derived (whose lock the caller took first).
     */
    void write(QualificationDocument doc, String user, boolean created) {
        write(doc, user, created, null);
    }

    /**
     * As {@link #write(QualificationDocument, String, boolean)}, given the stored document that the caller read under
     * the qualification's lock: the content of its units is taken from it instead of being read again. Only the units
     * the write changes are read from the graph, under their locks.
     */
    void write(QualificationDocument doc, String user, boolean created, QualificationDocument previous) {
        write(doc, user, created, previous, null);
    }

    /**
     * As {@link #write(QualificationDocument, String, boolean, QualificationDocument)}; {@code afterLocks} (may be
     * null) sees the document once the units it changes are locked, so what it checks of other qualifications' state
     * (a holder frozen meanwhile) cannot be overtaken before the write commits.
     * <p>
     * Unit versions: a unit whose copy says it was read at an older version than the stored one ({@link UnitDocument#version})
     * is kept as stored when the copy equals the unit's content at that version (its content hash in the unit's
     * history), and refused with {@link UnitConflictException} otherwise, before anything is written. Each unit whose
     * content is written gets the next version, its content hash, and who changed it where and when.
     */
    void write(QualificationDocument doc, String user, boolean created, QualificationDocument previous, AfterLocks afterLocks) {
        write(doc, user, created, previous, null, afterLocks);
    }

    /**
     * As {@link #write(QualificationDocument, String, boolean, QualificationDocument, AfterLocks)}, given also the
     * stored shape read under the qualification's lock ({@link #STORED_SHAPE}; null: read it here). The writes are held
     * back ({@link org.qualigraph.base.graph.GraphQuery#runLater()}) and reach the database together, with the
     * transaction's next statement or at its commit.
     */
    void write(QualificationDocument doc, String user, boolean created, QualificationDocument previous, Shape storedShape,
                  AfterLocks afterLocks) {
        String id = doc.id();
        Shape incoming = shapeOf(doc);
        Shape stored = created ? new Shape(Map.of(), Map.of(), Map.of(), Map.of())
                : storedShape != null ? storedShape : storedShape(id);

        Map<String, Content> wanted = new LinkedHashMap<>();
        Map<String, String> outcomeUnit = new HashMap<>();
        Map<String, String> outcomeIdByCode = new HashMap<>();
        doc.units().forEach(u -> u.outcomes().forEach(o -> outcomeIdByCode.putIfAbsent(o.code(), o.id())));
        for (var unit : doc.units()) {
            wanted.put(unit.id(), contentOf(unit, outcomeIdByCode));
            unit.outcomes().forEach(o -> outcomeUnit.put(o.id(), unit.id()));
        }
        Set<String> involved = new TreeSet<>(wanted.keySet());
        involved.addAll(stored.hasUnit().keySet());
        Map<String, Content> current = contentsBefore(involved, previous);

        // the units this write changes: locked by id ascending before anything else is written
        Set<String> lock = new TreeSet<>();
        Set<String> changed = changedUnits(wanted, current);
        lock.addAll(changed);
        diffKeys(stored.hasUnit(), incoming.hasUnit(), true).forEach(lock::add);
        for (String key : diffKeys(stored.requires(), incoming.requires(), false)) {
            var row = incoming.requires().getOrDefault(key, stored.requires().get(key));
            lock.add((String) row.get("from"));
            lock.add((String) row.get("to"));
        }
        for (String unit : changed) {
            var content = wanted.get(unit);
            for (var list : List.of(content.periods().values(), content.assessments().values())) {
                for (var row : list) {
                    for (Object outcome : (List<?>) row.get("outcomes")) {
                        String owner = outcomeUnit.get((String) outcome);
                        if (owner != null) {
                            lock.add(owner);
                        }
                    }
                }
            }
        }
        if (!lock.isEmpty()) {
            locks.units(lock);
            // read again under the locks: another qualification sharing a unit may have changed it meanwhile, and a
            // unit this write adopts may have been deleted by a save that dropped it as its last holder: refused then
            // (409) rather than answered with the unit missing
            var locked = contents(lock);
            // a copy read at version n > 0 of a unit that no longer exists was deleted before this write read it: made
            // again under its old id it would start at version 0, below what other copies of it carry, and their
            // stale saves would then pass the version check; refused like a unit deleted under the locks
            Map<String, Long> claimed = new HashMap<>();
            doc.units().forEach(u -> {
                if (u.id() != null && u.version() != null) {
                    claimed.putIfAbsent(u.id(), u.version());
                }
            });
            var vanished = new ArrayList<String>();
            for (String unit : lock) {
                if (locked.containsKey(unit)) {
                    current.put(unit, locked.get(unit));
                } else if (wanted.containsKey(unit) && (current.containsKey(unit) || claimed.getOrDefault(unit, 0L) > 0)) {
                    vanished.add(unit);
                }
            }
            if (!vanished.isEmpty()) {
                var codes = doc.units().stream().filter(u -> vanished.contains(u.id())).map(UnitDocument::code).toList();
                throw new org.qualigraph.base.ConflictException("Unit " + String.join(", ", codes) + " no longer exists: the "
                        + "last qualification holding it dropped it meanwhile; reload it and add it again, or add it as a new unit");
            }
            changed = changedUnits(wanted, current);
        }
        changed = keepUnchangedStaleCopies(doc, changed, wanted, current);
        if (afterLocks != null) {
            afterLocks.check(doc, Set.copyOf(changed));
        }

        writeQualification(doc, incoming, stored, user, created, writtenVersions(changed, current));
        var newLinks = writeHasUnit(id, stored, incoming);
        writeUnits(changed, wanted, current, newLinks, id, doc.version(), user);
        writeRequires(id, stored, incoming);
        Set<String> orphans = orphans(stored.hasUnit().keySet().stream().filter(u -> !wanted.containsKey(u)).toList());

        // relationships to reference nodes: one label at a time, by key
        for (RefType type : List.of(NQF, ISCED, BODY, TARGET)) {
            var rows = refRows(id, stored.refs().getOrDefault(type, Map.of()), incoming.refs().getOrDefault(type, Map.of()),
                    init(type, doc));
            run(type, rows);
        }
        var skillRows = new ArrayList<Map<String, Object>>();
        var competenceRows = new ArrayList<Map<String, Object>>();
        Set<String> removedOutcomes = new LinkedHashSet<>();
        Map<String, Map<String, Object>> before = new HashMap<>();
        Map<String, Map<String, Object>> after = new HashMap<>();
        for (String unit : changed) {
            current.getOrDefault(unit, Content.EMPTY).outcomes().forEach(before::put);
            after.putAll(wanted.get(unit).outcomes());
        }
        for (String unit : orphans) {
            current.getOrDefault(unit, Content.EMPTY).outcomes().forEach(before::put);
        }
        before.keySet().stream().filter(o -> !after.containsKey(o) && !outcomeUnit.containsKey(o)).forEach(removedOutcomes::add);
        Set<String> outcomes = new TreeSet<>(before.keySet());
        outcomes.addAll(after.keySet());
        for (String outcome : outcomes) {
            var old = before.get(outcome);
            var now = after.get(outcome);
            if (old == null && now == null) {
                continue;
            }
            skillRows.addAll(refRows(outcome, positions(old, "skills"), positions(now, "skills"), key -> Map.of()));
            competenceRows.addAll(refRows(outcome, positions(old, "keyCompetences"), positions(now, "keyCompetences"),
                    key -> Map.of()));
        }
        run(SKILL, skillRows);
        run(COMPETENCE, competenceRows);

        if (!removedOutcomes.isEmpty()) {
            client.query("UNWIND $ids AS id MATCH (o:LearningOutcome {id: id}) DETACH DELETE o")
                    .bindAll(Map.of("ids", List.copyOf(removedOutcomes))).runLater();
        }
        writeParts(changed, wanted, current, "HAS_WBL", "WorkBasedLearning", "SERVES", PERIOD_PROPS, Content::periods);
        writeParts(changed, wanted, current, "HAS_ASSESSMENT", "Assessment", "ASSESSES", ASSESSMENT_PROPS, Content::assessments);
        if (!orphans.isEmpty()) {
            client.query("""
                    UNWIND $ids AS id
                    MATCH (u:Unit {id: id})
                    OPTIONAL MATCH (u)-[:HAS_OUTCOME|HAS_WBL|HAS_ASSESSMENT]->(x)
                    DETACH DELETE x, u
                    """).bindAll(Map.of("ids", List.copyOf(orphans))).runLater();
        }
    }

    /**
     * Deletes a qualification whose lock the caller holds: its relationships to reference nodes by key first (the lock
     * order), then the node, then the units no other qualification holds.
     */
    void delete(String id) {
        Shape stored = storedShape(id);
        locks.units(stored.hasUnit().keySet());
        Map<String, Content> current = contents(stored.hasUnit().keySet());
        client.query("""
                MATCH (:Qualification {id: $id})-[:HAS_UNIT]->(:Unit)-[p:REQUIRES {qualification: $id}]->()
                DELETE p
                """).bind(id).to("id").runLater();
        client.query("MATCH (:Qualification {id: $id})-[r:HAS_UNIT]->() DELETE r").bind(id).to("id").runLater();
        for (RefType type : List.of(NQF, ISCED, BODY, TARGET)) {
            run(type, refRows(id, stored.refs().getOrDefault(type, Map.of()), Map.of(), key -> Map.of()));
        }
        Set<String> orphans = orphans(stored.hasUnit().keySet());
        var skillRows = new ArrayList<Map<String, Object>>();
        var competenceRows = new ArrayList<Map<String, Object>>();
        for (String unit : orphans) {
            current.getOrDefault(unit, Content.EMPTY).outcomes().forEach((outcome, row) -> {
                skillRows.addAll(refRows(outcome, positions(row, "skills"), Map.of(), key -> Map.of()));
                competenceRows.addAll(refRows(outcome, positions(row, "keyCompetences"), Map.of(), key -> Map.of()));
            });
        }
        run(SKILL, skillRows);
        run(COMPETENCE, competenceRows);
        client.query("MATCH (q:Qualification {id: $id}) DETACH DELETE q").bind(id).to("id").runLater();
        if (!orphans.isEmpty()) {
            client.query("""
                    UNWIND $ids AS id
                    MATCH (u:Unit {id: id})
                    OPTIONAL MATCH (u)-[:HAS_OUTCOME|HAS_WBL|HAS_ASSESSMENT]->(x)
                    DETACH DELETE x, u
                    """).bindAll(Map.of("ids", List.copyOf(orphans))).runLater();
        }
    }

    // ---------------------------------------------------------------- the qualification and its units

    /** The version each unit this save writes gets: 0 for a new unit, else one above the stored one. */
    private static Map<String, Long> writtenVersions(Set<String> changed, Map<String, Content> current) {
        var result = new TreeMap<String, Long>();
        for (String unit : changed) {
            var old = current.get(unit);
            result.put(unit, old == null ? 0L : (old.meta() == null ? 0L : old.meta().version()) + 1);
        }
        return result;
    }

    /**
     * The qualification's "version:hash" of its own part, followed by "|unit=version" for each unit the save writes:
     * what a read checks a copy against ({@link #checkShape}).
     */
    private static String shapeStamp(QualificationDocument doc, Shape incoming, Map<String, Long> writtenUnits) {
        var stamp = new StringBuilder().append(doc.version()).append(':').append(hash(incoming));
        writtenUnits.forEach((unit, version) -> stamp.append('|').append(unit).append('=').append(version));
        return stamp.toString();
    }

    private void writeQualification(QualificationDocument doc, Shape incoming, Shape stored, String user, boolean created,
                                    Map<String, Long> writtenUnits) {
        if (created) {
            var props = new HashMap<>(incoming.q());
            props.put("id", doc.id());
            props.put("version", doc.version());
            props.put("shapeHash", shapeStamp(doc, incoming, writtenUnits));
            client.query("""
                    CREATE (q:Qualification {id: $id})
                    SET q += $props, q.createdAt = datetime(), q.createdBy = $user, q.updatedAt = datetime(), q.updatedBy = $user
                    """).bindAll(QualificationStore.map("id", doc.id(), "props", props, "user", user)).runLater();
            if (doc.derivedFrom() != null) {
                client.query("""
                        MATCH (q:Qualification {id: $id}), (source:Qualification {id: $source})
                        MERGE (q)-[:DERIVED_FROM]->(source)
                        """).bindAll(Map.of("id", doc.id(), "source", doc.derivedFrom())).runLater();
            }
            return;
        }
        var changedProps = changedProperties(stored.q(), incoming.q(), Q_PROPS);
        client.query("""
                MATCH (q:Qualification {id: $id})
                SET q += $props, q.version = $version, q.shapeHash = $shapeHash, q.updatedAt = datetime(), q.updatedBy = $user
                """).bindAll(QualificationStore.map("id", doc.id(), "props", changedProps, "version", doc.version(),
                "shapeHash", shapeStamp(doc, incoming, writtenUnits), "user", user)).runLater();
    }

    /** Removes and changes this qualification's unit links; returns the links to create once the units exist. */
    private List<Map<String, Object>> writeHasUnit(String id, Shape stored, Shape incoming) {
        var remove = new ArrayList<String>();
        var create = new ArrayList<Map<String, Object>>();
        var update = new ArrayList<Map<String, Object>>();
        for (var entry : stored.hasUnit().entrySet()) {
            if (!incoming.hasUnit().containsKey(entry.getKey())) {
                remove.add(entry.getKey());
            }
        }
        for (var entry : incoming.hasUnit().entrySet()) {
            var old = stored.hasUnit().get(entry.getKey());
            if (old == null) {
                create.add(entry.getValue());
            } else if (!same(old, entry.getValue())) {
                update.add(entry.getValue());
            }
        }
        if (!remove.isEmpty()) {
            client.query("MATCH (:Qualification {id: $id})-[r:HAS_UNIT]->(u:Unit) WHERE u.id IN $ids DELETE r")
                    .bindAll(Map.of("id", id, "ids", remove)).runLater();
        }
        if (!update.isEmpty()) {
            client.query("""
                    UNWIND $rows AS row
                    MATCH (:Qualification {id: $id})-[r:HAS_UNIT]->(:Unit {id: row.unit})
                    SET r.position = row.position, r.mandatory = row.mandatory
                    """).bindAll(Map.of("id", id, "rows", update)).runLater();
        }
        return create;
    }

    private void writeUnits(Set<String> changed, Map<String, Content> wanted, Map<String, Content> current,
                            List<Map<String, Object>> newLinks, String qualification, long qualificationVersion, String user) {
        var create = new ArrayList<Map<String, Object>>();
        var update = new ArrayList<Map<String, Object>>();
        for (String unit : changed) {
            var now = wanted.get(unit);
            var old = current.get(unit);
            // the hash names the save that wrote it, so that a read can tell a unit newer than its qualification
            String hash = hash(now) + "@" + qualification + ":" + qualificationVersion;
            if (old == null) {
                var props = new HashMap<>(now.props());
                props.put("id", unit);
                props.put("version", 0L);
                props.put("contentHashes", List.of("0:" + hash));
                props.put("changedBy", user);
                props.put("changedIn", qualification);
                create.add(props);
            } else {
                // every content write raises the version, whatever part of the content it changes
                var props = changedProperties(old.props(), now.props(), UNIT_PROPS);
                long version = old.meta() == null ? 0 : old.meta().version();
                var hashes = new ArrayList<>(old.meta() == null ? List.<String>of() : old.meta().hashes());
                if (old.meta() == null || old.meta().hashAt(version) == null) {
                    hashes.add(version + ":" + hash(old));
                }
                hashes.add((version + 1) + ":" + hash);
                props.put("version", version + 1);
                props.put("contentHashes", List.copyOf(hashes.subList(Math.max(0, hashes.size() - HASH_HISTORY), hashes.size())));
                props.put("changedBy", user);
                props.put("changedIn", qualification);
                update.add(Map.of("id", unit, "props", props));
            }
        }
        runRows("UNWIND $rows AS row CREATE (u:Unit) SET u = row, u.changedAt = datetime()", create);
        runRows("UNWIND $rows AS row MATCH (u:Unit {id: row.id}) SET u += row.props, u.changedAt = datetime()", update);
        runRows("""
                    UNWIND $rows AS row
                    MATCH (q:Qualification {id: row.qualification}), (u:Unit {id: row.unit})
                    CREATE (q)-[:HAS_UNIT {position: row.position, mandatory: row.mandatory}]->(u)
                    """, newLinks);
        // outcomes: created, changed, moved between units or re-ordered
        var createOutcomes = new ArrayList<Map<String, Object>>();
        var updateOutcomes = new ArrayList<Map<String, Object>>();
        var relink = new ArrayList<Map<String, Object>>();
        Map<String, String> ownerBefore = new HashMap<>();
        Map<String, Map<String, Object>> before = new HashMap<>();
        current.forEach((unit, content) -> content.outcomes().forEach((outcome, row) -> {
            ownerBefore.put(outcome, unit);
            before.put(outcome, row);
        }));
        for (String unit : changed) {
            for (var entry : wanted.get(unit).outcomes().entrySet()) {
                var now = entry.getValue();
                var old = before.get(entry.getKey());
                if (old == null) {
                    var props = new HashMap<String, Object>();
                    OUTCOME_PROPS.forEach(p -> props.put(p, now.get(p)));
                    props.put("id", entry.getKey());
                    createOutcomes.add(Map.of("unit", unit, "position", now.get("position"), "props", props));
                    continue;
                }
                var props = changedProperties(old, now, OUTCOME_PROPS);
                if (!props.isEmpty()) {
                    updateOutcomes.add(Map.of("id", entry.getKey(), "props", props));
                }
                if (!unit.equals(ownerBefore.get(entry.getKey())) || !Objects.equals(number(old.get("position")),
                        number(now.get("position")))) {
                    relink.add(Map.of("id", entry.getKey(), "unit", unit, "position", now.get("position")));
                }
            }
        }
        runRows("""
                    UNWIND $rows AS row
                    MATCH (u:Unit {id: row.unit})
                    CREATE (u)-[:HAS_OUTCOME {position: row.position}]->(o:LearningOutcome)
                    SET o = row.props
                    """, createOutcomes);
        runRows("UNWIND $rows AS row MATCH (o:LearningOutcome {id: row.id}) SET o += row.props", updateOutcomes);
        runRows("""
                    UNWIND $rows AS row
                    MATCH (o:LearningOutcome {id: row.id}), (u:Unit {id: row.unit})
                    CALL (o, u) {
                      MATCH (other:Unit)-[r:HAS_OUTCOME]->(o) WHERE other <> u
                      DELETE r
                    }
                    MERGE (u)-[r:HAS_OUTCOME]->(o)
                    SET r.position = row.position
                    """, relink);
    }

    private void writeRequires(String id, Shape stored, Shape incoming) {
        var remove = new ArrayList<Map<String, Object>>();
        var create = new ArrayList<Map<String, Object>>();
        for (String key : diffKeys(stored.requires(), incoming.requires(), false)) {
            if (stored.requires().containsKey(key)) {
                remove.add(stored.requires().get(key));
            }
            if (incoming.requires().containsKey(key)) {
                create.add(incoming.requires().get(key));
            }
        }
        if (!remove.isEmpty()) {
            client.query("""
                    UNWIND $rows AS row
                    MATCH (:Unit {id: row.from})-[r:REQUIRES {qualification: $id}]->(:Unit {id: row.to})
                    DELETE r
                    """).bindAll(Map.of("id", id, "rows", remove)).runLater();
        }
        if (!create.isEmpty()) {
            client.query("""
                    UNWIND $rows AS row
                    MATCH (a:Unit {id: row.from}), (b:Unit {id: row.to})
                    CREATE (a)-[:REQUIRES {qualification: $id, position: row.position}]->(b)
                    """).bindAll(Map.of("id", id, "rows", create)).runLater();
        }
    }

    /** Periods or assessments of the changed units, matched by code so they keep their ids across saves. */
    private void writeParts(Set<String> changed, Map<String, Content> wanted, Map<String, Content> current, String has,
                            String label, String link, List<String> names, Function<Content, Map<String, Map<String, Object>>> parts) {
        var remove = new ArrayList<String>();
        var create = new ArrayList<Map<String, Object>>();
        var update = new ArrayList<Map<String, Object>>();
        var relink = new ArrayList<Map<String, Object>>();
        for (String unit : changed) {
            var old = parts.apply(current.getOrDefault(unit, Content.EMPTY));
            var now = parts.apply(wanted.get(unit));
            for (var entry : old.entrySet()) {
                if (!now.containsKey(entry.getKey())) {
                    remove.add((String) entry.getValue().get("id"));
                }
            }
            for (var entry : now.entrySet()) {
                var row = entry.getValue();
                var stored = old.get(entry.getKey());
                if (stored == null) {
                    var props = new HashMap<String, Object>();
                    names.forEach(p -> props.put(p, row.get(p)));
                    props.put("id", UUID.randomUUID().toString());
                    create.add(Map.of("unit", unit, "position", row.get("position"), "props", props,
                            "outcomes", row.get("outcomes")));
                    continue;
                }
                String partId = (String) stored.get("id");
                var props = changedProperties(stored, row, names);
                if (!props.isEmpty() || !Objects.equals(number(stored.get("position")), number(row.get("position")))) {
                    update.add(QualificationStore.map("id", partId, "props", props, "position", row.get("position")));
                }
                if (!Objects.equals(stored.get("outcomes"), row.get("outcomes"))) {
                    relink.add(Map.of("id", partId, "outcomes", row.get("outcomes")));
                }
            }
        }
        if (!remove.isEmpty()) {
            client.query("UNWIND $ids AS id MATCH (x:" + label + " {id: id}) DETACH DELETE x")
                    .bindAll(Map.of("ids", remove)).runLater();
        }
        runRows("""
                    UNWIND $rows AS row
                    MATCH (u:Unit)-[r:%s]->(x:%s {id: row.id})
                    SET x += row.props, r.position = row.position
                    """.formatted(has, label), update);
        runRows("""
                    UNWIND $rows AS row
                    MATCH (x:%1$s {id: row.id})
                    CALL (x) {
                      MATCH (x)-[r:%2$s]->()
                      DELETE r
                    }
                    WITH x, row
                    UNWIND range(0, size(row.outcomes) - 1) AS k
                    MATCH (o:LearningOutcome {id: row.outcomes[k]})
                    CREATE (x)-[:%2$s {position: k}]->(o)
                    """.formatted(label, link), relink);
        runRows("""
                    UNWIND $rows AS row
                    MATCH (u:Unit {id: row.unit})
                    CREATE (u)-[:%1$s {position: row.position}]->(x:%2$s)
                    SET x = row.props
                    WITH x, row
                    UNWIND range(0, size(row.outcomes) - 1) AS k
                    MATCH (o:LearningOutcome {id: row.outcomes[k]})
                    CREATE (x)-[:%3$s {position: k}]->(o)
                    """.formatted(has, label, link), create);
    }

    /** Of these units (no longer held by the written qualification), those no qualification holds any more. */
    private Set<String> orphans(Collection<String> units) {
        if (units.isEmpty()) {
            return Set.of();
        }
        return new TreeSet<>(client.query("UNWIND $ids AS id MATCH (u:Unit {id: id}) WHERE NOT ()-[:HAS_UNIT]->(u) RETURN u.id")
                .bindAll(Map.of("ids", List.copyOf(units))).fetchAs(String.class).all());
    }

    /** Runs one UNWIND statement over {@code $rows}, or nothing when there are no rows. */
    private void runRows(String cypher, List<?> rows) {
        if (!rows.isEmpty()) {
            client.query(cypher).bindAll(Map.of("rows", rows)).runLater();
        }
    }

    // ---------------------------------------------------------------- reference relationships

    private void run(RefType type, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        rows.sort(Comparator.comparing((Map<String, Object> row) -> (String) row.get("key"))
                .thenComparing(row -> (String) row.get("from")));
        client.query(type.statement()).bindAll(Map.of("rows", rows)).runLater();
    }

    /**
     * The rows that bring {@code from}'s relationships of one kind from {@code old} to {@code now} (key → the
     * properties of each relationship to that key): nothing for a key whose relationships stay as they are, a SET of
     * the one relationship whose properties changed, else removal of the old ones and creation of the new ones.
     */
    private static List<Map<String, Object>> refRows(String from, Map<String, List<Map<String, Object>>> old,
                                                     Map<String, List<Map<String, Object>>> now,
                                                     Function<String, Map<String, Object>> init) {
        var rows = new ArrayList<Map<String, Object>>();
        var keys = new TreeSet<>(old.keySet());
        keys.addAll(now.keySet());
        for (String key : keys) {
            var before = old.getOrDefault(key, List.of());
            var after = now.getOrDefault(key, List.of());
            if (sameList(before, after)) {
                continue;
            }
            var row = new HashMap<String, Object>();
            row.put("from", from);
            row.put("key", key);
            row.put("init", init.apply(key));
            if (before.size() == 1 && after.size() == 1) {
                // properties the relationship loses are set to null, which removes them
                var set = new HashMap<String, Object>();
                before.get(0).keySet().forEach(k -> set.put(k, null));
                set.putAll(after.get(0));
                row.put("remove", false);
                row.put("set", set);
                row.put("create", List.of());
            } else {
                row.put("remove", !before.isEmpty());
                row.put("set", null);
                row.put("create", after);
            }
            rows.add(row);
        }
        return rows;
    }

    private static Function<String, Map<String, Object>> init(RefType type, QualificationDocument doc) {
        if (type == NQF) {
            Map<String, Map<String, Object>> byKey = new HashMap<>();
            doc.nqfLevels().forEach(n -> byKey.putIfAbsent(n.country() + "|" + n.level(),
                    QualificationStore.map("country", n.country(), "level", n.level(), "uri", n.uri())));
            return key -> byKey.getOrDefault(key, Map.of());
        }
        if (type == BODY) {
            Map<String, Map<String, Object>> byKey = new HashMap<>();
            doc.awardingBodies().forEach(b -> byKey.putIfAbsent(QualificationStore.organisationKey(b),
                    QualificationStore.map("name", b.name(), "country", b.country())));
            return key -> byKey.getOrDefault(key, Map.of());
        }
        return key -> Map.of();
    }

    /** An outcome's skills or key competences as key → relationship properties ({@code position}). */
    private static Map<String, List<Map<String, Object>>> positions(Map<String, Object> outcome, String field) {
        if (outcome == null) {
            return Map.of();
        }
        var result = new TreeMap<String, List<Map<String, Object>>>();
        @SuppressWarnings("unchecked")
        List<String> keys = (List<String>) outcome.get(field);
        for (int i = 0; i < keys.size(); i++) {
            result.computeIfAbsent(keys.get(i), k -> new ArrayList<>()).add(Map.of("position", (long) i));
        }
        return result;
    }

    // ---------------------------------------------------------------- shapes

    private Shape shapeOf(QualificationDocument doc) {
        var q = new HashMap<String, Object>();
        q.put("title", store.text(doc.title()));
        q.put("titleSearch", QualificationStore.search(doc.title()));
        q.put("titleSort", doc.displayTitle().toLowerCase());
        q.put("description", store.text(doc.description()));
        q.put("type", QualificationStore.name(doc.type()));
        q.put("eqfLevel", doc.eqfLevel());
        q.put("ecosystem", QualificationStore.name(doc.ecosystem()));
        q.put("creditSystem", QualificationStore.name(doc.creditSystem()));
        q.put("credits", doc.credits() == null ? null : doc.credits().doubleValue());
        q.put("entryRequirements", store.text(doc.entryRequirements()));
        q.put("status", QualificationStore.name(doc.status()));
        q.values().removeIf(Objects::isNull);
        var refs = new HashMap<RefType, Map<String, List<Map<String, Object>>>>();
        refs.put(NQF, grouped(doc.nqfLevels(), n -> n.country() + "|" + n.level(),
                (n, i) -> QualificationStore.map("position", i, "uri", n.uri())));
        refs.put(ISCED, grouped(doc.iscedF(), c -> c, (c, i) -> QualificationStore.map("position", i)));
        refs.put(BODY, grouped(doc.awardingBodies(), QualificationStore::organisationKey,
                (b, i) -> QualificationStore.map("position", i, "kind", QualificationStore.name(b.kind()))));
        refs.put(TARGET, grouped(doc.targetOccupations(), t -> t, (t, i) -> QualificationStore.map("position", i)));
        var hasUnit = new LinkedHashMap<String, Map<String, Object>>();
        var requires = new LinkedHashMap<String, Map<String, Object>>();
        Map<String, String> unitIdByCode = new HashMap<>();
        doc.units().forEach(u -> unitIdByCode.putIfAbsent(u.code(), u.id()));
        for (int i = 0; i < doc.units().size(); i++) {
            var unit = doc.units().get(i);
            hasUnit.put(unit.id(), QualificationStore.map("qualification", doc.id(), "unit", unit.id(), "position", i,
                    "mandatory", unit.isMandatory()));
            for (int j = 0; j < unit.prerequisites().size(); j++) {
                String to = unitIdByCode.get(unit.prerequisites().get(j));
                requires.put(unit.id() + ">" + to, QualificationStore.map("from", unit.id(), "to", to, "position", j));
            }
        }
        return new Shape(q, refs, hasUnit, requires);
    }

    private interface Indexed<T> {
        Map<String, Object> apply(T value, int index);
    }

    private static <T> Map<String, List<Map<String, Object>>> grouped(List<T> values, Function<T, String> key, Indexed<T> props) {
        var result = new TreeMap<String, List<Map<String, Object>>>();
        for (int i = 0; i < values.size(); i++) {
            var row = new HashMap<>(props.apply(values.get(i), i));
            row.values().removeIf(Objects::isNull);
            result.computeIfAbsent(key.apply(values.get(i)), k -> new ArrayList<>()).add(row);
        }
        return result;
    }

    /**
     * The {@code RETURN} items over a qualification {@code q} (bound to {@code $id}) that read its stored shape: a save
     * reads them in the statement that takes the qualification's lock ({@link QualificationStore#lockForSave}).
     */
    static final String STORED_SHAPE = """
              q {.*} AS shapeQ,
              [(q)-[r:HAS_NQF_LEVEL]->(n) | {key: n.key, props: r {.*}}] AS nqf,
              [(q)-[r:CLASSIFIED_AS]->(f) | {key: f.code, props: r {.*}}] AS isced,
              [(q)-[r:AWARDED_BY]->(o) | {key: o.key, props: r {.*}}] AS bodies,
              [(q)-[r:TARGETS]->(occ) | {key: occ.uri, props: r {.*}}] AS targets,
              [(q)-[hu:HAS_UNIT]->(u) | {qualification: $id, unit: u.id, position: hu.position, mandatory: hu.mandatory}] AS units,
              [(q)-[:HAS_UNIT]->(u)-[r:REQUIRES {qualification: $id}]->(p) | {from: u.id, to: p.id, position: r.position}] AS requires
            """;

    private Shape storedShape(String id) {
        var row = client.query("MATCH (q:Qualification {id: $id})\nRETURN " + STORED_SHAPE).bind(id).to("id").fetch().one()
                .orElseThrow(() -> new QualificationNotFoundException(id));
        return storedShape(row);
    }

    /** The stored shape from a row with the columns of {@link #STORED_SHAPE}. */
    @SuppressWarnings("unchecked")
    static Shape storedShape(Map<String, Object> row) {
        var refs = new HashMap<RefType, Map<String, List<Map<String, Object>>>>();
        refs.put(NQF, storedRefs((List<Map<String, Object>>) row.get("nqf")));
        refs.put(ISCED, storedRefs((List<Map<String, Object>>) row.get("isced")));
        refs.put(BODY, storedRefs((List<Map<String, Object>>) row.get("bodies")));
        refs.put(TARGET, storedRefs((List<Map<String, Object>>) row.get("targets")));
        var hasUnit = new LinkedHashMap<String, Map<String, Object>>();
        ((List<Map<String, Object>>) row.get("units")).forEach(u -> hasUnit.put((String) u.get("unit"), u));
        var requires = new LinkedHashMap<String, Map<String, Object>>();
        ((List<Map<String, Object>>) row.get("requires")).forEach(r -> requires.put(r.get("from") + ">" + r.get("to"), r));
        return new Shape((Map<String, Object>) row.get("shapeQ"), refs, hasUnit, requires);
    }

    private static Map<String, List<Map<String, Object>>> storedRefs(List<Map<String, Object>> rows) {
        var result = new TreeMap<String, List<Map<String, Object>>>();
        rows.stream().sorted(Comparator.comparingLong(r -> number(((Map<?, ?>) r.get("props")).get("position"))))
                .forEach(r -> {
                    @SuppressWarnings("unchecked")
                    var props = new HashMap<>((Map<String, Object>) r.get("props"));
                    props.values().removeIf(Objects::isNull);
                    result.computeIfAbsent((String) r.get("key"), k -> new ArrayList<>()).add(props);
                });
        return result;
    }

    /** A unit's content as the store writes it; periods and assessments refer to outcomes by the ids of their codes. */
    private Content contentOf(UnitDocument unit, Map<String, String> outcomeIdByCode) {
        var props = QualificationStore.map("code", unit.code(), "title", store.text(unit.title()),
                "titleSearch", QualificationStore.search(unit.title()), "eqfLevel", unit.eqfLevel(),
                "credits", unit.credits() == null ? null : unit.credits().doubleValue(), "hours", unit.hours(),
                "deliveryModes", unit.deliveryModes().stream().map(Enum::name).toList());
        var outcomes = new LinkedHashMap<String, Map<String, Object>>();
        for (int j = 0; j < unit.outcomes().size(); j++) {
            var o = unit.outcomes().get(j);
            outcomes.put(o.id(), QualificationStore.map("id", o.id(), "position", j, "code", o.code(),
                    "dimension", QualificationStore.name(o.dimension()), "statement", store.text(o.statement()),
                    "statementSearch", QualificationStore.search(o.statement()), "eqfLevel", o.eqfLevel(),
                    "skills", List.copyOf(o.skills()), "keyCompetences", o.keyCompetences().stream().map(Enum::name).toList()));
        }
        var periods = new LinkedHashMap<String, Map<String, Object>>();
        for (int j = 0; j < unit.workBasedLearning().size(); j++) {
            var w = unit.workBasedLearning().get(j);
            periods.put(partKey(w.code(), j), QualificationStore.map("position", j, "code", w.code(), "hours", w.hours(),
                    "setting", QualificationStore.name(w.setting()), "description", store.text(w.description()),
                    "outcomes", w.outcomes().stream().map(outcomeIdByCode::get).filter(Objects::nonNull).toList()));
        }
        var assessments = new LinkedHashMap<String, Map<String, Object>>();
        for (int j = 0; j < unit.assessments().size(); j++) {
            var a = unit.assessments().get(j);
            assessments.put(partKey(a.code(), j), QualificationStore.map("position", j, "code", a.code(),
                    "method", QualificationStore.name(a.method()), "weight", a.weight(),
                    "outcomes", a.outcomes().stream().map(outcomeIdByCode::get).filter(Objects::nonNull).toList()));
        }
        return new Content(props, outcomes, periods, assessments, null);
    }

    private static String partKey(String code, int position) {
        return code == null ? "#" + position : code;
    }

    /**
     * The stored content of these units before the write, to find which ones it changes: from {@code previous} (the
     * document read under the qualification's lock) for the units it holds, from the graph for the others. Units found
     * changed are read again from the graph under their locks, which is also where part ids come from.
     */
    private Map<String, Content> contentsBefore(Collection<String> unitIds, QualificationDocument previous) {
        if (previous == null) {
            return contents(unitIds);
        }
        Map<String, String> outcomeIdByCode = new HashMap<>();
        Map<String, UnitDocument> held = new HashMap<>();
        previous.units().forEach(u -> {
            held.putIfAbsent(u.id(), u);
            u.outcomes().forEach(o -> outcomeIdByCode.putIfAbsent(o.code(), o.id()));
        });
        var result = new HashMap<String, Content>();
        var missing = new TreeSet<String>();
        for (String unit : unitIds) {
            if (held.containsKey(unit)) {
                result.put(unit, contentOf(held.get(unit), outcomeIdByCode));
            } else {
                missing.add(unit);
            }
        }
        result.putAll(contents(missing));
        return result;
    }

    /** The stored content of these units, as {@link #contentOf} shapes a document's. */
    @SuppressWarnings("unchecked")
    private Map<String, Content> contents(Collection<String> unitIds) {
        var result = new HashMap<String, Content>();
        if (unitIds.isEmpty()) {
            return result;
        }
        client.query("""
                UNWIND $ids AS uid
                MATCH (u:Unit {id: uid})
                RETURN u.id AS id, u {.code, .title, .titleSearch, .eqfLevel, .credits, .hours, .deliveryModes} AS props,
                  u {version: coalesce(u.version, 0), hashes: coalesce(u.contentHashes, []), .changedBy, .changedIn,
                     .changedAt} AS meta,
                  [(u)-[ho:HAS_OUTCOME]->(o) | o {.id, .code, .dimension, .statement, .statementSearch, .eqfLevel,
                     position: ho.position,
                     skills: [(o)-[m:MAPS_TO]->(s) | {key: s.uri, position: m.position}],
                     keyCompetences: [(o)-[k:DEVELOPS_COMPETENCE]->(c) | {key: c.code, position: k.position}]}] AS outcomes,
                  [(u)-[hw:HAS_WBL]->(w) | w {.id, .code, .hours, .setting, .description, position: hw.position,
                     outcomes: [(w)-[s:SERVES]->(o) | {key: o.id, position: s.position}]}] AS periods,
                  [(u)-[ha:HAS_ASSESSMENT]->(a) | a {.id, .code, .method, .weight, position: ha.position,
                     outcomes: [(a)-[s:ASSESSES]->(o) | {key: o.id, position: s.position}]}] AS assessments
                """).bindAll(Map.of("ids", List.copyOf(unitIds))).fetch().all().forEach(row -> {
            var outcomes = new LinkedHashMap<String, Map<String, Object>>();
            for (var o : (List<Map<String, Object>>) row.get("outcomes")) {
                var copy = new HashMap<>(o);
                copy.put("skills", keys((List<Map<String, Object>>) o.get("skills")));
                copy.put("keyCompetences", keys((List<Map<String, Object>>) o.get("keyCompetences")));
                outcomes.put((String) o.get("id"), copy);
            }
            var meta = (Map<String, Object>) row.get("meta");
            result.put((String) row.get("id"), new Content((Map<String, Object>) row.get("props"), outcomes,
                    parts((List<Map<String, Object>>) row.get("periods")),
                    parts((List<Map<String, Object>>) row.get("assessments")),
                    new Meta(number(meta.get("version")), (List<String>) meta.get("hashes"), (String) meta.get("changedBy"),
                            (String) meta.get("changedIn"), meta.get("changedAt"))));
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> parts(List<Map<String, Object>> rows) {
        var result = new LinkedHashMap<String, Map<String, Object>>();
        rows.stream().sorted(Comparator.comparingLong(r -> number(r.get("position")))).forEach(r -> {
            var copy = new HashMap<>(r);
            copy.put("outcomes", keys((List<Map<String, Object>>) r.get("outcomes")));
            result.put(partKey((String) r.get("code"), (int) number(r.get("position"))), copy);
        });
        return result;
    }

    private static List<String> keys(List<Map<String, Object>> rows) {
        return rows.stream().sorted(Comparator.comparingLong(r -> number(r.get("position"))))
                .map(r -> (String) r.get("key")).toList();
    }

    // ---------------------------------------------------------------- unit versions

    /**
     * Of the units the write changes, those whose copy was read at an older version than the stored unit's: kept as
     * stored (taken out of {@code changed}, their stored content wanted) when the copy equals the content at the
     * version it was read at, else a conflict. Throws {@link UnitConflictException} naming every conflict; returns
     * the units still to write.
     */
    private Set<String> keepUnchangedStaleCopies(QualificationDocument doc, Set<String> changed, Map<String, Content> wanted,
                                                 Map<String, Content> current) {
        Map<String, Long> read = new HashMap<>();
        doc.units().forEach(u -> {
            if (u.version() != null) {
                read.putIfAbsent(u.id(), u.version());
            }
        });
        var result = new TreeSet<>(changed);
        var conflicts = new ArrayList<UnitConflict>();
        for (String unit : changed) {
            var stored = current.get(unit);
            Long version = read.get(unit);
            if (stored == null || stored.meta() == null || version == null || version >= stored.meta().version()) {
                continue;
            }
            String then = stored.meta().hashAt(version);
            if (then != null && then.equals(hash(wanted.get(unit)))) {
                wanted.put(unit, stored);
                result.remove(unit);
            } else {
                var meta = stored.meta();
                conflicts.add(new UnitConflict(unit, (String) stored.props().get("code"), store.texts((String) stored.props().get("title")),
                        meta.version(), meta.changedBy(), meta.changedIn(), iso(meta.changedAt())));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new UnitConflictException(conflicts);
        }
        return result;
    }

    private static String iso(Object at) {
        if (at instanceof java.time.temporal.TemporalAccessor time) {
            return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        }
        return at == null ? null : at.toString();
    }

    // ---------------------------------------------------------------- checking a read

    /** How a read copy compares with the content hash stored with the version it carries. */
    enum Check {
        /** The copy's content is the content written at its version. */
        VERIFIED,
        /** The copy's content is not what was written at the version it carries: a read overtaken by a commit. */
        TORN,
        /** Nothing stored to compare with (written before hashes were kept, or changed by a path that keeps none). */
        UNKNOWN
    }

    /**
     * The qualification's own part of a read copy ({@link Shape}: its properties but the status, references, unit
     * links and prerequisites) against {@code stored}, the stamp each save writes in the same property as the version
     * ({@link #shapeStamp}): "version:hash", then the versions the save gave the units it wrote, which the copy's units
     * must have reached (else the copy pairs this save's qualification with a unit from before it).
     */
    Check checkShape(QualificationDocument doc, Object stored) {
        if (!(stored instanceof String stamp) || doc.version() == null || !stamp.startsWith(doc.version() + ":")) {
            return Check.UNKNOWN;
        }
        String[] parts = stamp.split("\\|");
        if (!parts[0].substring(parts[0].indexOf(':') + 1).equals(hash(shapeOf(doc)))) {
            return Check.TORN;
        }
        Map<String, Long> read = new HashMap<>();
        doc.units().forEach(u -> read.putIfAbsent(u.id(), u.version() == null ? 0L : u.version()));
        for (int i = 1; i < parts.length; i++) {
            int at = parts[i].lastIndexOf('=');
            Long version = read.get(parts[i].substring(0, at));
            if (version != null && version < Long.parseLong(parts[i].substring(at + 1))) {
                return Check.TORN;
            }
        }
        return Check.VERIFIED;
    }

    /**
     * The units of a read copy whose content is not the content written at the version the copy carries, given each
     * unit's stored "version:hash" history by id, or that a save of this qualification wrote at a version of it newer
     * than the copy's (a unit from after the qualification's part). A unit with no history (written before hashes were
     * kept) is not checked; one whose history lacks its version (the version read ahead of the history) counts as torn.
     */
    Set<String> tornUnits(QualificationDocument doc, Map<String, List<String>> histories) {
        // built only when a unit is hashed: a read whose every unit copy is remembered as verified needs none
        Map<String, String> outcomeIdByCode = new HashMap<>();
        var torn = new TreeSet<String>();
        for (var unit : doc.units()) {
            var history = histories.getOrDefault(unit.id(), List.of());
            if (history.isEmpty() || torn.contains(unit.id())) {
                continue;
            }
            long version = unit.version() == null ? 0 : unit.version();
            var meta = new Meta(version, history, null, null, null);
            String then = meta.hashAt(version);
            boolean newerSave = meta.writtenAt(version).filter(by -> by.getKey().equals(doc.id())
                    && doc.version() != null && by.getValue() > doc.version()).isPresent();
            if (then == null || newerSave) {
                torn.add(unit.id());
                continue;
            }
            // a copy equal to one already verified at this version and hash is verified too, at the cost of a comparison
            String key = unit.id() + '\n' + version + ':' + meta.entryAt(version);
            if (unit.equals(verified.get(key))) {
                continue;
            }
            if (outcomeIdByCode.isEmpty()) {
                doc.units().forEach(u -> u.outcomes().forEach(o -> outcomeIdByCode.putIfAbsent(o.code(), o.id())));
            }
            if (then.equals(hash(contentOf(unit, outcomeIdByCode)))) {
                verified.put(key, unit);
            } else {
                torn.add(unit.id());
            }
        }
        return torn;
    }

    /** The hash of a qualification's own part ({@link #shapeOf}) but its status, in a canonical form. */
    private static String hash(Shape shape) {
        var canonical = new TreeMap<String, Object>();
        // not the status, which a save takes from the stored qualification and a status change raises the version for
        var q = new HashMap<>(shape.q());
        q.remove("status");
        canonical.put("q", canonical(q));
        var refs = new TreeMap<String, Object>();
        shape.refs().forEach((type, rows) -> refs.put(type.type(), canonical(rows)));
        canonical.put("refs", refs);
        canonical.put("hasUnit", canonical(shape.hasUnit()));
        canonical.put("requires", canonical(shape.requires()));
        return digest(canonical);
    }

    /** Maps sorted by key and numbers as {@link #normal} compares them, all the way down. */
    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            var result = new TreeMap<String, Object>();
            map.forEach((key, v) -> {
                Object c = canonical(v);
                if (c != null) {
                    result.put(String.valueOf(key), c);
                }
            });
            return result;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DocumentWriter::canonical).toList();
        }
        return normal(value);
    }

    private static String digest(Object canonical) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(CANONICAL.writeValueAsBytes(canonical));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot hash content", e);
        }
    }

    /**
     * The hash of a unit's own content in the canonical form the comparisons use ({@link #sameContent}): equal
     * contents, whether from a document or from the graph, hash alike.
     */
    private static String hash(Content content) {
        var canonical = new TreeMap<String, Object>();
        canonical.put("unit", pick(content.props(), UNIT_PROPS));
        canonical.put("outcomes", pickRows(content.outcomes(), OUTCOME_PROPS, List.of("position", "skills", "keyCompetences")));
        canonical.put("periods", pickRows(content.periods(), PERIOD_PROPS, List.of("position", "outcomes")));
        canonical.put("assessments", pickRows(content.assessments(), ASSESSMENT_PROPS, List.of("position", "outcomes")));
        return digest(canonical);
    }

    private static Map<String, Object> pick(Map<String, Object> row, List<String> names) {
        var result = new TreeMap<String, Object>();
        for (String name : names) {
            Object value = normal(row.get(name));
            if (value != null) {
                result.put(name, value);
            }
        }
        return result;
    }

    private static Map<String, Object> pickRows(Map<String, Map<String, Object>> rows, List<String> props, List<String> more) {
        var names = new ArrayList<>(props);
        names.addAll(more);
        var result = new TreeMap<String, Object>();
        rows.forEach((key, row) -> result.put(key, pick(row, names)));
        return result;
    }

    // ---------------------------------------------------------------- comparing

    /** Units of the document whose own content differs from what is stored (or that do not exist yet). */
    private static Set<String> changedUnits(Map<String, Content> wanted, Map<String, Content> current) {
        var changed = new TreeSet<String>();
        wanted.forEach((unit, content) -> {
            var stored = current.get(unit);
            if (stored == null || !sameContent(stored, content)) {
                changed.add(unit);
            }
        });
        return changed;
    }

    private static boolean sameContent(Content a, Content b) {
        return same(a.props(), b.props(), UNIT_PROPS)
                && sameRows(a.outcomes(), b.outcomes(), OUTCOME_PROPS, List.of("position", "skills", "keyCompetences"))
                && sameRows(a.periods(), b.periods(), PERIOD_PROPS, List.of("position", "outcomes"))
                && sameRows(a.assessments(), b.assessments(), ASSESSMENT_PROPS, List.of("position", "outcomes"));
    }

    private static boolean sameRows(Map<String, Map<String, Object>> a, Map<String, Map<String, Object>> b,
                                    List<String> props, List<String> more) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (var entry : a.entrySet()) {
            var other = b.get(entry.getKey());
            if (!same(entry.getValue(), other, props) || !same(entry.getValue(), other, more)) {
                return false;
            }
        }
        return true;
    }

    /** Keys of rows added, removed or (when {@code changes}) changed between two keyed row sets. */
    private static Set<String> diffKeys(Map<String, Map<String, Object>> before, Map<String, Map<String, Object>> after,
                                        boolean endpointsOnly) {
        var keys = new TreeSet<String>();
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(keys::add);
        after.keySet().stream().filter(k -> !before.containsKey(k)).forEach(keys::add);
        if (!endpointsOnly) {
            after.forEach((k, row) -> {
                if (before.containsKey(k) && !same(before.get(k), row)) {
                    keys.add(k);
                }
            });
        }
        return keys;
    }

    private static Map<String, Object> changedProperties(Map<String, Object> stored, Map<String, Object> wanted,
                                                         List<String> names) {
        var changed = new HashMap<String, Object>();
        for (String name : names) {
            if (!Objects.equals(normal(stored.get(name)), normal(wanted.get(name)))) {
                changed.put(name, wanted.get(name));
            }
        }
        return changed;
    }

    private static boolean same(Map<String, Object> a, Map<String, Object> b, List<String> names) {
        return changedProperties(a, b, names).isEmpty();
    }

    private static boolean same(Map<String, Object> a, Map<String, Object> b) {
        var names = new HashSet<>(a.keySet());
        names.addAll(b.keySet());
        return same(a, b, List.copyOf(names));
    }

    private static boolean sameList(List<Map<String, Object>> a, List<Map<String, Object>> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whole numbers compare as longs (the driver returns longs for what was written as ints), lists element-wise. */
    private static Object normal(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : list.stream().map(DocumentWriter::normal).toList();
        }
        return value;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
