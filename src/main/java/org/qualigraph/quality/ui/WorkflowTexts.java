package org.qualigraph.quality.ui;

import com.vaadin.flow.component.UI;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Small helpers of the workflow views: translations outside a component and the signed-in user. */
final class WorkflowTexts {

    private WorkflowTexts() {
    }

    static String t(String key, Object... params) {
        var ui = UI.getCurrent();
        return ui == null ? key : ui.getTranslation(key, params);
    }

    static String user() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }

    static Set<String> roles() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Set.of();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).collect(Collectors.toSet());
    }
}
