package org.qualigraph.exchange;

import java.util.List;
import org.qualigraph.quality.Governance;

/**
 * The core-curriculum document resolved into one language with labels looked up: what the HTML/PDF and DOCX
 * renderers lay out, so both show the same content. All strings are plain text (renderers escape them). Texts without
 * a translation into the document's language carry a mark; {@code untranslatedNote} explains it (null when none does).
 * The public edition ({@link CurriculumContentBuilder#buildPublic}) has no annexes: {@code qualityNote} and
 * {@code approval} are null there, and renderers leave both sections out.
 */
record CurriculumContent(
        DocumentMessages messages,
        String language,
        String title,
        String subtitle,
        String untranslatedNote,
        String description,
        List<Fact> profile,
        List<UnitSection> units,
        Coverage coverage,
        String qualityNote,
        List<String> qualityFindings,
        Approval approval) {

    /** A labelled value of the profile or a unit; {@code values} has one line per entry. */
    record Fact(String label, List<String> values) {
        static Fact of(String label, String value) {
            return new Fact(label, value == null || value.isBlank() ? List.of() : List.of(value));
        }
    }

    record UnitSection(String anchor, String code, String heading, List<Fact> facts, List<OutcomeGroup> outcomes,
                       List<String> workBasedLearning, List<String> assessments, List<String> skills) {
    }

    record OutcomeGroup(String dimension, List<OutcomeLine> outcomes) {
    }

    record OutcomeLine(String code, String statement, List<String> skills) {
    }

    /** {@code available} false: no ESCO data in this installation; {@code note} says why. */
    record Coverage(boolean available, String note, List<CoverageLine> lines) {
    }

    record CoverageLine(String summary, List<String> missing) {
    }

    /** {@code governance} null: no governance source in this installation; {@code note} says so. */
    record Approval(Governance governance, String note) {
    }
}
