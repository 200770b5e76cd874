package org.qualigraph.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTOnOff;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.quality.Governance;
import org.springframework.stereotype.Component;

/**
 * The core-curriculum document as an editable Word file (Apache POI): partners adapt it to their national format.
 * Headings use the built-in "heading N" styles so the table-of-contents field lists them; Word fills the TOC and the
 * PAGE fields of the footer when the file is opened (the document asks to update its fields).
 */
@Component
class DocxExporter implements Exporter {

    private final CurriculumContentBuilder content;

    DocxExporter(CurriculumContentBuilder content) {
        this.content = content;
    }

    @Override
    public String format() {
        return "docx";
    }

    @Override
    public String label() {
        return "Core curriculum (Word)";
    }

    @Override
    public String mediaType() {
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }

    @Override
    public String extension() {
        return "docx";
    }

    @Override
    public void write(QualificationDocument document, String language, OutputStream out) throws IOException {
        CurriculumContent c = content.build(document, language);
        var m = c.messages();
        try (var doc = new XWPFDocument()) {
            styles(doc);
            footer(doc, m.get("page"));

            var title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingBefore(4000);
            title.setStyle("Title");
            run(title, c.title(), true, 28);
            var subtitle = doc.createParagraph();
            subtitle.setAlignment(ParagraphAlignment.CENTER);
            run(subtitle, c.subtitle(), false, 14);
            var generated = doc.createParagraph();
            generated.setAlignment(ParagraphAlignment.CENTER);
            run(generated, m.get("document.generated", LocalDate.now().toString()), false, 10);
            generated.setPageBreak(false);
            if (c.untranslatedNote() != null) {
                var note = doc.createParagraph();
                note.setAlignment(ParagraphAlignment.CENTER);
                note.setSpacingBefore(600);
                run(note, c.untranslatedNote(), false, 10);
            }
            pageBreak(doc);

            heading(doc, m.get("toc"), 0);
            var entries = new java.util.ArrayList<String>(List.of(m.get("section.profile"), m.get("section.units")));
            c.units().forEach(u -> entries.add("\t" + u.heading()));
            entries.addAll(List.of(m.get("section.coverage"), m.get("section.annex.quality"), m.get("section.annex.approval")));
            tableOfContents(doc, entries);
            pageBreak(doc);

            heading(doc, m.get("section.profile"), 1);
            facts(doc, c.profile().stream().map(f -> new String[] {f.label(), String.join("\n", f.values())}).toList());
            if (!c.description().isBlank()) {
                heading(doc, m.get("section.description"), 2);
                text(doc, c.description());
            }

            pageBreak(doc);
            heading(doc, m.get("section.units"), 1);
            for (var unit : c.units()) {
                heading(doc, unit.heading(), 2);
                facts(doc, unit.facts().stream().map(f -> new String[] {f.label(), String.join("\n", f.values())}).toList());
                heading(doc, m.get("unit.outcomes"), 3);
                for (var group : unit.outcomes()) {
                    var p = doc.createParagraph();
                    run(p, group.dimension(), true, 0);
                    for (var outcome : group.outcomes()) {
                        var item = doc.createParagraph();
                        item.setIndentationLeft(360);
                        run(item, outcome.code() + "  ", true, 0);
                        run(item, outcome.statement(), false, 0);
                        if (!outcome.skills().isEmpty()) {
                            var skills = doc.createParagraph();
                            skills.setIndentationLeft(720);
                            run(skills, m.get("unit.skills") + ": " + String.join("; ", outcome.skills()), false, 9);
                        }
                    }
                }
                list(doc, m.get("unit.wbl"), unit.workBasedLearning(), m);
                list(doc, m.get("unit.assessments"), unit.assessments(), m);
                list(doc, m.get("unit.skills"), unit.skills(), m);
            }

            pageBreak(doc);
            heading(doc, m.get("section.coverage"), 1);
            if (c.coverage().note() != null) {
                text(doc, c.coverage().note());
            }
            for (var line : c.coverage().lines()) {
                heading(doc, line.summary(), 3);
                if (!line.missing().isEmpty()) {
                    list(doc, m.get("coverage.missing"), line.missing(), m);
                }
            }

            pageBreak(doc);
            heading(doc, m.get("section.annex.quality"), 1);
            text(doc, c.qualityNote());
            c.qualityFindings().forEach(line -> text(doc, "• " + line));

            pageBreak(doc);
            heading(doc, m.get("section.annex.approval"), 1);
            approval(doc, c.approval(), m);

            doc.enforceUpdateFields();
            doc.write(out);
        }
    }

    private static void approval(XWPFDocument doc, CurriculumContent.Approval approval, DocumentMessages m) {
        if (approval.note() != null) {
            text(doc, approval.note());
        }
        Governance g = approval.governance();
        if (g == null) {
            return;
        }
        if (g.approval() != null) {
            facts(doc, List.of(
                    new String[] {m.get("approval.body"), nonNull(g.approval().body())},
                    new String[] {m.get("approval.date"), CurriculumContentBuilder.date(g.approval().date(), m)},
                    new String[] {m.get("approval.decision"), nonNull(g.approval().decision())},
                    new String[] {m.get("approval.by"), nonNull(g.approval().approvedBy())},
                    new String[] {m.get("approval.nextReview"), CurriculumContentBuilder.date(g.nextReviewDate(), m)}));
        }
        if (!g.stakeholders().isEmpty()) {
            list(doc, m.get("approval.stakeholders"), g.stakeholders().stream().map(s -> s.name()
                    + (s.organisation() == null ? "" : ", " + s.organisation()) + " (" + m.of(s.kind()) + ")").toList(), m);
        }
        if (!g.evidence().isEmpty()) {
            list(doc, m.get("approval.evidence"), g.evidence().stream().map(e -> m.of(e.phase()) + ": " + e.text()
                    + (e.date() == null ? "" : " (" + CurriculumContentBuilder.date(e.date(), m) + ")")).toList(), m);
        }
    }

