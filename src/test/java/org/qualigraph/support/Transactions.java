package org.qualigraph.support;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.neo4j.driver.Driver;
import org.qualigraph.base.neo4j.TransientRetry;

/** What the concurrency tests look at in the database and the metrics: transactions waiting for a lock, and retries. */
public final class Transactions {

    private Transactions() {
    }

    /** Waits until at least this many transactions wait for a lock; fails with {@code what} when the time is up. */
    public static void awaitBlocked(Driver driver, int count, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (var session = driver.session()) {
                long blocked = session.run("SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n")
                        .single().get("n").asLong();
                if (blocked >= count) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError(what + " (fewer than " + count + " transactions blocked within " + timeout + ")");
    }

    /** Write transactions run again on transient errors so far, over every method ({@link TransientRetry#METRIC}). */
    public static double retries(MeterRegistry meters) {
        return meters.find(TransientRetry.METRIC).counters().stream().mapToDouble(Counter::count).sum();
    }

    /** The same, of one method ({@code QualificationService.update}), so that other tests' retries do not count. */
    public static double retries(MeterRegistry meters, String method) {
        return meters.find(TransientRetry.METRIC).tag("method", method).counters().stream().mapToDouble(Counter::count).sum();
    }
}
