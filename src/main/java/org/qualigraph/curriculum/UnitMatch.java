package org.qualigraph.curriculum;

/**
 * A unit of another qualification found for reuse: the unit as that qualification holds it and the qualification it
 * belongs to, so the designer can tell two units with the same code apart.
 */
public record UnitMatch(UnitDocument unit, QualificationSummary qualification) {
}
