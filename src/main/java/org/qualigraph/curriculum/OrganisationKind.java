package org.qualigraph.curriculum;

/** What an awarding body or partner is. */
public enum OrganisationKind {
    VET_PROVIDER, HEI, AUTHORITY, ENTERPRISE, CHAMBER
}
