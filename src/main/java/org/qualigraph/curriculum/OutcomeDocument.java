package org.qualigraph.curriculum;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** One learning-outcome statement in one EQF dimension, optionally mapped to ESCO skills and key competences. */
@JsonPropertyOrder({"id", "code", "dimension", "statement", "eqfLevel", "skills", "keyCompetences"})
public record OutcomeDocument(
        String id,
        String code,
        Dimension dimension,
        Map<String, String> statement,
        Integer eqfLevel,
        List<String> skills,
        List<KeyCompetence> keyCompetences) {

    public OutcomeDocument {
        statement = Texts.copy(statement);
        skills = Texts.list(skills);
        keyCompetences = Texts.list(keyCompetences);
    }

    public OutcomeDocument withId(String newId) {
        return new OutcomeDocument(newId, code, dimension, statement, eqfLevel, skills, keyCompetences);
    }

    public String displayStatement() {
        return Texts.display(statement);
    }
}
