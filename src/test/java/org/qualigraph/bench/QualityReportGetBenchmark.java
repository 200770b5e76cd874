package org.qualigraph.bench;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code GET /api/qualifications/{id}/quality} of a stored 100-unit × 10-outcome qualification, in-process over
 * MockMvc against the test harness database: the first request (computes the report), then 50 unmeasured and 300
 * measured requests with nothing changed (the steady state), and 20 pairs of a title-only save followed by a
 * measured GET (a stale report: computed by the request). Wall clock per request, p50/p95 by nearest rank. Prints
 * its figures; docs/benchmarks.md keeps them with the load average.
 */
class QualityReportGetBenchmark extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    QualificationService qualifications;

    @Test
    void qualityReportOfALargeDocument() throws Exception {
        var stored = qualifications.create(Documents.generated("Large", 100, 10), TestUsers.DESIGNER);
        System.out.printf("BENCH load average before %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        long first = time(stored.id());
        for (int i = 0; i < 50; i++) {
            time(stored.id());
        }
        var steady = new ArrayList<Long>();
        for (int i = 0; i < 300; i++) {
            steady.add(time(stored.id()));
        }
        var afterSave = new ArrayList<Long>();
        var current = stored;
        for (int i = 0; i < 20; i++) {
            current = qualifications.update(current.id(), current.withTitle(java.util.Map.of("en", "Large " + i)),
                    TestUsers.DESIGNER);
            afterSave.add(time(current.id()));
        }
        System.out.printf("BENCH first GET %.1f ms%n", first / 1e6);
        System.out.printf("BENCH steady GET (300): p50 %.2f ms, p95 %.2f ms, max %.2f ms%n", pct(steady, 50), pct(steady, 95), pct(steady, 100));
        System.out.printf("BENCH GET after a title-only save (20): p50 %.1f ms, p95 %.1f ms%n", pct(afterSave, 50), pct(afterSave, 95));
        System.out.printf("BENCH load average after %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private long time(String id) throws Exception {
        long start = System.nanoTime();
        mvc.perform(get("/api/qualifications/{id}/quality", id)
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.REVIEWER))).andExpect(status().isOk());
        return System.nanoTime() - start;
    }

    private static double pct(List<Long> nanos, int p) {
        var sorted = nanos.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }
}
