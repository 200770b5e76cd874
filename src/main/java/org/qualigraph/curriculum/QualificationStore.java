package org.qualigraph.curriculum;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.qualigraph.base.graph.Graph;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes qualification documents as a graph with hand-written Cypher. A document is a deep, ordered tree
 * whose units may be shared with other qualifications; mapping it through entity classes would rewrite every
 * relationship on each save, while {@link DocumentWriter} writes only what changed with a few {@code UNWIND}
 * statements and keeps shared units intact. Callers run every method inside one transaction.
 */
@Repository
class QualificationStore {

    /** The Cypher map projection of a unit {@code u}'s own content: outcomes, work-based learning, assessments. */
    private static final String UNIT_CONTENT = """
                    outcomes: [(u)-[ho:HAS_OUTCOME]->(o) | o {.*, position: ho.position,
                      skills: [(o)-[m:MAPS_TO]->(s) | {uri: s.uri, position: m.position}],
                      keyCompetences: [(o)-[k:DEVELOPS_COMPETENCE]->(c) | {code: c.code, position: k.position}]}],
                    periods: [(u)-[hw:HAS_WBL]->(w) | w {.*, position: hw.position,
                      outcomes: [(w)-[s:SERVES]->(o) | {code: o.code, position: s.position}]}],
                    assessments: [(u)-[ha:HAS_ASSESSMENT]->(a) | a {.*, position: ha.position,
                      outcomes: [(a)-[s:ASSESSES]->(o) | {code: o.code, position: s.position}]}]
            """;

    /** How often a read racing commits is tried before the parts that did not verify are labelled older. */
    private static final int READ_ATTEMPTS = 4;

    private static final TypeReference<LinkedHashMap<String, String>> TEXT = new TypeReference<>() {
    };

    private final Graph client;
    private final ObjectMapper json;
    private final DocumentWriter writer;

    QualificationStore(Graph client, ObjectMapper json, WriteLocks locks) {
        this.client = client;
        this.json = json;
        this.writer = new DocumentWriter(client, locks, this);
    }

    Optional<QualificationStatus> status(String id) {
        return client.query("MATCH (q:Qualification {id: $id}) RETURN q.status")
                .bind(id).to("id").fetchAs(String.class).one().map(QualificationStatus::valueOf);
    }

    boolean exists(String id) {
        return client.query("MATCH (q:Qualification {id: $id}) RETURN count(q) > 0").bind(id).to("id")
                .fetchAs(Boolean.class).one().orElse(false);
    }

    /** The id of the qualification this one was derived from, if any. */
    Optional<String> derivedFrom(String id) {
        return client.query("MATCH (:Qualification {id: $id})-[:DERIVED_FROM]->(s:Qualification) RETURN s.id LIMIT 1")
                .bind(id).to("id").fetchAs(String.class).one();
    }

    /**
     * Writes the document as the difference to what is stored ({@link DocumentWriter}): it must carry ids for itself,
     * its units and outcomes, and its version to store. An existing qualification must be locked
     * ({@link WriteLocks#qualification}) by the caller's transaction.
     */
    void write(QualificationDocument doc, String user, boolean created) {
        writer.write(doc, user, created);
    }

    /**
     * Sets the owning partner organisation and the collaborators of a locked (or just created) qualification: plain
     * properties of its node, written only when they change, so a save that leaves them alone writes nothing more.
     */
    void setOwnership(String id, String ownerOrganisation, List<String> collaborators) {
        var params = new HashMap<String, Object>();
        params.put("id", id);
        params.put("owner", ownerOrganisation);
        params.put("collaborators", List.copyOf(collaborators));
        client.query("MATCH (q:Qualification {id: $id}) SET q.ownerOrganisation = $owner, q.collaborators = $collaborators")
                .bindAll(params).runLater();
    }

    /** An update of a locked qualification, given the document read under its lock ({@link #readLocked}). */
    void update(QualificationDocument doc, String user, QualificationDocument previous) {
        writer.write(doc, user, false, previous);
    }

    /**
     * A write ({@code previous} null for a new qualification) whose {@code afterLocks} sees the document once the units
     * it changes are locked, and may replace it ({@link DocumentWriter#write(QualificationDocument, String, boolean,
     * QualificationDocument, DocumentWriter.AfterLocks)}).
     */
    void write(QualificationDocument doc, String user, QualificationDocument previous, DocumentWriter.AfterLocks afterLocks) {
        writer.write(doc, user, previous == null, previous, null, afterLocks);
    }

    /** As {@link #write(QualificationDocument, String, QualificationDocument, DocumentWriter.AfterLocks)} for a save. */
    void update(QualificationDocument doc, String user, SaveState state, DocumentWriter.AfterLocks afterLocks) {
        writer.write(doc, user, false, state.previous(), state.shape(), afterLocks);
    }

