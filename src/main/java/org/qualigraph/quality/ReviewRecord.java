package org.qualigraph.quality;

import java.time.ZonedDateTime;
import org.qualigraph.curriculum.QualificationStatus;

/** One transition in a qualification's history: {@code (:Review {id, from, to, by, at, comment})}. */
public record ReviewRecord(String id, QualificationStatus from, QualificationStatus to, String by, ZonedDateTime at,
                           String comment) {
}
