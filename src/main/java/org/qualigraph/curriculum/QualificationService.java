package org.qualigraph.curriculum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.qualigraph.base.ConflictException;
import org.qualigraph.base.Message;
import org.qualigraph.curriculum.QualificationDocument.AwardingBody;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public face of the curriculum module: qualification documents in and out. Every write is one transaction, so a
 * crash leaves a document as it was before or after, never half-written. Concurrent editors are kept apart by the
 * document version (optimistic locking): a stale write is refused and changes nothing.
 */
@Service
public class QualificationService {

    private final QualificationStore store;
    private final WriteLocks locks;
    private final ApplicationEventPublisher events;
    private final Ownership ownership;

    QualificationService(QualificationStore store, WriteLocks locks, ApplicationEventPublisher events, Ownership ownership) {
        this.store = store;
        this.locks = locks;
        this.events = events;
        this.ownership = ownership;
    }

    /**
     * Why this user may not change the qualification (its content, its deletion, a new revision, submitting it), if
     * they may not: it belongs to another partner organisation that does not name them as collaborator. For views, so
     * they open read-only and say why instead of offering what would be refused.
     */
    @Transactional(readOnly = true)
    public Optional<org.qualigraph.base.Message> changeRefusal(String id, String user) {
        var doc = get(id);
        return ownership.refusal(doc.displayTitle(), doc.ownerOrganisation(), doc.collaborators(), user);
    }

    /** Refuses (403, naming the owner) when this user may not change the qualification; see {@link #changeRefusal}. */
    @Transactional(readOnly = true)
    public void requireMayChange(String id, String user) {
        changeRefusal(id, user).ifPresent(reason -> {
            throw new org.qualigraph.base.AccessRefusal(reason);
        });
    }

    /**
     * Takes the qualification's write lock for the caller's transaction and returns its status as committed: the first
     * step of the lock order ({@code docs/architecture.md}) for writers of other modules that hang records off a
     * qualification (workflow transitions, the governance record), so they never interleave with a save of it. The
     * lock lasts as long as the transaction, so call it from within yours.
     */
    @Transactional
    public QualificationStatus lock(String id) {
        return locks.qualification(id).orElseThrow(() -> new QualificationNotFoundException(id)).status();
    }

    /**
     * Step 1 for a writer of several qualifications at once (publishing also archives the revision before): locks
     * {@code id} and {@code others} by id ascending, the lock order between qualifications, and returns the status of
     * {@code id} as committed.
     */
    @Transactional
    public QualificationStatus lock(String id, java.util.Collection<String> others) {
        var all = new java.util.ArrayList<String>(others);
        all.add(id);
        locks.qualifications(all);
        return lock(id);
    }

    /**
     * Step 2 of the lock order for writers of other modules: locks the units this qualification holds (all of them, or
     * those of {@code unitIds}), by id ascending, for the caller's transaction, after {@link #lock(String)}. A
     * transition into a frozen status takes them so that no save of another qualification sharing a unit can write it
     * between the quality gate's reading and the new status; a review comment on a unit or outcome takes its unit.
     */
    @Transactional
    public void lockUnits(String id, java.util.Collection<String> unitIds) {
        var held = store.unitIds(id);
        locks.units(unitIds == null ? held : held.stream().filter(unitIds::contains).toList());
    }

    @Transactional(readOnly = true)
    public List<QualificationSummary> list(QualificationFilter filter, int offset, int limit) {
        return store.list(filter == null ? QualificationFilter.ALL : filter, Math.max(0, offset), Math.max(0, limit));
    }

    /**
     * "Our qualifications" for this user: the filter narrowed to those their partner organisation owns or that name
     * them as collaborator.
     */
    @Transactional(readOnly = true)
    public QualificationFilter ours(QualificationFilter filter, String user) {
        var base = filter == null ? QualificationFilter.ALL : filter;
        var actor = ownership.actor(user);
        return new QualificationFilter(base.title(), base.eqfLevel(), base.type(), base.status(),
                actor.organisation(), user);
    }

    /** The partner organisations that own qualifications, sorted: the choices of the list's partner filter. */
    @Transactional(readOnly = true)
    public List<String> owningOrganisations() {
        return store.owningOrganisations();
    }

    @Transactional(readOnly = true)
    public long count(QualificationFilter filter) {
        return store.count(filter == null ? QualificationFilter.ALL : filter);
    }

    @Transactional(readOnly = true)
    public long countAll() {
        return store.countAll();
    }

    /** The committed version of a qualification and of each unit it holds (unit id → version): cheap to poll. */
    public record Versions(long version, Map<String, Long> units) {
    }

    /** What an open editor polls to say that the qualification or one of its shared units changed elsewhere. */
    @Transactional(readOnly = true)
    public Optional<Versions> versions(String id) {
        return store.versions(id);
    }

