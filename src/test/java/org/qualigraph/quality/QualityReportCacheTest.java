package org.qualigraph.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.qualigraph.support.Documents;

/** The in-memory reports on their own: which keys are held, the bound, one computation for concurrent misses, failures. */
class QualityReportCacheTest {

    private final AtomicInteger computations = new AtomicInteger();
    private final AtomicInteger ran = new AtomicInteger();

    private QualityReport compute(String id) {
        computations.incrementAndGet();
        return new QualityEngine().evaluate(QualityInput.of(Documents.minimal("Cached").withIdentity(id, 1L, null, null)));
    }

    private QualityReport get(QualityReportCache cache, String id, String key) {
        return cache.computeIfAbsent(id, key, () -> compute(id), computed -> {
            if (computed) {
                ran.incrementAndGet();
            }
        });
    }

    @Test
    void theSameKeyIsServedWithoutComputingAndAnotherKeyReplacesTheEntry() {
        var cache = new QualityReportCache(10);
        var first = get(cache, "q1", "k1");
        var second = get(cache, "q1", "k1");

        assertThat(second).isSameAs(first);
        assertThat(computations).hasValue(1);
        assertThat(cache.keyOf("q1")).isEqualTo("k1");
        assertThat(cache.get("q1", "k1")).containsSame(first);
        assertThat(cache.get("q1", "k2")).isEmpty();

        get(cache, "q1", "k2");
        assertThat(computations).hasValue(2);
        assertThat(cache.keyOf("q1")).isEqualTo("k2");
        assertThat(cache.size()).isEqualTo(1);
        get(cache, "q1", "k1");
        assertThat(computations).as("the old key is no longer held").hasValue(3);
    }

    @Test
    void holdsAtMostItsCapacityAndDropsTheLeastRecentlyUsed() {
        var cache = new QualityReportCache(2);
        get(cache, "a", "k");
        get(cache, "b", "k");
        get(cache, "a", "k");
        get(cache, "c", "k");

        assertThat(cache.size()).isEqualTo(2);
        assertThat(computations).hasValue(3);
        get(cache, "a", "k");
        get(cache, "c", "k");
        assertThat(computations).as("a and c kept").hasValue(3);
        get(cache, "b", "k");
        assertThat(computations).as("b was dropped").hasValue(4);
    }

    @Test
    void concurrentRequestsForOneKeyRunTheEngineOnce() throws Exception {
        var cache = new QualityReportCache(10);
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var first = pool.submit(() -> cache.computeIfAbsent("q1", "k", () -> {
                started.countDown();
                await(release);
                return compute("q1");
            }, computed -> ran.incrementAndGet()));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            var others = new ArrayList<Future<QualityReport>>();
            for (int i = 0; i < 7; i++) {
                others.add(pool.submit(() -> get(cache, "q1", "k")));
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
        assertThat(ran).as("only the first call ran the computation").hasValue(1);
    }

    @Test
    void aFailedComputationIsNotHeld() {
        var cache = new QualityReportCache(10);
        assertThatThrownBy(() -> cache.computeIfAbsent("q1", "k", () -> {
            throw new IllegalStateException("database went away");
        }, computed -> { })).isInstanceOf(IllegalStateException.class);
        assertThat(cache.size()).isZero();
        assertThat(cache.keyOf("q1")).isNull();

        get(cache, "q1", "k");
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
