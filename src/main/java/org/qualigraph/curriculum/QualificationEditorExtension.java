package org.qualigraph.curriculum;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A tab that another feature adds to the qualification editor (quality report, ESCO coverage, review, export, ...).
 * Features register a Spring bean; the editor shows the tabs the current user may see, ordered by {@link #order()}.
 * The curriculum module thereby never depends on the features that build on it.
 */
public interface QualificationEditorExtension {

    /** A stable id, used in the URL fragment and as the component id of the tab ({@code tab-<id>}). */
    String id();

    /** The tab label (already translated). */
    String label();

    /** Tabs are sorted by this number; the editor's own tabs use 0-99. */
    int order();

    /** Whether the signed-in user may see this tab (checked with the roles of the current user). */
    default boolean visibleTo(java.util.Set<String> roles) {
        return true;
    }

    /** The tab content for one open qualification; called once per editor instance, lazily when first shown. */
    Component create(EditorContext context);

    /** A small component for the editor's header (e.g. a live quality badge), if any. */
    default Optional<Component> createBadge(EditorContext context) {
        return Optional.empty();
    }
}
