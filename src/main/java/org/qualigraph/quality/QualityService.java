package org.qualigraph.quality;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.qualigraph.curriculum.QualificationNotFoundException;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationSummary;
import org.qualigraph.esco.EscoCatalog;
import org.qualigraph.esco.SkillsGap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The quality report of a qualification against the rule catalogue, for the REST API, the editor's live badge and
 * the review workflow's gate. It works on unsaved documents too, so designers see the effect of an edit before they
 * save. Governance and ESCO data are optional collaborators: when they are missing the rules that need them say so
 * in the report instead of passing silently.
 * <p>
 * The report of a stored qualification is kept in the graph ({@link QualityReportStore}) under a key of every input
 * the rules read, so that any instance serves it: a request is one query that computes the key now and returns the
 * stored report when its key is that one. A missing or stale report is computed, stored and returned; a change
 * computes it in the background beforehand ({@link QualityReportRefresher}). This instance also keeps the reports it
 * served in memory ({@link QualityReportCache}), which saves reading and parsing the stored JSON while the key holds,
 * and the document each committed change returned until a report is computed from it ({@link SavedDocuments}), which
 * saves reading the document again when the key shows it is still the one in the graph.
 */
@Service
public class QualityService implements QualityGate {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(QualityService.class);

    /** Qualifications whose last report is kept in memory. */
    static final int CACHED_REPORTS = 256;
    /** Qualifications whose last saved document is held until their report is computed. */
    static final int SAVED_DOCUMENTS = 64;

    private final QualificationService qualifications;
    private final ObjectProvider<GovernanceSource> governance;
    private final ObjectProvider<EscoCatalog> escoCatalog;
    private final ObjectProvider<SkillsGap> skillsGap;
    private final QualityThresholds thresholds;
    private final OutcomeWritingAdvisor advisor;
    private final QualityEngine engine = new QualityEngine();
    private final Clock clock;
    private final QualityReportCache cache = new QualityReportCache(CACHED_REPORTS);
    /** Documents that committed changes returned, until a report is computed from them ({@link SavedDocuments}). */
    private final SavedDocuments saved = new SavedDocuments(SAVED_DOCUMENTS);
    private final QualityReportStore store;
    private final QualityReportJson codec;
    /** Stores computed reports: synchronously unless the application turns on {@link #storeAfterAnswering}. */
    private volatile QualityReportWriter writer;
    /** The part of every key that this build and configuration fix: stored form, rules, thresholds, advisor. */
    private final String fingerprint;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong refreshed = new AtomicLong();
    private final AtomicLong fromSaved = new AtomicLong();

    public QualityService(QualificationService qualifications, ObjectProvider<GovernanceSource> governance,
                          ObjectProvider<EscoCatalog> escoCatalog, ObjectProvider<SkillsGap> skillsGap,
                          QualityThresholds thresholds, ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters,
                          ObjectProvider<org.qualigraph.esco.SentenceEncoder> encoder, QualityReportStore store,
                          ObjectMapper json) {
        this.qualifications = qualifications;
        var sentences = encoder.getIfAvailable();
        this.advisor = sentences == null ? new OutcomeWritingAdvisor() : new OutcomeWritingAdvisor(new StatementVectors(sentences));
        this.governance = governance;
        this.escoCatalog = escoCatalog;
        this.skillsGap = skillsGap;
        this.thresholds = thresholds;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
        this.store = store;
        this.codec = new QualityReportJson(json);
        this.writer = QualityReportWriter.synchronous(store, codec);
        this.fingerprint = fingerprint(engine.rules(), thresholds, sentences != null);
        meters.ifAvailable(registry -> {
            FunctionCounter.builder("qualigraph.quality.report.cache", hits, AtomicLong::get)
                    .tag("result", "hit").description("quality reports served without computing them (stored or in memory)")
                    .register(registry);
            FunctionCounter.builder("qualigraph.quality.report.cache", misses, AtomicLong::get)
                    .tag("result", "miss").description("quality reports a request had to compute").register(registry);
            FunctionCounter.builder("qualigraph.quality.report.refreshed", refreshed, AtomicLong::get)
                    .description("quality reports computed in the background after a change").register(registry);
            FunctionCounter.builder("qualigraph.quality.report.from-saved-document", fromSaved, AtomicLong::get)
                    .description("quality reports computed from the document a save returned, without reading it again")
                    .register(registry);
        });
    }

