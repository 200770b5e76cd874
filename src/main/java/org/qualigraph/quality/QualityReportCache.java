package org.qualigraph.quality;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationSummary;
import org.qualigraph.esco.EscoCatalog;

/**
 * The last quality report of each stored qualification, kept in this instance's memory. The rule engine and the ESCO
 * look-ups behind a report cost tens to hundreds of milliseconds of CPU, while the inputs they depend on change only
 * when someone saves, records governance, re-imports ESCO or restarts with other thresholds.
 * <p>
 * An entry is served only when its {@link Key} equals the request's: the stored document itself (so its version and
 * status, and the content of shared units that another qualification edited), the governance record, the other
 * qualifications sharing its units, the ESCO release with its import time (a re-import of the same version is a new
 * key), the thresholds in force and the date. Everything the rules read is in the key except the ESCO graph's
 * content, which only an import changes and whose release record the import renews last. A stale entry is therefore
 * never served; a changed input simply misses and replaces the entry of that qualification.
 * <p>
 * Bounded to {@code capacity} qualifications; the least recently used one is dropped beyond that. Concurrent requests
 * for the same key wait for one computation instead of each running the engine.
 */
final class QualityReportCache {

    /** Everything a stored qualification's report depends on, apart from the ESCO graph named by its release. */
    record Key(QualificationDocument document, Governance governance, Map<String, List<QualificationSummary>> sharedUnits,
               EscoCatalog.EscoRelease escoRelease, QualityThresholds thresholds, LocalDate today) {
    }

    private record Entry(Key key, CompletableFuture<QualityReport> report, AtomicLong lastUsed) {
    }

    private final int capacity;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    QualityReportCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /** The report for this key: the cached one when the qualification's entry has the same key, else computed. */
    QualityReport get(String qualificationId, Key key, Supplier<QualityReport> compute) {
        Entry current = entries.get(qualificationId);
        if (current != null && current.key().equals(key)) {
            current.lastUsed().set(clock.incrementAndGet());
            hits.incrementAndGet();
            try {
                return current.report().join();
            } catch (CompletionException failedElsewhere) {
                // the request that computed it failed (and removed the entry); this one tries for itself
            }
        }
        var mine = new Entry(key, new CompletableFuture<>(), new AtomicLong(clock.incrementAndGet()));
        Entry winner = entries.compute(qualificationId,
                (id, existing) -> existing != null && existing.key().equals(key) && !existing.report().isCompletedExceptionally()
                        ? existing : mine);
        if (winner != mine) {
            hits.incrementAndGet();
            return winner.report().join();
        }
        misses.incrementAndGet();
        evictBeyondCapacity();
        try {
            QualityReport report = compute.get();
            mine.report().complete(report);
            return report;
        } catch (RuntimeException | Error e) {
            mine.report().completeExceptionally(e);
            entries.remove(qualificationId, mine);
            throw e;
        }
    }

    /** Reports served from memory since start. */
    long hits() {
        return hits.get();
    }

    /** Reports computed since start (first requests and changed inputs). */
    long misses() {
        return misses.get();
    }

    int size() {
        return entries.size();
    }

    void clear() {
        entries.clear();
    }

    private void evictBeyondCapacity() {
        while (entries.size() > capacity) {
            entries.entrySet().stream().min(java.util.Comparator.comparingLong(e -> e.getValue().lastUsed().get()))
                    .ifPresent(oldest -> entries.remove(oldest.getKey(), oldest.getValue()));
        }
    }
}
