package org.qualigraph.quality;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.qualigraph.curriculum.QualificationChanged;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the stored quality reports current, so that a request finds its report instead of computing it: after a
 * change of a qualification commits, its report and those of the qualifications sharing a unit with it (their key
 * holds its version) are computed again; after a governance change, that qualification's. What no event announces
 * (an ESCO import, perhaps on another instance, a new day, other thresholds or rules after a restart) changes the
 * part of the key that all reports share: a check every {@code qualigraph.quality-reports.check-seconds} (and soon
 * after start) notices it and recomputes every stale report.
 * <p>
 * One thread at the lowest priority does all of this, one report at a time, a qualification queued twice only once
 * (saves arriving while it computes are computed once afterwards). It starts right after the commit
 * ({@code qualigraph.quality-reports.delay-millis}, 0 by default): under a steady stream of saves a fixed wait meant that
 * a request nearly always came first and computed the report itself. But while saves of one qualification keep
 * coming less than {@code qualigraph.quality-reports.quiet-millis} (1000) apart, a report computed after each would
 * mostly be stale before anyone read it: such a qualification's report is computed only once it has had no change for
 * that long, and until then a request that asks computes it (once, for every request asking for that key). A single
 * change after a quiet spell is computed right away. A request never waits for queued work; one that
 * finds its report missing or stale while the worker computes that very key waits for that computation (one engine run),
 * otherwise it computes the report itself. With {@code qualigraph.quality-reports.background=false} (the tests) nothing is
 * computed ahead; a deleted qualification's report is dropped in the deleting transaction either way.
 */
