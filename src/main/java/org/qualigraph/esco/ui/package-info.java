/**
 * The ESCO module's views: the administrator's "Reference data" page that uploads an ESCO release and follows its
 * import live; the skills-gap tab of the qualification editor (coverage, heatmap, curriculum graph, reverse
 * matching), the ESCO browser and the occupational profile editor. Views talk to the ESCO services and the job
 * service only.
 */
package org.qualigraph.esco.ui;
