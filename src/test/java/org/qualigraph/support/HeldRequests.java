package org.qualigraph.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.qualigraph.base.InteractiveLoad;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Requests held in flight through the application's request counter ({@link InteractiveLoad}), as people's requests
 * are while a background job decides whether to make way for them; answered on {@link #release} (or at close).
 */
public final class HeldRequests implements AutoCloseable {

    private final ExecutorService clients = Executors.newCachedThreadPool();
    private final CountDownLatch answer = new CountDownLatch(1);

    private HeldRequests() {
    }

    /** Starts {@code count} requests through the filter and returns once all of them are inside it. */
    public static HeldRequests hold(InteractiveLoad load, int count) throws InterruptedException {
        var held = new HeldRequests();
        var inside = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            held.clients.submit(() -> {
                load.doFilter(new MockHttpServletRequest("GET", "/api/qualifications"), new MockHttpServletResponse(),
                        (request, response) -> {
                            inside.countDown();
                            try {
                                held.answer.await(60, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
                return null;
            });
        }
        assertThat(inside.await(10, TimeUnit.SECONDS)).as("%s requests inside the filter", count).isTrue();
        return held;
    }

    /** Answers the held requests. */
    public void release() {
        answer.countDown();
    }

    @Override
    public void close() throws InterruptedException {
        release();
        clients.shutdown();
        assertThat(clients.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
}
