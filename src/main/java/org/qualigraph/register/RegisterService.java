package org.qualigraph.register;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.qualigraph.curriculum.PersistentIdentifiers;
import org.qualigraph.curriculum.QualificationChanged;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationFilter;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationStatus;
import org.qualigraph.curriculum.QualificationSummary;
import org.qualigraph.exchange.EuropassFiles;
import org.qualigraph.quality.ReviewRecord;
import org.qualigraph.quality.ReviewWorkflowService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The published qualifications as the public sees them, held as one immutable {@link Snapshot}: their documents, the
 * register-wide files (the QDR dataset, the catalogue, the skills table) and the RDF the SPARQL endpoint queries.
 * Requests are answered from the snapshot; the database is asked only whether the published set changed, at most
 * once per {@code qualigraph.register.recheck} (a cheap list of ids and versions), and the snapshot is rebuilt when it
 * did. A publication or archiving on this instance marks it stale at once ({@link QualificationChanged}); other
 * instances see it at their next recheck, so any instance answers and none serves an outdated register for long.
 * Only PUBLISHED and ARCHIVED qualifications ever enter it.
 */
@Service
public class RegisterService {

    private static final Logger log = LoggerFactory.getLogger(RegisterService.class);
    private static final int MAX_QUALIFICATIONS = 100_000;

    private final QualificationService qualifications;
    private final ReviewWorkflowService workflow;
    private final EuropassFiles files;
    private final PersistentIdentifiers identifiers;
    private final RegisterProperties properties;
    private final CatalogBuilder catalog;
    private final SkillsTable skills;
    private final Clock clock;

    private volatile Snapshot current;
    private volatile Instant checkedAt = Instant.EPOCH;
    private volatile boolean stale = true;

    RegisterService(QualificationService qualifications, ReviewWorkflowService workflow, EuropassFiles files,
                    PersistentIdentifiers identifiers, RegisterProperties properties, CatalogBuilder catalog,
                    SkillsTable skills) {
        this.qualifications = qualifications;
        this.workflow = workflow;
        this.files = files;
        this.identifiers = identifiers;
        this.properties = properties;
        this.catalog = catalog;
        this.skills = skills;
        this.clock = Clock.systemUTC();
    }

    /** A file as served: bytes, media type, a strong ETag of the bytes and the time its content last changed. */
    public record Rendition(byte[] bytes, String mediaType, String etag, Instant lastModified) {

        static Rendition of(byte[] bytes, String mediaType, Instant lastModified) {
            return new Rendition(bytes, mediaType, RegisterService.etag(bytes), lastModified);
        }
    }

    /** One public qualification: its frozen document, status and when it became what it is. */
    public static final class Entry {
        private final QualificationDocument document;
        private final Instant modified;
        private final String identifier;
        private final Map<String, Rendition> renditions = new ConcurrentHashMap<>();

        Entry(QualificationDocument document, Instant modified, String identifier) {
            this.document = document;
            this.modified = modified;
            this.identifier = identifier;
        }

        public QualificationDocument document() {
            return document;
        }

        public Instant modified() {
            return modified;
        }

        public String identifier() {
            return identifier;
        }

        public boolean archived() {
            return document.status() == QualificationStatus.ARCHIVED;
        }

        Rendition rendition(String key, Supplier<Rendition> make) {
            return renditions.computeIfAbsent(key, k -> make.get());
        }
    }

    /** Everything public at one moment. {@code published} excludes archived qualifications, {@code all} has both. */
    public record Snapshot(String key, String base, Map<String, Entry> all, List<Entry> published, Instant lastModified,
                           Rendition loqXml, Rendition skillsCsv, Model catalog, Model rdf, Map<String, Rendition> cache) {

        public Optional<Entry> find(String id) {
            return Optional.ofNullable(id == null ? null : all.get(id));
        }

        /** A register-wide file made once per snapshot (the catalogue in a syntax). */
        public Rendition rendition(String key, Supplier<Rendition> make) {
            return cache.computeIfAbsent(key, k -> make.get());
        }
    }

