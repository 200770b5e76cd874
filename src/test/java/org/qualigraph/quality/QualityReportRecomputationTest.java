package org.qualigraph.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.esco.SentenceEncoder;
import org.qualigraph.esco.UncachedEsco;
import org.qualigraph.support.Documents;
import org.qualigraph.support.EscoTestData;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A report computed again after a save, with everything the service remembers by content (statement analyses and
 * vectors, the compared pairs of LO-04) already warm, is exactly the report that a computation from scratch gives:
 * a fresh engine, a fresh advisor with an empty vector memory, the ESCO facts looked up anew. Checked after a
 * title-only save (every statement as before) and after edits of statements in English and German, on a document with
 * word and meaning near-duplicates, numbered steps, a vague verb and real ESCO skills.
 */
class QualityReportRecomputationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    QualityService quality;
    @Autowired
    QualificationService qualifications;
    @Autowired
    GovernanceSource governance;
    @Autowired
    ObjectProvider<SentenceEncoder> encoder;

    @Test
    void aRecomputedReportEqualsOneComputedFromScratch() {
        EscoTestData.ensureLoaded(context);
        var stored = qualifications.create(document(), TestUsers.DESIGNER);
        var first = quality.report(stored.id());
        assertThat(first).isEqualTo(fromScratch(stored.id()));
        assertThat(first.findingsOf("LO-04")).as("the document has near-duplicates").isNotEmpty();

        var titled = qualifications.update(stored.id(), stored.withTitle(Map.of("en", "Recomputed, renamed")), TestUsers.DESIGNER);
        long misses = quality.cacheStatistics().misses();
        var afterTitle = quality.report(stored.id());
        assertThat(quality.cacheStatistics().misses() - misses).as("computed again").isEqualTo(1);
        assertThat(afterTitle).isEqualTo(fromScratch(stored.id()));

        // the paraphrase pair becomes distinct, a new word duplicate appears, the German vague verb gets a real one
        var edited = qualifications.update(stored.id(), withFirstUnit(titled, List.of(
                Map.of("en", "Explain the safety rules for working on high-voltage batteries"),
                Map.of("en", "Assemble battery modules from cells according to the assembly drawing"),
                Map.of("en", "Operate the equipment of process step 1.3 according to the work instruction", "de",
                        "Die Lernenden können die Anlage des Prozessschritts 1.3 gemäß Arbeitsanweisung bedienen"),
                Map.of("en", "Operate the equipment of process step 1.3 according to the work instructions"),
                Map.of("de", "Die Lernenden können Prüfprotokolle nach Vorgabe erstellen"),
                Map.of("en", "Take responsibility for the quality of step 1.6 under changing production conditions"))),
                TestUsers.DESIGNER);
        var afterEdit = quality.report(edited.id());
        assertThat(afterEdit).isNotEqualTo(afterTitle).isEqualTo(fromScratch(edited.id()));

        // the statements of before again: what the memory holds from the first computation must still fit
        qualifications.update(stored.id(), withFirstUnit(edited, statements()), TestUsers.DESIGNER);
        assertThat(quality.report(stored.id())).isEqualTo(fromScratch(stored.id()))
                .extracting(r -> r.findingsOf("LO-04")).isEqualTo(first.findingsOf("LO-04"));
    }

    /** The report without anything remembered: a new engine and advisor, every input (ESCO's too) read now. */
    private QualityReport fromScratch(String id) {
        QualificationDocument document = qualifications.get(id);
        var sentences = encoder.getIfAvailable();
        var advisor = new OutcomeWritingAdvisor(sentences == null ? null : sentences::encodeAll, 0);
        return new QualityEngine().evaluate(new QualityInput(document, governance.governance(id),
                QualityInput.EscoFacts.lookUp(document, UncachedEsco.catalog(context), UncachedEsco.gap(context)),
                qualifications.sharedUnits(id), Purpose.NORMAL,
                quality.thresholds(), LocalDate.now(), advisor));
    }

    private static List<Map<String, String>> statements() {
        return List.of(
                Map.of("en", "Explain the safety rules for working on high-voltage batteries"),
                Map.of("en", "Describe the safety regulations that apply to work on high-voltage battery systems"),
                Map.of("en", "Operate the equipment of process step 1.3 according to the work instruction", "de",
                        "Die Lernenden können die Anlage des Prozessschritts 1.3 gemäß Arbeitsanweisung bedienen"),
                Map.of("en", "Operate the equipment of process step 1.4 according to the work instruction"),
                Map.of("de", "Die Lernenden kennen die Prüfprotokolle"),
                Map.of("en", "Know the quality rules of step 1.6"));
    }

    /** Three units of six numbered outcomes; the first unit's statements as above; outcome k maps a real skill. */
    private QualificationDocument document() {
        var row = graph.query("""
                MATCH (o:EscoOccupation)-[:REQUIRES_SKILL {type: 'essential'}]->(s:EscoSkill)
                WITH o, collect(s.uri) AS skills WHERE size(skills) >= 10 AND size(skills) <= 40
                RETURN o.uri AS occupation, skills ORDER BY o.uri LIMIT 1
                """).fetch().one().orElseThrow();
        @SuppressWarnings("unchecked")
        List<String> skills = (List<String>) row.get("skills");
        var doc = Documents.generated("Recomputed", 3, 6);
        int k = 0;
        var units = new ArrayList<UnitDocument>();
        for (UnitDocument unit : doc.units()) {
            var outcomes = new ArrayList<OutcomeDocument>();
            for (OutcomeDocument o : unit.outcomes()) {
                outcomes.add(new OutcomeDocument(o.id(), o.code(), o.dimension(), o.statement(), o.eqfLevel(),
                        List.of(skills.get(k++ % skills.size())), o.keyCompetences()));
            }
            units.add(QualityReportFixtures.withOutcomes(unit, outcomes));
        }
        var mapped = new QualificationDocument(doc.id(), doc.version(), doc.title(), doc.description(), doc.type(),
                doc.eqfLevel(), doc.nqfLevels(), doc.iscedF(), doc.ecosystem(), doc.creditSystem(), doc.credits(),
                doc.entryRequirements(), doc.awardingBodies(), List.of((String) row.get("occupation")), doc.derivedFrom(),
                doc.status(), units);
        return withFirstUnit(mapped, statements());
    }

    private static QualificationDocument withFirstUnit(QualificationDocument doc, List<Map<String, String>> statements) {
        var units = new ArrayList<>(doc.units());
        UnitDocument unit = units.get(0);
        var outcomes = new ArrayList<OutcomeDocument>();
        for (int i = 0; i < unit.outcomes().size(); i++) {
            OutcomeDocument o = unit.outcomes().get(i);
            outcomes.add(new OutcomeDocument(o.id(), o.code(), o.dimension(), statements.get(i), o.eqfLevel(), o.skills(),
                    o.keyCompetences()));
        }
        units.set(0, QualityReportFixtures.withOutcomes(unit, outcomes));
        return doc.withUnits(units);
    }
}
