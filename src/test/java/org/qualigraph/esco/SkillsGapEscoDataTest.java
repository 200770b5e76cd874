package org.qualigraph.esco;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.support.Documents;
import org.qualigraph.support.EscoTestData;
import org.qualigraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Coverage on the full official ESCO v1.1.1 import, with the expected values computed by this test straight from the
 * relations package (occupationSkillRelations.csv and broaderRelationsSkillPillar.csv), not from the graph.
 */
class SkillsGapEscoDataTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    SkillsGapService gap;

    /** occupation URI -> skill URI -> relation type */
    static Map<String, Map<String, String>> relations;
    /** skill URI -> its direct broader concepts */
    static Map<String, Set<String>> broader;
    /** skill URI -> its direct narrower skills */
    static Map<String, Set<String>> narrower;

    @BeforeEach
    void load() throws IOException {
        EscoTestData.ensureLoaded(context);
        if (relations == null) {
            readRelations();
        }
    }

    private static void readRelations() throws IOException {
        var occupations = new TreeMap<String, Map<String, String>>();
        var up = new HashMap<String, Set<String>>();
        var down = new HashMap<String, Set<String>>();
        try (var zip = new ZipFile(EscoTestData.relationsZip().toFile())) {
            for (CSVRecord row : records(zip, "occupationSkillRelations.csv")) {
                occupations.computeIfAbsent(row.get("occupationUri"), k -> new TreeMap<>())
                        .merge(row.get("skillUri"), row.get("relationType"), (a, b) -> "essential".equals(a) ? a : b);
            }
            for (CSVRecord row : records(zip, "broaderRelationsSkillPillar.csv")) {
                up.computeIfAbsent(row.get("conceptUri"), k -> new HashSet<>()).add(row.get("broaderUri"));
                down.computeIfAbsent(row.get("broaderUri"), k -> new TreeSet<>()).add(row.get("conceptUri"));
            }
        }
        relations = occupations;
        broader = up;
        narrower = down;
    }

    private static List<CSVRecord> records(ZipFile zip, String name) throws IOException {
        var entry = zip.stream().filter(e -> e.getName().endsWith(name)).findFirst().orElseThrow();
        try (var reader = new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    /** The mapped skills plus everything reachable from them along broader relations. */
    static Set<String> closure(Set<String> mapped) {
        var seen = new HashSet<String>(mapped);
        var todo = new ArrayDeque<>(mapped);
        while (!todo.isEmpty()) {
            for (String b : broader.getOrDefault(todo.pop(), Set.of())) {
                if (seen.add(b)) {
                    todo.add(b);
                }
            }
        }
        return seen;
    }

    static List<String> essential(String occupation) {
        return relations.getOrDefault(occupation, Map.of()).entrySet().stream().filter(e -> "essential".equals(e.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    /** The first occupation (by URI) with 8 to 30 essential skills, at least one of which has a narrower skill. */
    static String pickOccupation() {
        return relations.keySet().stream().filter(o -> {
            var ess = essential(o);
            return ess.size() >= 8 && ess.size() <= 30 && ess.stream().anyMatch(narrower::containsKey);
        }).findFirst().orElseThrow();
    }

    static QualificationDocument documentMapping(List<String> first, List<String> second) {
        var doc = Documents.generated("ESCO coverage", 2, 2);
        return doc.withUnits(List.of(GapFixture.withSkills(doc.units().get(0), first, List.of()),
                GapFixture.withSkills(doc.units().get(1), second, List.of())));
    }

    @Test
    void coverageEqualsWhatTheCsvRelationsImply() {
        String occupation = pickOccupation();
        var ess = essential(occupation);
        // every other essential skill directly, plus a narrower skill of one essential skill that is not mapped directly
        var direct = new ArrayList<String>();
        for (int i = 0; i < ess.size(); i += 2) {
            direct.add(ess.get(i));
        }
        String viaNarrower = ess.stream().filter(s -> !direct.contains(s) && narrower.containsKey(s)).findFirst()
                .orElse(ess.stream().filter(narrower::containsKey).findFirst().orElseThrow());
        String narrowerSkill = narrower.get(viaNarrower).iterator().next();
        var doc = documentMapping(direct, List.of(narrowerSkill));

        var mapped = new HashSet<>(direct);
        mapped.add(narrowerSkill);
        Set<String> covered = closure(mapped);
        var optional = relations.get(occupation).entrySet().stream().filter(e -> "optional".equals(e.getValue()))
                .map(Map.Entry::getKey).toList();
        var expectedMissing = ess.stream().filter(s -> !covered.contains(s)).collect(java.util.stream.Collectors.toSet());

        var coverage = gap.coverage(doc, occupation);

        assertThat(coverage.essentialTotal()).isEqualTo(ess.size());
        assertThat(coverage.essentialCovered()).isEqualTo(ess.size() - expectedMissing.size());
        assertThat(coverage.optionalTotal()).isEqualTo(optional.size());
        assertThat(coverage.optionalCovered()).isEqualTo((int) optional.stream().filter(covered::contains).count());
        assertThat(coverage.missingEssential()).extracting(SkillsGap.SkillLabel::uri)
                .containsExactlyInAnyOrderElementsOf(expectedMissing);
        assertThat(coverage.missingEssential()).allSatisfy(s -> assertThat(s.label()).isNotBlank());
        var expectedUnits = closure(new HashSet<>(direct)).contains(viaNarrower) ? List.of("U1", "U2") : List.of("U2");
        assertThat(coverage.coveredBy().get(viaNarrower)).containsExactlyElementsOf(expectedUnits);
    }

    @Test
    void aDocumentCoveringEveryEssentialSkillRanksItsOccupationFirst() {
        String occupation = pickOccupation();
        var ess = essential(occupation);
        var doc = documentMapping(ess.subList(0, ess.size() / 2), ess.subList(ess.size() / 2, ess.size()));

        var matches = gap.occupationMatches(doc, 10);

        assertThat(matches.get(0).occupation()).isEqualTo(occupation);
        assertThat(matches.get(0).score()).isEqualTo(1.0);
        assertThat(matches.get(0).essentialTotal()).isEqualTo(ess.size());
        // every listed score is what the CSV relations give for that occupation
        Set<String> covered = closure(new HashSet<>(ess));
        for (var m : matches) {
            var e = essential(m.occupation());
            long c = e.stream().filter(covered::contains).count();
            assertThat(m.essentialCovered()).as(m.occupation()).isEqualTo((int) c);
            assertThat(m.essentialTotal()).as(m.occupation()).isEqualTo(e.size());
        }
    }
}
