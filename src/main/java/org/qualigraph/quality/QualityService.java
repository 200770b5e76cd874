package org.qualigraph.quality;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
 * Reports of stored qualifications are cached in this instance's memory ({@link QualityReportCache}) under a key of
 * every input the rules read, so a repeated request is answered without running the engine, and any save, governance
 * change, ESCO import or threshold change computes a fresh one. Several instances each keep their own cache.
 */
@Service
public class QualityService implements QualityGate {

    /** Qualifications whose last report is kept; each entry holds the document it was computed from. */
    static final int CACHED_REPORTS = 256;

    private final QualificationService qualifications;
    private final ObjectProvider<GovernanceSource> governance;
    private final ObjectProvider<EscoCatalog> escoCatalog;
    private final ObjectProvider<SkillsGap> skillsGap;
    private final QualityThresholds thresholds;
    private final OutcomeWritingAdvisor advisor;
    private final QualityEngine engine = new QualityEngine();
    private final Clock clock;
    private final QualityReportCache cache = new QualityReportCache(CACHED_REPORTS);

    public QualityService(QualificationService qualifications, ObjectProvider<GovernanceSource> governance,
                          ObjectProvider<EscoCatalog> escoCatalog, ObjectProvider<SkillsGap> skillsGap,
                          QualityThresholds thresholds, ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters,
                          ObjectProvider<org.qualigraph.esco.SentenceEncoder> encoder) {
        this.qualifications = qualifications;
        var sentences = encoder.getIfAvailable();
        this.advisor = sentences == null ? new OutcomeWritingAdvisor() : new OutcomeWritingAdvisor(new StatementVectors(sentences));
        this.governance = governance;
        this.escoCatalog = escoCatalog;
        this.skillsGap = skillsGap;
        this.thresholds = thresholds;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
        meters.ifAvailable(registry -> {
            FunctionCounter.builder("qualigraph.quality.report.cache", cache, QualityReportCache::hits)
                    .tag("result", "hit").description("quality reports served from the cache").register(registry);
            FunctionCounter.builder("qualigraph.quality.report.cache", cache, QualityReportCache::misses)
                    .tag("result", "miss").description("quality reports computed").register(registry);
        });
    }

    /** The report of a document as it is now, saved or not (the editor's live check). */
    public QualityReport check(QualificationDocument document) {
        return engine.evaluate(input(document, null, Purpose.NORMAL));
    }

    /**
     * The report of a stored qualification; unknown ids give a 404. Served from the cache while the document, its
     * governance record, the qualifications sharing its units, the ESCO release, the thresholds and the date are the
     * ones it was computed from.
     */
    public QualityReport report(String qualificationId) {
        QualificationDocument document = qualifications.get(qualificationId);
        Governance record = governanceOf(document);
        Map<String, List<QualificationSummary>> shared = qualifications.sharedUnits(document.id());
        EscoCatalog catalog = escoCatalog.getIfAvailable();
        var key = new QualityReportCache.Key(document, record, shared,
                catalog == null ? null : catalog.release().orElse(null), thresholds, LocalDate.now(clock));
        return cache.get(document.id(), key, () -> engine.evaluate(new QualityInput(document, record,
                QualityInput.EscoFacts.lookUp(document, catalog, skillsGap.getIfAvailable()), shared, Purpose.NORMAL,
                thresholds, key.today(), advisor)));
    }

    /** How many reports of stored qualifications were served from the cache and how many were computed. */
    public CacheStatistics cacheStatistics() {
        return new CacheStatistics(cache.hits(), cache.misses(), cache.size());
    }

    /** Counters of the report cache since start. */
    public record CacheStatistics(long hits, long misses, int entries) {
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
