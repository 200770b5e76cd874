package org.qualigraph.bench;

import java.io.ByteArrayOutputStream;
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
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.exchange.Exporter;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Time and peak heap of the core-curriculum documents (PDF, DOCX, HTML) of a generated 120-unit qualification with 10
 * outcomes a unit (1,200 outcomes). Method: the exporter beans of the application, 1 warm-up run, then N measured
 * runs, wall-clock per run with System.nanoTime, p50/p95 by nearest rank. Peak heap: the sum of the peak usage of the
 * heap memory pools, reset before the measured runs (an upper bound; the Spring context is included).
 * Appends its figures to docs/benchmarks.md under "## Core-curriculum documents".
 */
class DocumentBenchmark extends IntegrationTest {

    private static final int WARM_UP = 1;
    private static final int RUNS = 5;

    @Autowired
    List<Exporter> exporters;

    @Test
    void coreCurriculumDocuments() throws IOException {
        QualificationDocument doc = Documents.generated("x", 120, 10).withIdentity("bench", 1L, null, null);
        var lines = new ArrayList<String>();
        lines.add("");
        lines.add("## Core-curriculum documents");
        lines.add("");
        lines.add("Run " + LocalDate.now() + " by `org.qualigraph.bench.DocumentBenchmark` (`./mvnw -Pbench test -Dtest=DocumentBenchmark`)"
                + " on " + Runtime.getRuntime().availableProcessors() + " cores, " + command("free", "-h").lines().skip(1).findFirst().orElse("").replaceAll("\\s+", " ")
                + ", " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", -Xmx4g. The machine was shared"
                + " with other builds (load average " + String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()) + ").");
        lines.add("Document: `Documents.generated(\"x\", 120, 10)` (120 units, 1,200 outcomes, 120 work-based periods and assessments)."
                + " Method: " + WARM_UP + " warm-up run(s), " + RUNS + " measured runs each, wall clock, p50/p95 by nearest rank;"
                + " peak heap = sum of heap-pool peaks over the measured runs (upper bound, Spring context included).");
        lines.add("");
        lines.add("| format | size | p50 | p95 | max | peak heap | target |");
        lines.add("| --- | --- | --- | --- | --- | --- | --- |");
        for (String format : List.of("pdf", "docx", "html")) {
            Exporter exporter = exporters.stream().filter(e -> e.format().equals(format)).findFirst().orElseThrow();
            int size = 0;
            for (int i = 0; i < WARM_UP; i++) {
                size = run(exporter, doc).length;
            }
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long[] millis = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                run(exporter, doc);
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            Arrays.sort(millis);
            String line = "| " + format + " | " + size / 1024 + " kB | " + rank(millis, 50) + " ms | " + rank(millis, 95) + " ms | "
                    + millis[RUNS - 1] + " ms | " + peak / (1024 * 1024) + " MB | " + (format.equals("html") ? "-" : "≤ 2000 ms") + " |";
            lines.add(line);
            System.out.println(line);
        }
        Path file = Path.of("docs/benchmarks.md");
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, "# Benchmarks\n", StandardCharsets.UTF_8);
        }
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static byte[] run(Exporter exporter, QualificationDocument doc) throws IOException {
        var out = new ByteArrayOutputStream();
        exporter.write(doc, "en", out);
        return out.toByteArray();
    }

    private static long rank(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String command(String... command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
