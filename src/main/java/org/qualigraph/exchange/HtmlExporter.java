package org.qualigraph.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.qualigraph.curriculum.QualificationDocument;
import org.springframework.stereotype.Component;

/** The core-curriculum document as one self-contained HTML page, for the browser and for pasting into websites. */
@Component
class HtmlExporter implements Exporter {

    private final CurriculumContentBuilder content;

    HtmlExporter(CurriculumContentBuilder content) {
        this.content = content;
    }

    @Override
    public String format() {
        return "html";
    }

    @Override
    public String label() {
        return "Core curriculum (HTML)";
    }

    @Override
    public String mediaType() {
        return "text/html;charset=UTF-8";
    }

    @Override
    public String extension() {
        return "html";
    }

    @Override
    public void write(QualificationDocument document, String language, OutputStream out) throws IOException {
        out.write(CurriculumHtml.render(content.build(document, language), false).getBytes(StandardCharsets.UTF_8));
    }
}
