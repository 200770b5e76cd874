package org.qualigraph.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.esco.EscoCatalog;
import org.qualigraph.support.Documents;

/** The report cache on its own: which keys hit, the bound, one computation for concurrent misses, failures. */
class QualityReportCacheTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final EscoCatalog.EscoRelease RELEASE = new EscoCatalog.EscoRelease("v1.1.1",
            Instant.parse("2026-11-30T10:00:00Z"), 13_896, 3_007, 123_788);

    private final AtomicInteger computations = new AtomicInteger();

    private static QualificationDocument stored(String id, long version) {
        return Documents.minimal("Cached").withIdentity(id, version, null, null);
    }

    private static QualityReportCache.Key key(QualificationDocument doc, EscoCatalog.EscoRelease release,
                                              QualityThresholds thresholds) {
        return new QualityReportCache.Key(doc, Governance.EMPTY, Map.of(), release, thresholds, TODAY);
    }

    private QualityReport compute(QualityReportCache.Key key) {
        computations.incrementAndGet();
        return new QualityEngine().evaluate(QualityInput.of(key.document()).withThresholds(key.thresholds()).withToday(key.today()));
    }

    private QualityReport get(QualityReportCache cache, QualityReportCache.Key key) {
        return cache.get(key.document().id(), key, () -> compute(key));
    }

    @Test
    void anEqualKeyIsServedWithoutComputing() {
        var cache = new QualityReportCache(10);
        // two separate reads of the same stored document are equal records, not the same object
        var first = get(cache, key(stored("q1", 3), RELEASE, QualityThresholds.DEFAULTS));
        var second = get(cache, key(stored("q1", 3), RELEASE, QualityThresholds.DEFAULTS));

        assertThat(second).isSameAs(first);
        assertThat(computations).hasValue(1);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(1);
    }

    @Test
    void anyChangedInputIsComputedAgainAndReplacesTheEntry() {
        var cache = new QualityReportCache(10);
        var base = key(stored("q1", 3), RELEASE, QualityThresholds.DEFAULTS);
        get(cache, base);

        get(cache, key(stored("q1", 4), RELEASE, QualityThresholds.DEFAULTS));
        var retitled = stored("q1", 4).withTitle(Map.of("en", "Same version, other content"));
        get(cache, key(retitled, RELEASE, QualityThresholds.DEFAULTS));
        var reimported = new EscoCatalog.EscoRelease("v1.1.1", RELEASE.importedAt().plusSeconds(60), 13_896, 3_007, 123_788);
        get(cache, key(retitled, reimported, QualityThresholds.DEFAULTS));
        var stricter = new QualityThresholds(0.6, 25, 30, 60, 0.10, 1600, 5, 0.8, 8, 0, 1.0, 2);
        var withStricter = get(cache, key(retitled, reimported, stricter));
        get(cache, new QualityReportCache.Key(retitled, Governance.EMPTY, Map.of(), reimported, stricter, TODAY.plusDays(1)));

        assertThat(computations).hasValue(6);
        assertThat(cache.hits()).isZero();
        assertThat(cache.size()).isEqualTo(1);
        assertThat(withStricter.thresholds()).isEqualTo(stricter);
        // the old key is no longer held: asking for it again computes again
        get(cache, base);
        assertThat(computations).hasValue(7);
    }

    @Test
    void holdsAtMostItsCapacityAndDropsTheLeastRecentlyUsed() {
        var cache = new QualityReportCache(2);
        var a = key(stored("a", 1), RELEASE, QualityThresholds.DEFAULTS);
        var b = key(stored("b", 1), RELEASE, QualityThresholds.DEFAULTS);
        var c = key(stored("c", 1), RELEASE, QualityThresholds.DEFAULTS);
        get(cache, a);
        get(cache, b);
        get(cache, a);
        get(cache, c);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(computations).hasValue(3);
        get(cache, a);
        get(cache, c);
        assertThat(computations).as("a and c kept").hasValue(3);
        get(cache, b);
        assertThat(computations).as("b was dropped").hasValue(4);
    }

    @Test
    void concurrentRequestsForOneKeyRunTheEngineOnce() throws Exception {
        var cache = new QualityReportCache(10);
        var key = key(stored("q1", 1), RELEASE, QualityThresholds.DEFAULTS);
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var first = pool.submit(() -> cache.get("q1", key, () -> {
                started.countDown();
                await(release);
                return compute(key);
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            var others = new ArrayList<Future<QualityReport>>();
            for (int i = 0; i < 7; i++) {
                others.add(pool.submit(() -> get(cache, key)));
            }
            release.countDown();
            var report = first.get(10, TimeUnit.SECONDS);
            for (var other : others) {
                assertThat(other.get(10, TimeUnit.SECONDS)).isSameAs(report);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(computations).hasValue(1);
        assertThat(cache.misses()).isEqualTo(1);
        assertThat(cache.hits()).isEqualTo(7);
    }

    @Test
    void aFailedComputationIsNotCached() {
        var cache = new QualityReportCache(10);
        var key = key(stored("q1", 1), RELEASE, QualityThresholds.DEFAULTS);
        assertThatThrownBy(() -> cache.get("q1", key, () -> {
            throw new IllegalStateException("database went away");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(cache.size()).isZero();

        get(cache, key);
        assertThat(computations).hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
