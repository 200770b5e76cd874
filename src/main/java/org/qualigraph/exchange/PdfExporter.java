package org.qualigraph.exchange;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.qualigraph.curriculum.QualificationDocument;
import org.springframework.stereotype.Component;

/**
 * The core-curriculum document as PDF, rendered by openhtmltopdf from the same XHTML as the HTML export. The DejaVu
 * Sans font shipped in {@code fonts/} is embedded (subset), so Greek, Cyrillic and other European scripts render on
 * any server, without system fonts.
 */
@Component
class PdfExporter implements Exporter {

    private static final byte[] REGULAR = font("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = font("fonts/DejaVuSans-Bold.ttf");

    private final CurriculumContentBuilder content;

    PdfExporter(CurriculumContentBuilder content) {
        this.content = content;
    }

    @Override
    public String format() {
        return "pdf";
    }

    @Override
    public String label() {
        return "Core curriculum (PDF)";
    }

    @Override
    public String mediaType() {
        return "application/pdf";
    }

    @Override
    public String extension() {
        return "pdf";
    }

    @Override
    public void write(QualificationDocument document, String language, OutputStream out) throws IOException {
        render(CurriculumHtml.render(content.build(document, language), true), out);
    }

    /** The public edition: the same document without the quality and approval annexes (no reviewer or approver names). */
    void writePublic(QualificationDocument document, String language, OutputStream out) throws IOException {
        render(CurriculumHtml.render(content.buildPublic(document, language), true), out);
    }

    /** Renders XHTML to PDF with the embedded DejaVu fonts (also used by the recognition report). */
    static void render(String xhtml, OutputStream out) throws IOException {
        var builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> new ByteArrayInputStream(REGULAR), CurriculumHtml.FONT_FAMILY, 400,
                BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(BOLD), CurriculumHtml.FONT_FAMILY, 700,
                BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        builder.run();
    }

    private static byte[] font(String resource) {
        try (InputStream in = PdfExporter.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
