package org.qualigraph.base;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How busy the application is with people's requests right now: every HTTP request (API and Vaadin alike) passes
 * this filter, which counts the requests in flight and remembers when each level of concurrency was last reached.
 * Background jobs ask it before each step of work ({@code JobContext#yieldToInteractiveLoad}): on two cores any CPU
 * a job takes while requests queue is taken from them, and thread priorities do nothing on Linux by default, so the
 * job itself has to wait while the server is busy. It also knows when each request in flight began and when the last
 * request that ran for a while ended, so that one person at work (a save of a large document takes a core or two)
 * counts as load while short requests (an open editor's poll every few seconds) do not. Counting costs a few atomic
 * writes and one map entry per request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InteractiveLoad extends OncePerRequestFilter {

    /** Levels of concurrency remembered: a job that yields at more requests than this treats this many as busy. */
    static final int LEVELS = 64;

    private final AtomicInteger inFlight = new AtomicInteger();
    /** {@code reached[k]}: System.nanoTime() when at least k requests were last in flight (0: never). */
    private final AtomicLongArray reached = new AtomicLongArray(LEVELS + 1);
    /** Requests started since the application started; each request's number. */
    private final AtomicLong requests = new AtomicLong();
    /** When each request in flight began (System.nanoTime()), by its number. */
    private final ConcurrentHashMap<Long, Long> began = new ConcurrentHashMap<>();
    /** The requests that ended, by how long they ran: {@code ran[k]} holds when one that ran at least 2^k ms last ended. */
    private final AtomicLongArray ran = new AtomicLongArray(RAN_LEVELS);
    static final int RAN_LEVELS = 16;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isPushConnection(request)) {
            // Vaadin's push connection (long polling where WebSocket is not available) stays open while a page is
            // open: a channel, not work
            chain.doFilter(request, response);
            return;
        }
        long number = started();
        try {
            chain.doFilter(request, response);
        } finally {
            ended(number);
        }
    }

    private static boolean isPushConnection(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && (query.startsWith("v-r=push") || query.contains("&v-r=push"));
    }

    /**
     * A request began (the filter calls this; public for code that serves people outside the servlet container); the
     * number it returns goes to {@link #ended}.
     */
    public long started() {
        long number = requests.incrementAndGet();
        began.put(number, System.nanoTime());
        int now = inFlight.incrementAndGet();
        mark(now);
        return number;
    }

    /** The request that {@link #started} numbered ended. */
    public void ended(long number) {
        // the level it leaves was held until now
        mark(inFlight.getAndDecrement());
        Long since = began.remove(number);
        if (since != null) {
            long now = System.nanoTime();
            long millis = (now - since) / 1_000_000;
            for (int k = 0; k < RAN_LEVELS && millis >= (1L << k); k++) {
                ran.set(k, now);
            }
        }
    }

    private void mark(int level) {
        long now = System.nanoTime();
        for (int k = Math.min(level, LEVELS); k >= 1; k--) {
            reached.set(k, now);
        }
    }

    /** Requests being served now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Requests started since the application started (for logs and measurements). */
    public long served() {
        return requests.get();
    }

    /**
     * Whether at least {@code requests} requests are in flight now or were at any moment in the last {@code within}:
     * clients that send one request after another leave short gaps between them, which are no room for a job.
     */
    public boolean busy(int requests, Duration within) {
        int level = Math.max(1, Math.min(requests, LEVELS));
        if (inFlight.get() >= level) {
            return true;
        }
        long last = reached.get(level);
        return last != 0 && System.nanoTime() - last < within.toNanos();
    }

    /**
     * Whether a request that has run for at least {@code atLeast} is in flight now, or one that ran that long ended in
     * the last {@code within}: someone is at work, which a request that ends quickly (a poll) does not say. For ended
     * requests {@code atLeast} is taken in whole milliseconds rounded down to a power of two (16 ms for 20 ms).
     */
    public boolean working(Duration atLeast, Duration within) {
        long now = System.nanoTime();
        long threshold = atLeast.toNanos();
        for (long since : began.values()) {
            if (now - since >= threshold) {
                return true;
            }
        }
        int k = 63 - Long.numberOfLeadingZeros(Math.max(1, atLeast.toMillis()));
        long last = ran.get(Math.min(k, RAN_LEVELS - 1));
        return last != 0 && now - last < within.toNanos();
    }
}
