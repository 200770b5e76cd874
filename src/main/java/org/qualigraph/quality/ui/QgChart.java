package org.qualigraph.quality.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;

/**
 * A chart drawn by Chart.js (MIT licence) in the browser: the server sends the Chart.js configuration as JSON. Free
 * replacement for the commercial Vaadin Charts.
 */
@Tag("qg-chart")
@JavaScript("context://vendor/chart-4.4.9.umd.js")
@JavaScript("context://components/qg-chart.js")
class QgChart extends Component implements HasSize {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String config = "";

    QgChart() {
        setWidthFull();
        setHeight("260px");
    }

    /** Sets the Chart.js configuration ({@code {type, data, options}}) and redraws. */
    void setConfig(Object chartConfig) {
        try {
            config = JSON.writeValueAsString(chartConfig);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("chart configuration is not serialisable", e);
        }
        getElement().setProperty("config", config);
    }

    String config() {
        return config;
    }
}
