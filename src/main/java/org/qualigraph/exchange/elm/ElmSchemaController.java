package org.qualigraph.exchange.elm;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.qualigraph.base.BadInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The official Europass schemas as reference data: administrators upload the ELM release; anyone may ask what is loaded. */
@RestController
@Tag(name = "Europass schemas", description = "Upload of the official ELM release used by the pre-flight validation")
class ElmSchemaController {

    private final ElmSchemaLibrary library;
    private final ElmValidation validation;

    ElmSchemaController(ElmSchemaLibrary library, ElmValidation validation) {
        this.library = library;
        this.validation = validation;
    }

    /** What the pre-flight validation uses: loaded or not, where from ({@code fromSetting}: qualigraph.elm.schema-dir). */
    record SchemaStatus(boolean loaded, boolean fromSetting, String source, Instant installedAt, String problem) {
    }

    @GetMapping("/api/elm-schemas")
    @Operation(summary = "Whether the Europass schemas are loaded, and which release")
    SchemaStatus status() {
        var status = validation.status();
        var installed = library.installed();
        return new SchemaStatus(status.ready(), installed.map(ElmSchemaLibrary.Installed::fromSetting).orElse(false),
                installed.map(ElmSchemaLibrary.Installed::source).orElse(null),
                installed.map(ElmSchemaLibrary.Installed::installedAt).orElse(null), status.problem());
    }

    @PostMapping(path = "/api/imports/elm-schemas", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Upload the official ELM release (multipart part 'release', a zip laid out as loq/loq.xsd, loq/cv/, "
            + "shacl/LOQ-constraints.ttl, shacl/LOQ-constraints-mdr.ttl); validated, stored with the data, used at once")
    ResponseEntity<SchemaStatus> upload(@RequestPart(name = ElmSchemaLibrary.FIELD, required = false) MultipartFile release)
            throws IOException {
        if (release == null || release.isEmpty()) {
            throw new BadInputException(ElmSchemaLibrary.FIELD,
                    "the multipart part \"release\" (the ELM release as a zip file) is missing or empty");
        }
        try (InputStream in = release.getInputStream()) {
            byte[] magic = in.readNBytes(4);
            if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
                throw new BadInputException(ElmSchemaLibrary.FIELD, "the part \"release\" (" + release.getOriginalFilename()
                        + ") is not a zip file");
            }
        }
        Path upload = Files.createTempFile("elm-release-", ".zip");
        try {
            release.transferTo(upload);
            library.install(upload);
        } finally {
            Files.deleteIfExists(upload);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(status());
    }
}
