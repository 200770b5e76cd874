package org.qualigraph.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qualigraph.base.InteractiveLoad;
import org.qualigraph.support.HeldRequests;
import org.qualigraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Background jobs make way for people's requests (issue #21, item 4): with requests held in flight through the
 * application's own request filter, a job that yields does not move and says that it waits; when the requests end it
 * goes on at once and finishes; under load that never ends it still takes a step per trickle time.
 */
class JobYieldTest extends IntegrationTest {

    /** Two requests in flight are load; how long one runs is not asked (yield-work 0). */
    private static final JobSettings SETTINGS = new JobSettings(Duration.ofMillis(250), Duration.ofSeconds(5),
            Duration.ofMillis(100), "", 2, Duration.ofMillis(100), Duration.ofSeconds(60), Duration.ZERO);
    /** As above, and one request that has run 16 ms is load too (the application's default). */
    private static final JobSettings WORK = new JobSettings(Duration.ofMillis(250), Duration.ofSeconds(5),
            Duration.ofMillis(100), "", 2, Duration.ofMillis(100), Duration.ofSeconds(60), Duration.ofMillis(16));

    @Autowired
    InteractiveLoad load;
    @Autowired
    MockMvc mvc;

    private HeldRequests held;
    private JobService jobs;

    @BeforeEach
    void jobs() throws InterruptedException {
        graph.query("MATCH (n) WHERE n:Job OR n:JobLock DETACH DELETE n").run();
        // past the quiet time of the requests of the test before
        Thread.sleep(200);
        jobs = new JobService(graph, SETTINGS, load);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (held != null) {
            held.close();
        }
        jobs.destroy();
    }

    @Test
    void everyHttpRequestPassesTheCounter() throws Exception {
        long before = load.served();
        mvc.perform(get("/api/jobs/none"));
        assertThat(load.served()).isEqualTo(before + 1);
        assertThat(load.inFlight()).isZero();
    }

    @Test
    void aJobWaitsWhileRequestsAreInFlightAndGoesOnWhenTheyEnd() throws Exception {
        holdRequests(3);
        var steps = new AtomicInteger();
        String id = jobs.start("yielding", context -> {
            for (int i = 0; i < 5; i++) {
                context.yieldToInteractiveLoad();
                steps.incrementAndGet();
                context.progress((i + 1) / 5.0);
            }
        });

        JobStatus waiting = JobServiceTest.awaitThat(() -> jobs.status(id).orElseThrow(),
                s -> Boolean.TRUE.equals(s.counts().get(JobContext.PAUSED)));
        Thread.sleep(1_000);
        assertThat(steps).as("steps taken while three requests were in flight").hasValue(0);
        assertThat(waiting.state()).isEqualTo(JobState.RUNNING);
        assertThat(jobs.status(id).orElseThrow().progress()).isZero();

        long released = System.nanoTime();
        held.release();
        JobStatus done = JobServiceTest.awaitThat(() -> jobs.status(id).orElseThrow(), JobStatus::finished);
        assertThat(Duration.ofNanos(System.nanoTime() - released)).as("from the end of the requests to the end of the job")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(steps).hasValue(5);
        assertThat(done.counts()).containsEntry(JobContext.PAUSED, false).containsKey(JobContext.PAUSED_SECONDS);
        assertThat(load.inFlight()).isZero();
    }

    @Test
    void fewerRequestsThanTheThresholdLeaveRoom() throws Exception {
        holdRequests(1);
        var room = new CopyOnWriteArrayList<Boolean>();
        String id = jobs.start("beside one request", context -> {
            for (int i = 0; i < 3; i++) {
                room.add(context.yieldToInteractiveLoad());
            }
        });
        JobStatus done = JobServiceTest.awaitThat(() -> jobs.status(id).orElseThrow(), JobStatus::finished);
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(room).containsExactly(true, true, true);
        assertThat(done.counts()).doesNotContainKey(JobContext.PAUSED);
    }

    @Test
    void underLoadThatNeverEndsAJobStillTakesAStepPerTrickle() throws Exception {
        jobs.destroy();
        jobs = new JobService(graph, new JobSettings(Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofMillis(100),
                "", 2, Duration.ofMillis(100), Duration.ofMillis(300), Duration.ZERO), load);
        holdRequests(2);
        var room = new CopyOnWriteArrayList<Boolean>();
        long start = System.nanoTime();
        String id = jobs.start("trickling", context -> {
            for (int i = 0; i < 3; i++) {
                room.add(context.yieldToInteractiveLoad());
            }
        });
        JobStatus done = JobServiceTest.awaitThat(() -> jobs.status(id).orElseThrow(), JobStatus::finished);
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(room).as("no room while two requests stay in flight, a step per trickle all the same")
                .containsExactly(false, false, false);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(load.inFlight()).isEqualTo(2);
    }

    @Test
    void oneRequestThatRunsLongIsWorkAndHoldsTheJob() throws Exception {
        useSettings(WORK);
        holdRequests(1);
        var steps = new AtomicInteger();
        String id = jobs.start("beside one person at work", context -> {
            for (int i = 0; i < 3; i++) {
                context.yieldToInteractiveLoad();
                steps.incrementAndGet();
            }
        });

        JobServiceTest.awaitThat(() -> jobs.status(id).orElseThrow(),
                s -> Boolean.TRUE.equals(s.counts().get(JobContext.PAUSED)));
        Thread.sleep(1_000);
        assertThat(steps).as("steps taken while one request ran for a second").hasValue(0);

        held.release();
        JobStatus done = JobServiceTest.awaitThat(() -> jobs.status(id).orElseThrow(), JobStatus::finished);
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(steps).hasValue(3);
    }

    @Test
    void requestsThatEndQuicklyAreNoWork() throws Exception {
        useSettings(WORK);
        var room = new CopyOnWriteArrayList<Boolean>();
        var polling = new java.util.concurrent.atomic.AtomicBoolean(true);
        // an open editor's polls, far more often than every 4 s: requests of a few milliseconds one after another
        Thread poller = new Thread(() -> {
            while (polling.get()) {
                try {
                    load.doFilter(new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/qualifications"),
                            new org.springframework.mock.web.MockHttpServletResponse(), (request, response) -> {
                            });
                    Thread.sleep(5);
                } catch (Exception e) {
                    return;
                }
            }
        });
        poller.start();
        try {
            String id = jobs.start("beside polls", context -> {
                for (int i = 0; i < 3; i++) {
                    room.add(context.yieldToInteractiveLoad());
                }
            });
            JobStatus done = JobServiceTest.awaitThat(() -> jobs.status(id).orElseThrow(), JobStatus::finished);
            assertThat(done.state()).isEqualTo(JobState.DONE);
            assertThat(room).as("room beside short requests").containsExactly(true, true, true);
        } finally {
            polling.set(false);
            poller.join(5_000);
        }
    }

    private void useSettings(JobSettings settings) {
        jobs.destroy();
        jobs = new JobService(graph, settings, load);
    }

    /** Requests through the application's request filter that are answered when the test says so. */
    private void holdRequests(int count) throws InterruptedException {
        held = HeldRequests.hold(load, count);
        assertThat(load.inFlight()).isEqualTo(count);
    }
}
