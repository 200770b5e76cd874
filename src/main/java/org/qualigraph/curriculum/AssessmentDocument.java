package org.qualigraph.curriculum;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** An assessment of a unit, its weight in percent and the outcomes (by code) it assesses. */
@JsonPropertyOrder({"code", "method", "weight", "outcomes"})
public record AssessmentDocument(
        String code,
        AssessmentMethod method,
        Integer weight,
        List<String> outcomes) {

    public AssessmentDocument {
        outcomes = Texts.list(outcomes);
    }
}
