package org.qualigraph.curriculum;

/** The European credit systems: ECTS for higher education,  ECVET points for VET. */
public enum CreditSystem {
    ECVET, ECTS
}
