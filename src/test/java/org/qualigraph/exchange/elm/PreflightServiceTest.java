package org.qualigraph.exchange.elm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.rdf.model.Model;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.support.Documents;
import org.qualigraph.support.SharedData;

/**
 * "Submit to authority" offers exactly the bytes it validated: each file is rendered once, checked, and handed out.
 * The exports here mark every rendering with its number, so a second rendering after the check would show.
 */
class PreflightServiceTest {

    private final QualificationDocument demo = Documents.demo(new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void theOfferedFilesAreTheRenderingsThatWereValidated() {
        Path elm = SharedData.requireElm();
        var exports = new NumberedExports(ElmVocabulary.from(elm), false);
        var result = new PreflightService(new ElmValidation(elm), exports, null).check(demo, "en");

        assertThat(result.findings()).isEmpty();
        assertThat(exports.xmlRenderings.get()).isEqualTo(1);
        assertThat(exports.modelRenderings.get()).isEqualTo(1);
        assertThat(result.files()).hasSize(4);
        result.files().forEach((name, bytes) -> {
            if (name.endsWith(".xml")) {
                assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("<!-- rendering 1 -->");
            }
        });
    }

    @Test
    void aRenderingThatFailsTheSchemaIsReportedAndNothingIsOffered() {
        Path elm = SharedData.requireElm();
        var exports = new NumberedExports(ElmVocabulary.from(elm), true);
        var result = new PreflightService(new ElmValidation(elm), exports, null).check(demo, "en");

        assertThat(result.passed()).isFalse();
        assertThat(result.findings()).anySatisfy(finding -> assertThat(finding.check()).isEqualTo("XSD"));
        assertThat(result.files()).isEmpty();
    }

    /** The real exports, with a numbered comment in each LOQ XML rendering and, on request, an element the XSD refuses. */
    private static final class NumberedExports extends QdrExports {

        final AtomicInteger xmlRenderings = new AtomicInteger();
        final AtomicInteger modelRenderings = new AtomicInteger();
        private final boolean broken;

        NumberedExports(ElmVocabulary vocabulary, boolean broken) {
            super(vocabulary, null);
            this.broken = broken;
        }

        @Override
        public byte[] loqXml(QualificationDocument doc, String language) {
            String xml = new String(super.loqXml(doc, language), StandardCharsets.UTF_8);
            int n = xmlRenderings.incrementAndGet();
            int end = xml.lastIndexOf("</");
            String marked = xml.substring(0, end) + "<!-- rendering " + n + " -->" + (broken ? "<notInTheSchema/>" : "") + xml.substring(end);
            return marked.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Model model(QualificationDocument doc, String language) {
            modelRenderings.incrementAndGet();
            return super.model(doc, language);
        }
    }
}
