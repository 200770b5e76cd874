package org.qualigraph.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.esco.EscoCatalog;
import org.qualigraph.esco.SkillsGap;
import org.qualigraph.quality.Governance;
import org.qualigraph.quality.GovernanceSource;
import org.qualigraph.support.Documents;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The core-curriculum document in its three formats, read back with PDFBox and POI (plain JUnit, no Spring context). */
class CurriculumDocumentTest {

    private static final String GREEK = "Τεχνικός παραγωγής κυψελών μπαταρίας";
    private static final String CYRILLIC = "Техник по производство на батерийни клетки";

    private final QualificationDocument demo = Documents.demo(new ObjectMapper().findAndRegisterModules());
    private final CurriculumContentBuilder builder = builder(new StaticListableBeanFactory());

    static CurriculumContentBuilder builder(StaticListableBeanFactory beans) {
        return new CurriculumContentBuilder(beans.getBeanProvider(EscoCatalog.class), beans.getBeanProvider(SkillsGap.class),
                beans.getBeanProvider(GovernanceSource.class), beans.getBeanProvider(org.qualigraph.quality.QualityService.class),
                beans.getBeanProvider(org.qualigraph.curriculum.QualificationService.class));
    }

    @Test
    void pdfContainsTitleEveryUnitAndEveryOutcomeWithPageNumbersAndToc() throws IOException {
        String text = pdfText(new PdfExporter(builder), demo, "en");
        String flat = flat(text);
        assertThat(flat).contains(flat(demo.displayTitle()));
        for (UnitDocument unit : demo.units()) {
            assertThat(flat).contains(flat(unit.displayTitle()));
            for (OutcomeDocument outcome : unit.outcomes()) {
                assertThat(flat).as("outcome %s", outcome.code()).contains(flat(outcome.displayStatement()));
            }
        }
        assertThat(text).contains("Contents");
        // the TOC lists every unit heading with its page number (target-counter) and pages carry "Page n / m"
        for (UnitDocument unit : demo.units()) {
            assertThat(flat).containsPattern(java.util.regex.Pattern.quote(flat("Unit " + unit.code() + ": " + unit.displayTitle())) + " … \\d+");
        }
        assertThat(text).containsPattern("Page 2 / \\d+");
    }

    @Test
    void pdfHasManyPagesAndRendersGreekAndCyrillic() throws IOException {
        var doc = demo.withTitle(Map.of("en", "Battery technician", "el", GREEK, "bg", CYRILLIC));
        byte[] pdf = bytes(new PdfExporter(builder), doc, "el");
        try (PDDocument loaded = Loader.loadPDF(pdf)) {
            assertThat(loaded.getNumberOfPages()).isGreaterThan(1);
            assertThat(flat(new PDFTextStripper().getText(loaded))).contains(GREEK);
        }
        assertThat(flat(pdfText(new PdfExporter(builder), doc, "bg"))).contains(CYRILLIC);
    }

    @Test
    void germanHeadingsAndTextsWithEnglishFallback() throws IOException {
        String html = new String(bytes(new HtmlExporter(builder), demo, "de"), StandardCharsets.UTF_8);
        assertThat(html).contains("Qualifikationsprofil", "Lernergebnisse", CurriculumHtml.escape(demo.title().get("de")));
        String fr = new String(bytes(new HtmlExporter(builder), demo, "fr"), StandardCharsets.UTF_8);
        assertThat(fr).contains(CurriculumHtml.escape(demo.title().get("en")));
    }

    /** Enum values read as the screen names them ("In person", not "Presential"), in the document's language. */
    @Test
    void enumValuesComeFromTheInterfaceBundleOfTheDocumentLanguage() throws IOException {
        var unit = demo.units().get(0);
        var doc = demo.withUnits(List.of(new UnitDocument(unit.id(), unit.code(), unit.title(), unit.eqfLevel(), unit.credits(),
                unit.hours(), unit.isMandatory(), unit.prerequisites(), List.of(org.qualigraph.curriculum.DeliveryMode.PRESENTIAL,
                org.qualigraph.curriculum.DeliveryMode.BLENDED), unit.outcomes(), unit.workBasedLearning(),
                unit.assessments())));
        String en = new String(bytes(new HtmlExporter(builder), doc, "en"), StandardCharsets.UTF_8);
        assertThat(en).contains("In person, Blended", "Initial vocational education and training",
                "Mobility, transport and automotive").doesNotContain("Presential", "IVET<");
        String pl = new String(bytes(new HtmlExporter(builder), doc, "pl"), StandardCharsets.UTF_8);
        assertThat(pl).contains("Stacjonarnie, Mieszana", "Profil kwalifikacji");
        // a fully translated English document carries no mark and no note
        assertThat(en).doesNotContain("not translated", "untranslated-note");
    }

