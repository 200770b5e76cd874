package org.qualigraph.exchange.elm;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/imports/loq-xml}: Europass LOQ XML in, draft qualifications out. */
@RestController
@Tag(name = "Imports")
class LoqImportController {

    private final LoqImportService imports;

    LoqImportController(LoqImportService imports) {
        this.imports = imports;
    }

    @PostMapping(value = "/api/imports/loq-xml", consumes = {"application/xml", "text/xml"})
    @PreAuthorize("hasRole('DESIGNER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create draft qualifications from a Europass LOQ XML file")
    Map<String, Object> importLoq(@RequestBody byte[] body, Principal user) {
        var preview = imports.preview(body);
        var created = imports.importFile(body, user.getName());
        return Map.of("created", created.stream().map(d -> d.id()).toList(), "notes", preview.notes());
    }
}
