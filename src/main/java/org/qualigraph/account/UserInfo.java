package org.qualigraph.account;

import java.time.Instant;
import java.util.Set;

/**
 * A user as the admin page and API show it: never the password or its hash. {@code organisation} is the partner
 * organisation the user works for (null: none).
 */
public record UserInfo(String username, Set<String> roles, boolean enabled, Instant createdAt, String organisation) {

    public UserInfo(String username, Set<String> roles, boolean enabled, Instant createdAt) {
        this(username, roles, enabled, createdAt, null);
    }
}
