package org.qualigraph.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/** The document, CSV and CASE formats through the REST API, and the CSV import against the real database. */
class DocumentExportRestTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    QualificationService qualifications;
    @Autowired
    ObjectMapper json;

    @Test
    void everyFormatAnswersWithItsContentTypeAndAnAttachmentName() throws Exception {
        var stored = qualifications.create(Documents.minimal("Cell technician"), TestUsers.DESIGNER);
        String[][] formats = {
                {"html", "text/html", "cell-technician-r1-draft.html"},
                {"pdf", "application/pdf", "cell-technician-r1-draft.pdf"},
                {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "cell-technician-r1-draft.docx"},
                {"csv", "text/csv", "cell-technician-r1-draft.csv"},
                {"case-json", "application/json", "cell-technician-r1-draft.case.json"}};
        for (String[] f : formats) {
            var result = mvc.perform(get("/api/qualifications/{id}/export/{format}", stored.id(), f[0])
                            .param("lang", "de").header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.REVIEWER)))
                    .andExpect(status().isOk())
                    .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + f[2] + "\""))
                    .andReturn();
            assertThat(result.getResponse().getContentType()).as(f[0]).startsWith(f[1]);
            assertThat(result.getResponse().getContentAsByteArray()).as(f[0]).isNotEmpty();
        }
    }

    /** Many saves are still one edition: the cover and the file name say "revision 1", never the save counter. */
    @Test
    void documentsCarryTheEditionNotTheSaveCounter() throws Exception {
        var stored = qualifications.create(Documents.minimal("Edition check"), TestUsers.DESIGNER);
        var saved = stored;
        for (int i = 0; i < 3; i++) {
            saved = qualifications.update(stored.id(), saved.withTitle(java.util.Map.of("en", "Edition check")), TestUsers.DESIGNER);
        }
        assertThat(saved.version()).isEqualTo(3);
        var draft = mvc.perform(get("/api/qualifications/{id}/export/html", stored.id())
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"edition-check-r1-draft.html\""))
                .andReturn().getResponse().getContentAsString();
        assertThat(draft).contains("Draft of revision 1").doesNotContain("Version 3");

        qualifications.changeStatus(stored.id(), org.qualigraph.curriculum.QualificationStatus.PUBLISHED, "setup");
        var published = mvc.perform(get("/api/qualifications/{id}/export/html", stored.id())
                        .param("language", "de").header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"edition-check-r1.html\""))
                .andReturn().getResponse().getContentAsString();
        assertThat(published).contains("Revision 1").doesNotContain("Entwurf");
    }

    /**
     * The demo's Polish variant as a Polish partner downloads it: headings, labels and enum values in Polish (as the
     * Polish screen names them), Polish content where it exists, and English content marked as not translated.
     */
    @Test
    void polishPdfAndDocxOfTheDemoVariantHavePolishHeadingsAndMarkUntranslatedContent() throws Exception {
        var variant = qualifications.create(Documents.read(json, Documents.VARIANT_FILE), TestUsers.DESIGNER);
        String pdf;
        try (var loaded = org.apache.pdfbox.Loader.loadPDF(download(variant.id(), "pdf", "pl"))) {
            pdf = CurriculumDocumentTest.flat(new org.apache.pdfbox.text.PDFTextStripper().getText(loaded));
        }
        String docx;
        try (var word = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(download(variant.id(), "docx", "pl")));
             var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(word)) {
            docx = CurriculumDocumentTest.flat(extractor.getText());
        }
        for (String text : List.of(pdf, docx)) {
            assertThat(text).contains("Podstawa programowa", "Spis treści", "Profil kwalifikacji", "Jednostki efektów uczenia się",
                    "Efekty uczenia się", "Uczenie się w miejscu pracy", "Poziom ERK", "Obowiązkowa",
                    "Wstępne kształcenie i szkolenie zawodowe", "Mobilność, transport i motoryzacja", "W przedsiębiorstwie",
                    "Technik produkcji ogniw bateryjnych", "Jednostka U10:");
            assertThat(text).doesNotContain("Core curriculum", "Qualification profile", "Units of learning outcomes",
                    "Mandatory", "IVET", "Mobility transport automotive", "not translated");
            // U1's outcomes have no Polish text: shown in English with the Polish mark, explained once on the title page
            String english = variant.units().get(0).outcomes().get(0).statement().get("en");
            assertThat(text).contains(CurriculumDocumentTest.flat(english) + " [bez tłumaczenia: angielski]")
                    .contains("nie zostały jeszcze przetłumaczone na język dokumentu (polski)");
            // Polish content is not marked
            assertThat(text).doesNotContain("Technik produkcji ogniw bateryjnych [bez tłumaczenia");
        }
    }

    @Test
    void anUnknownDocumentLanguageIsRefusedNamingTheParameter() throws Exception {
        var stored = qualifications.create(Documents.minimal("Language check"), TestUsers.DESIGNER);
        for (String lang : List.of("xx", "sv", "pl-PL", "<script>")) {
            mvc.perform(get("/api/qualifications/{id}/export/pdf", stored.id()).param("lang", lang)
                            .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.problems[0].field").value("lang"));
        }
        // a language of the qualification's own texts is offered even without an interface in it
        var swedish = qualifications.create(Documents.minimal("Språkkontroll").withTitle(java.util.Map.of("en", "Language check",
                "sv", "Språkkontroll")), TestUsers.DESIGNER);
        String html = new String(download(swedish.id(), "html", "sv"), StandardCharsets.UTF_8);
        assertThat(html).contains("Språkkontroll", "Qualification profile");
    }

    private byte[] download(String id, String format, String lang) throws Exception {
        return mvc.perform(get("/api/qualifications/{id}/export/{format}", id, format).param("lang", lang)
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.REVIEWER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void theQualityAnnexListsTheFindingsOfTheRuleEngine() throws Exception {
        var minimal = Documents.minimal("Annex check");
        var stored = qualifications.create(minimal.withUnits(List.of(new org.qualigraph.curriculum.UnitDocument(null, "U1",
                java.util.Map.of("en", "Too high"), 6, java.math.BigDecimal.TEN, 270, true, List.of(), List.of(),
                minimal.units().get(0).outcomes(), List.of(), minimal.units().get(0).assessments()))), TestUsers.DESIGNER);
        String html = mvc.perform(get("/api/qualifications/{id}/export/html", stored.id())
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String annex = html.substring(html.indexOf("id=\"annex-quality\""));
        assertThat(annex).contains("EQF-02 (ERROR)").contains("[U1]").doesNotContain("not available");
    }

    @Test
    void csvRoundTripIntoAFreshQualification() throws Exception {
        var demo = qualifications.create(Documents.demo(json), TestUsers.DESIGNER);
        byte[] csv = mvc.perform(get("/api/qualifications/{id}/export/csv", demo.id())
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        var fresh = qualifications.create(Documents.minimal("Fresh"), TestUsers.DESIGNER);

        mvc.perform(post("/api/qualifications/{id}/import/csv/preview", fresh.id()).contentType("text/csv").content(csv)
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitsAdded.length()").value(demo.units().size() - 1))
                .andExpect(jsonPath("$.unitsChanged[0]").value("U1"))
                .andExpect(jsonPath("$.unitsRemoved.length()").value(0));
        assertThat(qualifications.get(fresh.id()).version()).isZero();

        mvc.perform(post("/api/qualifications/{id}/import/csv", fresh.id()).param("version", "0")
                        .contentType("text/csv").content(csv)
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER)))
                .andExpect(status().isOk());
        var imported = qualifications.get(fresh.id());
        assertThat(imported.version()).isEqualTo(1);
        CsvRoundTripTest.assertSameUnitsAndOutcomes(imported, demo);
    }

    @Test
    void badCsvNamesLineAndColumnAndChangesNothing() throws Exception {
        var stored = qualifications.create(Documents.minimal("Untouched"), TestUsers.DESIGNER);
        String csv = "unit_code,unit_title,outcome_code,dimension,statement,outcome_eqf\n"
                + "U1,Safety,U1.K1,KNOWLEDGE,Explain the hazards,4\n"
                + "U1,,U1.S1,SKILLS,Operate the line,eleven\n";
        mvc.perform(post("/api/qualifications/{id}/import/csv", stored.id()).contentType("text/csv")
                        .content(csv.getBytes(StandardCharsets.UTF_8))
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].field").value("line 3, column outcome_eqf"));
        var after = qualifications.get(stored.id());
        assertThat(after.version()).isZero();
        assertThat(after.units()).singleElement().satisfies(u -> assertThat(u.code()).isEqualTo("U1"));
        assertThat(after.units().get(0).outcomes()).hasSize(3);

        mvc.perform(post("/api/qualifications/{id}/import/csv", stored.id()).contentType("text/csv").content(csv)
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.REVIEWER)))
                .andExpect(status().isForbidden());
    }
}
