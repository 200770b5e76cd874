package org.qualigraph.curriculum.ui;

import java.util.Set;
import org.qualigraph.base.Roles;

/** The signed-in user as the curriculum views need it; see {@link org.qualigraph.base.CurrentUser}. */
final class CurrentUser {

    private CurrentUser() {
    }

    static String name() {
        return org.qualigraph.base.CurrentUser.name();
    }

    static Set<String> roles() {
        return org.qualigraph.base.CurrentUser.roles();
    }

    static boolean isDesigner() {
        return org.qualigraph.base.CurrentUser.has(Roles.DESIGNER);
    }
}
