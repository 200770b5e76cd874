package org.qualigraph.curriculum;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A unit of learning outcomes within a qualification document. A unit may be shared by several qualifications.
 * {@code version} is set by the server and raised whenever the unit's own content is written, through whichever
 * qualification; on input it only tells which stored version the client's copy was read at (null: not said).
 */
@JsonPropertyOrder({"id", "version", "code", "title", "eqfLevel", "credits", "hours", "mandatory", "prerequisites", "deliveryModes",
        "outcomes", "workBasedLearning", "assessments"})
public record UnitDocument(
        String id,
        String code,
        Map<String, String> title,
        Integer eqfLevel,
        BigDecimal credits,
        Integer hours,
        Boolean mandatory,
        List<String> prerequisites,
        List<DeliveryMode> deliveryModes,
        List<OutcomeDocument> outcomes,
        List<WorkBasedLearningDocument> workBasedLearning,
        List<AssessmentDocument> assessments,
        Long version) {

    public UnitDocument {
        title = Texts.copy(title);
        prerequisites = Texts.list(prerequisites);
        deliveryModes = Texts.list(deliveryModes);
        outcomes = Texts.list(outcomes);
        workBasedLearning = Texts.list(workBasedLearning);
        assessments = Texts.list(assessments);
    }

    /** A unit whose copy does not say which version it was read at (a new unit, an import). */
    public UnitDocument(String id, String code, Map<String, String> title, Integer eqfLevel, BigDecimal credits,
                        Integer hours, Boolean mandatory, List<String> prerequisites, List<DeliveryMode> deliveryModes,
                        List<OutcomeDocument> outcomes, List<WorkBasedLearningDocument> workBasedLearning,
                        List<AssessmentDocument> assessments) {
        this(id, code, title, eqfLevel, credits, hours, mandatory, prerequisites, deliveryModes, outcomes,
                workBasedLearning, assessments, null);
    }

    public boolean isMandatory() {
        return mandatory == null || mandatory;
    }

    public UnitDocument withId(String newId) {
        return new UnitDocument(newId, code, title, eqfLevel, credits, hours, mandatory, prerequisites, deliveryModes,
                outcomes, workBasedLearning, assessments, version);
    }

    /** The same unit read at another version. */
    public UnitDocument withVersion(Long newVersion) {
        return new UnitDocument(id, code, title, eqfLevel, credits, hours, mandatory, prerequisites, deliveryModes,
                outcomes, workBasedLearning, assessments, newVersion);
    }

    public UnitDocument withOutcomes(List<OutcomeDocument> newOutcomes) {
        return new UnitDocument(id, code, title, eqfLevel, credits, hours, mandatory, prerequisites, deliveryModes,
                newOutcomes, workBasedLearning, assessments, version);
    }

    public String displayTitle() {
        return Texts.display(title);
    }

    /** Hours of all work-based learning periods of this unit. */
    public int workBasedHours() {
        return workBasedLearning.stream().mapToInt(w -> w.hours() == null ? 0 : w.hours()).sum();
    }
}
