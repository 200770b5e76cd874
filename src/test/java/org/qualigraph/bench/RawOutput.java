package org.qualigraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw output of one benchmark run, kept under docs/benchmarks/ ({@code <name>-<UTC date>-<time>.txt}) so every
 * figure in docs/benchmarks.md can be traced to the run that produced it: the commit, the machine, the load averages
 * before and after, the command, and everything the run printed.
 */
final class RawOutput {

    private final String name;
    private final LocalDateTime started = LocalDateTime.now(ZoneOffset.UTC);
    private final List<String> lines = new ArrayList<>();

    RawOutput(String name, String command) {
        this.name = name;
        line("benchmark: " + name);
        line("started:   " + started.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + " UTC");
        line("commit:    " + commit());
        line("machine:   " + BenchReport.machine());
        line("load avg before (1/5/15 min): " + loadAverage());
        line("command:   " + command + options());
    }

    /** The benchmark options of this run ({@code -Dbench.*}, {@code -Dload.*}, ...), so a raw output names its variant. */
    static String options() {
        var options = new StringBuilder();
        System.getProperties().stringPropertyNames().stream().sorted()
                .filter(key -> key.matches("(bench|load|writers|large|suggest)\\..+"))
                .forEach(key -> options.append(" -D").append(key).append('=').append(System.getProperty(key)));
        return options.toString();
    }

    void line(String text) {
        lines.add(text);
        System.out.println(text);
    }

    /** Writes the file and returns its path relative to the project. */
    Path write() throws IOException {
        line("load avg after (1/5/15 min): " + loadAverage());
        Path dir = Files.createDirectories(Path.of("docs/benchmarks"));
        Path file = dir.resolve(name + "-" + started.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".txt");
        Files.write(file, lines);
        return file;
    }

    /** The 1, 5 and 15 minute load averages of the machine (/proc/loadavg), or what the JVM knows. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f (1 min)",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static String commit() {
        try {
            var process = new ProcessBuilder("git", "log", "-1", "--format=%h %s").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            process.waitFor();
            var dirty = new ProcessBuilder("git", "status", "--porcelain", "--", "src/main").redirectErrorStream(true).start();
            boolean changed = !new String(dirty.getInputStream().readAllBytes()).isBlank();
            dirty.waitFor();
            return out + (changed ? " (plus uncommitted changes under src/main)" : "");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** Latencies of one kind of request with their status codes. */
    static final class Series {
        private final List<Long> nanos = new ArrayList<>();
        private final Map<Integer, Integer> statuses = new TreeMap<>();

        synchronized void add(long elapsedNanos, int status) {
            nanos.add(elapsedNanos);
            statuses.merge(status, 1, Integer::sum);
        }

        synchronized void addAll(Series other) {
            synchronized (other) {
                nanos.addAll(other.nanos);
                other.statuses.forEach((s, n) -> statuses.merge(s, n, Integer::sum));
            }
        }

        synchronized int count() {
            return nanos.size();
        }

        synchronized int count(int statusClass) {
            return statuses.entrySet().stream().filter(e -> e.getKey() / 100 == statusClass).mapToInt(Map.Entry::getValue).sum();
        }

        /** Status codes of 4xx answers with their counts, e.g. {@code 409×12, 413×1}, or "none". */
        synchronized String clientErrors() {
            var parts = statuses.entrySet().stream().filter(e -> e.getKey() / 100 == 4)
                    .map(e -> e.getKey() + "×" + e.getValue()).toList();
            return parts.isEmpty() ? "none" : String.join(", ", parts);
        }

        /** Arithmetic mean in milliseconds. */
        synchronized double mean() {
            return nanos.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1e6;
        }

        /** Nearest-rank percentile in milliseconds. */
        synchronized double percentile(double q) {
            return BenchReport.percentile(BenchReport.sorted(nanos.stream().mapToLong(Long::longValue).toArray()), q);
        }
    }
}