    /**
     * What a save starts from, read in the statement that takes the qualification's lock: the committed version and
     * status, the document, the stored shape the writer compares with, and what the save needs to know of the ids and
     * keys the edited copy names: which of its units exist, which unit holds each of its outcomes, and which of its units
     * a frozen qualification holds.
     */
    record SaveState(WriteLocks.Locked locked, QualificationDocument previous, DocumentWriter.Shape shape,
                     Set<String> existingUnits, Map<String, String> outcomeOwners, Map<String, FrozenUnit> frozenUnits) {
    }

    /** Locks the qualification and reads what a save of {@code edited} starts from, in one statement; see {@link SaveState}. */
    @SuppressWarnings("unchecked")
    Optional<SaveState> lockForSave(String id, QualificationDocument edited, WriteLocks locks) {
        List<String> unitIds = edited.units().stream().map(UnitDocument::id).filter(Objects::nonNull).distinct().toList();
        List<String> outcomeIds = edited.units().stream().flatMap(u -> u.outcomes().stream()).map(OutcomeDocument::id)
                .filter(Objects::nonNull).distinct().toList();
        var params = new HashMap<String, Object>();
        params.put("unitIds", unitIds);
        params.put("outcomeIds", outcomeIds);
        params.put("frozen", frozenStatuses());
        return locks.qualification(id, DOCUMENT + ",\n" + DocumentWriter.STORED_SHAPE + """
                  , COLLECT { MATCH (eu:Unit) WHERE eu.id IN $unitIds RETURN eu.id } AS existingUnits,
                  COLLECT { MATCH (ou:Unit)-[:HAS_OUTCOME]->(oo:LearningOutcome) WHERE oo.id IN $outcomeIds
                            RETURN {outcome: oo.id, unit: ou.id} } AS outcomeOwners,
                  COLLECT { MATCH (fq:Qualification)-[:HAS_UNIT]->(u:Unit)
                            WHERE u.id IN $unitIds AND fq.status IN $frozen AND fq.id <> $id
                            WITH u, fq ORDER BY fq.titleSort, fq.id
                            WITH u, collect(fq {.id, .title, .eqfLevel, .type, .status, .version}) AS holders
                            RETURN {unit: u {.*,
                """ + UNIT_CONTENT + """
                              }, holders: holders} } AS frozenUnits
                """, params).map(row -> {
            var owners = new HashMap<String, String>();
            ((List<Map<String, Object>>) row.get("outcomeOwners")).forEach(o -> owners.put((String) o.get("outcome"),
                    (String) o.get("unit")));
            var frozen = new LinkedHashMap<String, FrozenUnit>();
            ((List<Map<String, Object>>) row.get("frozenUnits")).forEach(f -> {
                var unit = toUnit((Map<String, Object>) f.get("unit"));
                frozen.put(unit.id(), new FrozenUnit(unit, ((List<Map<String, Object>>) f.get("holders")).stream()
                        .map(this::summary).toList()));
            });
            return new SaveState(WriteLocks.locked(row), toDocument((Map<String, Object>) row.get("doc")),
                    DocumentWriter.storedShape(row), Set.copyOf((List<String>) row.get("existingUnits")), owners, frozen);
        });
    }

    private static List<String> frozenStatuses() {
        return Arrays.stream(QualificationStatus.values()).filter(status -> !QualificationService.isContentEditable(status))
                .map(Enum::name).toList();
    }

    /** The committed version of the qualification and of each of its units. */
    Optional<QualificationService.Versions> versions(String id) {
        return client.query("""
                MATCH (q:Qualification {id: $id})
                RETURN q.version AS version, [(q)-[:HAS_UNIT]->(u) | {id: u.id, version: coalesce(u.version, 0)}] AS units
                """).bind(id).to("id").fetch().one().map(row -> {
            var units = new HashMap<String, Long>();
            @SuppressWarnings("unchecked")
            var rows = (List<Map<String, Object>>) row.get("units");
            rows.forEach(u -> units.put((String) u.get("id"), ((Number) u.get("version")).longValue()));
            return new QualificationService.Versions(((Number) row.get("version")).longValue(), Map.copyOf(units));
        });
    }

    /** The ids of the units this qualification holds, by id ascending. */
    List<String> unitIds(String id) {
        return List.copyOf(client.query("MATCH (:Qualification {id: $id})-[:HAS_UNIT]->(u:Unit) RETURN u.id ORDER BY u.id")
                .bind(id).to("id").fetchAs(String.class).all());
    }

    /** The ids of the units these qualifications hold, in one statement (an index seek per qualification). */
    List<String> unitIdsOf(Collection<String> ids) {
        return List.copyOf(client.query("""
                UNWIND $ids AS id MATCH (:Qualification {id: id})-[:HAS_UNIT]->(u:Unit) RETURN DISTINCT u.id
                """).bindAll(Map.of("ids", List.copyOf(ids))).fetchAs(String.class).all());
    }

    /** Deletes a locked qualification and the units no other qualification holds. */
    void delete(String id) {
        writer.delete(id);
    }

