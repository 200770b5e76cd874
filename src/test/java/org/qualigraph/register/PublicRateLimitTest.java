package org.qualigraph.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PublicRateLimitTest {

    @Test
    void eachAddressHasItsOwnWindowOfAMinute() {
        var now = new Instant[] {Instant.parse("2026-01-01T10:00:10Z")};
        Clock clock = new Clock() {
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now[0];
            }
        };
        var limit = new PublicRateLimit(3, new ObjectMapper(), clock);
        assertThat(limit.admit("a")).isZero();
        assertThat(limit.admit("a")).isZero();
        assertThat(limit.admit("a")).isZero();
        assertThat(limit.admit("a")).as("the fourth waits for the next minute").isEqualTo(50);
        assertThat(limit.admit("b")).isZero();
        now[0] = Instant.parse("2026-01-01T10:01:00Z");
        assertThat(limit.admit("a")).isZero();
        assertThat(PublicRateLimit.isPublic("/id/qualification/x")).isTrue();
        assertThat(PublicRateLimit.isPublic("/catalog")).isTrue();
        assertThat(PublicRateLimit.isPublic("/api/qualifications")).isFalse();
        assertThat(PublicRateLimit.isPublic("/catalogue")).isFalse();
    }
}
