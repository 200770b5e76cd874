package org.qualigraph.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(JobRecovery.class);

    private final JobService jobs;
    private final Environment environment;

    JobRecovery(JobService jobs, Environment environment) {
        this.jobs = jobs;
        this.environment = environment;
    }

    @EventListener
    void failJobsOfAnEarlierRun(ApplicationStartedEvent event) {
        String uri = environment.getProperty("spring.neo4j.uri", "");
        if (!uri.isBlank() && !uri.equals("embedded")) {
            return;
        }
        try {
            jobs.failLeftOver();
        } catch (RuntimeException e) {
            if (!event.getApplicationContext().isClosed()) {
                throw e;
            }
            // a stop while starting closed the database under the look-up: the next start does it
            log.info("The application stopped before jobs of an earlier run were checked; the next start checks them");
        }
    }
}
