package org.qualigraph.quality;

/** Why the rules run: a normal check, or a check before publishing (publication rules apply as errors). */
public enum Purpose {
    NORMAL, PUBLISHING
}