    /** Which of these unit ids exist already; such units are reused (shared) rather than created. */
    Set<String> existingUnits(Collection<String> ids) {
        return new HashSet<>(client.query("MATCH (u:Unit) WHERE u.id IN $ids RETURN u.id")
                .bind(List.copyOf(ids)).to("ids").fetchAs(String.class).all());
    }

    /** For outcome ids that exist: the id of the unit holding each. */
    Map<String, String> outcomeOwners(Collection<String> ids) {
        var owners = new HashMap<String, String>();
        client.query("MATCH (u:Unit)-[:HAS_OUTCOME]->(o:LearningOutcome) WHERE o.id IN $ids RETURN o.id AS o, u.id AS u")
                .bind(List.copyOf(ids)).to("ids").fetch().all()
                .forEach(row -> owners.put((String) row.get("o"), (String) row.get("u")));
        return owners;
    }

    /**
     * A unit that a qualification with locked content (in review, approved, published or archived) holds: its content as
     * stored, and those qualifications.
     */
    record FrozenUnit(UnitDocument unit, List<QualificationSummary> holders) {
    }

    /**
     * Of the given unit ids, those held by an IN_REVIEW, APPROVED, PUBLISHED or ARCHIVED qualification (one whose
     * content is not the designer's to change, {@link QualificationService#isContentEditable}) other than
     * {@code exclude} (unit id → the unit as stored, without position, mandatory flag or prerequisites, which belong
     * to each holder). One query.
     */
    Map<String, FrozenUnit> frozenUnits(Collection<String> unitIds, String exclude) {
        if (unitIds.isEmpty()) {
            return Map.of();
        }
        var params = new HashMap<String, Object>();
        params.put("ids", List.copyOf(unitIds));
        params.put("exclude", exclude);
        params.put("frozen", Arrays.stream(QualificationStatus.values())
                .filter(status -> !QualificationService.isContentEditable(status)).map(Enum::name).toList());
        var result = new LinkedHashMap<String, FrozenUnit>();
        client.query("""
                MATCH (q:Qualification)-[:HAS_UNIT]->(u:Unit)
                WHERE u.id IN $ids AND q.status IN $frozen AND ($exclude IS NULL OR q.id <> $exclude)
                WITH u, q ORDER BY q.titleSort, q.id
                WITH u, collect(q {.id, .title, .eqfLevel, .type, .status, .version}) AS holders
                RETURN u {.*,
                """ + UNIT_CONTENT + """
                  } AS unit, holders
                """).bindAll(params).fetchAs(FrozenUnit.class)
                .mappedBy(record -> new FrozenUnit(toUnit(record.get("unit").asMap()),
                        record.get("holders").asList(h -> summary(h.asMap()))))
                .all().forEach(frozen -> result.put(frozen.unit().id(), frozen));
        return result;
    }

    /**
     * What of a unit lives on its own nodes, in the form this store writes it: two units with equal content keys are
     * stored identically. Position, mandatory flag and prerequisites are left out: they are kept per qualification
     * (on {@code HAS_UNIT} and on {@code REQUIRES {qualification}}), so they never change another holder of the unit.
     */
    List<Object> contentKey(UnitDocument unit) {
        return Arrays.asList(unit.id(), unit.code(), text(unit.title()), unit.eqfLevel(),
                unit.credits() == null ? null : unit.credits().doubleValue(), unit.hours(),
                unit.deliveryModes().stream().map(Enum::name).toList(),
                unit.outcomes().stream().map(o -> Arrays.asList(o.id(), o.code(), name(o.dimension()), text(o.statement()),
                        o.eqfLevel(), o.skills(), o.keyCompetences().stream().map(Enum::name).toList())).toList(),
                unit.workBasedLearning().stream().map(w -> Arrays.asList(w.code(), w.hours(), name(w.setting()),
                        text(w.description()), w.outcomes())).toList(),
                unit.assessments().stream().map(a -> Arrays.asList(a.code(), name(a.method()), a.weight(), a.outcomes()))
                        .toList());
    }

    /** The other qualifications that hold each unit of the given qualification (unit id → qualification summaries). */
    Map<String, List<QualificationSummary>> sharedUnits(String id) {
        var result = new LinkedHashMap<String, List<QualificationSummary>>();
        client.query("""
                MATCH (:Qualification {id: $id})-[:HAS_UNIT]->(u:Unit)<-[:HAS_UNIT]-(other:Qualification)
                WHERE other.id <> $id
                RETURN u.id AS unit, other.id AS id, other.title AS title, other.eqfLevel AS eqfLevel, other.type AS type,
                       other.status AS status, other.version AS version
                ORDER BY other.titleSort
                """).bind(id).to("id").fetch().all().forEach(row -> result
                .computeIfAbsent((String) row.get("unit"), k -> new ArrayList<>()).add(summary(row)));
        return result;
    }

