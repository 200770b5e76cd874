package org.qualigraph.base;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How busy the application is with people's requests right now: every HTTP request (API and Vaadin alike) passes
 * this filter, which counts the requests in flight and remembers when each level of concurrency was last reached.
 * Background jobs ask it before each step of work ({@code JobContext#yieldToInteractiveLoad}): on two cores any CPU
 * a job takes while requests queue is taken from them, and thread priorities do nothing on Linux by default, so the
 * job itself has to wait while the server is busy. Counting costs a few atomic writes per request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InteractiveLoad extends OncePerRequestFilter {

    /** Levels of concurrency remembered: a job that yields at more requests than this treats this many as busy. */
    static final int LEVELS = 64;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder served = new LongAdder();
    /** {@code reached[k]}: System.nanoTime() when at least k requests were last in flight (0: never). */
    private final AtomicLongArray reached = new AtomicLongArray(LEVELS + 1);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        started();
        try {
            chain.doFilter(request, response);
        } finally {
            ended();
        }
    }

    /** A request began (the filter calls this; public for code that serves people outside the servlet container). */
    public void started() {
        int now = inFlight.incrementAndGet();
        served.increment();
        mark(now);
    }

    /** The request that {@link #started} ended. */
    public void ended() {
        // the level it leaves was held until now
        mark(inFlight.getAndDecrement());
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
        return served.sum();
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
}