    @Test
    void docxContainsTitleEveryUnitAndOutcomeTocAndPageFields() throws IOException {
        byte[] docx = bytes(new DocxExporter(builder), demo, "en");
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx));
             var extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            assertThat(text).contains(demo.displayTitle());
            for (UnitDocument unit : demo.units()) {
                assertThat(text).contains(unit.displayTitle());
                for (OutcomeDocument outcome : unit.outcomes()) {
                    assertThat(text).contains(outcome.displayStatement());
                }
            }
            for (UnitDocument unit : demo.units()) {
                String heading = "Unit " + unit.code() + ": " + unit.displayTitle();
                assertThat(text.split(java.util.regex.Pattern.quote(heading), -1)).as("TOC entry and heading of %s", unit.code())
                        .hasSizeGreaterThanOrEqualTo(3);
            }
            String body = doc.getDocument().xmlText();
            assertThat(body).contains("TOC \\o");
            String footer = doc.getFooterArray(0).getParagraphs().get(0).getCTP().xmlText();
            assertThat(footer).contains("PAGE");
            long headings = doc.getParagraphs().stream().filter(p -> "Heading2".equals(p.getStyle())).count();
            assertThat(headings).isGreaterThanOrEqualTo(demo.units().size());
        }
    }

    @Test
    void htmlEscapesMarkupInUserText() throws IOException {
        var units = new java.util.ArrayList<>(demo.units());
        var first = units.get(0);
        units.set(0, new UnitDocument(first.id(), first.code(), Map.of("en", "Cells & <b>bold</b>"), first.eqfLevel(),
                first.credits(), first.hours(), first.mandatory(), first.prerequisites(), first.deliveryModes(),
                first.outcomes(), first.workBasedLearning(), first.assessments()));
        var doc = demo.withTitle(Map.of("en", "<script>alert(1)</script>")).withUnits(units);
        String html = new String(bytes(new HtmlExporter(builder), doc, "en"), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>bold</b>");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "Cells &amp; &lt;b&gt;bold&lt;/b&gt;");
        // and the PDF shows the markup as text
        assertThat(pdfText(new PdfExporter(builder), doc, "en")).contains("<script>alert(1)</script>");
    }

    @Test
    void annexesUseGovernanceAndSayPlainlyWhatIsMissing() throws IOException {
        String withoutSources = new String(bytes(new HtmlExporter(builder), demo, "en"), StandardCharsets.UTF_8);
        assertThat(withoutSources).contains("No governance record is available", "The ESCO coverage could not be computed");

        var beans = new StaticListableBeanFactory();
        beans.addBean("governance", (GovernanceSource) id -> new Governance(
                List.of(new Governance.Stakeholder("s1", "Maria Student", "Student union", Governance.StakeholderKind.LEARNER_REPRESENTATIVE)),
                List.of(), new Governance.Approval("Alliance board", java.time.LocalDate.of(2026, 3, 1), "approved", "Dr. Chair"),
                null, List.of(), List.of()));
        var withGovernance = demo.withIdentity("q-1", 3L, null, null);
        String html = new String(bytes(new HtmlExporter(builder(beans)), withGovernance, "en"), StandardCharsets.UTF_8);
        assertThat(html).contains("Alliance board", "Mar 1, 2026", "Dr. Chair", "Maria Student").doesNotContain("2026-03-01");
        // dates as the document's language writes them, not ISO
        String german = new String(bytes(new HtmlExporter(builder(beans)), withGovernance, "de"), StandardCharsets.UTF_8);
        assertThat(german).contains("01.03.2026").doesNotContain("2026-03-01");
    }

    static byte[] bytes(Exporter exporter, QualificationDocument doc, String language) throws IOException {
        var out = new ByteArrayOutputStream();
        exporter.write(doc, language, out);
        return out.toByteArray();
    }

    static String pdfText(Exporter exporter, QualificationDocument doc, String language) throws IOException {
        try (PDDocument loaded = Loader.loadPDF(bytes(exporter, doc, language))) {
            return new PDFTextStripper().getText(loaded);
        }
    }

    /** PDF text wraps lines; compare with whitespace collapsed. */
    static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }


}
