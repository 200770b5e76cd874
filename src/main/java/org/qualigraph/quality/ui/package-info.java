/**
 * The quality screens: the editor's "Quality" tab and live header badge, the read-only report for reviewers and the
 * dashboard with Chart.js charts. They exist so designers fix problems where they arise and reviewers see at a glance
 * whether a curriculum meets the standards.
 */
package org.qualigraph.quality.ui;
