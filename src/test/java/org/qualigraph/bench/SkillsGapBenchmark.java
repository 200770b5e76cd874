package org.qualigraph.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.qualigraph.esco.SkillsGapService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.EscoTestData;
import org.qualigraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Skills-gap timings on the full ESCO v1.1.1 import with the demo core curriculum (graph-seed): coverage of its first
 * target occupation, and occupation-matches (top 10) over all loaded occupations. Each call is timed end to end
 * through {@link SkillsGapService} (Cypher over Bolt to the in-process Neo4j, mapping included) after a warm-up;
 * percentiles are nearest-rank over the measured calls. Appends the figures to docs/benchmarks.md.
 */
class SkillsGapBenchmark extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    SkillsGapService gap;

    @Autowired
    ObjectMapper json;

    @Test
    void coverageAndOccupationMatches() throws IOException {
        EscoTestData.ensureLoaded(context);
        var demo = Documents.demo(json);
        String target = demo.targetOccupations().get(0);
        var coverage = gap.coverage(demo, target);
        var matches = gap.occupationMatches(demo, 10);

        long[] cov = time(50, 300, () -> gap.coverage(demo, target));
        long[] mat = time(10, 60, () -> gap.occupationMatches(demo, 10));

        long occupations = graph.query("MATCH (o:EscoOccupation) WHERE o.escoVersion IS NOT NULL RETURN count(o)")
                .fetchAs(Long.class).one().orElse(0L);
        String text = """

                ## Skills-gap analysis

                %s, `SkillsGapBenchmark` (-Pbench), full ESCO v1.1.1 import (%d occupations) in the neo4j-harness
                database of the tests, demo document `graph-seed/battery-cell-production-technician.json` (%d mapped
                skill URIs). Each call timed end to end through `SkillsGapService` after a warm-up; nearest-rank
                percentiles. Machine: %s.

                | measure | calls | p50 | p95 | max | target |
                |---|---|---|---|---|---|
                | coverage of `%s` (%s: essential %d/%d, optional %d/%d) | %d | %s | %s | %s | p95 ≤ 50 ms |
                | occupation-matches, top 10 over all occupations (best: %s, %.2f) | %d | %s | %s | %s | ≤ 1 s |
                """.formatted(LocalDate.now(), occupations, mappedCount(demo), machine(), target, coverage.label(),
                coverage.essentialCovered(), coverage.essentialTotal(), coverage.optionalCovered(), coverage.optionalTotal(),
                cov.length, ms(pct(cov, 50)), ms(pct(cov, 95)), ms(cov[cov.length - 1]),
                matches.isEmpty() ? "-" : matches.get(0).label(), matches.isEmpty() ? 0.0 : matches.get(0).score(),
                mat.length, ms(pct(mat, 50)), ms(pct(mat, 95)), ms(mat[mat.length - 1]));
        Path file = Path.of("docs/benchmarks.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println(text);
    }

    private static long mappedCount(org.qualigraph.curriculum.QualificationDocument doc) {
        return doc.units().stream().flatMap(u -> u.outcomes().stream()).flatMap(o -> o.skills().stream()).distinct().count();
    }

    private static long[] time(int warmup, int runs, Supplier<?> call) {
        for (int i = 0; i < warmup; i++) {
            call.get();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static long pct(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static String machine() {
        List<String> parts = new ArrayList<>();
        parts.add(Runtime.getRuntime().availableProcessors() + " CPUs (nproc)");
        parts.add("max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        parts.add("Java " + System.getProperty("java.version"));
        try {
            var free = new ProcessBuilder("free", "-h").redirectErrorStream(true).start();
            String mem = new String(free.getInputStream().readAllBytes()).lines().filter(l -> l.startsWith("Mem:"))
                    .findFirst().map(l -> "RAM " + l.trim().split("\\s+")[1]).orElse("");
            if (!mem.isEmpty()) {
                parts.add(mem);
            }
        } catch (IOException e) {
            parts.add("RAM unknown");
        }
        return String.join(", ", parts);
    }
}
