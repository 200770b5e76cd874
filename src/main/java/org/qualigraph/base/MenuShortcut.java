package org.qualigraph.base;

import java.util.Map;
import java.util.Set;

/**
 * An extra entry of the side menu that a feature contributes with a live count (e.g. "Waiting for my review (3)"): a
 * Spring bean the {@link MainLayout} shows to the users it is meant for, so the layout never depends on the feature.
 * The count is read again after every navigation.
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

    /** The number shown next to the title; the entry shows no number when it is zero. */
    long count();
}
