package org.qualigraph.quality;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores computed quality reports as their qualifications' snapshots ({@link QualityReportStore}) after the request
 * that computed one has its answer: the write (the JSON and a write transaction) is no part of what the request
 * waits for, since this instance serves the report from memory meanwhile and another instance would compute it.
 * <p>
 * One thread writes, one report at a time. A qualification has at most one write waiting: a newer report replaces
 * the one still waiting, and a report whose key this instance no longer holds when its turn comes ({@code stillHeld}
 * false: a report of another key, computed later, replaced it in memory) is not written. A stored snapshot is served only while
 * its key is the key now, so a write that loses a race and leaves an older key stored costs one computation later,
 * never a stale answer. Synchronous (written before the caller gets the report) when built without a thread, as in
 * the tests that read the store right after a request.
 */
final class QualityReportWriter {

    private static final Logger log = LoggerFactory.getLogger(QualityReportWriter.class);

    private record Pending(String key, QualityReport report) {
    }

    private final QualityReportStore store;
    private final QualityReportJson codec;
    private final BiPredicate<String, String> stillHeld;
    /** Null: synchronous. */
    private final ExecutorService thread;
    private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();
    /** Whether the thread is writing or about to (guarded by {@code pending}). */
    private boolean draining;

    private QualityReportWriter(QualityReportStore store, QualityReportJson codec, BiPredicate<String, String> stillHeld,
                                ExecutorService thread) {
        this.store = store;
        this.codec = codec;
        this.stillHeld = stillHeld;
        this.thread = thread;
    }

    /** Writes before {@code submit} returns. */
    static QualityReportWriter synchronous(QualityReportStore store, QualityReportJson codec) {
        return new QualityReportWriter(store, codec, (id, key) -> true, null);
    }

    /** Writes on a thread of its own, after {@code submit} returned; a waiting write is dropped unless still held. */
    static QualityReportWriter inBackground(QualityReportStore store, QualityReportJson codec,
                                            BiPredicate<String, String> stillHeld) {
        return new QualityReportWriter(store, codec, stillHeld, Executors.newSingleThreadExecutor(runnable -> {
            Thread writer = new Thread(runnable, "quality-report-writer");
            writer.setDaemon(true);
            return writer;
        }));
    }

    boolean inBackground() {
        return thread != null;
    }

    /** Stores this report under this key, now or soon. */
    void submit(String qualificationId, String key, QualityReport report) {
        if (thread == null) {
            write(qualificationId, key, report);
            return;
        }
        boolean start;
        synchronized (pending) {
            pending.remove(qualificationId);
            pending.put(qualificationId, new Pending(key, report));
            start = !draining;
            draining = true;
        }
        if (start) {
            try {
                thread.execute(this::drain);
            } catch (RejectedExecutionException stopping) {
                synchronized (pending) {
                    pending.clear();
                    draining = false;
                }
            }
        }
    }

    /** Forgets the waiting write of a qualification (deleted). */
    void cancel(String qualificationId) {
        synchronized (pending) {
            pending.remove(qualificationId);
        }
    }

    /** Waits until every submitted write is done (tests). */
    void awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            synchronized (pending) {
                if (!draining) {
                    return;
                }
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the quality report writer did not become idle within " + timeout);
    }

    void shutdown() {
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    private void drain() {
        while (true) {
            String id;
            Pending next;
            synchronized (pending) {
                var first = pending.entrySet().iterator();
                if (!first.hasNext()) {
                    draining = false;
                    return;
                }
                var entry = first.next();
                first.remove();
                id = entry.getKey();
                next = entry.getValue();
            }
            if (stillHeld.test(id, next.key())) {
                write(id, next.key(), next.report());
            }
        }
    }

    /** Stores this report now, on the caller's thread (the background worker, which stores what it computed in order). */
    void write(String qualificationId, String key, QualityReport report) {
        try {
            store.save(qualificationId, key, codec.write(report));
        } catch (RuntimeException notStored) {
            log.warn("The quality report of {} was computed but not stored", qualificationId, notStored);
        }
    }
}
