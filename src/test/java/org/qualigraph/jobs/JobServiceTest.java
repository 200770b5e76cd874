package org.qualigraph.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The job runner without Spring: states, progress, counts, errors and listeners. */
class JobServiceTest {

    private final JobService jobs = new JobService();

    @AfterEach
    void stop() {
        jobs.destroy();
    }

    @Test
    void aJobReportsProgressAndCountsAndEndsDone() throws Exception {
        var release = new CountDownLatch(1);
        String id = jobs.start("test", context -> {
            context.progress(0.5);
            context.count("rows", 42);
            release.await(5, TimeUnit.SECONDS);
        });
        List<JobStatus> seen = new CopyOnWriteArrayList<>();
        var done = new CountDownLatch(1);
        jobs.addListener(id, status -> {
            seen.add(status);
            if (status.finished()) {
                done.countDown();
            }
        });
        release.countDown();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();

        JobStatus status = jobs.status(id).orElseThrow();
        assertThat(status.state()).isEqualTo(JobState.DONE);
        assertThat(status.progress()).isEqualTo(1.0);
        assertThat(status.counts()).containsEntry("rows", 42);
        assertThat(status.error()).isNull();
        assertThat(seen).last().extracting(JobStatus::state).isEqualTo(JobState.DONE);
    }

    @Test
    void aFailingJobKeepsItsMessageAndProgressNeverGoesBack() throws Exception {
        String id = jobs.start("test", context -> {
            context.progress(0.7);
            context.progress(0.2);
            throw new JobFailure("skills_en.csv line 9: bad");
        });
        for (int i = 0; i < 50 && !jobs.status(id).orElseThrow().finished(); i++) {
            Thread.sleep(20);
        }
        JobStatus status = jobs.status(id).orElseThrow();
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.error()).isEqualTo("skills_en.csv line 9: bad");
        assertThat(status.progress()).isEqualTo(0.7);
        assertThat(jobs.status("unknown")).isEmpty();
    }
}
