package org.qualigraph.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code qualigraph.security.max-failed-logins} failed attempts for one username
 * within the lock period, that username is locked for the lock period, through the login form and HTTP Basic alike
 * (a locked account answers 401 even with the right password). A successful login clears the count. Held in memory
 * per application instance; behind a load balancer each instance counts on its own.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_TRACKED = 100_000;

    private final int maxFailures;
    private final Duration lockPeriod;
    private final Clock clock;
    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

    LoginThrottle(@Value("${qualigraph.security.max-failed-logins:5}") int maxFailures,
                  @Value("${qualigraph.security.lock-period:PT15M}") Duration lockPeriod) {
        this.maxFailures = maxFailures;
        this.lockPeriod = lockPeriod;
        this.clock = Clock.systemUTC();
    }

    private record Attempts(int failures, Instant first, Instant lockedUntil) {
    }

    boolean isLocked(String username) {
        var entry = attempts.get(key(username));
        return entry != null && entry.lockedUntil() != null && clock.instant().isBefore(entry.lockedUntil());
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        if (attempts.size() > MAX_TRACKED) {
            attempts.clear();
        }
        Instant now = clock.instant();
        var updated = attempts.compute(key(username), (k, previous) -> {
            if (previous == null || now.isAfter(previous.first().plus(lockPeriod))) {
                return new Attempts(1, now, null);
            }
            int failures = previous.failures() + 1;
            Instant lockedUntil = failures >= maxFailures ? now.plus(lockPeriod) : previous.lockedUntil();
            return new Attempts(failures, previous.first(), lockedUntil);
        });
        if (updated.failures() == maxFailures) {
            log.warn("Login for user '{}' locked for {} after {} failed attempts", sanitize(username), lockPeriod, maxFailures);
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        if (!isLocked(username)) {
            attempts.remove(key(username));
        }
    }

    void reset(String username) {
        attempts.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase();
    }

    private static String sanitize(String value) {
        String cleaned = value.replaceAll("[\\r\\n\\t]", "_");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned;
    }
}