    /**
     * Units held by qualifications other than {@code excludeQualification} (and not already in it) whose code or
     * title contains the text, ignoring case: rows of unit id and the qualification holding it, at most {@code limit}.
     */
    List<Map<String, Object>> findUnits(String text, String excludeQualification, int limit) {
        var params = new HashMap<String, Object>();
        params.put("text", text == null || text.isBlank() ? null : text.strip().toLowerCase());
        params.put("exclude", excludeQualification);
        params.put("limit", limit);
        return new ArrayList<>(client.query("""
                MATCH (q:Qualification)-[:HAS_UNIT]->(u:Unit)
                WHERE ($exclude IS NULL OR (q.id <> $exclude AND NOT (u)<-[:HAS_UNIT]-(:Qualification {id: $exclude})))
                  AND ($text IS NULL OR toLower(u.code) CONTAINS $text OR u.titleSearch CONTAINS $text)
                RETURN u.id AS unit, q.id AS id, q.title AS title, q.eqfLevel AS eqfLevel, q.type AS type,
                       q.status AS status, q.version AS version
                ORDER BY u.code, q.titleSort, q.id
                LIMIT $limit
                """).bindAll(params).fetch().all());
    }

    QualificationSummary summaryOf(Map<String, Object> row) {
        return summary(row);
    }

    /**
     * The document as committed at one version of the qualification and of each of its units; see {@link #readOnce}.
     */
    Optional<QualificationDocument> read(String id) {
        return readOnce(id, false);
    }

    /**
     * The document, read by a transaction that holds the qualification's lock ({@link WriteLocks#qualification}):
     * no save can commit meanwhile, so one projection is one committed state. The writes the transaction held back
     * run in the same statement, before the read (so a save's answer costs no round trip of its own).
     */
    Optional<QualificationDocument> readLocked(String id) {
        return readOnce(id, true);
    }

    /** The document's projection over a qualification {@code q} (bound to {@code $id}), as the column {@code doc}. */
    private static final String DOCUMENT = """
                q {.*,
                  nqf: [(q)-[r:HAS_NQF_LEVEL]->(n) | {country: n.country, level: n.level, uri: r.uri, position: r.position}],
                  isced: [(q)-[r:CLASSIFIED_AS]->(f) | {code: f.code, position: r.position}],
                  bodies: [(q)-[r:AWARDED_BY]->(o) | {name: o.name, country: o.country, kind: r.kind, position: r.position}],
                  targets: [(q)-[r:TARGETS]->(occ) | {uri: occ.uri, position: r.position}],
                  derivedFrom: head([(q)-[:DERIVED_FROM]->(s) | s.id]),
                  units: [(q)-[hu:HAS_UNIT]->(u) | u {.*, position: hu.position, mandatory: hu.mandatory,
                    prerequisites: [(u)-[r:REQUIRES {qualification: $id}]->(p) | {code: p.code, position: r.position}],
            """ + UNIT_CONTENT + """
                  }]
                } AS doc
            """;

    /** The document of the qualification {@code $id}, as the column {@code doc}. */
    private static final String READ = "MATCH (q:Qualification {id: $id})\nRETURN " + DOCUMENT;

    /**
     * The document as committed at one version of the qualification and of each of its units, in one statement.
     * Neo4j reads committed data record by record, and a commit becomes visible in steps (its created records, then
     * its changed ones, then its deletions): a projection that a save overtakes can pair a new version with old
     * content. A save of this qualification raises its version; a save of a unit it shares, through another
     * qualification, raises only the unit's. A client saving such a copy would pass the version check and write the
     * old content back over the other save (the load benchmark's ledger found that, and {@code ConsistentReadTest}
     * shows it for a shared unit).
     * <p>
     * So each save stores, in the same property as the version, the hash of what it wrote: "version:hash" for the
     * qualification's own part ({@code shapeHash}, followed by the versions the save gave the units it wrote) and a
     * history of them for each unit ({@code contentHashes}, each naming the save that wrote it). A copy is taken when
     * each part hashes to what was stored with the version it carries and the parts are of one save, neither a unit
     * older than its qualification's last save wrote it nor one that a later save of this qualification wrote
     * ({@link DocumentWriter#checkShape}, {@link DocumentWriter#tornUnits}), whatever order the database read it in
     * ({@code ConcurrentWritesTest} found both kinds of mix with the hashes alone). Otherwise it is read again after a
     * short pause (1, 2, 4 ms), which lets a commit being applied finish; should the copy still not verify, the parts
     * that did not are labelled one version older ({@link #olderThanRead}). A copy read twice alike is not taken as
     * committed: on two busy cores a commit's application can stay half visible through two whole reads, and the
     * load benchmark's ledger found an outcome without its skill that way. A qualification with no hash of its
     * version (kept from before hashes, or whose awarding body an organisation's renaming moved; a status change
     * carries the stamp to its new version) is read as {@link #readWithVersionsFirst} does, until its next save.
     */
    @SuppressWarnings("unchecked")
    private Optional<QualificationDocument> readOnce(String id, boolean afterHeldBackWrites) {
        for (int attempt = 1; ; attempt++) {
            var query = client.query(READ).bind(id).to("id");
            // the held-back writes go with the first statement
            var read = (attempt == 1 && afterHeldBackWrites ? query.afterHeldBackWrites() : query).fetch().one();
            if (read.isEmpty()) {
                return Optional.empty();
            }
            var raw = (Map<String, Object>) read.get().get("doc");
            var doc = toDocument(raw);
            var shape = writer.checkShape(doc, raw.get("shapeHash"));
            if (shape == DocumentWriter.Check.UNKNOWN) {
                return readWithVersionsFirst(id);
            }
            var torn = writer.tornUnits(doc, histories(raw));
            if (shape == DocumentWriter.Check.VERIFIED && torn.isEmpty()) {
                return Optional.of(doc);
            }
            if (attempt == READ_ATTEMPTS) {
                return Optional.of(olderThanRead(doc, shape == DocumentWriter.Check.TORN, torn));
            }
            pause(attempt);
        }
    }

