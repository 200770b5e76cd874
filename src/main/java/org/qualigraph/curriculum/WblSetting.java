package org.qualigraph.curriculum;

/** Where a work-based learning period takes place. */
public enum WblSetting {
    COMPANY, SIMULATED, TRANSNATIONAL
}
