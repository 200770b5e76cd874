package org.qualigraph.base;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user of the current request or UI session: the name recorded as author of changes, and the roles
 * (without Spring's {@code ROLE_} prefix) that views use to show only what the user may do. The services enforce the
 * same roles again; views only avoid offering what would be refused.
 */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** The user name, or {@code anonymous} outside a signed-in request. */
    public static String name() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }

    /** The roles of the signed-in user, e.g. {@code DESIGNER}; empty when nobody is signed in. */
    public static Set<String> roles() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Set.of();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the signed-in user holds this role. */
    public static boolean has(String role) {
        return roles().contains(role);
    }
}
