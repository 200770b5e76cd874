package org.qualigraph.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.NotFoundException;
import org.qualigraph.curriculum.QualificationService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/qualifications/{id}/export/{format}} for every registered {@link Exporter}. */
@RestController
@Tag(name = "Exports")
class ExportController {

    private final QualificationService qualifications;
    private final Map<String, Exporter> exporters;

    ExportController(QualificationService qualifications, List<Exporter> exporters) {
        this.qualifications = qualifications;
        this.exporters = exporters.stream().collect(Collectors.toMap(Exporter::format, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    @GetMapping("/api/qualifications/{id}/export/{format}")
    @Operation(summary = "Export a qualification: loq-xml, elm-jsonld, elm-turtle, pdf, docx, html, csv, case-json; "
            + "lang: the language of the document (an interface language or one of the qualification's content languages)")
    ResponseEntity<byte[]> export(@PathVariable String id, @PathVariable String format,
                                  @RequestParam(name = "lang", required = false) String lang,
                                  @RequestParam(name = "language", required = false) String legacyLanguage) throws IOException {
        Exporter exporter = exporters.get(format);
        if (exporter == null) {
            throw new NotFoundException("unknown export format \"" + format + "\"; available: " + String.join(", ", exporters.keySet()));
        }
        String field = lang != null || legacyLanguage == null ? "lang" : "language";
        String language = lang != null ? lang : legacyLanguage != null ? legacyLanguage : "en";
        if (!language.matches("[a-z]{2,3}")) {
            throw new BadInputException(field, "a language code such as \"en\", \"de\" or \"pl\", got \"" + abbreviate(language) + "\"");
        }
        var document = qualifications.get(id);
        var offered = DocumentLanguages.offered(document);
        if (!offered.contains(language)) {
            throw new BadInputException(field, "no document can be written in \"" + language + "\": it is neither an interface "
                    + "language nor a language of this qualification; use one of " + String.join(", ", offered));
        }
        var out = new ByteArrayOutputStream();
        exporter.write(document, language, out);
        String name = ExportFiles.fileName(document, qualifications.edition(id), exporter);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(exporter.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(out.toByteArray());
    }

    private static String abbreviate(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "..." : value;
    }
}
