package org.qualigraph.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.FieldProblem;
import org.qualigraph.curriculum.Dimension;
import org.qualigraph.curriculum.KeyCompetence;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.support.Documents;

/** The CSV layout without a database: export, parse, merge, formula neutralisation and line/column errors. */
class CsvRoundTripTest {

    private final QualificationDocument demo = Documents.demo(new ObjectMapper().findAndRegisterModules());

    @Test
    void neutralisesFormulaCellsAndRestoresThemExactly() {
        for (String text : List.of("=SUM(A1)", "+49 30 1234", "-1", "@cmd", "\tx", "\rx", "'=already", "''+two", "plain", "'quoted")) {
            String cell = CsvSheet.neutralise(text);
            if (text.matches("(?s)^'*[=+\\-@\\t\\r].*")) {
                assertThat(cell).as(text).startsWith("'").isEqualTo("'" + text);
            } else {
                assertThat(cell).isEqualTo(text);
            }
            assertThat(CsvSheet.restore(cell)).isEqualTo(text);
        }
    }

    @Test
    void exportedCellsNeverStartWithAFormulaCharacter() throws IOException {
        var doc = withFirstOutcome(demo, "=HYPERLINK(\"http://evil\",\"x\")", "@SUM(1+1)");
        for (CSVRecord record : records(export(doc))) {
            for (String cell : record) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
            }
        }
    }

    @Test
    void roundTripKeepsUnitsAndOutcomesInEveryLanguage() throws IOException {
        var doc = withFirstOutcome(demo, "=HYPERLINK(\"http://evil\",\"x\")", "-minus first");
        String csv = export(doc);
        var fresh = Documents.minimal("Fresh").withIdentity("q-fresh", 0L, null, null);
        var merged = CsvImportService.merge(fresh, CsvImportService.parse(csv)).document();
        assertSameUnitsAndOutcomes(merged, doc);
    }

    @Test
    void problemsNameLineAndColumn() {
        String csv = """
                unit_code,unit_title,unit_eqf,outcome_code,dimension,statement,outcome_eqf,key_competences
                U1,Safety,4,U1.K1,KNOWLEDGE,Explain the hazards,4,
                U1,,,U1.S1,SKILLZ,Operate the line,nine,
                U2,Other,12,U2.K1,KNOWLEDGE,,4,MAGIC
                U1,Safety,4,U1.K1,KNOWLEDGE,Duplicate,4,
                """;
        assertThatThrownBy(() -> CsvImportService.parse(csv)).isInstanceOfSatisfying(BadInputException.class, e ->
                assertThat(e.problems()).extracting(FieldProblem::field).contains(
                        "line 3, column dimension", "line 3, column outcome_eqf", "line 4, column unit_eqf",
                        "line 4, column statement", "line 4, column key_competences", "line 5, column outcome_code"));
    }

    @Test
    void unknownColumnsAndMissingHeadersAreNamed() {
        assertThatThrownBy(() -> CsvImportService.parse("unit_code,outcome_code,dimension,statement,colour\nU1,K1,K,x,red\n"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems().get(0).field())
                        .isEqualTo("line 1, column \"colour\""));
        assertThatThrownBy(() -> CsvImportService.parse("unit_code,statement\nU1,x\n"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems().get(0).message())
                        .contains("outcome_code"));
        assertThatThrownBy(() -> CsvImportService.parse(""))
                .isInstanceOf(BadInputException.class).hasMessageContaining("empty");
    }

    @Test
    void structuralProblemsOfTheResultPointBackToTheLine() {
        String csv = """
                unit_code,unit_title,outcome_code,dimension,statement,esco_skills
                U1,Safety,U1.K1,KNOWLEDGE,Explain the hazards,not a uri
                """;
        var fresh = Documents.minimal("Fresh").withIdentity("q", 0L, null, null);
        assertThatThrownBy(() -> CsvImportService.merge(fresh, CsvImportService.parse(csv)))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems().get(0).field())
                        .isEqualTo("line 2, column esco_skills"));
    }

    @Test
    void previewListsWhatChanges() throws IOException {
        var stored = Documents.generated("Stored", 3, 3).withIdentity("q", 1L, null, null);
        String csv = export(stored)
                .replace("Unit 2 of Stored", "Unit two renamed")
                .replace("Explain the principles of process step 3.1 in cell production", "Explain the changed principle");
        // remove unit U1's rows and add a new unit
        String withoutU1 = String.join("\r\n", csv.lines().filter(l -> !l.startsWith("U1,")).toList())
                + "\r\nU9,New unit,4,5,100,true,U9.K1,KNOWLEDGE,Describe the new topic,4,,\r\n";
        var preview = CsvImportService.diff(stored, CsvImportService.merge(stored, CsvImportService.parse(withoutU1)).document());
        assertThat(preview.unitsAdded()).containsExactly("U9");
        assertThat(preview.unitsRemoved()).containsExactly("U1");
        assertThat(preview.unitsChanged()).containsExactly("U2");
        assertThat(preview.outcomesAdded()).containsExactly("U9/U9.K1");
        assertThat(preview.outcomesChanged()).containsExactly("U3/U3.K1");
        assertThat(preview.outcomesRemoved()).containsExactly("U1/U1.K1", "U1/U1.S2", "U1/U1.R3");
    }

    static void assertSameUnitsAndOutcomes(QualificationDocument actual, QualificationDocument expected) {
        assertThat(actual.units()).extracting(UnitDocument::code)
                .containsExactlyElementsOf(expected.units().stream().map(UnitDocument::code).toList());
        for (int i = 0; i < expected.units().size(); i++) {
            UnitDocument e = expected.units().get(i);
            UnitDocument a = actual.units().get(i);
            assertThat(a.title()).as(e.code()).isEqualTo(e.title());
            assertThat(a.eqfLevel()).isEqualTo(e.eqfLevel());
            assertThat(a.credits() == null ? null : a.credits().stripTrailingZeros())
                    .isEqualTo(e.credits() == null ? null : e.credits().stripTrailingZeros());
            assertThat(a.hours()).isEqualTo(e.hours());
            assertThat(a.isMandatory()).isEqualTo(e.isMandatory());
            assertThat(a.outcomes()).hasSameSizeAs(e.outcomes());
            for (int j = 0; j < e.outcomes().size(); j++) {
                OutcomeDocument eo = e.outcomes().get(j);
                OutcomeDocument ao = a.outcomes().get(j);
                assertThat(ao.code()).isEqualTo(eo.code());
                assertThat(ao.dimension()).isEqualTo(eo.dimension());
                assertThat(ao.statement()).as(eo.code()).isEqualTo(eo.statement());
                assertThat(ao.eqfLevel()).isEqualTo(eo.eqfLevel());
                assertThat(ao.skills()).isEqualTo(eo.skills());
                assertThat(ao.keyCompetences()).isEqualTo(eo.keyCompetences());
            }
        }
    }

    static QualificationDocument withFirstOutcome(QualificationDocument doc, String statement, String unitTitle) {
        var units = new java.util.ArrayList<>(doc.units());
        var unit = units.get(0);
        var outcomes = new java.util.ArrayList<>(unit.outcomes());
        var first = outcomes.get(0);
        outcomes.set(0, new OutcomeDocument(first.id(), first.code(), Dimension.KNOWLEDGE,
                Map.of("en", statement, "de", "+ Deutsch"), first.eqfLevel(), first.skills(),
                List.of(KeyCompetence.DIGITAL, KeyCompetence.STEM)));
        units.set(0, new UnitDocument(unit.id(), unit.code(), Map.of("en", unitTitle, "el", "Ασφάλεια"), unit.eqfLevel(),
                new BigDecimal("7.5"), unit.hours(), false, unit.prerequisites(), unit.deliveryModes(), outcomes,
                unit.workBasedLearning(), unit.assessments()));
        return doc.withUnits(units);
    }

    static String export(QualificationDocument doc) throws IOException {
        var out = new ByteArrayOutputStream();
        new CsvExporter().write(doc, "en", out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> records(String csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv.substring(1)))
                .getRecords();
    }
}