    /** The snapshot in force, rebuilt first if the published set changed. */
    public Snapshot snapshot() {
        Snapshot snapshot = current;
        Instant now = clock.instant();
        if (snapshot != null && !stale && now.isBefore(checkedAt.plus(properties.recheck()))) {
            return snapshot;
        }
        synchronized (this) {
            snapshot = current;
            if (snapshot != null && !stale && clock.instant().isBefore(checkedAt.plus(properties.recheck()))) {
                return snapshot;
            }
            stale = false;
            List<QualificationSummary> rows = publicRows();
            String base = identifiers.base();
            String key = key(base, rows);
            if (snapshot == null || !snapshot.key().equals(key)) {
                long started = System.nanoTime();
                snapshot = build(key, base, rows);
                current = snapshot;
                log.info("Public register rebuilt: {} published, {} archived qualifications in {} ms",
                        snapshot.published().size(), snapshot.all().size() - snapshot.published().size(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            checkedAt = clock.instant();
            return snapshot;
        }
    }

    /** Forgets the snapshot's freshness, so the next request checks the database (tests, administrators). */
    public void refresh() {
        stale = true;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(QualificationChanged event) {
        if ("STATUS".equals(event.action()) || "DELETED".equals(event.action())) {
            stale = true;
        }
    }

    public Optional<Entry> find(String id) {
        return snapshot().find(id);
    }

    private List<QualificationSummary> publicRows() {
        var rows = new ArrayList<QualificationSummary>();
        for (QualificationStatus status : List.of(QualificationStatus.PUBLISHED, QualificationStatus.ARCHIVED)) {
            rows.addAll(qualifications.list(new QualificationFilter(null, null, null, status), 0, MAX_QUALIFICATIONS));
        }
        rows.sort(Comparator.comparing(QualificationSummary::id));
        return rows;
    }

    private static String key(String base, List<QualificationSummary> rows) {
        var text = new StringBuilder(base);
        rows.forEach(r -> text.append('|').append(r.id()).append(':').append(r.version()).append(':').append(r.status()));
        return etag(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Snapshot build(String key, String base, List<QualificationSummary> rows) {
        var all = new LinkedHashMap<String, Entry>();
        var published = new ArrayList<Entry>();
        for (QualificationSummary row : rows) {
            Optional<QualificationDocument> doc = qualifications.find(row.id());
            if (doc.isEmpty() || !PersistentIdentifiers.isPublic(doc.get().status())) {
                continue;
            }
            var entry = new Entry(doc.get(), modified(row.id()), identifiers.qualification(row.id()));
            all.put(row.id(), entry);
            if (doc.get().status() == QualificationStatus.PUBLISHED) {
                published.add(entry);
            }
        }
        published.sort(Comparator.comparing((Entry e) -> e.document().displayTitle()).thenComparing(e -> e.document().id()));
        Instant lastModified = all.values().stream().map(Entry::modified).max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
        Instant publishedModified = published.stream().map(Entry::modified).max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
        var loq = Rendition.of(files.loqXml(published.stream().map(Entry::document).toList()), "application/xml",
                publishedModified);
        var table = skills.rows(published);
        var csv = Rendition.of(SkillsTable.csv(table), "text/csv;charset=UTF-8", publishedModified);
        Model catalogModel = catalog.build(base, published, table, publishedModified);
        Model rdf = ModelFactory.createDefaultModel();
        for (Entry entry : all.values()) {
            rdf.add(files.model(entry.document()));
        }
        rdf.add(catalogModel);
        rdf.setNsPrefixes(catalogModel.getNsPrefixMap());
        return new Snapshot(key, base, java.util.Collections.unmodifiableMap(all), List.copyOf(published), lastModified, loq, csv,
                catalogModel, rdf, new ConcurrentHashMap<>());
    }

    /**
     * When the qualification became what the public sees: the last workflow transition (publishing, archiving), else
     * when this revision was created. Seconds only, as HTTP dates are.
     */
    private Instant modified(String id) {
        Instant at = workflow.history(id).stream().map(ReviewRecord::at).filter(java.util.Objects::nonNull)
                .map(t -> t.toInstant()).max(Comparator.naturalOrder())
                .orElseGet(() -> qualifications.revisions(id).stream().filter(r -> r.id().equals(id))
                        .map(r -> r.createdAt() == null ? null : r.createdAt().toInstant())
                        .filter(java.util.Objects::nonNull).findFirst().orElse(Instant.EPOCH));
        return at.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The ELM graph of one entry in a syntax, kept with the entry. */
    public Rendition rdf(Entry entry, Lang lang, String mediaType) {
        return entry.rendition(lang.getName(), () -> Rendition.of(EuropassFiles.serialise(files.model(entry.document()), lang),
                mediaType, entry.modified()));
    }

    public Rendition loqXml(Entry entry) {
        return entry.rendition("loq", () -> Rendition.of(files.loqXml(entry.document()), "application/xml", entry.modified()));
    }

    public Rendition pdf(Entry entry, String language) {
        return entry.rendition("pdf-" + language, () -> Rendition.of(files.publicPdf(entry.document(), language),
                "application/pdf", entry.modified()));
    }

    public Rendition html(Entry entry, String language, Supplier<byte[]> render) {
        return entry.rendition("html-" + language, () -> Rendition.of(render.get(), "text/html;charset=UTF-8", entry.modified()));
    }

    static String etag(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
