package org.qualigraph.quality;

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
 */
@Service
public class QualityService implements QualityGate {

    private final QualificationService qualifications;
    private final ObjectProvider<GovernanceSource> governance;
    private final ObjectProvider<EscoCatalog> escoCatalog;
    private final ObjectProvider<SkillsGap> skillsGap;
    private final QualityThresholds thresholds;
    private final OutcomeWritingAdvisor advisor;
    private final QualityEngine engine = new QualityEngine();
    private final Clock clock;

    public QualityService(QualificationService qualifications, ObjectProvider<GovernanceSource> governance,
                          ObjectProvider<EscoCatalog> escoCatalog, ObjectProvider<SkillsGap> skillsGap,
                          QualityThresholds thresholds, ObjectProvider<Clock> clock,
                          ObjectProvider<org.qualigraph.esco.SentenceEncoder> encoder) {
        this.qualifications = qualifications;
        var sentences = encoder.getIfAvailable();
        this.advisor = sentences == null ? new OutcomeWritingAdvisor() : new OutcomeWritingAdvisor(new StatementVectors(sentences));
        this.governance = governance;
        this.escoCatalog = escoCatalog;
        this.skillsGap = skillsGap;
        this.thresholds = thresholds;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /** The report of a document as it is now, saved or not (the editor's live check). */
    public QualityReport check(QualificationDocument document) {
        return engine.evaluate(input(document, null, Purpose.NORMAL));
    }

    /** The report of a stored qualification; unknown ids give a 404. */
    public QualityReport report(String qualificationId) {
        return check(qualifications.get(qualificationId));
    }

    /** The report for a given purpose and governance record (the workflow's checks before a transition). */
    public QualityReport check(QualificationDocument document, Governance record, Purpose purpose) {
        return engine.evaluate(input(document, record, purpose));
    }

    @Override
    public List<String> blockingErrors(QualificationDocument document, Governance record, boolean publishing) {
        QualityReport report = check(document, record, publishing ? Purpose.PUBLISHING : Purpose.NORMAL);
        return report.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .map(f -> f.rule() + ": " + f.message()).toList();
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
        Governance effective = record;
        if (effective == null) {
            GovernanceSource source = governance.getIfAvailable();
            effective = source == null || document.id() == null ? Governance.EMPTY : source.governance(document.id());
        }
        Map<String, List<QualificationSummary>> shared = document.id() == null ? Map.of()
                : qualifications.sharedUnits(document.id());
        var esco = QualityInput.EscoFacts.lookUp(document, escoCatalog.getIfAvailable(), skillsGap.getIfAvailable());
        return new QualityInput(document, effective, esco, shared, purpose, thresholds, LocalDate.now(clock), advisor);
    }
}
