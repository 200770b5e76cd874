package org.qualigraph.quality;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationSummary;
import org.qualigraph.esco.EscoCatalog;
import org.qualigraph.esco.SkillsGap;

/**
 * Everything the rules look at: the document (possibly unsaved), its governance record, the ESCO facts (absent when
 * the ESCO module or a release is not there), which units are shared with other qualifications, why the check runs,
 * the thresholds and today's date.
 */
public record QualityInput(
        QualificationDocument document,
        Governance governance,
        EscoFacts esco,
        Map<String, List<QualificationSummary>> sharedUnits,
        Purpose purpose,
        QualityThresholds thresholds,
        LocalDate today,
        OutcomeWritingAdvisor advisor) {

    public QualityInput {
        governance = governance == null ? Governance.EMPTY : governance;
        esco = esco == null ? EscoFacts.NONE : esco;
        sharedUnits = sharedUnits == null ? Map.of() : sharedUnits;
        purpose = purpose == null ? Purpose.NORMAL : purpose;
        thresholds = thresholds == null ? QualityThresholds.DEFAULTS : thresholds;
        today = today == null ? LocalDate.now() : today;
        advisor = advisor == null ? new OutcomeWritingAdvisor() : advisor;
    }

    /** A plain input with defaults: no governance, no ESCO data, nothing shared, a normal check. */
    public static QualityInput of(QualificationDocument document) {
        return new QualityInput(document, null, null, null, null, null, null, null);
    }

    public QualityInput withGovernance(Governance newGovernance) {
        return new QualityInput(document, newGovernance, esco, sharedUnits, purpose, thresholds, today, advisor);
    }

    public QualityInput withEsco(EscoFacts newEsco) {
        return new QualityInput(document, governance, newEsco, sharedUnits, purpose, thresholds, today, advisor);
    }

    public QualityInput withSharedUnits(Map<String, List<QualificationSummary>> shared) {
        return new QualityInput(document, governance, esco, shared, purpose, thresholds, today, advisor);
    }

    public QualityInput withPurpose(Purpose newPurpose) {
        return new QualityInput(document, governance, esco, sharedUnits, newPurpose, thresholds, today, advisor);
    }

    public QualityInput withThresholds(QualityThresholds newThresholds) {
        return new QualityInput(document, governance, esco, sharedUnits, purpose, newThresholds, today, advisor);
    }

    public QualityInput withToday(LocalDate newToday) {
        return new QualityInput(document, governance, esco, sharedUnits, purpose, thresholds, newToday, advisor);
    }

    public boolean publishing() {
        return purpose == Purpose.PUBLISHING;
    }

    /**
     * The ESCO side of the input, looked up once per check: whether a release is loaded (and which), the skills and
     * occupations among the document's URIs that the release knows, and the skills-gap analysis (empty when the ESCO
     * module is not present).
     */
    public record EscoFacts(boolean loaded, String version, Map<String, EscoCatalog.EscoSkill> skills,
                            Map<String, EscoCatalog.EscoOccupation> occupations, Optional<SkillsGap> gap) {

        public static final EscoFacts NONE = new EscoFacts(false, null, Map.of(), Map.of(), Optional.empty());

        public EscoFacts {
            skills = skills == null ? Map.of() : skills;
            occupations = occupations == null ? Map.of() : occupations;
            gap = gap == null ? Optional.empty() : gap;
        }

        /** Looks the document's skill and occupation URIs up in the catalogue (when there is one with a release). */
        public static EscoFacts lookUp(QualificationDocument document, EscoCatalog catalog, SkillsGap gap) {
            if (catalog == null) {
                return new EscoFacts(false, null, Map.of(), Map.of(), Optional.ofNullable(gap));
            }
            var skillUris = new java.util.LinkedHashSet<String>();
            document.units().forEach(u -> u.outcomes().forEach(o -> skillUris.addAll(o.skills())));
            var facts = catalog.facts(skillUris, document.targetOccupations());
            if (facts.isEmpty()) {
                return new EscoFacts(false, null, Map.of(), Map.of(), Optional.ofNullable(gap));
            }
            return new EscoFacts(true, facts.get().release().version(), facts.get().skills(), facts.get().occupations(),
                    Optional.ofNullable(gap));
        }
    }
}
