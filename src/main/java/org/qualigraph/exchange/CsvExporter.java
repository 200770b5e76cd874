package org.qualigraph.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.qualigraph.curriculum.KeyCompetence;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.UnitDocument;
import org.springframework.stereotype.Component;

/**
 * Units and outcomes as a spreadsheet (one row per outcome, UTF-8 with a byte-order mark so Excel reads the accents).
 * The same layout is read back by {@link CsvImportService}. The {@code language} parameter does not apply: every
 * language is exported, English in the plain columns and the others in {@code _<language>} columns.
 */
@Component
class CsvExporter implements Exporter {

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public String label() {
        return "Spreadsheet of units and outcomes (CSV)";
    }

    @Override
    public String mediaType() {
        return "text/csv;charset=UTF-8";
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public void write(QualificationDocument document, String language, OutputStream out) throws IOException {
        var titleLanguages = new TreeSet<String>();
        var statementLanguages = new TreeSet<String>();
        for (UnitDocument unit : document.units()) {
            titleLanguages.addAll(unit.title().keySet());
            unit.outcomes().forEach(o -> statementLanguages.addAll(o.statement().keySet()));
        }
        titleLanguages.remove(CsvSheet.BASE_LANGUAGE);
        statementLanguages.remove(CsvSheet.BASE_LANGUAGE);

        var header = new ArrayList<String>();
        header.add(CsvSheet.UNIT_CODE);
        header.add(CsvSheet.UNIT_TITLE);
        titleLanguages.forEach(l -> header.add(CsvSheet.UNIT_TITLE + "_" + l));
        header.addAll(List.of(CsvSheet.UNIT_EQF, CsvSheet.UNIT_CREDITS, CsvSheet.UNIT_HOURS, CsvSheet.UNIT_MANDATORY,
                CsvSheet.OUTCOME_CODE, CsvSheet.DIMENSION, CsvSheet.STATEMENT));
        statementLanguages.forEach(l -> header.add(CsvSheet.STATEMENT + "_" + l));
        header.addAll(List.of(CsvSheet.OUTCOME_EQF, CsvSheet.ESCO_SKILLS, CsvSheet.KEY_COMPETENCES));

        var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        var printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
        printer.printRecord(header);
        for (UnitDocument unit : document.units()) {
            if (unit.outcomes().isEmpty()) {
                printer.printRecord(row(unit, null, titleLanguages, statementLanguages));
            }
            for (OutcomeDocument outcome : unit.outcomes()) {
                printer.printRecord(row(unit, outcome, titleLanguages, statementLanguages));
            }
        }
        printer.flush();
    }

    private static List<String> row(UnitDocument unit, OutcomeDocument outcome, TreeSet<String> titleLanguages,
                                    TreeSet<String> statementLanguages) {
        var cells = new ArrayList<String>();
        cells.add(unit.code());
        cells.add(text(unit.title(), CsvSheet.BASE_LANGUAGE));
        titleLanguages.forEach(l -> cells.add(text(unit.title(), l)));
        cells.add(string(unit.eqfLevel()));
        cells.add(unit.credits() == null ? "" : CurriculumContentBuilder.plain(unit.credits()));
        cells.add(string(unit.hours()));
        cells.add(String.valueOf(unit.isMandatory()));
        if (outcome == null) {
            cells.add("");
            cells.add("");
            cells.add("");
            statementLanguages.forEach(l -> cells.add(""));
            cells.addAll(List.of("", "", ""));
        } else {
            cells.add(outcome.code());
            cells.add(outcome.dimension() == null ? "" : outcome.dimension().name());
            cells.add(text(outcome.statement(), CsvSheet.BASE_LANGUAGE));
            statementLanguages.forEach(l -> cells.add(text(outcome.statement(), l)));
            cells.add(string(outcome.eqfLevel()));
            cells.add(String.join(CsvSheet.LIST_SEPARATOR, outcome.skills()));
            cells.add(String.join(CsvSheet.LIST_SEPARATOR, outcome.keyCompetences().stream().map(KeyCompetence::name).toList()));
        }
        return cells.stream().map(CsvSheet::neutralise).toList();
    }

    private static String text(Map<String, String> text, String language) {
        return text.getOrDefault(language, "");
    }

    private static String string(Object value) {
        return value == null ? "" : value.toString();
    }
}
