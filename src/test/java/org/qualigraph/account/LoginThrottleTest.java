package org.qualigraph.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qualigraph.support.IntegrationTest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

/**
 * The login throttle as two application instances over one database see it: failures counted on either lock the
 * username on both, concurrent failures are all counted, a success clears the count, the lock ends after its period.
 */
class LoginThrottleTest extends IntegrationTest {

    private LoginThrottle a;
    private LoginThrottle b;

    @BeforeEach
    void twoInstances() {
        // a MockMvc request of an earlier test class can stay bound to this thread and would give the events of this
        // thread an address that the pool threads of the concurrency test do not have
        org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        graph.query("MATCH (a:LoginAttempts) WHERE a.key STARTS WITH 'throttle-' DELETE a").run();
        a = new LoginThrottle(graph, 5, Duration.ofMinutes(15));
        b = new LoginThrottle(graph, 5, Duration.ofMinutes(15));
    }

    @Test
    void failuresSpreadOverTwoInstancesLockTheUsernameOnBoth() {
        for (int i = 0; i < 4; i++) {
            (i % 2 == 0 ? a : b).onFailure(failure("Throttle-Victim"));
        }
        assertThat(a.isLocked("throttle-victim")).isFalse();
        assertThat(b.isLocked("throttle-victim")).isFalse();
        b.onFailure(failure("throttle-victim"));
        assertThat(a.isLocked("throttle-victim")).isTrue();
        assertThat(b.isLocked("THROTTLE-VICTIM")).isTrue();
        assertThat(a.isLocked("throttle-bystander")).isFalse();
        assertThat(failures("throttle-victim")).isEqualTo(5);

        a.onSuccess(success("throttle-victim"));
        assertThat(b.isLocked("throttle-victim")).as("a success cannot happen while locked and clears nothing").isTrue();
    }

    @Test
    void concurrentFailuresOnBothInstancesAreAllCounted() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        var tasks = new ArrayList<Callable<Void>>();
        for (int i = 0; i < 24; i++) {
            LoginThrottle instance = i % 2 == 0 ? a : b;
            tasks.add(() -> {
                instance.onFailure(failure("throttle-crowd"));
                return null;
            });
        }
        for (var future : pool.invokeAll(tasks)) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(failures("throttle-crowd")).isEqualTo(24);
        assertThat(a.isLocked("throttle-crowd")).isTrue();
    }

    @Test
    void aSuccessOnTheOtherInstanceClearsTheCount() {
        a.onFailure(failure("throttle-forgetful"));
        a.onFailure(failure("throttle-forgetful"));
        assertThat(b.isLocked("throttle-forgetful")).isFalse();
        b.onSuccess(success("throttle-forgetful"));
        assertThat(failures("throttle-forgetful")).isZero();
        for (int i = 0; i < 4; i++) {
            a.onFailure(failure("throttle-forgetful"));
        }
        assertThat(b.isLocked("throttle-forgetful")).as("the count started again from zero").isFalse();
    }

    @Test
    void theLockEndsAfterItsPeriod() {
        // the throttle reads the database's clock; the test moves the stored times back instead of sleeping
        var hourly = new LoginThrottle(graph, 2, Duration.ofHours(1));
        hourly.onFailure(failure("throttle-patient"));
        hourly.onFailure(failure("throttle-patient"));
        assertThat(hourly.isLocked("throttle-patient")).as("locked after 2 failures; stored: %s", graph
                .query("MATCH (a:LoginAttempts {key: 'throttle-patient|'}) RETURN a{.*, first: toString(a.first), lockedUntil: toString(a.lockedUntil), lastFailure: toString(a.lastFailure), now: toString(datetime())} AS a")
                .fetch().one()).isTrue();
        age("throttle-patient", Duration.ofMinutes(59));
        assertThat(hourly.isLocked("throttle-patient")).as("still locked a minute before the period ends").isTrue();
        age("throttle-patient", Duration.ofMinutes(2));
        assertThat(hourly.isLocked("throttle-patient")).as("free a minute after the period ended").isFalse();
        hourly.onFailure(failure("throttle-patient"));
        assertThat(hourly.isLocked("throttle-patient")).as("a failure after the period starts a new count").isFalse();
        assertThat(failures("throttle-patient")).isEqualTo(1);
    }

    /** Moves every time stored for the username back, as if that much time had passed. */
    private void age(String key, Duration by) {
        graph.query("""
                MATCH (a:LoginAttempts {username: $key})
                SET a.first = a.first - duration({seconds: $s}), a.lastFailure = a.lastFailure - duration({seconds: $s}),
                    a.lockedUntil = a.lockedUntil - duration({seconds: $s})""")
                .bindAll(java.util.Map.of("key", key, "s", by.toSeconds())).run();
    }

    /** Counted per username and address: guessing from one address never locks the account out from another. */
    @Test
    void failuresFromOneAddressLockOnlyThatAddressAndAnUnlockLiftsEveryLock() {
        for (int i = 0; i < 50; i++) {
            a.onFailure(failure("throttle-admin", "203.0.113.7"));
        }
        assertThat(b.isLocked("throttle-admin", "203.0.113.7")).isTrue();
        assertThat(b.isLocked("throttle-admin", "198.51.100.2")).as("another address").isFalse();
        assertThat(b.isLocked("throttle-admin", "")).isFalse();
        a.onFailure(failure("throttle-admin", "198.51.100.2"));
        b.reset("Throttle-Admin");
        assertThat(a.isLocked("throttle-admin", "203.0.113.7")).isFalse();
        assertThat(graph.query("MATCH (a:LoginAttempts) WHERE a.username = 'throttle-admin' RETURN count(a)")
                .fetchAs(Long.class).one().orElseThrow()).isZero();
    }

    private static AuthenticationFailureBadCredentialsEvent failure(String username, String address) {
        var request = new org.springframework.mock.web.MockHttpServletRequest();
        request.setRemoteAddr(address);
        var token = new UsernamePasswordAuthenticationToken(username, "guess");
        token.setDetails(new org.springframework.security.web.authentication.WebAuthenticationDetails(request));
        return new AuthenticationFailureBadCredentialsEvent(token, new BadCredentialsException("bad credentials"));
    }

    private long failures(String key) {
        // counted per username and address; these events carry no address, but a request of an earlier test may linger
        return graph.query("MATCH (a:LoginAttempts {username: $key}) RETURN sum(a.failures)").bind(key).to("key")
                .fetchAs(Long.class).one().orElse(0L);
    }

    private static AuthenticationFailureBadCredentialsEvent failure(String username) {
        return new AuthenticationFailureBadCredentialsEvent(new UsernamePasswordAuthenticationToken(username, "guess"),
                new BadCredentialsException("bad credentials"));
    }

    private static AuthenticationSuccessEvent success(String username) {
        return new AuthenticationSuccessEvent(UsernamePasswordAuthenticationToken.authenticated(username, null, java.util.List.of()));
    }
}
