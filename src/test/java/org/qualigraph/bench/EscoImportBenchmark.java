package org.qualigraph.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4jBuilders;
import org.qualigraph.esco.EscoService;
import org.qualigraph.support.EscoTestData;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.SharedData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Full ESCO v1.1.1 import into a fresh in-process database (the test harness, like the embedded default: Neo4j
 * Community in the same JVM) against a plain Cypher baseline ({@code LOAD CSV ... CALL IN TRANSACTIONS} over the
 * unpacked files, in its own fresh in-process database), then skill search latency over 1,000 queries made from
 * occupation labels. Appends the figures to docs/benchmarks.md. Run: {@code ./mvnw -Pbench test -Dtest=EscoImportBenchmark}.
 */
class EscoImportBenchmark extends IntegrationTest {

    @Autowired
    EscoService esco;
    @Autowired
    Driver driver;

    @Test
    void importAndSearch() throws Exception {
        Path dir = SharedData.requireEsco();
        var raw = new RawOutput("esco-import", "./mvnw -B -ntp -Pbench test -Dtest=EscoImportBenchmark");
        String loadBefore = RawOutput.loadAverage();
        Path classification = dir.resolve("esco-v1.1.1-classification-en-csv.zip");
        Path relations = dir.resolve("esco-v1.1.1-relations-csv.zip");

        var classificationFile = new EscoService.PackageFile(classification, classification.getFileName().toString());
        var relationsFile = new EscoService.PackageFile(relations, relations.getFileName().toString());

        // Both loads run twice: first cold (JIT, page cache and Lucene untouched by that kind of work), then warm.
        // Order: baseline, importer, baseline, importer, so that neither side gets all the warm-up.
        double baselineCold = baseline(classification, relations);

        System.gc();
        resetPeaks();
        long start = System.nanoTime();
        Map<String, Object> counts = esco.importNow(classificationFile, relationsFile, "v1.1.1", d -> { });
        double importCold = (System.nanoTime() - start) / 1e9;
        long importPeak = peakHeap();

        long reStart = System.nanoTime();
        esco.importNow(classificationFile, relationsFile, "v1.1.1", d -> { });
        double reimportSeconds = (System.nanoTime() - reStart) / 1e9;

        double baselineWarm = baseline(classification, relations);

        wipeEsco();
        System.gc();
        long warmStart = System.nanoTime();
        esco.importNow(classificationFile, relationsFile, "v1.1.1", d -> { });
        double importWarm = (System.nanoTime() - warmStart) / 1e9;

        List<String> queries = queries();
        for (int i = 0; i < 200; i++) {
            esco.searchSkills(queries.get(i % queries.size()), 10, EscoService.SkillFilter.NONE);
        }
        double[] skillTimes = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long t = System.nanoTime();
            esco.searchSkills(queries.get(i), 10, EscoService.SkillFilter.NONE);
            skillTimes[i] = (System.nanoTime() - t) / 1e6;
        }
        double[] occupationTimes = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long t = System.nanoTime();
            esco.searchOccupations(queries.get(i), 10);
            occupationTimes[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(skillTimes);
        Arrays.sort(occupationTimes);

        String report = String.format(Locale.ROOT, """

                ## ESCO import and search

                Run %s on %s. Method: `./mvnw -Pbench test -Dtest=EscoImportBenchmark` (-Xmx4g). The database is Neo4j
                5.26 Community in-process (neo4j-harness, the same engine as the embedded default), fresh for the import;
                heap figures include the database, which shares the JVM. Load average (1/5/15 min) before: %s; at the end: %s (2 cores).

                | measure | value |
                |---|---|
                | full v1.1.1 import into an empty database (read + validate both zips, write %s skills, %s occupations, %s occupation-skill relations, hierarchy, collections), cold / warm | %.1f s / %.1f s |
                | peak heap during the cold import (sum of heap pools' peaks) | %d MB |
                | re-import of the same release (nothing changes) | %.1f s |
                | baseline: plain Cypher `LOAD CSV` + `CALL {} IN TRANSACTIONS OF 5000 ROWS` of the same files into a fresh in-process database (unzip included; starting and stopping that database excluded), cold / warm | %.1f s / %.1f s |
                | importer / baseline, cold / warm | %.2f / %.2f |
                | skill search, 1,000 queries from occupation labels (whole labels, single words, 4-letter prefixes, one-letter typos), after 200 warm-up queries: p50 / p95 | %.1f ms / %.1f ms |
                | occupation search, same queries: p50 / p95 | %.1f ms / %.1f ms |

                Order of the runs: baseline (cold), importer (cold), re-import, baseline (warm), all ESCO nodes deleted,
                importer (warm): each side is measured once before and once after the JVM has done the same kind of work.
                Percentiles are nearest-rank over the 1,000 timed calls of `EscoService.searchSkills(q, 10)` (service level, no HTTP).
                Targets: import <= 60 s on 2 cores and no slower than the baseline; search p95 <= 25 ms.
                """, LocalDate.now(), machine(), loadBefore, RawOutput.loadAverage(),
                counts.get("skills"), counts.get("occupations"), counts.get("occupationSkillRelations"), importCold, importWarm,
                importPeak / (1024 * 1024), reimportSeconds, baselineCold, baselineWarm, importCold / baselineCold,
                importWarm / baselineWarm,
                percentile(skillTimes, 50), percentile(skillTimes, 95), percentile(occupationTimes, 50), percentile(occupationTimes, 95));
        Path file = Path.of("docs/benchmarks.md");
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, "# Benchmarks\n");
        }
        Files.writeString(file, report, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        raw.line(report);
        raw.write();
    }

    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private List<String> queries() {
        List<String> labels = graph.query("MATCH (o:EscoOccupation) RETURN o.label ORDER BY o.uri")
                .fetchAs(String.class).all().stream().toList();
        var random = new Random(42);
        var queries = new ArrayList<String>();
        while (queries.size() < 1000) {
            String label = labels.get(random.nextInt(labels.size()));
            String[] words = label.split("[^\\p{L}]+");
            String word = words[random.nextInt(words.length)];
            if (word.length() < 3) {
                continue;
            }
            switch (queries.size() % 4) {
                case 0 -> queries.add(label);
                case 1 -> queries.add(word);
                case 2 -> queries.add(word.substring(0, Math.min(4, word.length())));
                default -> {
                    int at = 1 + random.nextInt(word.length() - 1);
                    queries.add(word.substring(0, at) + word.substring(at + 1));
                }
            }
        }
        return queries;
    }

    /**
     * The same load as plain Cypher: LOAD CSV from the unpacked files, in batches of 5,000 rows. The timer covers the
     * unzip and the statements only: starting the fresh database before and stopping it after are left out, as the
     * importer's timer runs against a database that is already up.
     */
    private static double baseline(Path classification, Path relations) throws IOException {
        Path importDir = Files.createTempDirectory("esco-baseline");
        long elapsed;
        try (var neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer()
                .withConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir).build();
             var driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
             var session = driver.session()) {
            session.run("RETURN 1").consume();
            long start = System.nanoTime();
            unzip(classification, importDir);
            unzip(relations, importDir);
            for (String statement : List.of(
                    "CREATE CONSTRAINT IF NOT EXISTS FOR (n:EscoSkill) REQUIRE n.uri IS UNIQUE",
                    "CREATE CONSTRAINT IF NOT EXISTS FOR (n:EscoOccupation) REQUIRE n.uri IS UNIQUE",
                    "CREATE CONSTRAINT IF NOT EXISTS FOR (n:IscoGroup) REQUIRE n.uri IS UNIQUE",
                    "CREATE FULLTEXT INDEX s IF NOT EXISTS FOR (n:EscoSkill) ON EACH [n.label, n.searchText]",
                    "CREATE FULLTEXT INDEX o IF NOT EXISTS FOR (n:EscoOccupation) ON EACH [n.label, n.searchText]",
                    load("skills_en.csv", """
                            MERGE (n:EscoSkill {uri: row.conceptUri})
                            SET n.label = row.preferredLabel, n.altLabels = split(coalesce(row.altLabels, ''), '\\n'),
                                n.searchText = row.altLabels, n.skillType = row.skillType, n.reuseLevel = row.reuseLevel,
                                n.description = row.description, n.escoVersion = 'v1.1.1', n.obsolete = false"""),
                    load("skillGroups_en.csv", """
                            MERGE (n:EscoSkill {uri: row.conceptUri}) SET n:EscoSkillGroup, n.label = row.preferredLabel,
                                n.altLabels = split(coalesce(row.altLabels, ''), '\\n'), n.code = row.code,
                                n.description = row.description, n.escoVersion = 'v1.1.1'"""),
                    load("occupations_en.csv", """
                            MERGE (n:EscoOccupation {uri: row.conceptUri})
                            SET n.label = row.preferredLabel, n.altLabels = split(coalesce(row.altLabels, ''), '\\n'),
                                n.searchText = row.altLabels, n.iscoGroup = row.iscoGroup, n.code = row.code,
                                n.description = row.description, n.escoVersion = 'v1.1.1', n.obsolete = false"""),
                    load("ISCOGroups_en.csv", """
                            MERGE (n:IscoGroup {uri: row.conceptUri}) SET n.code = row.code, n.label = row.preferredLabel,
                                n.description = row.description"""),
                    load("occupationSkillRelations.csv", """
                            MATCH (o:EscoOccupation {uri: row.occupationUri}) MATCH (s:EscoSkill {uri: row.skillUri})
                            CREATE (o)-[:REQUIRES_SKILL {type: row.relationType}]->(s)"""),
                    load("skillSkillRelations.csv", """
                            MATCH (a:EscoSkill {uri: row.originalSkillUri}) MATCH (b:EscoSkill {uri: row.relatedSkillUri})
                            CREATE (a)-[:RELATED_SKILL {type: row.relationType}]->(b)"""),
                    load("broaderRelationsSkillPillar.csv", """
                            MATCH (a:EscoSkill {uri: row.conceptUri}) MATCH (b:EscoSkill {uri: row.broaderUri})
                            CREATE (a)-[:BROADER]->(b)"""),
                    load("broaderRelationsOccPillar.csv", """
                            OPTIONAL MATCH (a1:EscoOccupation {uri: row.conceptUri}) OPTIONAL MATCH (a2:IscoGroup {uri: row.conceptUri})
                            OPTIONAL MATCH (b1:EscoOccupation {uri: row.broaderUri}) OPTIONAL MATCH (b2:IscoGroup {uri: row.broaderUri})
                            WITH coalesce(a1, a2) AS a, coalesce(b1, b2) AS b WHERE a IS NOT NULL AND b IS NOT NULL
                            CREATE (a)-[:BROADER]->(b)"""),
                    collection("digitalSkillsCollection_en.csv", "digital"),
                    collection("greenSkillsCollection_en.csv", "green"),
                    collection("transversalSkillsCollection_en.csv", "transversal"),
                    collection("languageSkillsCollection_en.csv", "language"),
                    collection("researchSkillsCollection_en.csv", "research"),
                    collection("digCompSkillsCollection_en.csv", "digcomp"))) {
                session.run(statement).consume();
            }
            elapsed = System.nanoTime() - start;
        } finally {
            try (var files = Files.walk(importDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return elapsed / 1e9;
    }

    /** Deletes every ESCO node, so that the next import is a first import again. */
    private void wipeEsco() {
        try (var session = driver.session()) {
            session.run("""
                    MATCH (n) WHERE n:EscoSkill OR n:EscoOccupation OR n:IscoGroup OR n:EscoRelease
                    CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS
                    """).consume();
        }
    }

    private static String load(String file, String body) {
        return "LOAD CSV WITH HEADERS FROM 'file:///" + file + "' AS row CALL (row) {\n" + body
                + "\n} IN TRANSACTIONS OF 5000 ROWS";
    }

    private static String collection(String file, String name) {
        return load(file, "MATCH (n:EscoSkill {uri: row.conceptUri}) SET n.collections = coalesce(n.collections, []) + '" + name + "'");
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (var file = new ZipFile(zip.toFile())) {
            for (var entry : java.util.Collections.list(file.entries())) {
                try (var in = file.getInputStream(entry)) {
                    Files.copy(in, target.resolve(Path.of(entry.getName()).getFileName().toString()));
                }
            }
        }
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.availableProcessors() + " cores, " + (runtime.maxMemory() / (1024 * 1024)) + " MB max heap, Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), total RAM "
                + (((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize()
                / (1024 * 1024 * 1024)) + " GB";
    }
}
