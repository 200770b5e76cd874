package org.qualigraph.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qualigraph.curriculum.Dimension;
import org.qualigraph.curriculum.IscedF;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.esco.EscoCatalog;
import org.qualigraph.esco.SkillsGap;
import org.qualigraph.quality.Governance;
import org.qualigraph.quality.GovernanceSource;
import org.qualigraph.quality.QualityReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Resolves a qualification into the {@link CurriculumContent} of one language: ESCO labels, the coverage of the target
 * occupations and the approval record where the modules providing them are present, plain notes where they are not.
 */
@Component
class CurriculumContentBuilder {

    private static final Logger log = LoggerFactory.getLogger(CurriculumContentBuilder.class);

    private final ObjectProvider<EscoCatalog> escoCatalog;
    private final ObjectProvider<SkillsGap> skillsGap;
    private final ObjectProvider<GovernanceSource> governance;
    private final ObjectProvider<org.qualigraph.quality.QualityService> quality;

    CurriculumContentBuilder(ObjectProvider<EscoCatalog> escoCatalog, ObjectProvider<SkillsGap> skillsGap,
                             ObjectProvider<GovernanceSource> governance,
                             ObjectProvider<org.qualigraph.quality.QualityService> quality,
                             ObjectProvider<org.qualigraph.curriculum.QualificationService> qualifications) {
        this.quality = quality;
        this.qualifications = qualifications;
        this.escoCatalog = escoCatalog;
        this.skillsGap = skillsGap;
        this.governance = governance;
    }

    private final ObjectProvider<org.qualigraph.curriculum.QualificationService> qualifications;

