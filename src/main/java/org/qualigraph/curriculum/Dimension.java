package org.qualigraph.curriculum;

/** The three EQF descriptor columns an outcome belongs to. */
public enum Dimension {
    KNOWLEDGE, SKILLS, RESPONSIBILITY_AUTONOMY
}
