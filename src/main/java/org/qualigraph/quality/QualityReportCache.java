package org.qualigraph.quality;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The last quality report of each stored qualification that this instance read or computed, in memory, in front of
 * the stored snapshots ({@link QualityReportStore}). It saves parsing the stored JSON again: the request's one query
 * still compares the key this instance holds with the key now, so an entry is used only while its key is current,
 * and the key decides, never the age of the entry.
 * <p>
 * Bounded to {@code capacity} qualifications; the least recently used one is dropped beyond that. Concurrent
 * computations of the same key wait for one instead of each running the engine.
 */
final class QualityReportCache {

    private record Entry(String key, CompletableFuture<QualityReport> report, AtomicLong lastUsed) {
    }

    private final int capacity;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();

    QualityReportCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /** The key of the report held for this qualification (computed or being computed), null when none. */
    String keyOf(String qualificationId) {
        Entry entry = entries.get(qualificationId);
        return entry == null || entry.report().isCompletedExceptionally() ? null : entry.key();
    }

    /** The report held under exactly this key, waiting for it while it is computed. */
    Optional<QualityReport> get(String qualificationId, String key) {
        Entry entry = entries.get(qualificationId);
        if (entry == null || !entry.key().equals(key)) {
            return Optional.empty();
        }
        entry.lastUsed().set(clock.incrementAndGet());
        try {
            return Optional.of(entry.report().join());
        } catch (CompletionException failedElsewhere) {
            return Optional.empty();
        }
    }

    /** Holds a report read from the store. */
    void put(String qualificationId, String key, QualityReport report) {
        entries.put(qualificationId, new Entry(key, CompletableFuture.completedFuture(report),
                new AtomicLong(clock.incrementAndGet())));
        evictBeyondCapacity();
    }

    /**
     * The report of this key: the one held or being computed by another thread, else {@code compute}'s, which this
     * thread runs while others asking for the same key wait. {@code computed} tells whether this call ran it.
     */
    QualityReport computeIfAbsent(String qualificationId, String key, Supplier<QualityReport> compute,
                                  java.util.function.Consumer<Boolean> computed) {
        var mine = new Entry(key, new CompletableFuture<>(), new AtomicLong(clock.incrementAndGet()));
        Entry winner = entries.compute(qualificationId,
                (id, existing) -> existing != null && existing.key().equals(key) && !existing.report().isCompletedExceptionally()
                        ? existing : mine);
        if (winner != mine) {
            winner.lastUsed().set(clock.incrementAndGet());
            try {
                QualityReport report = winner.report().join();
                computed.accept(false);
                return report;
            } catch (CompletionException failedElsewhere) {
                return computeIfAbsent(qualificationId, key, compute, computed);
            }
        }
        computed.accept(true);
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

    void remove(String qualificationId) {
        entries.remove(qualificationId);
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
