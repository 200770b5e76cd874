package org.qualigraph.register;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.qualigraph.base.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A fixed window of requests per client address and minute on the public paths, before security and everything else:
 * a harvester or a crawler that asks too often gets a 429 with {@code Retry-After} naming the seconds to wait, and
 * the people behind the other addresses do not notice. Per instance by design: behind a load balancer each instance
 * counts its own share. The client address is the servlet's remote address; behind a reverse proxy set
 * {@code server.forward-headers-strategy} so that it is the visitor's, not the proxy's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class PublicRateLimit extends OncePerRequestFilter {

    private static final int MAX_CLIENTS = 100_000;

    private final int perMinute;
    private final ObjectMapper json;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    PublicRateLimit(RegisterProperties properties, ObjectMapper json) {
        this(properties.requestsPerMinute(), json, Clock.systemUTC());
    }

    PublicRateLimit(int perMinute, ObjectMapper json, Clock clock) {
        this.perMinute = perMinute;
        this.json = json;
        this.clock = clock;
    }

    private record Window(long minute, AtomicInteger count) {
    }

    static boolean isPublic(String path) {
        return path != null && (path.startsWith("/id/") || path.equals("/catalog") || path.startsWith("/register/")
                || path.equals("/sparql"));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isPublic(request.getRequestURI());
    }

    /** Seconds until this client may ask again, or 0 when the request may pass (and is counted). */
    long admit(String client) {
        long now = clock.millis();
        long minute = now / 60_000;
        if (windows.size() > MAX_CLIENTS) {
            windows.entrySet().removeIf(e -> e.getValue().minute() < minute);
        }
        Window window = windows.compute(client, (k, w) -> w == null || w.minute() != minute
                ? new Window(minute, new AtomicInteger()) : w);
        if (window.count().incrementAndGet() <= perMinute) {
            return 0;
        }
        return Math.max(1, (minute + 1) * 60 - now / 1000);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long wait = admit(request.getRemoteAddr());
        if (wait == 0) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(wait));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), new ApiError(429, "Too Many Requests", "more than " + perMinute
                + " requests a minute from your address to the public register; try again in " + wait + " seconds",
                request.getRequestURI(), List.of()));
    }
}
