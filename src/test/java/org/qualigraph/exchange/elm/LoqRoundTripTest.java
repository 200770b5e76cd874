package org.qualigraph.exchange.elm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.jena.riot.Lang;
import org.qualigraph.curriculum.DocumentValidator;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.support.Documents;
import org.qualigraph.support.SharedData;

/**
 * Export, import and export again without a database: the second LOQ file equals the first apart from identifiers.
 * And any valid generated qualification exports files that validate against the official XSD and both SHACL files.
 */
class LoqRoundTripTest {

    private static final java.nio.file.Path ELM = SharedData.elmDir().orElse(null);

    private static QdrExports exports() {
        return QdrExports.forSchemaDir(SharedData.requireElm());
    }

    @org.junit.jupiter.api.Test
    void demoSurvivesExportImportExport() {
        var exports = exports();
        QualificationDocument demo = Documents.demo(new ObjectMapper());
        byte[] first = exports.loqXml(demo, "en");
        var imported = new LoqXmlImporter(exports.vocabulary()).read(first);
        assertThat(imported.documents()).hasSize(1);
        QualificationDocument back = imported.documents().get(0);
        assertThat(DocumentValidator.validate(back)).isEmpty();
        byte[] second = exports.loqXml(back, "en");
        String a = ElmExchangeApiTest.normalise(first).replace("><", ">\n<");
        String b = ElmExchangeApiTest.normalise(second).replace("><", ">\n<");
        assertThat(b).isEqualTo(a);
    }

    @org.junit.jupiter.api.Test
    void officialSampleReadsWithoutDatabase() throws Exception {
        byte[] sample = Files.readAllBytes(SharedData.requireElm().resolve("loq/loq.xml"));
        var result = new LoqXmlImporter(exports().vocabulary()).read(sample);
        assertThat(result.documents()).isNotEmpty();
        result.documents().forEach(d -> assertThat(DocumentValidator.validate(d)).isEmpty());
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("credit points"));
    }

    @Property(tries = 20)
    void anyValidGeneratedQualificationExportsValidFiles(@ForAll("qualifications") QualificationDocument doc) {
        org.junit.jupiter.api.Assumptions.assumeTrue(ELM != null, "official ELM files not present");
        assertThat(DocumentValidator.validate(doc)).isEmpty();
        var exports = QdrExports.forSchemaDir(ELM);
        var validation = new ElmValidation(ELM);
        assertThat(validation.validateXml(exports.loqXml(doc, "en"), Map.of())).isEmpty();
        var model = exports.model(doc, "en");
        assertThat(validation.validateRdf(QdrExports.serialise(model, Lang.TURTLE), Lang.TURTLE)).isEmpty();
        assertThat(validation.validateRdf(QdrExports.serialise(model, Lang.JSONLD), Lang.JSONLD)).isEmpty();
        byte[] first = exports.loqXml(doc, "en");
        var back = new LoqXmlImporter(exports.vocabulary()).read(first).documents().get(0);
        assertThat(ElmExchangeApiTest.normalise(exports.loqXml(back, "en"))).isEqualTo(ElmExchangeApiTest.normalise(first));
    }

    @Provide
    Arbitrary<QualificationDocument> qualifications() {
        Arbitrary<String> titles = Arbitraries.strings().withCharRange('a', 'z').withChars(' ', 'é', 'Ω', '<', '&', '"')
                .ofMinLength(1).ofMaxLength(40).filter(s -> !s.isBlank());
        return Combinators.combine(titles, Arbitraries.integers().between(1, 6), Arbitraries.integers().between(1, 6),
                        Arbitraries.integers().between(1, 8), Arbitraries.of("0713", "0613", "0411", "1013", "07"),
                        Arbitraries.of("DE", "PL", "IE", "SE", "AT"))
                .as((title, units, outcomes, eqf, isced, country) -> {
                    var g = Documents.generated(title, units, outcomes);
                    var nqf = new QualificationDocument.NqfLevel(country, String.valueOf(Math.min(eqf, 8)), null);
                    var levelled = g.units().stream().map(u -> new org.qualigraph.curriculum.UnitDocument(u.id(), u.code(),
                            u.title(), eqf, u.credits(), u.hours(), u.mandatory(), u.prerequisites(), u.deliveryModes(),
                            u.outcomes(), u.workBasedLearning(), u.assessments())).toList();
                    return new QualificationDocument(null, null, Map.of("en", title, "de", title + " (de)"), g.description(),
                            g.type(), eqf, java.util.List.of(nqf), java.util.List.of(isced), g.ecosystem(), g.creditSystem(),
                            g.credits(), g.entryRequirements(), g.awardingBodies(), g.targetOccupations(), null, null, levelled);
                });
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