    /**
     * With the background on ({@code qualigraph.quality-reports.background}, the application's default), a computed
     * report is stored by a writer thread of its own after the request has it ({@link QualityReportWriter}), so that
     * the write transaction is no part of the request's time; this instance serves the report from memory meanwhile.
     * The tests, which read the store right after a request, keep the synchronous write.
     */
    @org.springframework.beans.factory.annotation.Autowired
    void storeAfterAnswering(@org.springframework.beans.factory.annotation.Value("${qualigraph.quality-reports.background:true}")
                             boolean background) {
        if (background && !writer.inBackground()) {
            writer = QualityReportWriter.inBackground(store, codec, (id, key) -> {
                String held = cache.keyOf(id);
                return held == null || held.equals(key);
            });
        }
    }

    @jakarta.annotation.PreDestroy
    void stopWriting() {
        writer.shutdown();
    }

    /** Waits until every report submitted for storing is stored (tests). */
    void awaitStored(java.time.Duration timeout) throws InterruptedException {
        writer.awaitIdle(timeout);
    }

    /** The report of a document as it is now, saved or not (the editor's live check). */
    public QualityReport check(QualificationDocument document) {
        return engine.evaluate(input(document, null, Purpose.NORMAL));
    }

    /**
     * The report of a stored qualification; unknown ids give a 404. Served as stored while the document, its units
     * (also as another qualification edited them), the qualifications sharing its units, its governance record, the
     * ESCO release, the rules, the thresholds and the date are the ones it was computed from; computed and stored
     * otherwise, so a stale report is never served.
     */
    public QualityReport report(String qualificationId) {
        LocalDate today = LocalDate.now(clock);
        var lookup = store.lookup(qualificationId, context(today), cache.keyOf(qualificationId), true)
                .orElseThrow(() -> new QualificationNotFoundException(qualificationId));
        if (lookup.known()) {
            var held = cache.get(qualificationId, lookup.key());
            if (held.isPresent()) {
                hits.incrementAndGet();
                return held.get();
            }
        }
        if (lookup.json() != null) {
            try {
                QualityReport report = codec.read(lookup.json());
                cache.put(qualificationId, lookup.key(), report);
                hits.incrementAndGet();
                return report;
            } catch (RuntimeException unreadable) {
                log.warn("The stored quality report of {} cannot be read; computing it again", qualificationId, unreadable);
            }
        }
        return computeAndStore(qualificationId, lookup, today, misses, true);
    }

