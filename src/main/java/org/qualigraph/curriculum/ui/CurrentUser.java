package org.qualigraph.curriculum.ui;

import java.util.Set;
import java.util.stream.Collectors;
import org.qualigraph.base.Roles;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user's name and roles, as the views need them for authorship and what they may change. */
final class CurrentUser {

    private CurrentUser() {
    }

    static String name() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }

    static Set<String> roles() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Set.of();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toUnmodifiableSet());
    }

    static boolean isDesigner() {
        return roles().contains(Roles.DESIGNER);
    }
}
