package org.qualigraph.account;

import java.time.Instant;
import java.util.Set;

/** A user as the admin page and API show it: never the password or its hash. */
public record UserInfo(String username, Set<String> roles, boolean enabled, Instant createdAt) {
}
