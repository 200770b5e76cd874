package org.qualigraph.curriculum;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.Optional;

/**
 * Something another feature shows inside a unit's details in the editor, next to the unit it is about: the review
 * comments on the unit and its outcomes, for instance. A Spring bean; the curriculum editor stays unaware of the
 * feature, as with {@link QualificationEditorExtension}.
 */
public interface UnitAnnotations {

    /** A component for the unit with this code and outcome codes, or empty when there is nothing to show. */
    Optional<Component> forUnit(EditorContext context, String unitCode, List<String> outcomeCodes);
}
