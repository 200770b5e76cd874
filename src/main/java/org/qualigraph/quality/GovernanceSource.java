package org.qualigraph.quality;

/** Where the rule engine reads a qualification's governance record from; implemented by the review workflow. */
public interface GovernanceSource {

    /** The record of this qualification; {@link Governance#EMPTY} when nothing was recorded. */
    Governance governance(String qualificationId);
}