    /**
     * Holds the document that a committed change returned, for computing the report it made stale without reading
     * the document again ({@link SavedDocuments}; the key decides whether it is still the document in the graph).
     */
    @org.springframework.transaction.event.TransactionalEventListener(
            phase = org.springframework.transaction.event.TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onCommitted(org.qualigraph.curriculum.QualificationChanged event) {
        var document = event.document();
        if (!"DELETED".equals(event.action()) && document != null && document.version() != null
                && document.version() == event.version() && event.qualificationId().equals(document.id())) {
            saved.offer(document);
        }
    }

    /**
     * Computes and stores the report of a qualification whose stored one is missing or stale (the background's
     * work after a change); false when it was current or the qualification is gone.
     */
    boolean refresh(String qualificationId) {
        LocalDate today = LocalDate.now(clock);
        var lookup = store.lookup(qualificationId, context(today), cache.keyOf(qualificationId), false);
        if (lookup.isEmpty() || lookup.get().stored() || lookup.get().known()) {
            // gone, stored, or held here (a request computed it and its snapshot is being written)
            return false;
        }
        try {
            computeAndStore(qualificationId, lookup.get(), today, refreshed, false);
            return true;
        } catch (QualificationNotFoundException deletedMeanwhile) {
            return false;
        }
    }

    /** Qualifications whose stored report is missing or stale now (after an ESCO import, on a new day, at start). */
    List<String> staleReports() {
        return store.stale(context(LocalDate.now(clock)));
    }

    /** The part of the key that the caller passes in: this build's rules and thresholds, and today's date. */
    String currentContext() {
        return context(LocalDate.now(clock));
    }

    /** What every key shares now: this build's rules and thresholds, the date and the ESCO release. */
    String globalKey() {
        return context(LocalDate.now(clock)) + "|" + store.release();
    }

    /** Drops the stored and held report of a deleted qualification (within the deleting transaction). */
    void forget(String qualificationId) {
        writer.cancel(qualificationId);
        store.delete(qualificationId);
        cache.remove(qualificationId);
        saved.remove(qualificationId);
    }

    /** How many reports of stored qualifications were served without computing and how many were computed. */
    public CacheStatistics cacheStatistics() {
        return new CacheStatistics(hits.get(), misses.get(), cache.size(), refreshed.get(), fromSaved.get());
    }

    /**
     * Counters since start: {@code hits} served stored or from memory, {@code misses} computed by a request,
     * {@code refreshed} computed in the background after a change, {@code fromSavedDocument} of those computed
     * (either way) from the document a save returned; {@code entries} held in memory.
     */
    public record CacheStatistics(long hits, long misses, int entries, long refreshed, long fromSavedDocument) {
    }

    /**
     * {@code answering}: a request waits for the report, so it is stored after it has it; the background worker
     * stores what it computed itself, in order, before it computes the next one.
     */
    private QualityReport computeAndStore(String qualificationId, QualityReportStore.Lookup lookup, LocalDate today,
                                          AtomicLong counter, boolean answering) {
        String key = lookup.key();
        return cache.computeIfAbsent(qualificationId, key, () -> {
            QualityReport report = compute(qualificationId, lookup.stamp(), today);
            if (answering) {
                writer.submit(qualificationId, key, report);
            } else {
                writer.write(qualificationId, key, report);
            }
            return report;
        }, ran -> (ran ? counter : hits).incrementAndGet());
    }

    /**
     * The report of the qualification as the lookup's key found it: from the document its last save returned when
     * that document's stamp is the key's ({@link SavedDocuments}), else from the document read now.
     */
    private QualityReport compute(String qualificationId, QualityReportStore.Stamp stamp, LocalDate today) {
        var held = saved.matching(qualificationId, stamp);
        QualificationDocument document = held.orElseGet(() -> qualifications.get(qualificationId));
        Governance record = governanceOf(document);
        Map<String, List<QualificationSummary>> shared = qualifications.sharedUnits(document.id());
        EscoCatalog catalog = escoCatalog.getIfAvailable();
        QualityReport report = engine.evaluate(new QualityInput(document, record,
                QualityInput.EscoFacts.lookUp(document, catalog, skillsGap.getIfAvailable()), shared, Purpose.NORMAL,
                thresholds, today, advisor));
        if (held.isPresent()) {
            fromSaved.incrementAndGet();
            saved.used(document);
        }
        return report;
    }

    private String context(LocalDate today) {
        return fingerprint + "|" + today;
    }

    /**
     * A short hash of what fixes a report besides the graph: the stored form, the application's version, the rule
     * catalogue (ids, severities, titles, sources), the thresholds and whether outcome statements are compared by
     * meaning. Another build or configuration sharing the database therefore computes its own reports.
     */
    static String fingerprint(List<QualityRule> rules, QualityThresholds thresholds, boolean vectors) {
        var text = new StringBuilder("format ").append(QualityReportJson.FORMAT)
                .append('|').append(QualityService.class.getPackage().getImplementationVersion())
                .append('|').append(thresholds).append('|').append(vectors);
        rules.forEach(r -> text.append('|').append(r.id()).append(r.severity()).append(r.standard()).append(r.title())
                .append(r.source()));
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The report for a given purpose and governance record (the workflow's checks before a transition). */
    public QualityReport check(QualificationDocument document, Governance record, Purpose purpose) {
        return engine.evaluate(input(document, record, purpose));
    }

    @Override
    public List<String> blockingErrors(QualificationDocument document, Governance record, boolean publishing) {
        return blockingFindings(document, record, publishing).stream().map(f -> f.rule() + ": " + f.message()).toList();
    }

    @Override
    public List<QualityReport.Finding> blockingFindings(QualificationDocument document, Governance record,
                                                        boolean publishing) {
        QualityReport report = check(document, record, publishing ? Purpose.PUBLISHING : Purpose.NORMAL);
        return report.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    @Override
    public List<org.qualigraph.base.Message> blockingSentences(QualificationDocument document, Governance record,
                                                               boolean publishing) {
        return blockingFindings(document, record, publishing).stream()
                .map(f -> org.qualigraph.base.Message.of("review.refusal.finding", f.rule(),
                        f.text() == null ? f.message() : f.text())).toList();
    }

    /** The catalogue in force, for listings without a document. */
    public List<QualityRule> rules() {
        return engine.rules();
    }

    public QualityThresholds thresholds() {
        return thresholds;
    }

    /** The outcome-writing helper the rules use, for the editor's suggestions. */
    public OutcomeWritingAdvisor advisor() {
        return advisor;
    }

    private QualityInput input(QualificationDocument document, Governance record, Purpose purpose) {
        Governance effective = record == null ? governanceOf(document) : record;
        Map<String, List<QualificationSummary>> shared = document.id() == null ? Map.of()
                : qualifications.sharedUnits(document.id());
        var esco = QualityInput.EscoFacts.lookUp(document, escoCatalog.getIfAvailable(), skillsGap.getIfAvailable());
        return new QualityInput(document, effective, esco, shared, purpose, thresholds, LocalDate.now(clock), advisor);
    }

    private Governance governanceOf(QualificationDocument document) {
        GovernanceSource source = governance.getIfAvailable();
        return source == null || document.id() == null ? Governance.EMPTY : source.governance(document.id());
    }
}
