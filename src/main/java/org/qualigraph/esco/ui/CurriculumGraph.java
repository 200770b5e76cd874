package org.qualigraph.esco.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;

/**
 * The curriculum graph (qualification, units, outcomes, skills, target) drawn in the browser by Cytoscape.js, an
 * open-source graph library. The server sends nodes and edges as one JSON string in the {@code elements} property in
 * Cytoscape's element format; the web component lays them out.
 */
@Tag("curriculum-graph")
@JavaScript("context://vendor/cytoscape-3.30.4.min.js")
@JavaScript("context://components/curriculum-graph.js")
public class CurriculumGraph extends Component implements HasSize {

    public CurriculumGraph() {
        setWidthFull();
        setHeight("40rem");
        getElement().setAttribute("fit-label", getTranslation("gap.graph.fit"));
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", getTranslation("gap.graph.label"));
    }

    /** Zooms the drawing so that the whole graph is visible. */
    public void fit() {
        getElement().callJsFunction("fit");
    }

    /** Replaces the drawing; {@code elementsJson} is a JSON array of Cytoscape elements. */
    public void setElements(String elementsJson) {
        getElement().setProperty("elements", elementsJson);
    }

    public String getElements() {
        return getElement().getProperty("elements", "[]");
    }
}
