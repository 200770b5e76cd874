/**
 * ESCO in the graph: the official classification (skills, occupations, their relations and collections) imported
 * from the ESCO CSV packages, searchable, and used to map outcomes to skills and to measure how well a curriculum
 * covers an occupation. It exists because curricula must be "informed by ESCO" and designers need to see the gaps.
 */
package org.qualigraph.esco;
