package org.qualigraph.quality;

import java.time.Duration;
import java.util.LinkedHashSet;
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
 * a request nearly always came first and computed the report itself. A request never waits for queued work; one that
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
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "quality-reports");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    /** Queued work: "changed:" + id (the qualification and those sharing its units) or "refresh:" + id. */
    private final LinkedHashSet<String> pending = new LinkedHashSet<>();
    private String checkedGlobalKey;
    /** False until the application is ready: work queued during the start (the demo's saves) waits for it. */
    private boolean ready;

    QualityReportRefresher(QualityService quality, QualificationService qualifications,
                           @Value("${qualigraph.quality-reports.background:true}") boolean enabled,
                           @Value("${qualigraph.quality-reports.check-seconds:60}") long checkSeconds,
                           @Value("${qualigraph.quality-reports.delay-millis:0}") long delayMillis) {
        this.quality = quality;
        this.qualifications = qualifications;
        this.enabled = enabled;
        this.checkEvery = Duration.ofSeconds(Math.max(1, checkSeconds));
        this.delay = Duration.ofMillis(Math.max(0, delayMillis));
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
        if (!"DELETED".equals(event.action())) {
            queue("changed:" + event.qualificationId());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onGovernance(GovernanceRecorded event) {
        queue("refresh:" + event.qualificationId());
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
        boolean queued;
        synchronized (pending) {
            ready = true;
            queued = !pending.isEmpty();
        }
        if (queued) {
            schedule();
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
            stale.forEach(id -> queue("refresh:" + id));
            checkedGlobalKey = global;
        } catch (RuntimeException e) {
            log.warn("Could not check the stored quality reports", e);
        }
    }

    private void queue(String work) {
        if (!enabled) {
            return;
        }
        boolean first;
        synchronized (pending) {
            first = pending.isEmpty() && ready;
            pending.add(work);
        }
        if (first) {
            schedule();
        }
    }

    private void schedule() {
        try {
            worker.schedule(this::drain, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            // the application is stopping; the next request computes what is missing
        }
    }

    private void drain() {
        while (true) {
            String work;
            synchronized (pending) {
                var next = pending.iterator();
                if (!next.hasNext()) {
                    return;
                }
                work = next.next();
                next.remove();
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

    /** Adds work from the worker itself, which is draining already. */
    private void add(String work) {
        synchronized (pending) {
            pending.add(work);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