@Component
class QualityReportRefresher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(QualityReportRefresher.class);

    private final QualityService quality;
    private final QualificationService qualifications;
    private final boolean enabled;
    private final Duration checkEvery;
    /** How long queued work waits before it is done (0: right after the commit). */
    private final Duration delay;
    /** A qualification changed again within this time is computed once it has been unchanged for this long. */
    private final long quietNanos;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "quality-reports");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    /**
     * Queued work, in order, with the {@link System#nanoTime()} before which it is not done: "changed:" + id (the
     * qualification and those sharing its units) or "refresh:" + id.
     */
    private final LinkedHashMap<String, Long> pending = new LinkedHashMap<>();
    /** When each qualification changed last (guarded by {@code pending}). */
    private final Map<String, Long> lastChange = new HashMap<>();
    /** When the earliest drain already scheduled runs, {@code Long.MAX_VALUE} when none (guarded by {@code pending}). */
    private long wakeAt = Long.MAX_VALUE;
    private String checkedGlobalKey;
    /** False until the application is ready: work queued during the start (the demo's saves) waits for it. */
    private boolean ready;

    QualityReportRefresher(QualityService quality, QualificationService qualifications,
                           @Value("${qualigraph.quality-reports.background:true}") boolean enabled,
                           @Value("${qualigraph.quality-reports.check-seconds:60}") long checkSeconds,
                           @Value("${qualigraph.quality-reports.delay-millis:0}") long delayMillis,
                           @Value("${qualigraph.quality-reports.quiet-millis:1000}") long quietMillis) {
        this.quality = quality;
        this.qualifications = qualifications;
        this.enabled = enabled;
        this.checkEvery = Duration.ofSeconds(Math.max(1, checkSeconds));
        this.delay = Duration.ofMillis(Math.max(0, delayMillis));
        this.quietNanos = Duration.ofMillis(Math.max(0, quietMillis)).toNanos();
    }

    /** Within the deleting transaction: the report goes with its qualification. */
    @EventListener
    void onDeleted(QualificationChanged event) {
        if ("DELETED".equals(event.action())) {
            quality.forget(event.qualificationId());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onChanged(QualificationChanged event) {
        if ("DELETED".equals(event.action()) || !enabled) {
            return;
        }
        long now = System.nanoTime();
        Long previous;
        synchronized (pending) {
            previous = lastChange.put(event.qualificationId(), now);
            if (lastChange.size() > 4096) {
                lastChange.values().removeIf(at -> now - at > quietNanos);
            }
        }
        boolean keepsChanging = previous != null && now - previous < quietNanos;
        queue("changed:" + event.qualificationId(), keepsChanging ? now + quietNanos : now + delay.toNanos());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onGovernance(GovernanceRecorded event) {
        queue("refresh:" + event.qualificationId(), System.nanoTime() + delay.toNanos());
    }

    /**
     * Starts the periodic check and the work queued during the start: computing reports (and loading the sentence
     * model for them) while the demo loads would only make the start longer.
     */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!enabled) {
            return;
        }
        release();
        worker.scheduleWithFixedDelay(this::checkShared, 10_000, checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** From now on queued work is done (and what was queued before). */
    void release() {
        synchronized (pending) {
            ready = true;
            wakeUp();
        }
    }

    /** Waits until the queued work is done (tests). */
    void awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            boolean queued;
            synchronized (pending) {
                queued = !pending.isEmpty();
            }
            if (queued) {
                Thread.sleep(20);
                continue;
            }
            try {
                worker.submit(() -> { }).get(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("the quality report worker did not become idle", e);
            }
            synchronized (pending) {
                if (pending.isEmpty()) {
                    return;
                }
            }
        }
        throw new IllegalStateException("the quality report worker did not become idle within " + timeout);
    }

    /** Recomputes every stale report when what all keys share (date, ESCO release, rules) changed since last time. */
    void checkShared() {
        try {
            String global = quality.globalKey();
            if (global.equals(checkedGlobalKey)) {
                return;
            }
            var stale = quality.staleReports();
            log.debug("{} stored quality reports to compute again", stale.size());
            long now = System.nanoTime();
            stale.forEach(id -> queue("refresh:" + id, now));
            checkedGlobalKey = global;
        } catch (RuntimeException e) {
            log.warn("Could not check the stored quality reports", e);
        }
    }

    /** Queues work to be done from {@code due} on (a later due replaces an earlier one of the same work). */
    private void queue(String work, long due) {
        if (!enabled) {
            return;
        }
        synchronized (pending) {
            pending.put(work, due);
            wakeUp();
        }
    }

    /** Schedules a drain for the earliest due work unless one runs by then (holding {@code pending}). */
    private void wakeUp() {
        if (!ready || pending.isEmpty()) {
            return;
        }
        long earliest = pending.values().stream().mapToLong(Long::longValue).min().getAsLong();
        if (earliest >= wakeAt) {
            return;
        }
        wakeAt = earliest;
        try {
            worker.schedule(this::drain, Math.max(0, earliest - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            // the application is stopping; the next request computes what is missing
        }
    }

    private void drain() {
        synchronized (pending) {
            wakeAt = Long.MAX_VALUE;
        }
        while (true) {
            String work = null;
            synchronized (pending) {
                long now = System.nanoTime();
                var next = pending.entrySet().iterator();
                while (next.hasNext()) {
                    var entry = next.next();
                    if (entry.getValue() - now <= 0) {
                        work = entry.getKey();
                        next.remove();
                        break;
                    }
                }
                if (work == null) {
                    // nothing due yet: wake up when the first is
                    wakeUp();
                    return;
                }
            }
            String id = work.substring(work.indexOf(':') + 1);
            try {
                if (work.startsWith("changed:")) {
                    qualifications.sharedUnits(id).values().stream().flatMap(java.util.List::stream)
                            .map(QualificationSummary::id).distinct().forEach(other -> add("refresh:" + other));
                }
                quality.refresh(id);
            } catch (RuntimeException e) {
                log.warn("Could not compute the quality report of {} in the background", id, e);
            }
        }
    }

    /** Adds work due now from the worker itself, which is draining already. */
    private void add(String work) {
        synchronized (pending) {
            pending.putIfAbsent(work, System.nanoTime());
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
