package org.qualigraph.curriculum;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** A work-based learning period of a unit and the outcomes (by code) it serves. */
@JsonPropertyOrder({"code", "hours", "setting", "description", "outcomes"})
public record WorkBasedLearningDocument(
        String code,
        Integer hours,
        WblSetting setting,
        Map<String, String> description,
        List<String> outcomes) {

    public WorkBasedLearningDocument {
        description = Texts.copy(description);
        outcomes = Texts.list(outcomes);
    }
}
