/**
 * Curricula as a graph: qualifications made of reusable units of learning outcomes, levelled on the EQF and national
 * frameworks, with work-based learning and assessments. It exists because alliances design modular qualifications
 * together and must share units, derive national variants from a European core profile and keep every version
 * consistent; the {@link org.qualigraph.curriculum.QualificationService} document API is the single way in.
 */
package org.qualigraph.curriculum;
