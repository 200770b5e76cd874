package org.qualigraph.curriculum;

/** Kinds of qualification; each implies an EQF range (quality rule EQF-05). */
public enum QualificationType {
    IVET, APPRENTICESHIP, CVET, HE_SHORT_CYCLE, HE_BACHELOR, HE_MASTER, HE_DOCTORATE, MICRO_CREDENTIAL
}
