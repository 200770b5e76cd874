package org.qualigraph.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.quality.QualityEngine;
import org.qualigraph.quality.QualityInput;
import org.qualigraph.support.Documents;

/**
 * Time of a full quality report (all 44 rules, in memory, no database and no ESCO data) on the demo and on a generated
 * 120-unit x 10-outcome qualification. Warm-up, then timed iterations; p50/p95 by nearest rank over the sorted
 * per-iteration wall times (System.nanoTime). Appends the figures to docs/benchmarks.md under "## Quality report".
 */
class QualityBenchmark {

    private static final int WARM_UP = 100;
    private static final int ITERATIONS = 300;

    @Test
    void qualityReport() throws IOException {
        String loadAverage = loadAverage();
        var engine = new QualityEngine();
        var demo = Documents.demo(new ObjectMapper().findAndRegisterModules());
        var large = Documents.generated("x", 120, 10);
        var demoTimes = measure(engine, demo);
        var largeTimes = measure(engine, large);
        var report = engine.evaluate(QualityInput.of(large));
        String text = """

                ## Quality report

                %s · `QualityBenchmark` · %d warm-up + %d timed iterations of `QualityEngine.evaluate` (all 44 rules, \
                in memory: no database round trip, no governance record, no ESCO release loaded); wall time per \
                iteration with `System.nanoTime`, percentiles by nearest rank.
                Machine: %d CPUs (shared with other sessions; load average at the start: %s), max heap %d MB, %s %s.

                | document | outcomes | p50 ms | p95 ms | max ms | target p95 |
                |---|---|---|---|---|---|
                | demo (graph-seed, 9 units) | %d | %s | %s | %s | ≤ 50 ms |
                | `Documents.generated("x", 120, 10)` | %d | %s | %s | %s | ≤ 200 ms |

                The generated document yields %d findings (%d warnings, %d infos).
                """.formatted(LocalDate.now(), WARM_UP, ITERATIONS, Runtime.getRuntime().availableProcessors(),
                loadAverage, Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                count(demo), ms(pct(demoTimes, 50)), ms(pct(demoTimes, 95)), ms(demoTimes[demoTimes.length - 1]),
                count(large), ms(pct(largeTimes, 50)), ms(pct(largeTimes, 95)), ms(largeTimes[largeTimes.length - 1]),
                report.findings().size(), report.summary().warnings(), report.summary().infos());
        System.out.println(text);
        Path file = Path.of("docs/benchmarks.md");
        if (!Files.exists(file)) {
            Files.writeString(file, "# Benchmarks\n");
        }
        Files.writeString(file, text, StandardOpenOption.APPEND);
        System.out.println("JVM args: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long[] measure(QualityEngine engine, QualificationDocument doc) {
        var input = QualityInput.of(doc);
        for (int i = 0; i < WARM_UP; i++) {
            engine.evaluate(input);
        }
        long[] times = new long[ITERATIONS];
        for (int i = 0; i < ITERATIONS; i++) {
            long start = System.nanoTime();
            engine.evaluate(input);
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return times;
    }

    private static long pct(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    private static int count(QualificationDocument doc) {
        return doc.units().stream().mapToInt(u -> u.outcomes().size()).sum();
    }
}
