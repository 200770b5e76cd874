/**
 * Views of the quality module: the editor tabs through which reviewers and designers run the review workflow
 * (status, actions, comments, audit), compare revisions and record ESG/EQAVET evidence.
 */
package org.qualigraph.quality.ui;
