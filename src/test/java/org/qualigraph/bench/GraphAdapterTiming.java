package org.qualigraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The same document read and title-only save of a 100-unit × 10-outcome qualification through each adapter of the
 * graph port, in-process over the service (no HTTP), same JVM and database: what Bolt costs when the database runs in
 * the same process. Figures and load averages are appended to {@code docs/benchmarks/graph-adapters.txt}.
 */
abstract class GraphAdapterTiming extends IntegrationTest {

    private static final int WARM_UP = 20;
    private static final int TIMED = 60;

    @Autowired
    QualificationService qualifications;

    @Test
    void readAndTitleOnlySaveOfAHundredUnitDocument() throws Exception {
        String before = uptime();
        var doc = qualifications.create(Documents.generated("Adapter timing", 100, 10), "designer");
        var reads = new ArrayList<Long>();
        var saves = new ArrayList<Long>();
        for (int i = 0; i < WARM_UP + TIMED; i++) {
            long start = System.nanoTime();
            QualificationDocument read = qualifications.get(doc.id());
            long readTime = System.nanoTime() - start;
            start = System.nanoTime();
            doc = qualifications.update(doc.id(), read.withTitle(Map.of("en", "Adapter timing " + i)), "designer");
            long saveTime = System.nanoTime() - start;
            if (i >= WARM_UP) {
                reads.add(readTime);
                saves.add(saveTime);
            }
        }
        String line = String.format(Locale.ROOT, "%s adapter (%s), 100 × 10 document, %d timed after %d warm-up, service calls "
                        + "in-process: GET p50 %.1f ms p95 %.1f ms; title-only save p50 %.1f ms p95 %.1f ms; load before [%s] after [%s]",
                graph.access(), java.time.Instant.now(), TIMED, WARM_UP, p(reads, 0.5), p(reads, 0.95), p(saves, 0.5),
                p(saves, 0.95), before, uptime());
        System.out.println(line);
        Path out = Path.of("docs/benchmarks/graph-adapters.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static double p(List<Long> nanos, double q) {
        var sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    private static String uptime() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
