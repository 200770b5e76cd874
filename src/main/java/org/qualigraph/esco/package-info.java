/**
 * ESCO in the graph: the official classification (skills, occupations, their relations and collections) imported
 * from the ESCO CSV packages, searchable, and used to map outcomes to skills and to measure how well a curriculum
 * covers an occupation. It exists because curricula must be "informed by ESCO" and designers need to see the gaps.
 * Skills and outcomes are also compared by meaning (sentence vectors from an in-process model), because curricula
 * rarely use ESCO's words: suggestions, the closest outcome for a missing skill, and recognition between qualifications.
 */
package org.qualigraph.esco;
