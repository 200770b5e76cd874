package org.qualigraph.quality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.esco.EscoCatalog;
import org.qualigraph.esco.SkillsGap;
import org.qualigraph.support.Documents;
import org.qualigraph.support.EscoTestData;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Where the time of computing a stored qualification's quality report goes: each step of
 * {@code QualityService.compute} and {@code computeAndStore} timed on its own (median of repeated runs, warm), and
 * each rule of the catalogue, for an ESCO-mapped 10 × 6 document (full ESCO v1.1.1) and a 100 × 10 one. Prints
 * the breakdown; docs/benchmarks.md keeps it with the load average.
 */
class QualityReportProfileBenchmark extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    QualificationService qualifications;
    @Autowired
    QualityService quality;
    @Autowired
    QualityReportStore store;
    @Autowired
    GovernanceSource governance;
    @Autowired
    EscoCatalog catalog;
    @Autowired
    SkillsGap gap;
    @Autowired
    ObjectMapper json;

    @Test
    void breakdown() {
        EscoTestData.ensureLoaded(context);
        System.out.printf("BENCH load average before %.2f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        profile("10x6 ESCO-mapped", qualifications.create(mapped(Documents.generated("Mapped", 10, 6)), TestUsers.DESIGNER).id(), 40);
        profile("100x10", qualifications.create(mapped(Documents.generated("Large", 100, 10)), TestUsers.DESIGNER).id(), 10);
        System.out.printf("BENCH load average after %.2f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private void profile(String name, String id, int runs) {
        var codec = new QualityReportJson(json);
        String context = quality.currentContext();
        var engine = new QualityEngine();
        var times = new LinkedHashMap<String, List<Long>>();
        for (int r = 0; r < runs + 3; r++) {
            boolean measured = r >= 3;
            var doc = time(times, measured, "read document (qualifications.get)", () -> qualifications.get(id));
            var gov = time(times, measured, "governance record", () -> governance.governance(id));
            var shared = time(times, measured, "shared units", () -> qualifications.sharedUnits(id));
            var esco = time(times, measured, "ESCO facts (release, skills, occupations)",
                    () -> QualityInput.EscoFacts.lookUp(doc, catalog, gap));
            var input = new QualityInput(doc, gov, esco, shared, Purpose.NORMAL, quality.thresholds(),
                    LocalDate.now(), quality.advisor());
            for (QualityRule rule : engine.rules()) {
                time(times, measured, "rule " + rule.id(), () -> {
                    rule.evaluate(input, new RuleResultCollector(rule));
                    return null;
                });
            }
            var report = time(times, measured, "engine.evaluate (all rules)", () -> engine.evaluate(input));
            String text = time(times, measured, "JSON write", () -> codec.write(report));
            time(times, measured, "store.lookup (key query, no JSON)", () -> store.lookup(id, context, null, false));
            var key = store.lookup(id, context, null, false).orElseThrow().key();
            time(times, measured, "store.save", () -> {
                store.save(id, key, text);
                return null;
            });
            time(times, measured, "JSON read", () -> codec.read(text));
        }
        System.out.printf("BENCH %s: %d runs, median ms per step (rules > 0.5 ms only)%n", name, runs);
        times.forEach((step, list) -> {
            double median = median(list);
            if (!step.startsWith("rule ") || median >= 0.5) {
                System.out.printf("BENCH   %-45s %8.2f%n", step, median);
            }
        });
    }

    /** Outcome k maps essential skill k of a real occupation with 10-40 essential skills, which it targets. */
    private QualificationDocument mapped(QualificationDocument doc) {
        var row = graph.query("""
                MATCH (o:EscoOccupation)-[:REQUIRES_SKILL {type: 'essential'}]->(s:EscoSkill)
                WITH o, collect(s.uri) AS skills WHERE size(skills) >= 10 AND size(skills) <= 40
                RETURN o.uri AS occupation, skills ORDER BY o.uri LIMIT 1
                """).fetch().one().orElseThrow();
        @SuppressWarnings("unchecked")
        List<String> skills = (List<String>) row.get("skills");
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
        return new QualificationDocument(doc.id(), doc.version(), doc.title(), doc.description(), doc.type(), doc.eqfLevel(),
                doc.nqfLevels(), doc.iscedF(), doc.ecosystem(), doc.creditSystem(), doc.credits(), doc.entryRequirements(),
                doc.awardingBodies(), List.of((String) row.get("occupation")), doc.derivedFrom(), doc.status(), units);
    }

    private static <T> T time(Map<String, List<Long>> times, boolean measured, String step, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        if (measured) {
            times.computeIfAbsent(step, k -> new ArrayList<>()).add(System.nanoTime() - start);
        }
        return result;
    }

    private static double median(List<Long> nanos) {
        var sorted = nanos.stream().sorted().toList();
        return sorted.get(sorted.size() / 2) / 1e6;
    }
}
