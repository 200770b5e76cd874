package org.qualigraph.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How jobs are kept alive in the graph ({@code qualigraph.jobs.*}).
 *
 * @param heartbeatInterval how often an instance stamps the jobs it runs
 * @param heartbeatTimeout  a RUNNING job whose stamp is older is taken for dead (its instance stopped) and marked FAILED
 * @param progressInterval  at most one progress write per job in this interval
 * @param instanceId        name of this application instance in jobs and logs; empty: host, process id and a random part
 */
@ConfigurationProperties(prefix = "qualigraph.jobs")
public record JobSettings(
        @DefaultValue("5s") Duration heartbeatInterval,
        @DefaultValue("60s") Duration heartbeatTimeout,
        @DefaultValue("500ms") Duration progressInterval,
        @DefaultValue("") String instanceId) {

    public JobSettings {
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero() || progressInterval.isNegative()
                || progressInterval.isZero()) {
            throw new IllegalArgumentException("qualigraph.jobs.heartbeat-interval and progress-interval must be positive");
        }
        if (heartbeatTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("qualigraph.jobs.heartbeat-timeout (" + heartbeatTimeout
                    + ") must be at least twice qualigraph.jobs.heartbeat-interval (" + heartbeatInterval + ")");
        }
    }

    /** The defaults, for code that builds a service without Spring. */
    public static JobSettings defaults() {
        return new JobSettings(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMillis(500), "");
    }
}
