package org.qualigraph.quality;

import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.qualigraph.curriculum.QualificationDocument;

/**
 * The document that the last committed change of a qualification returned (the save reads it back under its locks,
 * {@code QualificationChanged.document()}), kept until the qualification's report is computed from it. A save makes
 * the report stale; the request or background run that computes it again would otherwise read the whole document
 * back from the graph, which is most of what computing a report costs (docs/benchmarks.md, "Computing a report again
 * after a change").
 * <p>
 * A held document is used only when its {@link QualityReportStore.Stamp} is the one that the report's key holds now:
 * the qualification's version and status, each unit's version, the awarding bodies' names. A unit edited through
 * another qualification, a status change, a renamed organisation or a change on another instance (which this one
 * never sees) makes the stamps differ, and the document is read as before. So this memory decides nothing about
 * freshness; the key does, as it does for the stored reports.
 * <p>
 * A document is dropped once a report has been computed from it, when a newer one arrives, when its qualification is
 * deleted, and beyond {@code capacity} qualifications (the longest held first): it holds only documents whose report
 * is pending, so that large documents do not stay in memory.
 */
final class SavedDocuments {

    private record Held(QualificationDocument document, QualityReportStore.Stamp stamp, long since) {
    }

    private final int capacity;
    private final ConcurrentHashMap<String, Held> held = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();

    SavedDocuments(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /**
     * Holds the document a committed change returned, unless one of a later version is held (two saves' commit
     * listeners may run in either order).
     */
    void offer(QualificationDocument document) {
        if (document == null || document.id() == null || document.version() == null) {
            return;
        }
        var mine = new Held(document, QualityReportStore.Stamp.of(document), clock.incrementAndGet());
        held.merge(document.id(), mine, (old, now) -> old.document().version() > now.document().version() ? old : now);
        while (held.size() > capacity) {
            held.entrySet().stream().min(Comparator.comparingLong(e -> e.getValue().since()))
                    .ifPresent(oldest -> held.remove(oldest.getKey(), oldest.getValue()));
        }
    }

    /** The held document of this qualification when its stamp is {@code now}'s. */
    Optional<QualificationDocument> matching(String qualificationId, QualityReportStore.Stamp now) {
        Held entry = held.get(qualificationId);
        return entry != null && entry.stamp().equals(now) ? Optional.of(entry.document()) : Optional.empty();
    }

    /** Drops this document once a report was computed from it (a newer one offered meanwhile stays). */
    void used(QualificationDocument document) {
        held.computeIfPresent(document.id(), (id, entry) -> entry.document() == document ? null : entry);
    }

    void remove(String qualificationId) {
        held.remove(qualificationId);
    }

    int size() {
        return held.size();
    }
}
