package org.qualigraph.exchange;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.ConflictException;
import org.qualigraph.base.FieldProblem;
import org.qualigraph.curriculum.AssessmentDocument;
import org.qualigraph.curriculum.Dimension;
import org.qualigraph.curriculum.DocumentValidator;
import org.qualigraph.curriculum.KeyCompetence;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.curriculum.WorkBasedLearningDocument;
import org.springframework.stereotype.Service;

/**
 * Imports the units and outcomes of a qualification from the spreadsheet layout of the CSV export, so designers who
 * draft in Excel or LibreOffice can bring their work back.
 * <p>
 * The CSV is the complete list of units and outcomes: units are matched by {@code unit_code} and outcomes by
 * {@code outcome_code} within their unit; matched ones are updated (their ids, work-based learning, assessments,
 * delivery modes and prerequisites are kept), new codes are created, and units or outcomes missing from the CSV are
 * removed (references to them from work-based learning, assessments and prerequisites are dropped). Languages without
 * a column keep their text. Every problem names the line and column; on any problem nothing changes. The qualification's
 * other fields (title, levels, awarding bodies, ...) are not touched.
 */
@Service
public class CsvImportService {

    /** The largest CSV accepted, in characters: far above any real curriculum (a 120-unit one is ~300 kB). */
    public static final int MAX_CHARS = 5_000_000;

    private static final Set<String> FIXED_COLUMNS = Set.of(CsvSheet.UNIT_CODE, CsvSheet.UNIT_TITLE, CsvSheet.UNIT_EQF,
            CsvSheet.UNIT_CREDITS, CsvSheet.UNIT_HOURS, CsvSheet.UNIT_MANDATORY, CsvSheet.OUTCOME_CODE, CsvSheet.DIMENSION,
            CsvSheet.STATEMENT, CsvSheet.OUTCOME_EQF, CsvSheet.ESCO_SKILLS, CsvSheet.KEY_COMPETENCES);
    private static final Pattern UNIT_PATH = Pattern.compile("units\\[(\\d+)](?:\\.outcomes\\[(\\d+)])?(?:\\.(\\w+))?.*");

    private final QualificationService qualifications;

    CsvImportService(QualificationService qualifications) {
        this.qualifications = qualifications;
    }

    /**
     * What {@link #apply} would change, without changing anything; bad input is reported the same way, and so is a
     * qualification whose content is locked (in review, approved, published, archived: 409), before any work is done.
     */
    public CsvImportPreview preview(String qualificationId, String csv) {
        var current = qualifications.get(qualificationId);
        qualifications.requireEditable(qualificationId);
        var merged = merge(current, parse(csv));
        return diff(current, merged.document());
    }

    /**
     * Applies the CSV to the qualification. {@code version}, when given, must be the stored version (the one the
     * designer previewed against), else nothing changes and a conflict is reported.
     */
    public QualificationDocument apply(String qualificationId, String csv, Long version, String user) {
        var current = qualifications.get(qualificationId);
        qualifications.requireEditable(qualificationId);
        if (version != null && !version.equals(current.version())) {
            throw new ConflictException("Qualification " + qualificationId + " was changed meanwhile (version "
                    + current.version() + ", yours " + version + "); preview the import again",
                    org.qualigraph.base.Message.of("problem.csv.stale", current.version(), version), List.of());
        }
        var merged = merge(current, parse(csv));
        return qualifications.update(qualificationId, merged.document(), user);
    }

    // ---------------------------------------------------------------- parsing

    record UnitRow(int line, String code, Map<String, String> title, Integer eqf, BigDecimal credits, Integer hours,
                   Boolean mandatory, Set<String> titleLanguages, List<OutcomeRow> outcomes) {
    }

    record OutcomeRow(int line, String code, Dimension dimension, Map<String, String> statement, Integer eqf,
                      List<String> skills, List<KeyCompetence> keyCompetences, Set<String> statementLanguages) {
    }

