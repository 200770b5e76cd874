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
import java.util.Collections;
import java.util.List;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.exchange.elm.QdrExports;
import org.qualigraph.support.Documents;
import org.qualigraph.support.SharedData;

/**
 * Time to write the Europass files of a large qualification (120 units of 10 outcomes): LOQ XML and ELM Turtle, each
 * from the document in memory to bytes. Method: 3 warm-up runs, then 15 timed runs; p50 and p95 of wall-clock time;
 * peak heap is the sum of the peak usage of the heap pools after resetting them before the timed runs.
 */
class ExchangeElmBenchmark {

    private static final int WARMUP = 3;
    private static final int RUNS = 15;

    @Test
    void europassExports() throws IOException {
        QdrExports exports = QdrExports.forSchemaDir(SharedData.requireElm());
        QualificationDocument doc = Documents.generated("x", 120, 10);
        var lines = new ArrayList<String>();
        lines.add(measure("LOQ XML", () -> exports.loqXml(doc, "en").length));
        lines.add(measure("ELM Turtle", () -> {
            var out = new ByteArrayOutputStream();
            exports.writeRdf(doc, "en", Lang.TURTLE, out);
            return out.size();
        }));
        append(lines);
    }

    private interface Job {
        int run();
    }

    private static String measure(String name, Job job) {
        for (int i = 0; i < WARMUP; i++) {
            job.run();
        }
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        var times = new ArrayList<Double>();
        int size = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            size = job.run();
            times.add((System.nanoTime() - start) / 1e6);
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        Collections.sort(times);
        String line = String.format("| %s | %d units × 10 outcomes | %.0f ms | %.0f ms | %.0f MB | %d KB |", name, 120,
                times.get(RUNS / 2), times.get((int) Math.ceil(RUNS * 0.95) - 1), peak / 1048576.0, size / 1024);
        System.out.println(line);
        return line;
    }

    private static void append(List<String> lines) throws IOException {
        Path file = Path.of("docs/benchmarks.md");
        Files.createDirectories(file.getParent());
        var text = new StringBuilder();
        if (!Files.exists(file)) {
            text.append("# Benchmarks\n");
        }
        text.append("\n## Europass exports (LOQ XML, ELM RDF)\n\n")
                .append("Date ").append(LocalDate.now()).append("; ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores; max heap ").append(Runtime.getRuntime().maxMemory() / 1048576).append(" MB; Java ")
                .append(System.getProperty("java.version")).append(" (").append(System.getProperty("java.vm.name")).append("). ")
                .append("`Documents.generated(\"x\", 120, 10)` (1,200 outcomes), document in memory to bytes. ")
                .append(WARMUP).append(" warm-up runs, ").append(RUNS).append(" timed runs, wall clock; peak heap = sum ")
                .append("of heap pool peaks during the timed runs (includes garbage not yet collected). Target ≤ 2 s each. ")
                .append("The machine is shared by other builds, so figures are upper bounds.\n\n")
                .append("| export | size of input | p50 | p95 | peak heap | output |\n|---|---|---|---|---|---|\n");
        lines.forEach(l -> text.append(l).append('\n'));
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
