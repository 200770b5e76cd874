package org.qualigraph.exchange;

import java.util.regex.Pattern;

/**
 * The spreadsheet layout shared by the CSV export and import: one row per outcome, unit columns repeated, extra
 * languages as {@code <column>_<language>} columns, and the neutralisation of cells a spreadsheet would run as formulas.
 */
final class CsvSheet {

    static final String UNIT_CODE = "unit_code";
    static final String UNIT_TITLE = "unit_title";
    static final String UNIT_EQF = "unit_eqf";
    static final String UNIT_CREDITS = "unit_credits";
    static final String UNIT_HOURS = "unit_hours";
    static final String UNIT_MANDATORY = "unit_mandatory";
    static final String OUTCOME_CODE = "outcome_code";
    static final String DIMENSION = "dimension";
    static final String STATEMENT = "statement";
    static final String OUTCOME_EQF = "outcome_eqf";
    static final String ESCO_SKILLS = "esco_skills";
    static final String KEY_COMPETENCES = "key_competences";

    /** The separator of several ESCO skills or key competences in one cell. */
    static final String LIST_SEPARATOR = " | ";

    /** The language of the plain {@code unit_title} and {@code statement} columns. */
    static final String BASE_LANGUAGE = "en";

    static final Pattern LANGUAGE_COLUMN = Pattern.compile("(unit_title|statement)_([a-z]{2,3})");

    // A cell a spreadsheet would evaluate starts with one of these, possibly after apostrophes we added ourselves.
    private static final Pattern DANGEROUS = Pattern.compile("^'*[=+\\-@\\t\\r].*", Pattern.DOTALL);
    private static final Pattern NEUTRALISED = Pattern.compile("^'+[=+\\-@\\t\\r].*", Pattern.DOTALL);

    private CsvSheet() {
    }

    /**
     * Prefixes an apostrophe to a cell starting with {@code = + - @}, tab or carriage return (OWASP CSV injection), also
     * when it already starts with apostrophes before such a character, so that {@link #restore} gives the text back.
     */
    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return DANGEROUS.matcher(cell).matches() ? "'" + cell : cell;
    }

    /** Removes the apostrophe {@link #neutralise} added. */
    static String restore(String cell) {
        if (cell == null) {
            return "";
        }
        return NEUTRALISED.matcher(cell).matches() ? cell.substring(1) : cell;
    }
}
