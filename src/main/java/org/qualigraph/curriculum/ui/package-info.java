/**
 * The curriculum editor: the qualification list and the editor with its profile and units tabs, working on a mutable
 * copy of the qualification document that is stored only on Save. It exists so that designers build modular,
 * EQF-levelled qualifications without writing JSON, while other features plug their own tabs in through
 * {@link org.qualigraph.curriculum.QualificationEditorExtension}.
 */
package org.qualigraph.curriculum.ui;
