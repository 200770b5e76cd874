package org.qualigraph.exchange;

import org.qualigraph.base.BadInputException;
import org.qualigraph.esco.RecognitionService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The recognition report of two qualifications as a file (HTML or PDF), for any signed-in user. */
@RestController
class RecognitionReportController {

    private final RecognitionService recognition;
    private final RecognitionReport report;

    RecognitionReportController(RecognitionService recognition, RecognitionReport report) {
        this.recognition = recognition;
        this.report = report;
    }

    @GetMapping("/api/qualifications/{a}/comparison/{b}/report")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> report(@PathVariable String a, @PathVariable String b,
                                  @RequestParam(name = "format", required = false) String format) {
        String chosen = format == null || format.isBlank() ? "pdf" : format.strip();
        if (!chosen.equals("pdf") && !chosen.equals("html")) {
            throw new BadInputException("format", "use pdf or html, got \"" + format + "\"");
        }
        var comparison = recognition.compare(a, b);
        boolean pdf = chosen.equals("pdf");
        byte[] body = pdf ? report.pdf(comparison) : report.html(comparison);
        return ResponseEntity.ok()
                .contentType(pdf ? MediaType.APPLICATION_PDF : new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("recognition-report." + chosen).build().toString())
                .body(body);
    }
}
