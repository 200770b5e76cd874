package org.qualigraph.quality;

/** Published when a qualification's governance record was replaced, so that its stored quality report follows. */
record GovernanceRecorded(String qualificationId) {
}
