/**
 * The quality screens: the editor's "Quality" tab and live header badge, the read-only report for reviewers, the
 * dashboard with Chart.js charts, and the tabs through which reviewers and designers run the review workflow
 * (status, actions, comments, audit), compare revisions and record ESG/EQAVET evidence. They exist so designers fix
 * problems where they arise and reviewers see at a glance whether a curriculum meets the standards.
 */
package org.qualigraph.quality.ui;