    /** Before attempt {@code attempt + 1} of a read that did not verify: 1, 2, 4 ms. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(1L << (attempt - 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Each unit's stored "version:hash" history by id, from a document's projection. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> histories(Map<String, Object> raw) {
        var result = new HashMap<String, List<String>>();
        for (var unit : (List<Map<String, Object>>) raw.get("units")) {
            var hashes = (List<String>) unit.get("contentHashes");
            if (hashes != null) {
                result.put((String) unit.get("id"), hashes);
            }
        }
        return result;
    }

    /**
     * A copy whose reads kept racing commits, with each part that did not verify labelled one version older than read:
     * a save of it is then refused as stale (or the unit kept as stored, when the copy is that older version's
     * content) rather than writing a mix of two versions back.
     */
    private static QualificationDocument olderThanRead(QualificationDocument doc, boolean shapeTorn, Set<String> tornUnits) {
        var units = doc.units().stream()
                .map(u -> tornUnits.contains(u.id()) ? u.withVersion((u.version() == null ? 0 : u.version()) - 1) : u).toList();
        long version = doc.version() == null ? 0 : doc.version();
        return doc.withUnits(units).withIdentity(doc.id(), shapeTorn ? version - 1 : version, doc.status(), doc.derivedFrom());
    }

    /**
     * The read of a qualification with no hash of its version, in two statements: the versions first ({@link #versions},
     * which an open editor polls too), then the projection, taken when the versions in it are those (content read after
     * the versions is at least that new) and its units verify. Otherwise it is read again; should commits keep racing it, the copy carries the versions read
     * first, and units that did not verify one older, so a save of it is refused as stale rather than undoing anything.
     */
    @SuppressWarnings("unchecked")
    private Optional<QualificationDocument> readWithVersionsFirst(String id) {
        for (int attempt = 1; ; attempt++) {
            var before = versions(id);
            if (before.isEmpty()) {
                return Optional.empty();
            }
            var read = client.query(READ).bind(id).to("id").fetch().one();
            if (read.isEmpty()) {
                return Optional.empty();
            }
            var raw = (Map<String, Object>) read.get().get("doc");
            var doc = toDocument(raw);
            var torn = writer.tornUnits(doc, histories(raw));
            if (before.get().equals(versionsOf(doc)) && torn.isEmpty()) {
                return Optional.of(doc);
            }
            if (attempt == READ_ATTEMPTS) {
                return Optional.of(olderThanRead(atVersions(doc, before.get()), false, torn));
            }
            pause(attempt);
        }
    }

    /** The versions the document carries, as {@link #versions} reads them from the graph. */
    private static QualificationService.Versions versionsOf(QualificationDocument doc) {
        var units = new HashMap<String, Long>();
        doc.units().forEach(u -> units.put(u.id(), u.version() == null ? 0L : u.version()));
        return new QualificationService.Versions(doc.version() == null ? 0L : doc.version(), Map.copyOf(units));
    }

    /** The copy labelled with these versions ({@link #versions}), which are not newer than its content. */
    private static QualificationDocument atVersions(QualificationDocument doc, QualificationService.Versions versions) {
        var labelled = doc.units().stream()
                .map(u -> versions.units().containsKey(u.id()) ? u.withVersion(versions.units().get(u.id())) : u).toList();
        return doc.withUnits(labelled).withIdentity(doc.id(), versions.version(), doc.status(), doc.derivedFrom());
    }

    List<QualificationSummary> list(QualificationFilter filter, int offset, int limit) {
        return client.query("""
                MATCH (q:Qualification)
                WHERE ($title IS NULL OR q.titleSearch CONTAINS $title)
                  AND ($eqf IS NULL OR q.eqfLevel = $eqf)
                  AND ($type IS NULL OR q.type = $type)
                  AND ($status IS NULL OR q.status = $status)
                  AND ($partner IS NULL AND $collaborator IS NULL OR toLower(q.ownerOrganisation) = $partner
                       OR $collaborator IN coalesce(q.collaborators, []))
                RETURN q.id AS id, q.title AS title, q.eqfLevel AS eqfLevel, q.type AS type, q.status AS status,
                       q.version AS version
                ORDER BY q.titleSort, q.id
                SKIP $offset LIMIT $limit
                """).bindAll(filterParameters(filter, Map.of("offset", offset, "limit", limit)))
                .fetch().all().stream().map(this::summary).toList();
    }

