package org.qualigraph.account;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code qualigraph.security.max-failed-logins} failed attempts for one username
 * within the lock period, that username is locked for the lock period, through the login form and HTTP Basic alike
 * (a locked account answers 401 even with the right password). A successful login clears the count.
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

    private final Neo4jClient neo4j;
    private final int maxFailures;
    private final Duration lockPeriod;
    /** Usernames for which this instance saw failures in the graph: only their successes need a write to clear. */
    private final Set<String> withFailures = ConcurrentHashMap.newKeySet();

    LoginThrottle(Neo4jClient neo4j, @Value("${qualigraph.security.max-failed-logins:5}") int maxFailures,
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

    static String lockKey(String username) {
        return key(username);
    }

    /** Whether the username is locked, from the columns of {@link #LOCK_COLUMNS}. */
    boolean locked(String username, boolean counted, boolean locked) {
        if (counted) {
            remember(key(username));
        }
        return locked;
    }

    /** Whether the username is locked now, read with the same statement part as the account look-up. */
    boolean isLocked(String username) {
        var row = neo4j.query("WITH 1 AS one\n" + LOCK_COLUMNS + "RETURN counted, locked")
                .bind(lockKey(username)).to("lockKey").fetch().one().orElseThrow();
        return locked(username, (Boolean) row.get("counted"), (Boolean) row.get("locked"));
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        String key = key(username);
        // the first SET takes the node's write lock, so concurrent failures on any instance never lose a count
        var failures = neo4j.query("""
                MERGE (a:LoginAttempts {key: $key})
                ON CREATE SET a.failures = 0
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
                """).bindAll(Map.of("key", key, "period", lockPeriod.toMillis(), "max", maxFailures))
                .fetchAs(Long.class).one().orElse(0L);
        remember(key);
        if (failures == maxFailures) {
            log.warn("Login for user '{}' locked for {} after {} failed attempts", sanitize(username), lockPeriod, maxFailures);
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String key = key(event.getAuthentication().getName());
        if (withFailures.remove(key)) {
            neo4j.query("MATCH (a:LoginAttempts {key: $key}) WHERE coalesce(a.lockedUntil <= datetime(), true) DELETE a")
                    .bind(key).to("key").run();
        }
    }

    void reset(String username) {
        String key = key(username);
        withFailures.remove(key);
        neo4j.query("MATCH (a:LoginAttempts {key: $key}) DELETE a").bind(key).to("key").run();
    }

    private void remember(String key) {
        if (withFailures.size() > MAX_REMEMBERED) {
            withFailures.clear();
        }
        withFailures.add(key);
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase();
    }

    private static String sanitize(String value) {
        String cleaned = value.replaceAll("[\\r\\n\\t]", "_");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned;
    }
}
