package org.qualigraph.curriculum;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * A shared unit that a save changed in a copy older than the stored unit: the stored unit's code, title and version,
 * and who changed it last, through which qualification and when (ISO-8601). The 409 body lists these as
 * {@code conflicts} (API contract), and the editor shows them side by side with the designer's version; {@code id}, the
 * unit's id, is for the editor only (the contract names units by code).
 */
@JsonPropertyOrder({"unit", "title", "storedVersion", "changedBy", "changedIn", "at"})
public record UnitConflict(@JsonIgnore String id, String unit, Map<String, String> title, long storedVersion, String changedBy, String changedIn,
                           String at) {
}
