package org.qualigraph.esco;

import com.vaadin.flow.component.Component;

/**
 * A part of the Reference data page that another feature contributes (e.g. the Europass schemas of the exchange
 * module): a Spring bean, so the page lists every kind of reference data without depending on the features that need
 * it. Sections follow the ESCO import, ordered by {@link #order()}.
 */
public interface ReferenceDataSection {

    int order();

    /** The section for one page instance. */
    Component create();
}