    @Transactional(readOnly = true)
    public QualificationDocument get(String id) {
        return find(id).orElseThrow(() -> new QualificationNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public Optional<QualificationDocument> find(String id) {
        return store.read(id);
    }

    /**
     * Stores a new qualification as a draft. Units given with the id of an existing unit are shared, not copied, unless
     * they differ from a unit that a qualification in review, approved, published or archived holds: then this one gets
     * its own copy.
     */
    @Transactional
    public QualificationDocument create(QualificationDocument doc, String user) {
        requireValid(doc);
        if (doc.status() != null && doc.status() != QualificationStatus.DRAFT) {
            throw new InvalidDocumentException("status", "a new qualification starts as DRAFT; status changes go through transitions");
        }
        return insert(ownership.ownershipOfNew(doc, user, true), null, user, "CREATED");
    }

    /**
     * Replaces the stored document. The given version must be the stored one; the stored version then grows by one.
     * Content may change only in DRAFT and CHANGES_REQUESTED: while a reviewer holds the qualification (IN_REVIEW,
     * APPROVED) it is locked, so an approval always covers exactly the text that gets published; published and
     * archived qualifications change only through a new revision (see {@link #requireEditable}). A changed unit that
     * a locked or frozen qualification shares is copied for this qualification instead of changed (see
     * {@link #sharedUnits}); the {@code UPDATED} event says which units were copied and why.
     */
    @Transactional
    public QualificationDocument update(String id, QualificationDocument doc, String user) {
        requireValid(doc);
        if (doc.version() == null) {
            throw new InvalidDocumentException("version", "the version you edited is required for an update");
        }
        // one statement locks the qualification and reads what the save starts from; a stale copy is refused after it
        var state = store.lockForSave(id, doc, locks).orElseThrow(() -> new QualificationNotFoundException(id));
        long stored = state.locked().version();
        QualificationStatus status = state.locked().status();
        var previous = state.previous();
        // the status comes before the version check: reloading a stale copy would not make a locked qualification editable
        contentLock(id, status, "change").ifPresent(refusal -> {
            throw refusal;
        });
        if (stored != doc.version()) {
            throw stale(id, stored, doc.version());
        }
        if (doc.status() != null && doc.status() != status) {
            throw new InvalidDocumentException("status", "is " + status + "; status changes go through transitions");
        }
        ownership.requireMayChange(previous.displayTitle(), previous.ownerOrganisation(), previous.collaborators(), user);
        doc = ownership.ownershipOfUpdate(doc, previous, user);
        // copy-on-write is decided before the unit locks and checked again under them, so a submit of another holder
        // cannot slip in between (the submit locks its units too)
        var withIds = withIds(doc, state.existingUnits(), state.outcomeOwners());
        var prepared = protectFrozenUnits(withIds.withIdentity(id, stored + 1, status, previous.derivedFrom()),
                state.frozenUnits());
        store.update(prepared.document(), user, state, this::requireNoNewlyFrozen);
        writeOwnershipIfChanged(prepared.document(), previous);
        // the saved document is read back under the locks, in the statement that sends the held-back writes: an answer
        // built from what was written (issue 21 item 2) reported, in a load run with shared units, two acknowledged
        // changes of one unit at one version; what the database holds is the answer
        var saved = store.readLocked(id).orElseThrow();
        events.publishEvent(new QualificationChanged(id, stored + 1, user, "UPDATED", prepared.note(), saved, previous));
        return saved;
    }

    private ConflictException stale(String id, long stored, long yours) {
        return new ConflictException("Qualification " + id + " was changed by someone else (version " + stored + ", yours "
                + yours + "); reload it and apply your change again",
                Message.of("refusal.qualification.stale", titleOf(id), stored, yours), List.of());
    }

    /** The title a refusal names the qualification by (its id when it cannot be read); read on refusal paths only. */
    private String titleOf(String id) {
        return store.read(id).map(QualificationDocument::displayTitle).orElse(id);
    }

    /**
     * Deletes a qualification and the units no other qualification holds. A published one is archived instead; one in
     * review or approved must first go back to the designer (withdraw, or revocation of the approval), so a reviewer's
     * work never disappears underneath them.
     */
    @Transactional
    public void delete(String id, String user) {
        QualificationStatus status = locks.qualification(id).orElseThrow(() -> new QualificationNotFoundException(id)).status();
        var stored = store.readLocked(id).orElseThrow(() -> new QualificationNotFoundException(id));
        ownership.requireMayChange(stored.displayTitle(), stored.ownerOrganisation(), stored.collaborators(), user);
        if (status == QualificationStatus.PUBLISHED) {
            throw new ConflictException("Qualification " + id + " is published; archive it instead of deleting it",
                    Message.of("refusal.qualification.published", stored.displayTitle()), List.of());
        }
        if (status == QualificationStatus.IN_REVIEW || status == QualificationStatus.APPROVED) {
            contentLock(id, status, "be deleted").ifPresent(refusal -> {
                throw refusal;
            });
        }
        store.delete(id);
        events.publishEvent(new QualificationChanged(id, -1, user, "DELETED", null));
    }

    /**
     * Refuses (409) when the qualification's content may not change now, with what to do about it; for writers of
     * content other than {@link #update} (e.g. an import preview) that want to say so before the designer does the
     * work. Content is editable in DRAFT and CHANGES_REQUESTED only.
     */
    @Transactional(readOnly = true)
    public void requireEditable(String id) {
        QualificationStatus status = store.status(id).orElseThrow(() -> new QualificationNotFoundException(id));
        contentLock(id, status, "change").ifPresent(refusal -> {
            throw refusal;
        });
    }

    /** Whether content of a qualification in this status may change: only while the designer holds it. */
    public static boolean isContentEditable(QualificationStatus status) {
        return status == null || status == QualificationStatus.DRAFT || status == QualificationStatus.CHANGES_REQUESTED;
    }

    /**
     * Why the content of a qualification in this status cannot {@code what} ("change", "be deleted"), if it cannot: the
     * API's English and the same sentence as words naming the qualification by its title.
     */
    private Optional<ConflictException> contentLock(String id, QualificationStatus status, String what) {
        String name = "Qualification " + id;
        boolean change = "change".equals(what);
        String reason = switch (status) {
            case IN_REVIEW -> name + " is in review; withdraw it (back to draft) to " + (change ? "edit"
                    : "delete it") + ", or wait for the reviewer's decision";
            case APPROVED -> name + " is approved; a reviewer must revoke the approval (back to changes requested) before"
                    + " it can " + what;
            case PUBLISHED, ARCHIVED -> name + " is " + status + " and cannot change; start a new revision";
            case DRAFT, CHANGES_REQUESTED -> null;
        };
        if (reason == null) {
            return Optional.empty();
        }
        String title = titleOf(id);
        Message words = switch (status) {
            case IN_REVIEW -> Message.of(change ? "refusal.qualification.inReview.change" : "refusal.qualification.inReview.delete", title);
            case APPROVED -> Message.of(change ? "refusal.qualification.approved.change" : "refusal.qualification.approved.delete", title);
            default -> Message.of("refusal.qualification.frozen", title, status);
        };
        return Optional.of(new ConflictException(reason, words, List.of()));
    }

    /** A national variant that copies the core's national data too; see {@link #derive(String, VariantRequest, String)}. */
    @Transactional
    public QualificationDocument derive(String sourceId, Map<String, String> title, String user) {
        return derive(sourceId, VariantRequest.titleOnly(title), user);
    }

    /**
     * A national variant: a full copy of the structure, linked with DERIVED_FROM, free to diverge from its source. The
     * document is transformed before it is stored: with a country given, the variant's national level and awarding
     * bodies are the request's and none of the core's, because a national variant is recognised in its own country
     * only. Bad national data is a 400 naming the request's field ({@code country}, {@code nqfLevel},
     * {@code nqfLevelUri}, {@code awardingBodies[i].name}) and nothing is stored.
     */
    @Transactional
    public QualificationDocument derive(String sourceId, VariantRequest request, String user) {
        // the source first (the lock order): the copy is of one committed state, and DERIVED_FROM finds it held
        locks.qualification(sourceId).orElseThrow(() -> new QualificationNotFoundException(sourceId));
        var source = get(sourceId);
        var spec = request == null ? VariantRequest.titleOnly(null) : request;
        var title = spec.title() == null || spec.title().isEmpty() ? suffixed(source.title(), " (variant)") : spec.title();
        var copy = copyOf(source, title);
        if (spec.replacesNationalData()) {
            copy = withNationalDataOf(copy, spec);
        }
        return insert(ownership.ownershipOfNew(copy, user, false), sourceId, user, "DERIVED");
    }

    /** When and from what this qualification was derived, if it is a national variant whose core still exists. */
    @Transactional(readOnly = true)
    public Optional<Lineage> lineage(String id) {
        if (!store.exists(id)) {
            throw new QualificationNotFoundException(id);
        }
        return store.derivedFrom(id).flatMap(store::read).map(core -> new Lineage(core.id(), core.title(), core.status(),
                store.revisions(id).stream().filter(r -> r.id().equals(id)).findFirst().map(RevisionInfo::createdAt)
                        .orElse(null)));
    }

    /** A variant's source: the core's id, title and status, and when the variant was created from it. */
    public record Lineage(String coreId, Map<String, String> coreTitle, QualificationStatus coreStatus,
                          java.time.ZonedDateTime derivedAt) {

        public String coreDisplayTitle() {
            return Texts.display(coreTitle);
        }
    }

    private static QualificationDocument withNationalDataOf(QualificationDocument copy, VariantRequest spec) {
        String country = spec.country() == null ? null : spec.country().strip().toUpperCase(java.util.Locale.ROOT);
        var problems = new ArrayList<org.qualigraph.base.FieldProblem>();
        if (country == null || country.isEmpty()) {
            problems.add(new org.qualigraph.base.FieldProblem("country",
                    "the country of the variant is required (ISO 3166 alpha-2, e.g. \"AT\")"));
        } else if (!java.util.Set.of(java.util.Locale.getISOCountries()).contains(country)) {
            problems.add(new org.qualigraph.base.FieldProblem("country",
                    "is not an ISO 3166 alpha-2 country code such as \"AT\": \"" + abbreviate(spec.country()) + "\""));
        }
        if (spec.nqfLevel() == null || spec.nqfLevel().isBlank()) {
            problems.add(new org.qualigraph.base.FieldProblem("nqfLevel",
                    "the level of the variant in its national framework is required (e.g. \"4\")"));
        }
        String uri = spec.nqfLevelUri() == null || spec.nqfLevelUri().isBlank() ? null : spec.nqfLevelUri().strip();
        var bodies = new ArrayList<AwardingBody>();
        var given = spec.awardingBodies() == null ? List.<AwardingBody>of() : spec.awardingBodies();
        for (int i = 0; i < given.size(); i++) {
            var body = given.get(i);
            if (body == null || body.name() == null || body.name().isBlank()) {
                problems.add(new org.qualigraph.base.FieldProblem("awardingBodies[" + i + "].name",
                        "the name of the awarding body is required"));
                continue;
            }
            bodies.add(new AwardingBody(body.name().strip(), body.country() == null ? country : body.country(), body.kind()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDocumentException(problems);
        }
        var variant = copy.withNationalData(List.of(new QualificationDocument.NqfLevel(country, spec.nqfLevel().strip(), uri)),
                bodies);
        // the validator names document paths; the caller sent request fields
        var documentProblems = DocumentValidator.validate(variant).stream().map(p -> new org.qualigraph.base.FieldProblem(
                p.field().replace("nqfLevels[0].country", "country").replace("nqfLevels[0].level", "nqfLevel")
                        .replace("nqfLevels[0].uri", "nqfLevelUri"), p.message())).toList();
        if (!documentProblems.isEmpty()) {
            throw new InvalidDocumentException(documentProblems);
        }
        return variant;
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    /** An independent copy with new ids, not linked to its source. */
    @Transactional
    public QualificationDocument duplicate(String sourceId, String user) {
        var source = get(sourceId);
        return insert(ownership.ownershipOfNew(copyOf(source, suffixed(source.title(), " (copy)")), user, false), null,
                user, "DUPLICATED");
    }

    /** The other qualifications that share each unit of this one (unit id → qualifications), for impact warnings. */
    @Transactional(readOnly = true)
    public Map<String, List<QualificationSummary>> sharedUnits(String id) {
        return store.sharedUnits(id);
    }

    /**
     * Units of other qualifications that match a code or title, for reuse: adding a found unit (same id) to this
     * qualification shares it, so an alliance maintains a common unit once. Units this qualification already holds
     * are left out. Each unit comes as the qualification holding it has it.
     */
    @Transactional(readOnly = true)
    public List<UnitMatch> findUnits(String text, String excludeQualificationId, int limit) {
        var rows = store.findUnits(text, excludeQualificationId, Math.max(0, Math.min(limit, 200)));
        var documents = new HashMap<String, QualificationDocument>();
        var matches = new ArrayList<UnitMatch>();
        for (var row : rows) {
            var summary = store.summaryOf(row);
            var document = documents.computeIfAbsent(summary.id(), id -> store.read(id).orElse(null));
            if (document == null) {
                continue;
            }
            document.units().stream().filter(u -> u.id().equals(row.get("unit"))).findFirst()
                    .ifPresent(unit -> matches.add(new UnitMatch(unit, summary)));
        }
        return matches;
    }

    /**
     * A number that moves with every status change, deletion and change of owner or collaborators of a qualification
     * on any instance sharing the database, so that views showing counts by status (the inboxes of the menu) know when to read them again. It
     * is one read of one node: cheap to poll.
     */
    @Transactional(readOnly = true)
    public long statusStamp() {
        return store.statusStamp();
    }

    /** Changes the workflow status; used by the review workflow, which decides whether the transition is allowed. */
    @Transactional
    public void changeStatus(String id, QualificationStatus status, String user) {
        var locked = locks.qualification(id).orElseThrow(() -> new QualificationNotFoundException(id));
        var previous = store.readLocked(id).orElseThrow(() -> new QualificationNotFoundException(id));
        store.setStatus(id, status, user);
        events.publishEvent(new QualificationChanged(id, locked.version() + 1, user, "STATUS", status.name(), null, previous));
    }

    /**
     * Changes who answers for a qualification and who else may change it, without touching its content: so the
     * owner's designers can invite a partner's designer in any status (even while a reviewer holds it, ready for the
     * changes that come back), and the version of an open editor stays valid. The rules of a save apply: only an
     * administrator assigns or moves the owner ({@code null} keeps it, blank removes it), only the owner's designers (or an administrator) choose the
     * collaborators, and collaborators are existing accounts (400 naming the first unknown one).
     */
    @Transactional
    public QualificationDocument changeOwnership(String id, String ownerOrganisation, List<String> collaborators, String user) {
        locks.qualification(id).orElseThrow(() -> new QualificationNotFoundException(id));
        var previous = store.readLocked(id).orElseThrow(() -> new QualificationNotFoundException(id));
        ownership.requireMayChange(previous.displayTitle(), previous.ownerOrganisation(), previous.collaborators(), user);
        var changed = ownership.ownershipOfUpdate(previous.withOwnership(
                ownerOrganisation == null ? previous.ownerOrganisation() : ownerOrganisation, collaborators == null ? List.of() : collaborators),
                previous, user);
        writeOwnershipIfChanged(changed, previous);
        var saved = store.readLocked(id).orElseThrow();
        events.publishEvent(new QualificationChanged(id, saved.version() == null ? 0 : saved.version(), user, "OWNERSHIP",
                (saved.ownerOrganisation() == null ? "no owner" : "owned by " + saved.ownerOrganisation())
                        + "; collaborators: " + (saved.collaborators() == null || saved.collaborators().isEmpty() ? "none"
                        : String.join(", ", saved.collaborators())), saved, previous));
        return saved;
    }

    /**
     * Starts a new revision of a published or archived qualification, which itself never changes again: a DRAFT copy
     * with new ids, linked {@code REVISION_OF} to its predecessor and numbered one higher. Only the latest revision of
     * a chain may be revised, so the chain stays a line that a reader can follow.
     */
    @Transactional
    public QualificationDocument newRevision(String sourceId, String user) {
        locks.qualification(sourceId).orElseThrow(() -> new QualificationNotFoundException(sourceId));
        var source = get(sourceId);
        ownership.requireMayChange(source.displayTitle(), source.ownerOrganisation(), source.collaborators(), user);
        if (source.status() != QualificationStatus.PUBLISHED && source.status() != QualificationStatus.ARCHIVED) {
            throw new ConflictException("Qualification " + sourceId + " is " + source.status()
                    + "; only a published or archived qualification gets a new revision (edit this one directly)",
                    Message.of("refusal.revision.status", source.displayTitle(), source.status()), List.of());
        }
        var successor = store.successor(sourceId);
        if (successor.isPresent()) {
            var newer = store.editions(List.of(successor.get())).get(successor.get());
            throw new ConflictException("Qualification " + sourceId + " already has a newer revision (" + successor.get()
                    + "); revise that one", newer == null ? Message.of("refusal.revision.newer", source.displayTitle())
                    : Message.of("refusal.revision.newerNumbered", source.displayTitle(), newer.revision()), List.of());
        }
        var copy = copyOf(source, source.title());
        requireValid(copy);
        String id = UUID.randomUUID().toString();
        var prepared = withIds(copy).withIdentity(id, 0L, QualificationStatus.DRAFT, source.derivedFrom());
        store.write(prepared, user, true);
        writeOwnershipIfChanged(prepared, null);
        int revision = store.linkRevision(id, sourceId);
        events.publishEvent(new QualificationChanged(id, 0, user, "REVISED", "revision " + revision + " of " + sourceId));
        return store.read(id).orElseThrow();
    }

    /** The edition users see (revision n, or a draft of revision n), for the editor, documents and file names. */
    @Transactional(readOnly = true)
    public Edition edition(String id) {
        return Optional.ofNullable(store.editions(List.of(id)).get(id)).orElseThrow(() -> new QualificationNotFoundException(id));
    }

    /**
     * The editions of a page of the list in one read, instead of one {@link #edition(String)} per row; a qualification
     * deleted meanwhile is simply missing from the map.
     */
    @Transactional(readOnly = true)
    public Map<String, Edition> editions(java.util.Collection<String> ids) {
        return ids.isEmpty() ? Map.of() : store.editions(ids);
    }

    /** The labels a workspace file's curriculum part carries and their keys: what this module owns. */
    private static final Map<String, String> RESTORED_OWN = Map.of("Qualification", "id", "Unit", "id",
            "LearningOutcome", "id", "WorkBasedLearning", "id", "Assessment", "id");
    /**
     * The shared reference nodes a qualification links to, with their keys, in the order every writer creates and
     * removes relationships to them (docs/architecture.md, Locks): never written when they exist.
     */
    private static final List<Map.Entry<String, String>> RESTORED_REFERENCES = List.of(Map.entry("NqfLevel", "key"),
            Map.entry("IscedField", "code"), Map.entry("Organisation", "key"), Map.entry("EscoOccupation", "uri"),
            Map.entry("EscoSkill", "uri"), Map.entry("KeyCompetence", "code"));

    /** The labels {@link #restore} takes from a workspace file. */
    public static Set<String> restoredLabels() {
        var labels = new java.util.HashSet<>(RESTORED_OWN.keySet());
        RESTORED_REFERENCES.forEach(entry -> labels.add(entry.getKey()));
        return Set.copyOf(labels);
    }

    /**
     * Restores the curriculum's part of a workspace file (qualifications with their units, outcomes, periods and
     * assessments exactly as dumped: ids, versions, statuses, revisions, creation times, unit version histories, a
     * variant's baseline) in the caller's transaction, and checks every restored qualification with the validator of
     * a create or save, refusing the whole restore (400 naming node and field) on any problem. The lock order is a
     * save's: the qualifications by id, then their units by id, then the relationships to reference nodes label by
     * label and key by key. Reference nodes (NQF levels, ISCED fields, organisations, ESCO concepts, key competences)
     * are only created when missing; one that exists is linked to as it is. A node of the curriculum that exists
     * already is a conflict (409). Publishes no change events: the audit trail is restored from the file as well.
     */
    @Transactional
    public void restore(org.qualigraph.base.GraphRestore restore) {
        var part = restore.claim(restoredLabels());
        var problems = new ArrayList<org.qualigraph.base.FieldProblem>();
        var keyOf = new HashMap<String, Object>();
        for (var node : part.nodes()) {
            String key = node.labels().stream().map(label -> RESTORED_OWN.get(label)).filter(java.util.Objects::nonNull)
                    .findFirst().orElseGet(() -> RESTORED_REFERENCES.stream().filter(e -> node.has(e.getKey())).findFirst()
                            .map(Map.Entry::getValue).orElseThrow());
            Object value = node.properties().get(key);
            if (!(value instanceof String) || ((String) value).isBlank()) {
                problems.add(new org.qualigraph.base.FieldProblem(node.field() + ".properties." + key,
                        "a " + String.join(":", node.labels()) + " node needs its " + key + " (a text)"));
            }
            keyOf.put(node.ref(), value);
        }
        if (!problems.isEmpty()) {
            throw new org.qualigraph.base.BadInputException(problems);
        }
        var own = part.nodes().stream().filter(node -> node.labels().stream().anyMatch(RESTORED_OWN::containsKey)).toList();
        restore.create(own, RESTORED_OWN);
        var rank = new HashMap<String, Integer>();
        for (int i = 0; i < RESTORED_REFERENCES.size(); i++) {
            var reference = RESTORED_REFERENCES.get(i);
            rank.put(reference.getKey(), i);
            var nodes = part.withLabel(reference.getKey()).stream().filter(node -> !own.contains(node))
                    .sorted(java.util.Comparator.comparing(node -> String.valueOf(keyOf.get(node.ref())))).toList();
            restore.createMissing(nodes, reference.getKey(), reference.getValue());
        }
        // the lock order of a save: qualifications, then units, both by id ascending
        List<String> qualificationIds = part.withLabel("Qualification").stream().map(node -> (String) keyOf.get(node.ref()))
                .sorted().toList();
        locks.qualifications(qualificationIds);
        locks.units(part.withLabel("Unit").stream().map(node -> (String) keyOf.get(node.ref())).toList());
        // then the structure, and last the relationships to reference nodes by label, then key
        var structure = new java.util.TreeMap<String, List<org.qualigraph.base.GraphRestore.Relationship>>();
        var references = new java.util.TreeMap<Integer, java.util.LinkedHashMap<String, List<org.qualigraph.base.GraphRestore.Relationship>>>();
        var ownRefs = own.stream().map(org.qualigraph.base.GraphRestore.Node::ref).collect(java.util.stream.Collectors.toSet());
        for (var entry : part.byType().entrySet()) {
            // a relationship between two reference nodes (an ESCO occupation requiring an ESCO skill) is reference
            // data: it exists with them or comes with their import, and creating it again would double it
            var rels = entry.getValue().stream().filter(rel -> ownRefs.contains(rel.start()) || ownRefs.contains(rel.end())).toList();
            if (rels.isEmpty()) {
                continue;
            }
            entry = Map.entry(entry.getKey(), rels);
            var end = restore.node(entry.getValue().get(0).end()).orElseThrow();
            Integer referenceRank = end.labels().stream().map(rank::get).filter(java.util.Objects::nonNull).findFirst()
                    .orElse(null);
            if (referenceRank == null || own.contains(end)) {
                structure.put(entry.getKey(), entry.getValue());
            } else {
                references.computeIfAbsent(referenceRank, k -> new java.util.LinkedHashMap<>()).put(entry.getKey(),
                        entry.getValue().stream().sorted(java.util.Comparator.comparing(rel -> String.valueOf(keyOf.get(rel.end()))))
                                .toList());
            }
        }
        structure.forEach(restore::link);
        references.values().forEach(types -> types.forEach(restore::link));
        requireValidRestored(part.withLabel("Qualification"), keyOf);
    }

    /** Every restored qualification must be a document a create or save would accept. */
    private void requireValidRestored(List<org.qualigraph.base.GraphRestore.Node> nodes, Map<String, Object> keyOf) {
        var problems = new ArrayList<org.qualigraph.base.FieldProblem>();
        for (var node : nodes) {
            String id = (String) keyOf.get(node.ref());
            QualificationDocument document;
            try {
                document = store.read(id).orElse(null);
            } catch (RuntimeException e) {
                // a property of a type the store does not expect (a number where a text belongs, ...)
                problems.add(new org.qualigraph.base.FieldProblem(node.field(), "qualification " + id
                        + " cannot be read as a document: " + e.getMessage()));
                continue;
            }
            if (document == null) {
                problems.add(new org.qualigraph.base.FieldProblem(node.field(), "qualification " + id + " cannot be read back"));
                continue;
            }
            for (var problem : DocumentValidator.validate(document)) {
                problems.add(new org.qualigraph.base.FieldProblem(node.field() + " (qualification " + id + "): "
                        + problem.field(), problem.message()));
            }
        }
        if (!problems.isEmpty()) {
            throw new org.qualigraph.base.BadInputException(problems);
        }
    }

    /**
     * Step 1 and 2 of the lock order for a writer of another module that writes records of many qualifications at
     * once (a workspace restore): these qualifications by id ascending, then all their units by id ascending.
     */
    @Transactional
    public void lockAll(java.util.Collection<String> ids) {
        locks.qualifications(ids);
        locks.units(store.unitIdsOf(ids));
    }

    /** Every revision of the chain this qualification belongs to, oldest first; a lone qualification is revision 1. */
    @Transactional(readOnly = true)
    public List<RevisionInfo> revisions(String id) {
        if (!store.exists(id)) {
            throw new QualificationNotFoundException(id);
        }
        return store.revisions(id);
    }

    private QualificationDocument insert(QualificationDocument doc, String derivedFrom, String user, String action) {
        requireValid(doc);
        String id = UUID.randomUUID().toString();
        var prepared = protectFrozenUnits(withIds(doc).withIdentity(id, 0L, QualificationStatus.DRAFT, derivedFrom));
        store.write(prepared.document(), user, null, this::requireNoNewlyFrozen);
        writeOwnershipIfChanged(prepared.document(), null);
        String note = prepared.note();
        String detail = derivedFrom == null ? note : note == null ? derivedFrom : derivedFrom + "; " + note;
        var saved = store.read(id).orElseThrow();
        events.publishEvent(new QualificationChanged(id, 0, user, action, detail, saved));
        return saved;
    }

    /**
     * Writes owner and collaborators when they differ from what is stored ({@code previous} null: a new node); returns
     * whether it wrote them.
     */
    private void writeOwnershipIfChanged(QualificationDocument doc, QualificationDocument previous) {
        String owner = doc.ownerOrganisation();
        List<String> collaborators = collaboratorsOf(doc);
        boolean unchanged = previous == null ? owner == null && collaborators.isEmpty()
                : java.util.Objects.equals(owner, previous.ownerOrganisation()) && collaborators.equals(
                        previous.collaborators() == null ? List.of() : previous.collaborators());
        if (!unchanged) {
            store.setOwnership(doc.id(), owner, collaborators);
        }
    }

    private static List<String> collaboratorsOf(QualificationDocument doc) {
        return doc.collaborators() == null ? List.of() : List.copyOf(doc.collaborators());
    }

    /** A document ready to be written, and what copy-on-write did to it (null when nothing was copied). */
    private record Prepared(QualificationDocument document, String note) {
    }

    /**
     * Copy-on-write for units that a qualification in review, approved, published or archived shares: such a
     * qualification must read exactly as the reviewer saw it or as it was approved, so a unit of it that arrives
     * changed (its own content: code, title, level, credits, hours, delivery, outcomes, periods, assessments) gets new
     * ids for itself and its outcomes, and the store writes it as this qualification's own unit while the locked one
     * keeps the old node. An unchanged unit stays shared.
     * Periods and assessments refer to outcomes and prerequisites to units by code and are written anew with the
     * unit, so they follow the copy. Units shared only by editable qualifications stay shared, edits and all.
     */
    private Prepared protectFrozenUnits(QualificationDocument doc) {
        return protectFrozenUnits(doc, (Set<String>) null);
    }

    /**
     * Under the locks of the units a write changes: none of them may be held by a frozen qualification now (with other
     * content). One that is was frozen after the copy-on-write decision, by a submit that committed meanwhile: the
     * write is run again from the start (a transient failure, {@code TransientRetry}), and then copies the unit.
     */
    private void requireNoNewlyFrozen(QualificationDocument doc, Set<String> changedUnits) {
        if (protectFrozenUnits(doc, changedUnits).document() != doc) {
            throw new org.springframework.dao.TransientDataAccessResourceException("a qualification holding a unit this "
                    + "save changes was frozen meanwhile; the save runs again and copies the unit");
        }
    }

    /**
     * As {@link #protectFrozenUnits(QualificationDocument)}, for the units of {@code candidates} only (all when null):
     * the units the write changes, whose locks it holds. A unit left as stored is the frozen holder's too and stays
     * shared.
     */
    private Prepared protectFrozenUnits(QualificationDocument doc, Set<String> candidates) {
        return protectFrozenUnits(doc, store.frozenUnits(doc.units().stream().map(UnitDocument::id)
                .filter(u -> candidates == null || candidates.contains(u)).toList(), doc.id()));
    }

    /** As {@link #protectFrozenUnits(QualificationDocument, Set)}, given the frozen units as read (unit id → unit). */
    private Prepared protectFrozenUnits(QualificationDocument doc, Map<String, QualificationStore.FrozenUnit> frozen) {
        if (frozen.isEmpty()) {
            return new Prepared(doc, null);
        }
        var copied = new java.util.HashSet<String>();
        var releasedOutcomes = new java.util.HashSet<String>();
        var notes = new ArrayList<String>();
        for (var unit : doc.units()) {
            var held = frozen.get(unit.id());
            // a copy read at an older version than the stored unit is decided under the unit's lock: kept as stored
            // when the client left it as read (it stays shared), refused when the client changed it
            boolean stale = unit.version() != null && held != null && held.unit().version() != null
                    && unit.version() < held.unit().version();
            if (held != null && !stale && !store.contentKey(unit).equals(store.contentKey(held.unit()))) {
                copied.add(unit.id());
                held.unit().outcomes().forEach(o -> releasedOutcomes.add(o.id()));
                notes.add(copyNote(unit, held.holders()));
            }
        }
        if (copied.isEmpty()) {
            return new Prepared(doc, null);
        }
        // the frozen unit's outcomes stay with it: wherever they arrive in this document they become new outcomes
        var units = doc.units().stream().map(unit -> {
            boolean copy = copied.contains(unit.id());
            var outcomes = unit.outcomes().stream().map(o -> copy || releasedOutcomes.contains(o.id())
                    ? o.withId(UUID.randomUUID().toString()) : o).toList();
            return (copy ? unit.withId(UUID.randomUUID().toString()).withVersion(null) : unit).withOutcomes(outcomes);
        }).toList();
        return new Prepared(doc.withUnits(units), String.join("; ", notes));
    }

    private static String copyNote(UnitDocument unit, List<QualificationSummary> holders) {
        return "unit " + unit.code() + " was copied because it is part of " + holders.stream()
                .map(h -> switch (h.status()) {
                    case IN_REVIEW -> "qualification \"" + h.displayTitle() + "\" (in review)";
                    case APPROVED -> "approved qualification \"" + h.displayTitle() + "\"";
                    case ARCHIVED -> "archived qualification \"" + h.displayTitle() + "\"";
                    default -> "published qualification \"" + h.displayTitle() + "\"";
                })
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static void requireValid(QualificationDocument doc) {
        var problems = DocumentValidator.validate(doc);
        if (!problems.isEmpty()) {
            throw new InvalidDocumentException(problems);
        }
    }

    /**
     * Gives every unit and outcome an id. A unit id that exists is kept (the unit is shared); an outcome id is kept
     * only when it is new or already belongs to one of this document's units, so no other unit loses an outcome.
     */
    private QualificationDocument withIds(QualificationDocument doc) {
        List<String> givenUnitIds = doc.units().stream().map(UnitDocument::id).filter(java.util.Objects::nonNull).toList();
        List<String> givenOutcomeIds = doc.units().stream().flatMap(u -> u.outcomes().stream()).map(OutcomeDocument::id)
                .filter(java.util.Objects::nonNull).toList();
        return withIds(doc, store.existingUnits(givenUnitIds), store.outcomeOwners(givenOutcomeIds));
    }

    /**
     * As {@link #withIds(QualificationDocument)}, given which of the document's unit ids exist and which unit holds
     * each of its outcome ids that exist.
     */
    private QualificationDocument withIds(QualificationDocument doc, Set<String> existingUnits, Map<String, String> owners) {
        var seenOutcomes = new java.util.HashSet<String>();
        var units = new ArrayList<UnitDocument>();
        var unitIdOf = new HashMap<UnitDocument, String>();
        for (var unit : doc.units()) {
            String unitId = unit.id() != null && (existingUnits.contains(unit.id()) || isUuid(unit.id()))
                    ? unit.id() : UUID.randomUUID().toString();
            unitIdOf.put(unit, unitId);
        }
        Set<String> documentUnitIds = Set.copyOf(unitIdOf.values());
        for (var unit : doc.units()) {
            var outcomes = unit.outcomes().stream().map(o -> {
                String owner = o.id() == null ? null : owners.get(o.id());
                boolean keep = o.id() != null && isUuid(o.id()) && (owner == null || documentUnitIds.contains(owner))
                        && seenOutcomes.add(o.id());
                return keep ? o : o.withId(UUID.randomUUID().toString());
            }).toList();
            // a unit given a new id is a new unit: the version its copy carried belongs to another unit (a copy of a
            // unit that no longer exists keeps its id and version, and the writer refuses it)
            String unitId = unitIdOf.get(unit);
            var withId = unitId.equals(unit.id()) ? unit : unit.withId(unitId).withVersion(null);
            units.add(withId.withOutcomes(outcomes));
        }
        return doc.withUnits(units);
    }

    private static QualificationDocument copyOf(QualificationDocument source, Map<String, String> title) {
        var units = source.units().stream().map(u -> u.withId(null).withVersion(null)
                .withOutcomes(u.outcomes().stream().map(o -> o.withId(null)).toList())).toList();
        return source.withUnits(units).withTitle(title).withIdentity(null, null, QualificationStatus.DRAFT, null);
    }

    private static Map<String, String> suffixed(Map<String, String> title, String suffix) {
        var result = new java.util.LinkedHashMap<String, String>();
        title.forEach((language, text) -> result.put(language, text + suffix));
        return result;
    }

    private static boolean isUuid(String id) {
        try {
            return UUID.fromString(id).toString().equalsIgnoreCase(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
