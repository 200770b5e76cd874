package org.qualigraph.exchange.elm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.jena.riot.Lang;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.exchange.ExportFiles;
import org.springframework.stereotype.Service;

/**
 * "Submit to authority": checks a qualification against the official Europass schemas and, only when everything
 * validates, hands out the files as a designer passes them on (LOQ XML, JSON-LD, Turtle and a ZIP package with a
 * README manifest). Files are produced once per check, so what is downloaded is exactly what was validated.
 */
@Service
public class PreflightService {

    private final ElmValidation validation;
    private final QdrExports exports;

    private final org.qualigraph.curriculum.QualificationService qualifications;

    PreflightService(ElmValidation validation, QdrExports exports, org.qualigraph.curriculum.QualificationService qualifications) {
        this.qualifications = qualifications;
        this.validation = validation;
        this.exports = exports;
    }

    /**
     * The outcome of a check. {@code schemasMissing} explains how to obtain the official files when they are not
     * configured; {@code files} (file name to content, the ZIP package last) is empty unless everything validates.
     */
    public record Result(String schemasMissing, List<ElmValidation.Finding> findings, Map<String, byte[]> files) {

        public boolean passed() {
            return schemasMissing == null && findings.isEmpty();
        }
    }

    public ElmValidation.Status status() {
        return validation.status();
    }

    public Result check(QualificationDocument doc, String language) {
        var status = validation.status();
        if (!status.ready()) {
            return new Result(status.problem(), List.of(), Map.of());
        }
        // render once, validate those bytes, offer those bytes
        byte[] xml = exports.loqXml(doc, language);
        var model = exports.model(doc, language);
        byte[] jsonLd = QdrExports.serialise(model, Lang.JSONLD);
        byte[] turtle = QdrExports.serialise(model, Lang.TURTLE);
        List<ElmValidation.Finding> findings = validation.check(doc, exports.plan(doc, language),
                xml, turtle, jsonLd);
        if (!findings.isEmpty()) {
            return new Result(null, findings, Map.of());
        }
        String base = doc.id() != null && qualifications.find(doc.id()).isPresent()
                ? ExportFiles.baseName(doc, qualifications.edition(doc.id())) : ExportFiles.slug(doc.displayTitle());
        var files = new LinkedHashMap<String, byte[]>();
        files.put(base + ".xml", xml);
        files.put(base + ".jsonld", jsonLd);
        files.put(base + ".ttl", turtle);
        files.put(base + "-qdr.zip", zip(doc, base, files));
        return new Result(null, List.of(), files);
    }

    private byte[] zip(QualificationDocument doc, String base, Map<String, byte[]> files) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write(readme(doc, files).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String readme(QualificationDocument doc, Map<String, byte[]> files) {
        var text = new StringBuilder();
        text.append("Europass QDR package: ").append(doc.displayTitle()).append('\n')
                .append("Qualification id: ").append(doc.id() == null ? "(not stored)" : doc.id())
                .append(", version ").append(doc.version() == null ? 0 : doc.version()).append('\n')
                .append("Created by Qualigraph on ").append(Instant.now()).append("\n\n")
                .append("Files:\n");
        files.forEach((name, bytes) -> text.append("  ").append(name).append(" (").append(bytes.length).append(" bytes): ")
                .append(describe(name)).append('\n'));
        text.append("\nAll files were validated before packaging: the XML against the LOQ XML schema (loq.xsd, ELM 3.1), ")
                .append("the RDF against LOQ-constraints.ttl and LOQ-constraints-mdr.ttl of the European Learning Model ")
                .append("release (european-commission-empl/European-Learning-Model).\n")
                .append("Units are described as partial qualifications (elm:hasPart) with their own learning outcomes.\n");
        return text.toString();
    }

    private static String describe(String name) {
        if (name.endsWith(".xml")) {
            return "Europass QDR upload in LOQ XML";
        }
        if (name.endsWith(".jsonld")) {
            return "European Learning Model graph in JSON-LD";
        }
        return "European Learning Model graph in Turtle";
    }
}
