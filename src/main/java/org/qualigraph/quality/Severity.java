package org.qualigraph.quality;

/** How much a finding matters: errors block submission and publication, warnings must be seen, infos advise. */
public enum Severity {
    ERROR, WARNING, INFO
}
