package org.qualigraph.quality;

import org.qualigraph.curriculum.QualificationStatus;

/** The state of a qualification after a transition: its new status and version. */
public record TransitionResult(String id, QualificationStatus status, long version) {
}
