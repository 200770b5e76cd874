package org.qualigraph.base;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that remembers, for a few minutes, that a password matched its stored hash. HTTP Basic sends the
 * password with every API call, and a bcrypt check costs tens of milliseconds of CPU: without this, an integrator's
 * script pays that on every request and 50 clients saturate two cores with hashing alone.
 * <p>
 * What is remembered is an HMAC (with a key made at start and never stored) of the password together with the stored
 * hash, never the password. Only successful checks are remembered, so a wrong password always pays the full bcrypt
 * price (and counts for login throttling). A changed password changes the stored hash and so misses the cache; a
 * disabled or locked account is still refused, because the account is loaded on every request.
 */
final class VerifiedPasswordCache implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Duration lifetime;
    private final int capacity;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private final Map<String, Instant> verified = new ConcurrentHashMap<>();

    VerifiedPasswordCache(PasswordEncoder delegate, Duration lifetime, int capacity, Clock clock) {
        this.delegate = delegate;
        this.lifetime = lifetime;
        this.capacity = capacity;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String fingerprint = fingerprint(rawPassword, encodedPassword);
        Instant now = clock.instant();
        Instant until = verified.get(fingerprint);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            if (verified.size() >= capacity) {
                evict(now);
            }
            verified.put(fingerprint, now.plus(lifetime));
        } else if (until != null) {
            verified.remove(fingerprint);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    /** Drops expired entries; when all are still valid, drops entries until there is room again. */
    private void evict(Instant now) {
        verified.values().removeIf(until -> !now.isBefore(until));
        Iterator<String> keys = verified.keySet().iterator();
        while (verified.size() >= capacity && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
