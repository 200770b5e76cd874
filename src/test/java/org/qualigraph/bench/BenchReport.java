package org.qualigraph.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Appends benchmark figures to docs/benchmarks.md with the machine and the date. */
final class BenchReport {

    private BenchReport() {
    }

    static String machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        long memory = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : -1;
        return String.format("%d cores, %.0f GiB RAM, %s %s, Java %s, max heap %d MiB", os.getAvailableProcessors(),
                memory / 1024.0 / 1024 / 1024, os.getName(), os.getArch(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / 1024 / 1024);
    }

    static void append(String heading, List<String> lines) throws IOException {
        Path file = Path.of("docs/benchmarks.md");
        if (!Files.exists(file)) {
            Files.writeString(file, "# Benchmarks\n\nFigures measured with `./mvnw -Pbench test`; each section names its machine and date.\n");
        }
        var text = new StringBuilder("\n## ").append(heading).append("\n\n")
                .append("Measured ").append(LocalDate.now()).append(" on ").append(machine()).append(".\n\n");
        lines.forEach(line -> text.append(line).append('\n'));
        Files.writeString(file, text.toString(), StandardOpenOption.APPEND);
        System.out.println(text);
    }

    /** The q-quantile (0-1) of the values by the nearest-rank method. */
    static double percentile(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
