package org.qualigraph.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.qualigraph.base.neo4j.TransientRetry;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.quality.ReviewCommentService;
import org.qualigraph.quality.ReviewWorkflowService;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.SharedUnitInterleavings;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The long soak of the shared-unit interleavings (issue #17): the exploration of {@code SharedUnitInterleavingsTest}
 * run again and again with new seeds for {@code -Dsoak.minutes} (default 10) with longer operation sequences
 * ({@code -Dsoak.operations}, default 40 per editor and run), each run checked by the same history-based oracle. Writes
 * runs, operations, acknowledged and refused writes, retries and the violations found (expected: none) to
 * docs/benchmarks.md, and fails on the first run with a violation, naming its seed.
 * <p>
 * Run: {@code ./mvnw -B -ntp -Pbench test -Dtest=SharedUnitSoakBenchmark -Dsoak.minutes=10}
 */
class SharedUnitSoakBenchmark extends IntegrationTest {

    @Autowired
    QualificationService qualifications;
    @Autowired
    ReviewWorkflowService workflow;
    @Autowired
    ReviewCommentService comments;
    @Autowired
    ObjectMapper json;
    @Autowired
    MeterRegistry meters;

    @Test
    void soakSharedUnitsWithRandomInterleavings() throws Exception {
        var explorer = new SharedUnitInterleavings(qualifications, workflow, comments, json,
                () -> meters.find(TransientRetry.METRIC).counters().stream().mapToDouble(Counter::count).sum());
        Duration budget = Duration.ofSeconds((long) (Double.parseDouble(System.getProperty("soak.minutes", "10")) * 60));
        int operations = Integer.getInteger("soak.operations", 40);
        long seed = Long.getLong("soak.seed", System.nanoTime() % 1_000_000_000);
        long start = System.nanoTime();
        var outcomes = new ArrayList<SharedUnitInterleavings.Outcome>();
        List<String> violations = List.of();
        while (System.nanoTime() - start < budget.toNanos()) {
            var outcome = explorer.run(seed + outcomes.size(), operations);
            outcomes.add(outcome);
            if (!outcome.violations().isEmpty()) {
                violations = outcome.violations();
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int ops = outcomes.stream().mapToInt(SharedUnitInterleavings.Outcome::operations).sum();
        int acknowledged = outcomes.stream().mapToInt(SharedUnitInterleavings.Outcome::acknowledged).sum();
        int refused = outcomes.stream().mapToInt(SharedUnitInterleavings.Outcome::refused).sum();
        int submitted = outcomes.stream().mapToInt(SharedUnitInterleavings.Outcome::submitted).sum();
        int kept = outcomes.stream().mapToInt(SharedUnitInterleavings.Outcome::staleKept).sum();
        double retries = outcomes.stream().mapToDouble(SharedUnitInterleavings.Outcome::retries).sum();
        var lines = new ArrayList<String>();
        lines.add("Command: `./mvnw -B -ntp -Pbench test -Dtest=SharedUnitSoakBenchmark -Dsoak.minutes="
                + budget.toMinutes() + "` (in-process harness database, three editor threads per run on three "
                + "qualifications sharing units; first seed " + seed + ").");
        lines.add("");
        lines.add("| runs | operations | acknowledged | refused (409) | submitted | stale unit copies kept | retries | seconds | violations |");
        lines.add("|---|---|---|---|---|---|---|---|---|");
        lines.add(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %d | %.0f | %.0f | %d |", outcomes.size(), ops,
                acknowledged, refused, submitted, kept, retries, seconds, violations.size()));
        violations.stream().limit(10).forEach(v -> lines.add("- " + v));
        BenchReport.append("Shared units: random interleavings soak", lines);
        if (!violations.isEmpty()) {
            throw new AssertionError("seed " + outcomes.get(outcomes.size() - 1).seed() + ": " + violations);
        }
    }
}