    static List<UnitRow> parse(String csv) {
        if (csv == null || csv.isBlank()) {
            throw new BadInputException(List.of(FieldProblem.of("line 1", "problem.csv.empty", CsvSheet.UNIT_CODE,
                    CsvSheet.OUTCOME_CODE, CsvSheet.DIMENSION, CsvSheet.STATEMENT)));
        }
        if (csv.length() > MAX_CHARS) {
            throw new BadInputException(List.of(FieldProblem.of("", "problem.csv.tooLarge", MAX_CHARS)));
        }
        String text = csv.charAt(0) == '\uFEFF' ? csv.substring(1) : csv;
        var problems = new ArrayList<FieldProblem>();
        var units = new LinkedHashMap<String, UnitRow>();
        var unitFirstValues = new HashMap<String, CSVRecord>();
        try (Reader reader = new StringReader(text);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreEmptyLines(true).setTrim(true).get().parse(reader)) {
            List<String> header = parser.getHeaderNames();
            checkHeader(header, problems);
            if (!problems.isEmpty()) {
                throw new BadInputException(problems);
            }
            var outcomeCodes = new HashMap<String, Integer>();
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber() + 1;
                if (!record.isConsistent()) {
                    problems.add(FieldProblem.of("line " + line, "problem.csv.cells", record.size(), header.size()));
                    continue;
                }
                if (isBlankRow(record)) {
                    continue;
                }
                row(record, line, header, units, unitFirstValues, outcomeCodes, problems);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            problems.add(FieldProblem.of("line " + lineOf(e), "problem.csv.unreadable", String.valueOf(e.getMessage())));
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        if (units.isEmpty()) {
            throw new BadInputException(List.of(FieldProblem.of("line 2", "problem.csv.noRows")));
        }
        return List.copyOf(units.values());
    }

    private static void checkHeader(List<String> header, List<FieldProblem> problems) {
        var seen = new LinkedHashSet<String>();
        for (String column : header) {
            String name = column == null ? "" : column.strip();
            if (!FIXED_COLUMNS.contains(name) && !CsvSheet.LANGUAGE_COLUMN.matcher(name).matches()) {
                problems.add(FieldProblem.of("line 1, column " + quoted(name), "problem.csv.unknownColumn", String.join(", ", List.of(CsvSheet.UNIT_CODE, CsvSheet.UNIT_TITLE, CsvSheet.UNIT_EQF,
                        CsvSheet.UNIT_CREDITS, CsvSheet.UNIT_HOURS, CsvSheet.UNIT_MANDATORY, CsvSheet.OUTCOME_CODE,
                        CsvSheet.DIMENSION, CsvSheet.STATEMENT, CsvSheet.OUTCOME_EQF, CsvSheet.ESCO_SKILLS,
                        CsvSheet.KEY_COMPETENCES))));
            }
            if (!seen.add(name)) {
                problems.add(FieldProblem.of("line 1, column " + quoted(name), "problem.csv.twice"));
            }
        }
        for (String required : List.of(CsvSheet.UNIT_CODE, CsvSheet.OUTCOME_CODE, CsvSheet.DIMENSION)) {
            if (!seen.contains(required)) {
                problems.add(FieldProblem.of("line 1", "problem.csv.requiredColumn", required));
            }
        }
        if (seen.stream().noneMatch(c -> c.equals(CsvSheet.STATEMENT) || c.startsWith(CsvSheet.STATEMENT + "_"))) {
            problems.add(FieldProblem.of("line 1", "problem.csv.statement"));
        }
    }

    private static void row(CSVRecord record, int line, List<String> header, Map<String, UnitRow> units,
                            Map<String, CSVRecord> unitFirstValues, Map<String, Integer> outcomeCodes,
                            List<FieldProblem> problems) {
        var cells = new Cells(record, line, header, problems);
        String unitCode = cells.text(CsvSheet.UNIT_CODE);
        if (unitCode.isEmpty()) {
            problems.add(cells.problem(CsvSheet.UNIT_CODE, "problem.csv.unitCode"));
            return;
        }
        UnitRow unit = units.get(unitCode);
        if (unit == null) {
            var title = new LinkedHashMap<String, String>();
            var titleLanguages = cells.languages(CsvSheet.UNIT_TITLE, title);
            unit = new UnitRow(line, unitCode, title, cells.integer(CsvSheet.UNIT_EQF, 1, 8),
                    cells.decimal(CsvSheet.UNIT_CREDITS), cells.integer(CsvSheet.UNIT_HOURS, 0, 100_000),
                    cells.bool(CsvSheet.UNIT_MANDATORY), titleLanguages, new ArrayList<>());
            units.put(unitCode, unit);
            unitFirstValues.put(unitCode, record);
        } else {
            CSVRecord first = unitFirstValues.get(unitCode);
            for (String column : header) {
                if (column.startsWith("unit_") && !column.equals(CsvSheet.UNIT_CODE)) {
                    String value = CsvSheet.restore(record.get(column)).strip();
                    String firstValue = CsvSheet.restore(first.get(column)).strip();
                    if (!value.isEmpty() && !value.equals(firstValue)) {
                        problems.add(cells.problem(column, "problem.csv.differs", unit.line(), firstValue));
                    }
                }
            }
        }
        String outcomeCode = cells.text(CsvSheet.OUTCOME_CODE);
        if (outcomeCode.isEmpty()) {
            for (String column : List.of(CsvSheet.DIMENSION, CsvSheet.STATEMENT, CsvSheet.OUTCOME_EQF, CsvSheet.ESCO_SKILLS,
                    CsvSheet.KEY_COMPETENCES)) {
                if (!cells.text(column).isEmpty()) {
                    problems.add(cells.problem(CsvSheet.OUTCOME_CODE, "problem.csv.outcomeCode"));
                    break;
                }
            }
            return;
        }
        Integer earlier = outcomeCodes.putIfAbsent(unitCode + "\u0000" + outcomeCode, line);
        if (earlier != null) {
            problems.add(cells.problem(CsvSheet.OUTCOME_CODE, "problem.csv.outcomeTwice", outcomeCode, unitCode, earlier));
            return;
        }
        var statement = new LinkedHashMap<String, String>();
        var languages = cells.languages(CsvSheet.STATEMENT, statement);
        if (statement.isEmpty()) {
            problems.add(cells.problem(CsvSheet.STATEMENT, "problem.csv.statementEmpty"));
        }
        unit.outcomes().add(new OutcomeRow(line, outcomeCode, cells.dimension(), statement,
                cells.integer(CsvSheet.OUTCOME_EQF, 1, 8), cells.list(CsvSheet.ESCO_SKILLS),
                cells.keyCompetences(), languages));
    }

    private static boolean isBlankRow(CSVRecord record) {
        for (String value : record) {
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The cells of one row, read with the problems named by line and column. */
    private record Cells(CSVRecord record, int line, List<String> header, List<FieldProblem> problems) {

        String text(String column) {
            return record.isMapped(column) ? CsvSheet.restore(record.get(column)).strip() : "";
        }

        /** A problem of this row's cell, as a sentence of the bundles ({@code problem.csv.*}). */
        FieldProblem problem(String column, String key, Object... args) {
            return FieldProblem.of("line " + line + ", column " + column, key, args);
        }

        Set<String> languages(String base, Map<String, String> into) {
            var languages = new LinkedHashSet<String>();
            for (String column : header) {
                String language = null;
                if (column.equals(base)) {
                    language = CsvSheet.BASE_LANGUAGE;
                } else {
                    Matcher m = CsvSheet.LANGUAGE_COLUMN.matcher(column);
                    if (m.matches() && m.group(1).equals(base)) {
                        language = m.group(2);
                    }
                }
                if (language != null) {
                    languages.add(language);
                    String value = text(column);
                    if (!value.isEmpty()) {
                        into.put(language, value);
                    }
                }
            }
            return languages;
        }

        Integer integer(String column, int min, int max) {
            String value = text(column);
            if (value.isEmpty()) {
                return null;
            }
            try {
                int number = Integer.parseInt(value);
                if (number < min || number > max) {
                    problems.add(problem(column, "problem.csv.range", min, max, value));
                    return null;
                }
                return number;
            } catch (NumberFormatException e) {
                problems.add(problem(column, "problem.csv.wholeNumber", value));
                return null;
            }
        }

        BigDecimal decimal(String column) {
            String value = text(column).replace(',', '.');
            if (value.isEmpty()) {
                return null;
            }
            try {
                var number = new BigDecimal(value);
                if (number.signum() < 0) {
                    problems.add(problem(column, "problem.csv.negative", value));
                    return null;
                }
                return number;
            } catch (NumberFormatException e) {
                problems.add(problem(column, "problem.csv.number", text(column)));
                return null;
            }
        }

        Boolean bool(String column) {
            String value = text(column).toLowerCase(Locale.ROOT);
            return switch (value) {
                case "" -> null;
                case "true", "yes", "y", "1", "x", "mandatory" -> true;
                case "false", "no", "n", "0", "optional", "elective" -> false;
                default -> {
                    problems.add(problem(column, "problem.csv.boolean", value));
                    yield null;
                }
            };
        }

        Dimension dimension() {
            String value = text(CsvSheet.DIMENSION);
            if (value.isEmpty()) {
                problems.add(problem(CsvSheet.DIMENSION, "problem.csv.dimension.required"));
                return null;
            }
            String key = value.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", "_").replaceAll("(^_|_$)", "");
            return switch (key) {
                case "KNOWLEDGE", "K" -> Dimension.KNOWLEDGE;
                case "SKILLS", "SKILL", "S" -> Dimension.SKILLS;
                case "RESPONSIBILITY_AUTONOMY", "RESPONSIBILITY_AND_AUTONOMY", "AUTONOMY_AND_RESPONSIBILITY", "R", "RA" ->
                        Dimension.RESPONSIBILITY_AUTONOMY;
                default -> {
                    problems.add(problem(CsvSheet.DIMENSION, "problem.csv.dimension", value));
                    yield null;
                }
            };
        }

        List<String> list(String column) {
            String value = text(column);
            if (value.isEmpty()) {
                return List.of();
            }
            var items = new ArrayList<String>();
            for (String item : value.split("\\|")) {
                String stripped = item.strip();
                if (!stripped.isEmpty()) {
                    items.add(stripped);
                }
            }
            return items;
        }

        List<KeyCompetence> keyCompetences() {
            var values = new ArrayList<KeyCompetence>();
            for (String item : list(CsvSheet.KEY_COMPETENCES)) {
                try {
                    values.add(KeyCompetence.valueOf(item.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    problems.add(problem(CsvSheet.KEY_COMPETENCES, "problem.csv.keyCompetence", item,
                            java.util.Arrays.toString(KeyCompetence.values())));
                }
            }
            return values;
        }
    }

    // ---------------------------------------------------------------- merging

    /** The merged document and, per unit/outcome index of it, the CSV line it came from (to place validation problems). */
    record Merged(QualificationDocument document, Map<String, Integer> lines) {
    }

    static Merged merge(QualificationDocument current, List<UnitRow> rows) {
        var existing = new LinkedHashMap<String, UnitDocument>();
        current.units().forEach(u -> existing.put(u.code(), u));
        var keptCodes = new LinkedHashSet<String>();
        rows.forEach(r -> keptCodes.add(r.code()));
        var lines = new HashMap<String, Integer>();
        var units = new ArrayList<UnitDocument>();
        for (int i = 0; i < rows.size(); i++) {
            UnitRow row = rows.get(i);
            lines.put("units[" + i + "]", row.line());
            UnitDocument old = existing.get(row.code());
            var oldOutcomes = new LinkedHashMap<String, OutcomeDocument>();
            if (old != null) {
                old.outcomes().forEach(o -> oldOutcomes.put(o.code(), o));
            }
            var outcomes = new ArrayList<OutcomeDocument>();
            for (int j = 0; j < row.outcomes().size(); j++) {
                OutcomeRow o = row.outcomes().get(j);
                lines.put("units[" + i + "].outcomes[" + j + "]", o.line());
                OutcomeDocument before = oldOutcomes.get(o.code());
                outcomes.add(new OutcomeDocument(before == null ? null : before.id(), o.code(), o.dimension(),
                        texts(before == null ? Map.of() : before.statement(), o.statement(), o.statementLanguages()),
                        o.eqf(), o.skills(), o.keyCompetences()));
            }
            Set<String> outcomeCodes = new LinkedHashSet<>();
            outcomes.forEach(o -> outcomeCodes.add(o.code()));
            var title = texts(old == null ? Map.of() : old.title(), row.title(), row.titleLanguages());
            if (old == null) {
                units.add(new UnitDocument(null, row.code(), title, row.eqf(), row.credits(), row.hours(), row.mandatory(),
                        List.of(), List.of(), outcomes, List.of(), List.of()));
            } else {
                var wbl = old.workBasedLearning().stream().map(w -> new WorkBasedLearningDocument(w.code(), w.hours(),
                        w.setting(), w.description(), w.outcomes().stream().filter(outcomeCodes::contains).toList())).toList();
                var assessments = old.assessments().stream().map(a -> new AssessmentDocument(a.code(), a.method(),
                        a.weight(), a.outcomes().stream().filter(outcomeCodes::contains).toList())).toList();
                units.add(new UnitDocument(old.id(), row.code(), title, row.eqf(), row.credits(), row.hours(),
                        row.mandatory(), old.prerequisites().stream().filter(keptCodes::contains).toList(),
                        old.deliveryModes(), outcomes, wbl, assessments, old.version()));
            }
        }
        var merged = current.withUnits(units);
        var problems = DocumentValidator.validate(merged).stream().map(p -> locate(p, lines)).toList();
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        return new Merged(merged, lines);
    }

    /** Languages with a column take the CSV's text (an empty cell removes it); the others keep their stored text. */
    private static Map<String, String> texts(Map<String, String> before, Map<String, String> csv, Set<String> columns) {
        var result = new LinkedHashMap<String, String>();
        before.forEach((language, value) -> {
            if (!columns.contains(language)) {
                result.put(language, value);
            }
        });
        result.putAll(csv);
        return result;
    }

    /** Rewrites a validator path such as {@code units[2].outcomes[1].eqfLevel} to the CSV line and column. */
    private static FieldProblem locate(FieldProblem problem, Map<String, Integer> lines) {
        Matcher m = UNIT_PATH.matcher(problem.field() == null ? "" : problem.field());
        if (!m.matches()) {
            return problem;
        }
        boolean outcome = m.group(2) != null;
        String key = "units[" + m.group(1) + "]" + (outcome ? ".outcomes[" + m.group(2) + "]" : "");
        Integer line = lines.get(key);
        if (line == null) {
            return problem;
        }
        String field = m.group(3) == null ? "" : m.group(3);
        String column = switch (field) {
            case "code" -> outcome ? CsvSheet.OUTCOME_CODE : CsvSheet.UNIT_CODE;
            case "title" -> CsvSheet.UNIT_TITLE;
            case "statement" -> CsvSheet.STATEMENT;
            case "eqfLevel" -> outcome ? CsvSheet.OUTCOME_EQF : CsvSheet.UNIT_EQF;
            case "credits" -> CsvSheet.UNIT_CREDITS;
            case "hours" -> CsvSheet.UNIT_HOURS;
            case "dimension" -> CsvSheet.DIMENSION;
            case "skills" -> CsvSheet.ESCO_SKILLS;
            case "keyCompetences" -> CsvSheet.KEY_COMPETENCES;
            default -> null;
        };
        return new FieldProblem("line " + line + (column == null ? "" : ", column " + column), problem.message(), problem.text());
    }

    // ---------------------------------------------------------------- preview

    static CsvImportPreview diff(QualificationDocument before, QualificationDocument after) {
        var unitsAdded = new ArrayList<String>();
        var unitsChanged = new ArrayList<String>();
        var unitsRemoved = new ArrayList<String>();
        var outcomesAdded = new ArrayList<String>();
        var outcomesChanged = new ArrayList<String>();
        var outcomesRemoved = new ArrayList<String>();
        var old = new LinkedHashMap<String, UnitDocument>();
        before.units().forEach(u -> old.put(u.code(), u));
        var now = new LinkedHashMap<String, UnitDocument>();
        after.units().forEach(u -> now.put(u.code(), u));
        for (UnitDocument unit : after.units()) {
            UnitDocument was = old.get(unit.code());
            var wasOutcomes = new LinkedHashMap<String, OutcomeDocument>();
            if (was == null) {
                unitsAdded.add(unit.code());
            } else {
                was.outcomes().forEach(o -> wasOutcomes.put(o.code(), o));
                if (!Objects.equals(was.title(), unit.title()) || !Objects.equals(was.eqfLevel(), unit.eqfLevel())
                        || !sameNumber(was.credits(), unit.credits()) || !Objects.equals(was.hours(), unit.hours())
                        || was.isMandatory() != unit.isMandatory()) {
                    unitsChanged.add(unit.code());
                }
            }
            var nowOutcomes = new LinkedHashSet<String>();
            for (OutcomeDocument outcome : unit.outcomes()) {
                nowOutcomes.add(outcome.code());
                OutcomeDocument previous = wasOutcomes.get(outcome.code());
                String name = unit.code() + "/" + outcome.code();
                if (previous == null) {
                    outcomesAdded.add(name);
                } else if (!Objects.equals(previous.statement(), outcome.statement())
                        || previous.dimension() != outcome.dimension()
                        || !Objects.equals(previous.eqfLevel(), outcome.eqfLevel())
                        || !Objects.equals(previous.skills(), outcome.skills())
                        || !Objects.equals(previous.keyCompetences(), outcome.keyCompetences())) {
                    outcomesChanged.add(name);
                }
            }
            wasOutcomes.keySet().stream().filter(code -> !nowOutcomes.contains(code))
                    .forEach(code -> outcomesRemoved.add(unit.code() + "/" + code));
        }
        for (UnitDocument unit : before.units()) {
            if (!now.containsKey(unit.code())) {
                unitsRemoved.add(unit.code());
                unit.outcomes().forEach(o -> outcomesRemoved.add(unit.code() + "/" + o.code()));
            }
        }
        return new CsvImportPreview(unitsAdded, unitsChanged, unitsRemoved, outcomesAdded, outcomesChanged, outcomesRemoved);
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static long lineOf(Exception e) {
        Matcher m = Pattern.compile("line (\\d+)").matcher(String.valueOf(e.getMessage()));
        return m.find() ? Long.parseLong(m.group(1)) : 1;
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }
}