    long count(QualificationFilter filter) {
        return client.query("""
                MATCH (q:Qualification)
                WHERE ($title IS NULL OR q.titleSearch CONTAINS $title)
                  AND ($eqf IS NULL OR q.eqfLevel = $eqf)
                  AND ($type IS NULL OR q.type = $type)
                  AND ($status IS NULL OR q.status = $status)
                  AND ($partner IS NULL AND $collaborator IS NULL OR toLower(q.ownerOrganisation) = $partner
                       OR $collaborator IN coalesce(q.collaborators, []))
                RETURN count(q)
                """).bindAll(filterParameters(filter, Map.of())).fetchAs(Long.class).one().orElse(0L);
    }

    List<String> owningOrganisations() {
        return List.copyOf(client.query("""
                MATCH (q:Qualification) WHERE q.ownerOrganisation IS NOT NULL
                RETURN DISTINCT q.ownerOrganisation ORDER BY q.ownerOrganisation
                """).fetchAs(String.class).all());
    }

    long countAll() {
        return client.query("MATCH (q:Qualification) RETURN count(q)").fetchAs(Long.class).one().orElse(0L);
    }

    /** The id of the revision made from this qualification, if any. */
    Optional<String> successor(String id) {
        return client.query("MATCH (:Qualification {id: $id})<-[:REVISION_OF]-(n:Qualification) RETURN n.id LIMIT 1")
                .bind(id).to("id").fetchAs(String.class).one();
    }

    /** Links a new revision to its predecessor and numbers it; returns the new revision number. */
    int linkRevision(String id, String previousId) {
        return client.query("""
                MATCH (q:Qualification {id: $id}), (p:Qualification {id: $previous})
                MERGE (q)-[:REVISION_OF]->(p)
                SET q.revision = coalesce(p.revision, 1) + 1
                RETURN q.revision
                """).bindAll(Map.of("id", id, "previous", previousId)).fetchAs(Long.class).one().orElseThrow().intValue();
    }

    /**
     * The edition of each of these qualifications, in one query: a qualification's revision number is its own, so the
     * chain need not be walked. Ids that no longer exist are left out.
     */
    Map<String, Edition> editions(Collection<String> ids) {
        var result = new HashMap<String, Edition>();
        client.query("""
                MATCH (q:Qualification) WHERE q.id IN $ids
                RETURN q.id AS id, coalesce(q.revision, 1) AS revision, q.status AS status
                """).bind(List.copyOf(ids)).to("ids").fetch().all().forEach(row -> {
            var status = QualificationStatus.valueOf((String) row.get("status"));
            result.put((String) row.get("id"), new Edition(((Number) row.get("revision")).intValue(),
                    status == QualificationStatus.PUBLISHED || status == QualificationStatus.ARCHIVED));
        });
        return result;
    }

    List<RevisionInfo> revisions(String id) {
        return client.query("""
                MATCH (q:Qualification {id: $id})-[:REVISION_OF*0..]->(root:Qualification)
                WHERE NOT (root)-[:REVISION_OF]->()
                MATCH (root)<-[:REVISION_OF*0..]-(r:Qualification)
                RETURN r.id AS id, coalesce(r.revision, 1) AS revision, r.status AS status, r.version AS version,
                       head([(r)-[:REVISION_OF]->(p) | p.id]) AS revisionOf, r.createdAt AS createdAt, r.createdBy AS createdBy
                ORDER BY revision
                """).bind(id).to("id").fetch().all().stream().map(row -> new RevisionInfo((String) row.get("id"),
                ((Number) row.get("revision")).intValue(), QualificationStatus.valueOf((String) row.get("status")),
                ((Number) row.get("version")).longValue(), (String) row.get("revisionOf"),
                row.get("createdAt") instanceof java.time.ZonedDateTime at ? at : null, (String) row.get("createdBy"))).toList();
    }

    // ---------------------------------------------------------------- organisations (OrganisationRenaming)

    /** The organisation stored under this key ({@link #organisationKey}): its name and country, if it exists. */
    Optional<Map<String, Object>> organisation(String key) {
        return client.query("MATCH (o:Organisation {key: $key}) RETURN o.name AS name, o.country AS country")
                .bind(key).to("key").fetch().one();
    }

