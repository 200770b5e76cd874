package org.qualigraph.exchange.elm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.support.Documents;
import org.qualigraph.support.SharedData;

/** The Europass exports of the demo and of generated qualifications validate against the official XSD and SHACL. */
class ElmExportTest {

    static Path elm;
    static QdrExports exports;
    static ElmValidation validation;

    @BeforeAll
    static void setUp() {
        elm = SharedData.requireElm();
        exports = QdrExports.forSchemaDir(elm);
        validation = new ElmValidation(elm);
    }

    static QualificationDocument demo() {
        return Documents.demo(new ObjectMapper().registerModule(new JavaTimeModule()));
    }

    @Test
    void demoLoqXmlValidatesAgainstTheXsd() {
        QualificationDocument doc = demo();
        byte[] xml = exports.loqXml(doc, "en");
        assertThat(validation.validateXml(xml, Map.of())).isEmpty();
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("<EQFLevel uri=\"http://data.europa.eu/snb/eqf/4\"/>")
                .contains("http://data.europa.eu/snb/qdr/c_12a84182")
                .contains("http://data.europa.eu/snb/isced-f/0713")
                .contains("http://data.europa.eu/snb/education-credit/60b314e826")
                .contains("<volumeOfLearning>PT")
                .contains("relatedESCOSkill uri=\"http://data.europa.eu/esco/skill/198b614d-a9af-46f5-b3fd-2672b401dd8e\"")
                .contains("Produktionstechniker/-in für Batteriezellen")
                .contains("http://publications.europa.eu/resource/authority/country/DEU");
    }

    @Test
    void demoRdfConformsToBothShapeFilesInTurtleAndJsonLd() {
        QualificationDocument doc = demo();
        var model = exports.model(doc, "en");
        assertThat(validation.validateRdf(model, Map.of())).isEmpty();
        assertThat(validation.validateRdf(QdrExports.serialise(model, Lang.TURTLE), Lang.TURTLE)).isEmpty();
        assertThat(validation.validateRdf(QdrExports.serialise(model, Lang.JSONLD), Lang.JSONLD)).isEmpty();
    }

    @Test
    void generatedQualificationValidates() {
        QualificationDocument doc = Documents.generated("Generated", 5, 4);
        assertThat(validation.validateXml(exports.loqXml(doc, "en"), Map.of())).isEmpty();
        assertThat(validation.validateRdf(exports.model(doc, "en"), Map.of())).isEmpty();
    }

    @Test
    void missingNqfAndIscedAreExplainedWithThePlaceToFix() {
        QualificationDocument doc = Documents.generated("Broken", 2, 3);
        doc = new QualificationDocument(null, null, doc.title(), doc.description(), doc.type(), doc.eqfLevel(),
                List.of(new QualificationDocument.NqfLevel("ZZ", "4", null)), List.of(), doc.ecosystem(), doc.creditSystem(),
                doc.credits(), doc.entryRequirements(), doc.awardingBodies(), doc.targetOccupations(), null, null,
                List.of(doc.units().get(0), doc.units().get(1).withOutcomes(List.of())));
        var findings = validation.check(exports, doc, "en");
        findings.forEach(f -> System.out.println(f));
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.place()).isEqualTo(ElmValidation.Place.PROFILE);
            assertThat(f.message()).contains("NQF level").contains("Profile → NQF levels");
        });
        assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("ISCED-F"));
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.place()).isEqualTo(ElmValidation.Place.UNIT);
            assertThat(f.code()).isEqualTo("U2");
            assertThat(f.message()).contains("learning outcome");
        });
    }
}
