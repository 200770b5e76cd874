package org.qualigraph.register;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.qualigraph.base.BadInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET|POST /sparql}: the SPARQL 1.1 protocol, queries only. A query comes as the {@code query} parameter (GET
 * or a form POST) or as the body of a POST with {@code Content-Type: application/sparql-query}; results are SPARQL JSON,
 * or CSV when asked for by {@code Accept: text/csv} or {@code format=csv}. Updates are refused with 400.
 */
@RestController
@Tag(name = "Public register")
class SparqlController {

    static final int MAX_QUERY = 20_000;

    private final SparqlService sparql;

    SparqlController(SparqlService sparql) {
        this.sparql = sparql;
    }

    @GetMapping("/sparql")
    @Operation(summary = "Read-only SPARQL 1.1 query over the register (parameter query; JSON or CSV results)")
    ResponseEntity<byte[]> get(@RequestParam(required = false) String query, @RequestParam(required = false) String format,
                               @RequestParam(required = false) String update,
                               @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (update != null) {
            throw readOnly();
        }
        if (query == null && accept != null && accept.contains("text/html")) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                    .body(SparqlExamples.page().getBytes(StandardCharsets.UTF_8));
        }
        return answer(query, format, accept);
    }

    @PostMapping("/sparql")
    @Operation(summary = "Read-only SPARQL 1.1 query: a form with the parameter query, or the query as the body "
            + "(application/sparql-query); updates are refused")
    ResponseEntity<byte[]> post(HttpServletRequest request, @RequestParam(required = false) String format,
                                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/sparql-update") || request.getParameter("update") != null) {
            throw readOnly();
        }
        String query;
        if (type.startsWith("application/sparql-query")) {
            byte[] body = request.getInputStream().readNBytes(MAX_QUERY + 1);
            query = new String(body, StandardCharsets.UTF_8);
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            query = request.getParameter("query");
        } else {
            throw new BadInputException("query", "send the query as the form parameter \"query\" "
                    + "(application/x-www-form-urlencoded) or as the body with Content-Type application/sparql-query");
        }
        return answer(query, format, accept);
    }

    private ResponseEntity<byte[]> answer(String query, String format, String accept) {
        if (query != null && query.length() > MAX_QUERY) {
            throw new BadInputException("query", "the query is longer than " + MAX_QUERY + " characters");
        }
        SparqlService.Format wanted;
        if (format != null) {
            wanted = switch (format) {
                case "csv" -> SparqlService.Format.CSV;
                case "json" -> SparqlService.Format.JSON;
                default -> throw new BadInputException("format", "json or csv");
            };
        } else {
            wanted = accept != null && accept.contains("text/csv") && !accept.contains("application/sparql-results+json")
                    ? SparqlService.Format.CSV : SparqlService.Format.JSON;
        }
        var answer = sparql.query(query, wanted);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(answer.mediaType()))
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*").header(HttpHeaders.VARY, "Accept")
                .body(answer.bytes());
    }

    private static BadInputException readOnly() {
        return new BadInputException("update", "updates are refused: this SPARQL endpoint is read-only");
    }
}
