package org.qualigraph.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How jobs are kept alive in the graph, and how they make way for people's requests ({@code qualigraph.jobs.*}).
 *
 * @param heartbeatInterval how often an instance stamps the jobs it runs
 * @param heartbeatTimeout  a RUNNING job whose stamp is older is taken for dead (its instance stopped) and marked FAILED
 * @param progressInterval  at most one progress write per job in this interval
 * @param instanceId        name of this application instance in jobs and logs; empty: host, process id and a random part
 * @param yieldRequests     a job that yields waits while at least this many HTTP requests are in flight (or were within
 *                          {@code yieldQuiet}); 0: the number of cores, since a job takes one core and the requests need
 *                          the others
 * @param yieldQuiet        how long the load must have stayed below {@code yieldRequests} before a job goes on
 * @param yieldTrickle      the longest a job waits under constant load before it takes one small step anyway, so it
 *                          always progresses, slowly
 * @param yieldWork         a job that yields also waits while one request that has run at least this long is in flight
 *                          or ended within {@code yieldQuiet}: one person saving a large document keeps the cores busy
 *                          by themselves, while an open editor's poll every few seconds ends sooner and does not count;
 *                          0: only {@code yieldRequests} counts
 */
@ConfigurationProperties(prefix = "qualigraph.jobs")
public record JobSettings(
        Duration heartbeatInterval,
        Duration heartbeatTimeout,
        Duration progressInterval,
        String instanceId,
        int yieldRequests,
        Duration yieldQuiet,
        Duration yieldTrickle,
        Duration yieldWork) {

    @ConstructorBinding
    public JobSettings(
            @DefaultValue("5s") Duration heartbeatInterval,
            @DefaultValue("60s") Duration heartbeatTimeout,
            @DefaultValue("500ms") Duration progressInterval,
            @DefaultValue("") String instanceId,
            @DefaultValue("0") int yieldRequests,
            @DefaultValue("300ms") Duration yieldQuiet,
            @DefaultValue("2s") Duration yieldTrickle,
            @DefaultValue("16ms") Duration yieldWork) {
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero() || progressInterval.isNegative()
                || progressInterval.isZero()) {
            throw new IllegalArgumentException("qualigraph.jobs.heartbeat-interval and progress-interval must be positive");
        }
        if (heartbeatTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("qualigraph.jobs.heartbeat-timeout (" + heartbeatTimeout
                    + ") must be at least twice qualigraph.jobs.heartbeat-interval (" + heartbeatInterval + ")");
        }
        if (yieldRequests < 0 || yieldQuiet.isNegative() || yieldTrickle.isNegative() || yieldTrickle.isZero()
                || yieldWork.isNegative()) {
            throw new IllegalArgumentException("qualigraph.jobs.yield-requests, yield-quiet and yield-work must not be "
                    + "negative, qualigraph.jobs.yield-trickle must be positive");
        }
        this.heartbeatInterval = heartbeatInterval;
        this.heartbeatTimeout = heartbeatTimeout;
        this.progressInterval = progressInterval;
        this.instanceId = instanceId;
        this.yieldRequests = yieldRequests;
        this.yieldQuiet = yieldQuiet;
        this.yieldTrickle = yieldTrickle;
        this.yieldWork = yieldWork;
    }

    /** With the default ways of yielding. */
    public JobSettings(Duration heartbeatInterval, Duration heartbeatTimeout, Duration progressInterval, String instanceId) {
        this(heartbeatInterval, heartbeatTimeout, progressInterval, instanceId, 0, Duration.ofMillis(300), Duration.ofSeconds(2),
                Duration.ofMillis(16));
    }

    /** The defaults, for code that builds a service without Spring. */
    public static JobSettings defaults() {
        return new JobSettings(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMillis(500), "");
    }

    /** The number of requests in flight at which a job yields. */
    public int yieldAt() {
        return yieldRequests > 0 ? yieldRequests : Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
