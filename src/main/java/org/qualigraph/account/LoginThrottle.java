package org.qualigraph.account;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.qualigraph.base.graph.Graph;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Slows down password guessing: after {@code qualigraph.security.max-failed-logins} failed attempts for one username
 * <em>from one source address</em> within the lock period, that username is locked for the lock period <em>from that
 * address</em>, through the login form and HTTP Basic alike (a locked sign-in answers 401 even with the right password).
 * A successful login clears the count. Counting per username and address is what keeps the throttle from being a
 * weapon: whoever guesses {@code admin}'s password from one address locks only themselves out, while the
 * administrator still signs in from any other address. An administrator lifts every lock of an account at once
 * ({@link #reset}: a new password, or {@code POST /api/admin/users/{name}/unlock}); see docs/operations.md.
 * <p>
 * The count is a {@code (:LoginAttempts {key})} node in the graph, so that behind a load balancer all instances count
 * together and an attacker does not get N times the attempts from N instances. A failed attempt is one small write
 * (times are the database's, so instances with drifting clocks agree); the lock check is one indexed read in the
 * transaction that loads the account anyway; a success writes only when this instance saw a count for that username.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_REMEMBERED = 100_000;

    private final Graph neo4j;
    private final int maxFailures;
    private final Duration lockPeriod;
    /** Usernames for which this instance saw failures in the graph: only their successes need a write to clear. */
    private final Set<String> withFailures = ConcurrentHashMap.newKeySet();

    LoginThrottle(Graph neo4j, @Value("${qualigraph.security.max-failed-logins:5}") int maxFailures,
                  @Value("${qualigraph.security.lock-period:PT15M}") Duration lockPeriod) {
        this.neo4j = neo4j;
        this.maxFailures = maxFailures;
        this.lockPeriod = lockPeriod;
    }

    /**
     * The part of the account look-up's query that reads this username's count, for {@link #locked}: the look-up
     * runs on every API request (HTTP Basic), so the account and its lock are read in one statement. Binds
     * {@code $lockKey} ({@link #lockKey}) and yields {@code counted} and {@code locked}.
     */
    static final String LOCK_COLUMNS = """
            OPTIONAL MATCH (attempts:LoginAttempts {key: $lockKey})
            WITH *, attempts IS NOT NULL AS counted, coalesce(attempts.lockedUntil > datetime(), false) AS locked
            """;

    /** The count's key for this username from the address of the current request. */
    static String lockKey(String username) {
        return key(username, currentAddress());
    }

    /** Whether the username is locked, from the columns of {@link #LOCK_COLUMNS}. */
    boolean locked(String username, boolean counted, boolean locked) {
        if (counted) {
            remember(lockKey(username));
        }
        return locked;
    }

    /** Whether the username is locked now from the current request's address. */
    boolean isLocked(String username) {
        return isLocked(username, currentAddress());
    }

    /** Whether the username is locked now from this address, read with the same statement part as the account look-up. */
    boolean isLocked(String username, String address) {
        var row = neo4j.query("WITH 1 AS one\n" + LOCK_COLUMNS + "RETURN counted, locked")
                .bind(key(username, address)).to("lockKey").fetch().one().orElseThrow();
        if ((Boolean) row.get("counted")) {
            remember(key(username, address));
        }
        return (Boolean) row.get("locked");
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : currentAddress();
        String key = key(username, address);
        // the first SET takes the node's write lock, so concurrent failures on any instance never lose a count
        var failures = neo4j.query("""
                MERGE (a:LoginAttempts {key: $key})
                ON CREATE SET a.failures = 0, a.username = $username, a.address = $address
                SET a.lastFailure = datetime()
                WITH a, a.lastFailure AS now
                WITH a, now, a.failures = 0 OR a.first + duration({milliseconds: $period}) < now AS fresh
                WITH a, now, fresh, CASE WHEN fresh THEN 1 ELSE a.failures + 1 END AS failures
                SET a.failures = failures,
                    a.first = CASE WHEN fresh THEN now ELSE a.first END,
                    a.lockedUntil = CASE WHEN failures >= $max THEN now + duration({milliseconds: $period})
                                         WHEN fresh THEN null ELSE a.lockedUntil END
                WITH a, now
                OPTIONAL MATCH (old:LoginAttempts) WHERE old.first < now - duration({milliseconds: $period * 2})
                  AND (old.lockedUntil IS NULL OR old.lockedUntil < now)
                WITH a, old LIMIT 20
                DETACH DELETE old
                RETURN DISTINCT a.failures AS failures
                """).bindAll(Map.of("key", key, "period", lockPeriod.toMillis(), "max", maxFailures,
                        "username", username.toLowerCase(Locale.ROOT), "address", address))
                .fetchAs(Long.class).one().orElse(0L);
        remember(key);
        if (failures == maxFailures) {
            log.warn("Login for user '{}' from {} locked for {} after {} failed attempts", sanitize(username),
                    sanitize(address), lockPeriod, maxFailures);
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : currentAddress();
        String key = key(event.getAuthentication().getName(), address);
        if (withFailures.remove(key)) {
            neo4j.query("MATCH (a:LoginAttempts {key: $key}) WHERE coalesce(a.lockedUntil <= datetime(), true) DELETE a")
                    .bind(key).to("key").run();
        }
    }

    /** Lifts every lock and count of this username, from every address: the administrator's unlock. */
    void reset(String username) {
        String prefix = key(username, "");
        withFailures.removeIf(k -> k.startsWith(prefix));
        neo4j.query("MATCH (a:LoginAttempts) WHERE a.key STARTS WITH $prefix DELETE a").bind(prefix).to("prefix").run();
    }

    private void remember(String key) {
        if (withFailures.size() > MAX_REMEMBERED) {
            withFailures.clear();
        }
        withFailures.add(key);
    }

    /** {@code username|address}, the username in lower case: the unit that failures are counted and locked in. */
    private static String key(String username, String address) {
        return (username == null ? "" : username.toLowerCase(Locale.ROOT)) + "|" + (address == null ? "" : address);
    }

    /** The client address of the request being authenticated ("" outside a request). */
    private static String currentAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : "";
    }

    private static String sanitize(String value) {
        String cleaned = value.replaceAll("[\\r\\n\\t]", "_");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned;
    }
}
