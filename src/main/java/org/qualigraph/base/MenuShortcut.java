package org.qualigraph.base;

import java.util.Map;
import java.util.Set;

/**
 * An extra entry of the side menu that a feature contributes with a live count (e.g. "Waiting for my review (3)"): a
 * Spring bean the {@link MainLayout} shows to the users it is meant for, so the layout never depends on the feature.
 * The count is read again after every navigation, and whenever {@link MenuCounts} learns that counts may have changed
 * (a transition on this instance at once, one on another instance at its next poll of the {@link MenuStamp}s).
 */
public interface MenuShortcut {

    /** A stable id; the menu item gets {@code menu-<id>} and its count {@code menu-<id>-count}. */
    String id();

    /** The i18n key of the entry's title. */
    String titleKey();

    /** The route path the entry opens (as in {@code @Route}). */
    String path();

    /** Query parameters added to the path (e.g. a list filter). */
    default Map<String, String> query() {
        return Map.of();
    }

    /** Whether a user with these roles sees the entry. */
    boolean visibleTo(Set<String> roles);

    /**
     * The number shown next to the title for this user; the entry shows no number when it is zero. The user is passed
     * because counts are also read off the user's request (a push from another user's transition or from the poll).
     */
    long count(String user);
}
