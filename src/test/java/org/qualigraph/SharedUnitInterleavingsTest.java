package org.qualigraph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.qualigraph.base.neo4j.TransientRetry;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.quality.ReviewCommentService;
import org.qualigraph.quality.ReviewWorkflowService;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.SharedUnitInterleavings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Random interleavings of saves (fresh and stale copies), adoption and dropping of units, submit, approve, comments
 * and derives on three qualifications sharing units, on real threads against the real database, each run checked by
 * the history-based oracle of {@link SharedUnitInterleavings}. Bounded to well under a minute; the seeds are
 * logged, and {@code -Dinterleavings.seed=n} replays one. The long soak is {@code bench/SharedUnitSoakBenchmark}.
 */
class SharedUnitInterleavingsTest extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(SharedUnitInterleavingsTest.class);

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
    void randomInterleavingsOnSharedUnitsLoseNoAcknowledgedChange() throws Exception {
        var explorer = new SharedUnitInterleavings(qualifications, workflow, comments, json,
                () -> meters.find(TransientRetry.METRIC).counters().stream().mapToDouble(Counter::count).sum());
        long first = Long.getLong("interleavings.seed", System.nanoTime() % 1_000_000);
        int runs = Integer.getInteger("interleavings.runs", 8);
        var outcomes = new ArrayList<SharedUnitInterleavings.Outcome>();
        for (int i = 0; i < runs; i++) {
            var outcome = explorer.run(first + i, Integer.getInteger("interleavings.operations", 24));
            log.info("Interleavings run (seed {}): {} operations, {} acknowledged, {} refused (409), {} submitted, "
                            + "{} stale unit copies kept as stored, {} retries", outcome.seed(), outcome.operations(),
                    outcome.acknowledged(), outcome.refused(), outcome.submitted(), outcome.staleKept(), outcome.retries());
            assertThat(outcome.violations()).as("violations of run with seed %d (replay: -Dinterleavings.seed=%d"
                    + " -Dinterleavings.runs=1)", outcome.seed(), outcome.seed()).isEmpty();
            outcomes.add(outcome);
        }
        // the exploration reached what it is about: acknowledged saves and stale copies, refusals and frozen states
        assertThat(outcomes.stream().mapToInt(SharedUnitInterleavings.Outcome::acknowledged).sum()).isPositive();
        assertThat(outcomes.stream().mapToInt(SharedUnitInterleavings.Outcome::refused).sum()).isPositive();
        assertThat(outcomes.stream().mapToInt(SharedUnitInterleavings.Outcome::submitted).sum()).isPositive();
        double retries = outcomes.stream().mapToDouble(SharedUnitInterleavings.Outcome::retries).sum();
        int operations = outcomes.stream().mapToInt(SharedUnitInterleavings.Outcome::operations).sum();
        log.info("Interleavings: {} runs, {} operations, {} transaction retries ({})", runs, operations, retries,
                TransientRetry.METRIC);
        assertThat(retries).as("retries (%s) this test needed", TransientRetry.METRIC).isLessThan(operations / 4.0);
    }
}
