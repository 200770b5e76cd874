/**
 * Quality assurance: the rule catalogue (EQF, ELM/QDR, credits, outcome writing, ESCO, work-based learning,
 * assessment, ESG, EQAVET) evaluated on a qualification, and the review workflow that approves and publishes it with
 * a traceable record. It exists so reviewers see at a glance whether a curriculum meets the standards.
 */
package org.qualigraph.quality;
