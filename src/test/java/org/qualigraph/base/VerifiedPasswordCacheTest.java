package org.qualigraph.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordCacheTest {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final AtomicInteger checks = new AtomicInteger();
    private final MutableClock clock = new MutableClock();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final VerifiedPasswordCache cache = new VerifiedPasswordCache(counting, Duration.ofMinutes(5), 3, clock);

    @Test
    void aMatchingPasswordIsCheckedWithBcryptOnceWithinTheLifetime() {
        String hash = cache.encode("right-password");
        assertThat(cache.matches("right-password", hash)).isTrue();
        assertThat(cache.matches("right-password", hash)).isTrue();
        assertThat(checks).hasValue(1);
        clock.advance(Duration.ofMinutes(6));
        assertThat(cache.matches("right-password", hash)).isTrue();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aWrongPasswordIsNeverRememberedAndAlwaysPaysTheFullCheck() {
        String hash = cache.encode("right-password");
        assertThat(cache.matches("right-password", hash)).isTrue();
        assertThat(cache.matches("wrong-password", hash)).isFalse();
        assertThat(cache.matches("wrong-password", hash)).isFalse();
        assertThat(checks).hasValue(3);
    }

    @Test
    void aChangedPasswordHashMissesTheCache() {
        String oldHash = cache.encode("old-password");
        assertThat(cache.matches("old-password", oldHash)).isTrue();
        String newHash = cache.encode("new-password");
        assertThat(cache.matches("old-password", newHash)).isFalse();
        assertThat(cache.matches("new-password", newHash)).isTrue();
        assertThat(checks).hasValue(3);
    }

    @Test
    void theCacheStaysWithinItsCapacity() {
        String[] hashes = new String[5];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = cache.encode("password-" + i);
            assertThat(cache.matches("password-" + i, hashes[i])).isTrue();
        }
        assertThat(checks).hasValue(5);
        // at most 3 are remembered: checking all five again needs bcrypt for at least two of them
        for (int i = 0; i < hashes.length; i++) {
            assertThat(cache.matches("password-" + i, hashes[i])).isTrue();
        }
        assertThat(checks.get()).isGreaterThanOrEqualTo(7);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-26T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
