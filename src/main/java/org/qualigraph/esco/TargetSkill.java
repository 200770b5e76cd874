package org.qualigraph.esco;

/**
 * One skill a gap target (an ESCO occupation or an occupational profile) asks for. {@code local} marks a skill the
 * designer defined in a profile that is not (yet) in ESCO; its URI is then a Qualigraph local-skill URI, never an ESCO
 * one.
 */
public record TargetSkill(String uri, String label, boolean essential, boolean local) {
}