    private static void styles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        var fonts = CTFonts.Factory.newInstance();
        fonts.setAscii("Calibri");
        fonts.setHAnsi("Calibri");
        fonts.setCs("Calibri");
        styles.setDefaultFonts(fonts);
        headingStyle(styles, "Title", "Title", 0, 56);
        for (int level = 1; level <= 3; level++) {
            headingStyle(styles, "Heading" + level, "heading " + level, level, new int[] {32, 26, 22}[level - 1]);
        }
    }

    private static void headingStyle(XWPFStyles styles, String id, String name, int level, int halfPoints) {
        var style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        CTString styleName = CTString.Factory.newInstance();
        styleName.setVal(name);
        style.setName(styleName);
        CTDecimalNumber priority = CTDecimalNumber.Factory.newInstance();
        priority.setVal(BigInteger.valueOf(Math.max(1, level)));
        style.setUiPriority(priority);
        style.setQFormat(CTOnOff.Factory.newInstance());
        CTPPrGeneral paragraph = CTPPrGeneral.Factory.newInstance();
        if (level > 0) {
            CTDecimalNumber outline = CTDecimalNumber.Factory.newInstance();
            outline.setVal(BigInteger.valueOf(level - 1));
            paragraph.setOutlineLvl(outline);
        }
        paragraph.addNewSpacing().setBefore(BigInteger.valueOf(level == 0 ? 0 : 240));
        paragraph.getSpacing().setAfter(BigInteger.valueOf(120));
        paragraph.addNewKeepNext();
        style.setPPr(paragraph);
        var runProperties = CTRPr.Factory.newInstance();
        runProperties.addNewB();
        runProperties.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        style.setRPr(runProperties);
        var xwpfStyle = new XWPFStyle(style);
        xwpfStyle.setType(STStyleType.PARAGRAPH);
        styles.addStyle(xwpfStyle);
    }

    private static void footer(XWPFDocument doc, String pageLabel) {
        var footer = doc.createFooter(HeaderFooterType.DEFAULT);
        var p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.createRun().setText(pageLabel + " ");
        p.getCTP().addNewFldSimple().setInstr("PAGE \\* MERGEFORMAT");
        p.createRun().setText(" / ");
        p.getCTP().addNewFldSimple().setInstr("NUMPAGES \\* MERGEFORMAT");
    }

    /**
     * A TOC field whose cached result already lists the headings (without page numbers), so the contents show even in
     * a viewer that does not update fields; Word refreshes it with page numbers on opening.
     */
    private static void tableOfContents(XWPFDocument doc, List<String> entries) {
        var p = doc.createParagraph();
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        var instr = p.createRun().getCTR().addNewInstrText();
        instr.setStringValue("TOC \\o \"1-2\" \\h \\z \\u");
        instr.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                p = doc.createParagraph();
            }
            if (entries.get(i).startsWith("\t")) {
                p.setIndentationLeft(360);
            }
            run(p, entries.get(i).strip(), false, 0);
        }
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }

    private static void heading(XWPFDocument doc, String text, int level) {
        var p = doc.createParagraph();
        p.setStyle(level == 0 ? "Title" : "Heading" + level);
        p.createRun().setText(text);
    }

    private static void text(XWPFDocument doc, String text) {
        var p = doc.createParagraph();
        run(p, text, false, 0);
    }

    private static void list(XWPFDocument doc, String label, List<String> items, DocumentMessages m) {
        var head = doc.createParagraph();
        run(head, label, true, 0);
        if (items.isEmpty()) {
            var none = doc.createParagraph();
            none.setIndentationLeft(360);
            run(none, m.get("unit.none"), false, 0);
        }
        for (String item : items) {
            var p = doc.createParagraph();
            p.setIndentationLeft(360);
            run(p, "• " + item, false, 0);
        }
    }

    private static void facts(XWPFDocument doc, List<String[]> rows) {
        XWPFTable table = doc.createTable(rows.size(), 2);
        table.setWidth("100%");
        for (int i = 0; i < rows.size(); i++) {
            var row = table.getRow(i);
            cell(row.getCell(0).getParagraphs().get(0), rows.get(i)[0], true);
            cell(row.getCell(1).getParagraphs().get(0), rows.get(i)[1], false);
        }
        doc.createParagraph();
    }

    private static void cell(XWPFParagraph p, String text, boolean bold) {
        run(p, text, bold, 0);
    }

    private static void run(XWPFParagraph p, String text, boolean bold, int size) {
        XWPFRun run = p.createRun();
        run.setBold(bold);
        if (size > 0) {
            run.setFontSize(size);
        }
        String[] lines = clean(text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i]);
        }
    }

    private static void pageBreak(XWPFDocument doc) {
        doc.createParagraph().createRun().addBreak(org.apache.poi.xwpf.usermodel.BreakType.PAGE);
    }

    /** XML 1.0 cannot carry most control characters; they are dropped rather than failing the export. */
    private static String clean(String text) {
        return text == null ? "" : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