    /** The qualifications awarded by the organisation of this key, by id ascending, with their status. */
    Map<String, QualificationStatus> organisationHolders(String key) {
        var result = new LinkedHashMap<String, QualificationStatus>();
        client.query("""
                MATCH (q:Qualification)-[:AWARDED_BY]->(:Organisation {key: $key})
                RETURN DISTINCT q.id AS id, q.status AS status ORDER BY q.id
                """).bind(key).to("key").fetch().all()
                .forEach(row -> result.put((String) row.get("id"), QualificationStatus.valueOf((String) row.get("status"))));
        return result;
    }

    /** Sets the display name of the organisation of this key (a spelling that keeps the key). */
    void setOrganisationName(String key, String name) {
        client.query("MATCH (o:Organisation {key: $key}) SET o.name = $name").bindAll(Map.of("key", key, "name", name)).run();
    }

    /** Creates the organisation of this key unless it exists. */
    void createOrganisation(String key, String name, String country) {
        client.query("MERGE (o:Organisation {key: $key}) ON CREATE SET o.name = $name, o.country = $country")
                .bindAll(map("key", key, "name", name, "country", country)).run();
    }

    /**
     * Moves a locked qualification's awarding-body link from one organisation to another, keeping the link's
     * properties (position, kind), and raises its version; returns whether it held the link.
     */
    boolean moveAwardingBody(String id, String fromKey, String toKey, long version, String user) {
        long moved = client.query("""
                MATCH (q:Qualification {id: $id})-[r:AWARDED_BY]->(:Organisation {key: $from})
                MATCH (to:Organisation {key: $to})
                CREATE (q)-[n:AWARDED_BY]->(to)
                SET n = properties(r)
                DELETE r
                RETURN count(n)
                """).bindAll(Map.of("id", id, "from", fromKey, "to", toKey)).fetchAs(Long.class).one().orElse(0L);
        if (moved > 0) {
            client.query("""
                    MATCH (q:Qualification {id: $id})
                    SET q.version = $version, q.shapeHash = null, q.updatedAt = datetime(), q.updatedBy = $user
                    """).bindAll(map("id", id, "version", version, "user", user)).run();
        }
        return moved > 0;
    }

    /** Deletes the organisation of this key when nothing links to it any more. */
    void deleteOrganisationIfUnused(String key) {
        client.query("MATCH (o:Organisation {key: $key}) WHERE NOT (o)--() DELETE o").bind(key).to("key").run();
    }

    void setStatus(String id, QualificationStatus status, String user) {
        client.query("""
                MATCH (q:Qualification {id: $id})
                WITH q, toString(q.version) + ':' AS prefix
                SET q.shapeHash = CASE WHEN q.shapeHash STARTS WITH prefix
                                       THEN toString(q.version + 1) + ':' + substring(q.shapeHash, size(prefix)) END,
                    q.status = $status, q.version = q.version + 1, q.updatedAt = datetime(), q.updatedBy = $user
                """).bindAll(map("id", id, "status", status.name(), "user", user)).run();
    }

    /** Advances the workflow stamp (one node, made on first use; its constraint keeps it one). */
    void advanceStatusStamp() {
        client.query("MERGE (s:StatusStamp {id: 'workflow'}) SET s.tick = coalesce(s.tick, 0) + 1").run();
    }

    /** The workflow stamp: 0 before the first status change. */
    long statusStamp() {
        return client.query("OPTIONAL MATCH (s:StatusStamp {id: 'workflow'}) RETURN coalesce(s.tick, 0)")
                .fetchAs(Long.class).one().orElse(0L);
    }

    private Map<String, Object> filterParameters(QualificationFilter filter, Map<String, Object> extra) {
        var params = new HashMap<String, Object>(extra);
        params.put("title", filter.title() == null || filter.title().isBlank() ? null : filter.title().strip().toLowerCase());
        params.put("eqf", filter.eqfLevel());
        params.put("type", name(filter.type()));
        params.put("status", name(filter.status()));
        params.put("partner", filter.partner() == null || filter.partner().isBlank() ? null
                : filter.partner().strip().toLowerCase(java.util.Locale.ROOT));
        params.put("collaborator", filter.collaborator() == null || filter.collaborator().isBlank() ? null
                : filter.collaborator());
        return params;
    }

    private QualificationSummary summary(Map<String, Object> row) {
        return new QualificationSummary((String) row.get("id"), parse((String) row.get("title")), toInt(row.get("eqfLevel")),
                enumOf(QualificationType.class, row.get("type")), enumOf(QualificationStatus.class, row.get("status")),
                row.get("version") == null ? 0 : ((Number) row.get("version")).longValue());
    }

