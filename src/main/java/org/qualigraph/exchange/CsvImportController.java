package org.qualigraph.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.qualigraph.base.BadInputException;
import org.qualigraph.curriculum.QualificationDocument;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The spreadsheet import of units and outcomes (the layout of the {@code csv} export). */
@RestController
@Tag(name = "Exports")
class CsvImportController {

    private final CsvImportService imports;

    CsvImportController(CsvImportService imports) {
        this.imports = imports;
    }

    @PostMapping(value = "/api/qualifications/{id}/import/csv", consumes = {"text/csv", "text/plain"})
    @PreAuthorize("hasRole('DESIGNER')")
    @Operation(summary = "Replace the units and outcomes of a qualification from a CSV (units matched by code; units "
            + "and outcomes missing from the CSV are removed); every problem names line and column; nothing changes on error")
    QualificationDocument importCsv(@PathVariable String id, @RequestBody(required = false) byte[] body,
                                    @RequestParam(required = false) Long version, Principal user) {
        return imports.apply(id, utf8(body), version, user.getName());
    }

    @PostMapping(value = "/api/qualifications/{id}/import/csv/preview", consumes = {"text/csv", "text/plain"})
    @PreAuthorize("hasRole('DESIGNER')")
    @Operation(summary = "What the CSV import would add, change and remove, without changing anything")
    CsvImportPreview preview(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        return imports.preview(id, utf8(body));
    }

    static String utf8(byte[] body) {
        if (body == null || body.length == 0) {
            throw new BadInputException("line 1", "the CSV is empty");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException("", "the CSV is not UTF-8 text; save it as \"CSV UTF-8\"");
        }
    }
}
