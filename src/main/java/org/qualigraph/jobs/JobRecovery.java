package org.qualigraph.jobs;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With the embedded database, the store belongs to one process: a job still RUNNING when it opens was left by the
 * process that ran before (stopped hard or crashed), so it is failed at once instead of after the heartbeat timeout,
 * and a new import can start right away. Over an external database other instances may be running their jobs, so
 * there only the heartbeat timeout decides.
 */
@Component
class JobRecovery {

    private final JobService jobs;
    private final Environment environment;

    JobRecovery(JobService jobs, Environment environment) {
        this.jobs = jobs;
        this.environment = environment;
    }

    @EventListener(ApplicationStartedEvent.class)
    void failJobsOfAnEarlierRun() {
        String uri = environment.getProperty("spring.neo4j.uri", "");
        if (uri.isBlank() || uri.equals("embedded")) {
            jobs.failLeftOver();
        }
    }
}