    @SuppressWarnings("unchecked")
    private QualificationDocument toDocument(Map<String, Object> q) {
        List<QualificationDocument.NqfLevel> nqf = sorted((List<Map<String, Object>>) q.get("nqf")).stream()
                .map(n -> new QualificationDocument.NqfLevel((String) n.get("country"), (String) n.get("level"), (String) n.get("uri")))
                .toList();
        List<String> isced = sorted((List<Map<String, Object>>) q.get("isced")).stream().map(f -> (String) f.get("code")).toList();
        List<QualificationDocument.AwardingBody> bodies = sorted((List<Map<String, Object>>) q.get("bodies")).stream()
                .map(b -> new QualificationDocument.AwardingBody((String) b.get("name"), (String) b.get("country"),
                        enumOf(OrganisationKind.class, b.get("kind"))))
                .toList();
        List<String> targets = sorted((List<Map<String, Object>>) q.get("targets")).stream().map(t -> (String) t.get("uri")).toList();
        List<UnitDocument> units = sorted((List<Map<String, Object>>) q.get("units")).stream().map(this::toUnit).toList();
        return new QualificationDocument((String) q.get("id"), ((Number) q.get("version")).longValue(),
                parse((String) q.get("title")), parse((String) q.get("description")),
                enumOf(QualificationType.class, q.get("type")), toInt(q.get("eqfLevel")), nqf, isced,
                enumOf(Ecosystem.class, q.get("ecosystem")), enumOf(CreditSystem.class, q.get("creditSystem")),
                decimal(q.get("credits")), parse((String) q.get("entryRequirements")), bodies, targets,
                (String) q.get("derivedFrom"), enumOf(QualificationStatus.class, q.get("status")), units,
                // never named collaborators (older data, or nobody shared it): null, as documents without the field read
                (String) q.get("ownerOrganisation"), q.get("collaborators") instanceof List<?> names
                        ? names.stream().map(String::valueOf).toList() : null);
    }

    @SuppressWarnings("unchecked")
    private UnitDocument toUnit(Map<String, Object> u) {
        List<OutcomeDocument> outcomes = sorted((List<Map<String, Object>>) u.get("outcomes")).stream()
                .map(o -> new OutcomeDocument((String) o.get("id"), (String) o.get("code"),
                        enumOf(Dimension.class, o.get("dimension")), parse((String) o.get("statement")),
                        toInt(o.get("eqfLevel")),
                        sorted((List<Map<String, Object>>) o.get("skills")).stream().map(s -> (String) s.get("uri")).toList(),
                        codes((List<Map<String, Object>>) o.get("keyCompetences")).stream().map(KeyCompetence::valueOf).toList()))
                .toList();
        List<WorkBasedLearningDocument> periods = sorted((List<Map<String, Object>>) u.get("periods")).stream()
                .map(w -> new WorkBasedLearningDocument((String) w.get("code"), toInt(w.get("hours")),
                        enumOf(WblSetting.class, w.get("setting")), parse((String) w.get("description")),
                        codes((List<Map<String, Object>>) w.get("outcomes"))))
                .toList();
        List<AssessmentDocument> assessments = sorted((List<Map<String, Object>>) u.get("assessments")).stream()
                .map(a -> new AssessmentDocument((String) a.get("code"), enumOf(AssessmentMethod.class, a.get("method")),
                        toInt(a.get("weight")), codes((List<Map<String, Object>>) a.get("outcomes"))))
                .toList();
        List<DeliveryMode> modes = u.get("deliveryModes") == null ? List.of()
                : ((List<String>) u.get("deliveryModes")).stream().map(DeliveryMode::valueOf).toList();
        List<String> prerequisites = codes((List<Map<String, Object>>) u.get("prerequisites"));
        return new UnitDocument((String) u.get("id"), (String) u.get("code"), parse((String) u.get("title")),
                toInt(u.get("eqfLevel")), decimal(u.get("credits")), toInt(u.get("hours")),
                (Boolean) u.get("mandatory"), prerequisites, modes, outcomes, periods, assessments,
                u.get("version") == null ? 0L : ((Number) u.get("version")).longValue());
    }

    private static List<String> codes(List<Map<String, Object>> rows) {
        return sorted(rows).stream().map(r -> (String) r.get("code")).toList();
    }

    private static List<Map<String, Object>> sorted(List<Map<String, Object>> rows) {
        if (rows == null) {
            return List.of();
        }
        return rows.stream().sorted(Comparator.comparingLong(r -> r.get("position") == null ? 0 : ((Number) r.get("position")).longValue()))
                .toList();
    }

    String text(Map<String, String> text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode text", e);
        }
    }

    /** A stored language map (JSON text) as a map. */
    Map<String, String> texts(String text) {
        return parse(text);
    }

    private Map<String, String> parse(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, TEXT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored text is not a language map: " + text, e);
        }
    }

    static String search(Map<String, String> text) {
        return String.join("\n", text.values()).toLowerCase();
    }

    static String organisationKey(QualificationDocument.AwardingBody body) {
        return body.name().strip().toLowerCase() + "|" + (body.country() == null ? "" : body.country());
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        BigDecimal decimal = BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
    }

    private static Integer toInt(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, Object value) {
        return value == null ? null : Enum.valueOf(type, (String) value);
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** A map that, unlike {@code Map.of}, allows null values (Cypher treats them as absent). */
    static Map<String, Object> map(Object... keyValues) {
        var map = new HashMap<String, Object>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
