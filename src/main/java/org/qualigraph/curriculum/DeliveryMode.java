package org.qualigraph.curriculum;

/** How a unit is delivered. */
public enum DeliveryMode {
    PRESENTIAL, ONLINE, BLENDED, WORK_BASED, SIMULATION, EXTENDED_REALITY
}