    /** The edition users know (revision n, or a draft of it) of a stored document; never the save counter. */
    private java.util.Optional<org.qualigraph.curriculum.Edition> edition(QualificationDocument doc) {
        var service = qualifications.getIfAvailable();
        if (service == null || doc.id() == null || service.find(doc.id()).isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(service.edition(doc.id()));
    }

    CurriculumContent build(QualificationDocument doc, String language) {
        return build(doc, language, true);
    }

    /**
     * The content anyone may read: no quality annex and no approval annex, so no reviewer, approver, stakeholder or
     * evidence text (the public register's PDF). The signed-in export keeps both annexes.
     */
    CurriculumContent buildPublic(QualificationDocument doc, String language) {
        return build(doc, language, false);
    }

    private CurriculumContent build(QualificationDocument doc, String language, boolean internal) {
        var m = DocumentMessages.of(language);
        EscoCatalog catalog = escoCatalog.getIfAvailable();
        boolean escoLoaded = catalog != null && catalog.release().isPresent();
        // ESCO labels in the document's language where that language's ESCO texts were imported, English otherwise
        Map<String, String> skillLabels = escoLoaded ? skillLabels(catalog, doc, language) : Map.of();
        Map<String, String> occupationLabels = escoLoaded ? occupationLabels(catalog, doc.targetOccupations(), language) : Map.of();

        String title = m.text(doc.title());
        String subtitle = m.get("document.kind") + " · " + m.get("profile.eqf") + " " + nullToEmpty(doc.eqfLevel())
                + edition(doc).map(e -> " · " + m.get(e.published() ? "document.edition" : "document.edition.draft",
                        e.revision())).orElse("");

        var profile = new ArrayList<CurriculumContent.Fact>();
        profile.add(CurriculumContent.Fact.of(m.get("profile.type"), m.of(doc.type())));
        profile.add(CurriculumContent.Fact.of(m.get("profile.eqf"), nullToEmpty(doc.eqfLevel())));
        profile.add(new CurriculumContent.Fact(m.get("profile.nqf"), doc.nqfLevels().stream()
                .map(n -> n.country() + " " + n.level()).toList()));
        profile.add(CurriculumContent.Fact.of(m.get("profile.credits"), doc.credits() == null ? ""
                : plain(doc.credits()) + (doc.creditSystem() == null ? "" : " " + doc.creditSystem().name())));
        profile.add(new CurriculumContent.Fact(m.get("profile.isced"), doc.iscedF().stream()
                .map(code -> code + " " + IscedF.label(code).orElse("")).map(String::strip).toList()));
        profile.add(new CurriculumContent.Fact(m.get("profile.awarding"), doc.awardingBodies().stream()
                .map(b -> b.name() + (b.country() == null ? "" : " (" + b.country() + ")")).toList()));
        profile.add(new CurriculumContent.Fact(m.get("profile.occupations"), doc.targetOccupations().stream()
                .map(uri -> occupationLabels.containsKey(uri) ? occupationLabels.get(uri) + " (" + uri + ")" : uri).toList()));
        profile.add(CurriculumContent.Fact.of(m.get("profile.ecosystem"), m.of(doc.ecosystem())));
        profile.add(CurriculumContent.Fact.of(m.get("profile.entry"), m.text(doc.entryRequirements())));
        profile.add(CurriculumContent.Fact.of(m.get("profile.units"), String.valueOf(doc.units().size())));

        var units = new ArrayList<CurriculumContent.UnitSection>();
        for (int i = 0; i < doc.units().size(); i++) {
            units.add(unit(doc.units().get(i), i, language, m, skillLabels));
        }
        String description = m.text(doc.description());
        String untranslatedNote = m.untranslated() == 0 ? null : m.get("untranslated.note", m.languageName(m.locale().getLanguage()));
        var coverage = coverage(doc, m, escoLoaded, catalog, language, occupationLabels);
        if (!internal) {
            return new CurriculumContent(m, language, title, subtitle, untranslatedNote, description,
                    List.copyOf(profile), List.copyOf(units), coverage, null, List.of(), null);
        }
        // the rule engine runs once per document: on 1,200 outcomes it is a good part of the export's time
        var service = quality.getIfAvailable();
        var report = service == null ? null : service.check(doc);
        return new CurriculumContent(m, language, title, subtitle, untranslatedNote, description,
                List.copyOf(profile), List.copyOf(units), coverage, qualityNote(report, m), qualityFindings(report), approval(doc, m));
    }

    /** The quality report's summary for the annex; the findings follow as lines (rule, severity, message, place). */
    private static String qualityNote(QualityReport report, DocumentMessages m) {
        return report == null ? m.get("quality.unavailable") : report.headline() + (report.findings().isEmpty() ? "" : ":");
    }

    private static List<String> qualityFindings(QualityReport report) {
        if (report == null) {
            return List.of();
        }
        return report.findings().stream().map(f -> f.rule() + " (" + f.severity() + "): " + f.message()
                + (f.subjects().isEmpty() ? "" : " [" + String.join(", ", f.subjects()) + "]")).toList();
    }

    private CurriculumContent.UnitSection unit(UnitDocument unit, int index, String language, DocumentMessages m,
                                               Map<String, String> skillLabels) {
        var facts = new ArrayList<CurriculumContent.Fact>();
        facts.add(CurriculumContent.Fact.of(m.get("unit.eqf"), nullToEmpty(unit.eqfLevel())));
        facts.add(CurriculumContent.Fact.of(m.get("unit.credits"), unit.credits() == null ? "" : plain(unit.credits())));
        facts.add(CurriculumContent.Fact.of(m.get("unit.hours"), nullToEmpty(unit.hours())));
        facts.add(CurriculumContent.Fact.of(m.get("unit.status"), m.get(unit.isMandatory() ? "unit.mandatory" : "unit.optional")));
        facts.add(CurriculumContent.Fact.of(m.get("unit.delivery"),
                String.join(", ", unit.deliveryModes().stream().map(m::of).toList())));
        facts.add(CurriculumContent.Fact.of(m.get("unit.prerequisites"), String.join(", ", unit.prerequisites())));

        var groups = new ArrayList<CurriculumContent.OutcomeGroup>();
        for (Dimension dimension : Dimension.values()) {
            var lines = unit.outcomes().stream().filter(o -> o.dimension() == dimension)
                    .map(o -> new CurriculumContent.OutcomeLine(o.code(), m.text(o.statement()),
                            o.skills().stream().map(s -> skillLabels.getOrDefault(s, s)).toList()))
                    .toList();
            if (!lines.isEmpty()) {
                groups.add(new CurriculumContent.OutcomeGroup(m.of(dimension), lines));
            }
        }
        var wbl = unit.workBasedLearning().stream().map(w -> m.get("wbl.line", w.code(), nullToEmpty(w.hours()),
                m.of(w.setting()), m.text(w.description())).strip()
                + (w.outcomes().isEmpty() ? "" : " " + m.get("outcomes.serves", String.join(", ", w.outcomes())))).toList();
        var assessments = unit.assessments().stream().map(a -> m.get("assessment.line", a.code(), m.of(a.method()),
                nullToEmpty(a.weight()))
                + (a.outcomes().isEmpty() ? "" : ". " + m.get("outcomes.serves", String.join(", ", a.outcomes())))).toList();
        Set<String> skills = new LinkedHashSet<>();
        unit.outcomes().forEach(o -> o.skills().forEach(s -> skills.add(skillLabels.containsKey(s)
                ? skillLabels.get(s) + " (" + s + ")" : s)));
        String heading = m.get("unit.heading", unit.code(), m.text(unit.title()));
        return new CurriculumContent.UnitSection("unit-" + (index + 1), unit.code(), heading, List.copyOf(facts),
                List.copyOf(groups), wbl, assessments, List.copyOf(skills));
    }

    private CurriculumContent.Coverage coverage(QualificationDocument doc, DocumentMessages m, boolean escoLoaded,
                                                EscoCatalog catalog, String language, Map<String, String> occupationLabels) {
        SkillsGap gap = skillsGap.getIfAvailable();
        if (doc.targetOccupations().isEmpty()) {
            return new CurriculumContent.Coverage(true, m.get("coverage.noTargets"), List.of());
        }
        if (gap == null || !escoLoaded) {
            return new CurriculumContent.Coverage(false, m.get("coverage.unavailable"), List.of());
        }
        var lines = new ArrayList<CurriculumContent.CoverageLine>();
        for (String target : doc.targetOccupations()) {
            try {
                var coverage = gap.coverage(doc, target);
                String label = occupationLabels.containsKey(target) ? occupationLabels.get(target)
                        : coverage.label() == null || coverage.label().isBlank() ? target : coverage.label();
                // the missing skills named in the document's language where its ESCO texts were imported
                Map<String, String> shown = new java.util.HashMap<>();
                catalog.skills(coverage.missingEssential().stream().map(SkillsGap.SkillLabel::uri).toList(), language)
                        .forEach((uri, skill) -> shown.put(uri, skill.label()));
                lines.add(new CurriculumContent.CoverageLine(
                        m.get("coverage.line", label, coverage.essentialCovered(), coverage.essentialTotal()),
                        coverage.missingEssential().stream()
                                .map(s -> shown.getOrDefault(s.uri(), s.label() == null || s.label().isBlank() ? s.uri() : s.label()))
                                .toList()));
            } catch (RuntimeException e) {
                log.warn("ESCO coverage of {} for the curriculum document failed: {}", target, e.getMessage());
                lines.add(new CurriculumContent.CoverageLine(target + ": " + m.get("coverage.unavailable"), List.of()));
            }
        }
        return new CurriculumContent.Coverage(true, null, List.copyOf(lines));
    }

    private CurriculumContent.Approval approval(QualificationDocument doc, DocumentMessages m) {
        GovernanceSource source = governance.getIfAvailable();
        if (source == null || doc.id() == null) {
            return new CurriculumContent.Approval(null, m.get("approval.unavailable"));
        }
        Governance record = source.governance(doc.id());
        return new CurriculumContent.Approval(record == null ? Governance.EMPTY : record,
                record == null || record.approval() == null ? m.get("approval.none") : null);
    }

    private static Map<String, String> skillLabels(EscoCatalog catalog, QualificationDocument doc, String language) {
        Set<String> uris = new LinkedHashSet<>();
        doc.units().forEach(u -> u.outcomes().stream().map(OutcomeDocument::skills).forEach(uris::addAll));
        if (uris.isEmpty()) {
            return Map.of();
        }
        var labels = new java.util.HashMap<String, String>();
        catalog.skills(uris, language).forEach((uri, skill) -> labels.put(uri, skill.label()));
        return labels;
    }

    private static Map<String, String> occupationLabels(EscoCatalog catalog, Collection<String> uris, String language) {
        if (uris.isEmpty()) {
            return Map.of();
        }
        var labels = new java.util.HashMap<String, String>();
        catalog.occupations(uris, language).forEach((uri, occupation) -> labels.put(uri, occupation.label()));
        return labels;
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String nullToEmpty(Object value) {
        return value == null ? "" : value.toString();
    }

    /** A date as the document's language writes it ("1 mar 2026", "01.03.2026"), never ISO. */
    static String date(LocalDate date, DocumentMessages m) {
        return date == null ? "" : org.qualigraph.base.LocalFormats.date(date, m.locale());
    }
}
