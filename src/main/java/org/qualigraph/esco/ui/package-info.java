/**
 * The ESCO screens: the skills-gap tab of the qualification editor (coverage, heatmap, curriculum graph, reverse
 * matching), the ESCO browser and the occupational profile editor. Views call the ESCO services only.
 */
package org.qualigraph.esco.ui;
