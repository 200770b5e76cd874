/**
 * Backup and restore of a whole workspace: every qualification with its units, outcomes, revisions, reviews,
 * comments, evidence and audit trail, as one JSON file, without user accounts or passwords. It exists because
 * curriculum data is months of committee work that must survive a lost server and move between instances.
 */
package org.qualigraph.workspace;
