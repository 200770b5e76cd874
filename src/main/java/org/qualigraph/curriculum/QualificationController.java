package org.qualigraph.curriculum;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.qualigraph.base.BadInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The qualification document endpoints of the public contract. Any user may read; designers write. */
@RestController
@RequestMapping("/api/qualifications")
@Tag(name = "Qualifications", description = "The qualification document: list, create, read, update, delete")
class QualificationController {

    private final QualificationService service;

    QualificationController(QualificationService service) {
        this.service = service;
    }

    /** The contract's list row; {@code title} is the language map. */
    record ListRow(String id, Map<String, String> title, Integer eqfLevel, QualificationType type,
                   QualificationStatus status, long version) {
    }

    /**
     * {@code {"title"}} alone (the older form) copies the core's national data; with {@code country}, {@code nqfLevel},
     * optional {@code nqfLevelUri} and {@code awardingBodies} the variant gets these instead of the core's.
     */
    record DeriveRequest(Map<String, String> title, String country, String nqfLevel, String nqfLevelUri,
                         List<QualificationDocument.AwardingBody> awardingBodies) {
    }

    @GetMapping
    @Operation(summary = "List qualifications, optionally filtered (partner: owned by that organisation; ours=true: owned"
            + " by the caller's organisation or naming the caller as collaborator)")
    List<ListRow> list(@RequestParam(required = false) String title, @RequestParam(required = false) Integer eqfLevel,
                       @RequestParam(required = false) QualificationType type,
                       @RequestParam(required = false) QualificationStatus status,
                       @RequestParam(required = false) String partner,
                       @RequestParam(defaultValue = "false") boolean ours,
                       @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "1000") int limit,
                       Principal user) {
        if (offset < 0 || limit < 0 || limit > 10_000) {
            throw new BadInputException("limit", "offset must be >= 0 and limit between 0 and 10000");
        }
        if (partner != null && partner.length() > 200) {
            throw new BadInputException("partner", "at most 200 characters");
        }
        var filter = new QualificationFilter(title, eqfLevel, type, status, partner, null);
        if (ours) {
            filter = service.ours(filter, user.getName());
        }
        return service.list(filter, offset, limit).stream()
                .map(s -> new ListRow(s.id(), s.title(), s.eqfLevel(), s.type(), s.status(), s.version())).toList();
    }

    @PostMapping
    @PreAuthorize("hasRole('DESIGNER')")
    @Operation(summary = "Create a qualification (starts as DRAFT, version 0)")
    ResponseEntity<QualificationDocument> create(@RequestBody QualificationDocument doc, Principal user) {
        var created = service.create(doc, user.getName());
        return ResponseEntity.created(URI.create("/api/qualifications/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a qualification document")
    QualificationDocument get(@PathVariable String id) {
        return service.get(id);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('DESIGNER')")
    @Operation(summary = "Replace a qualification document; a stale version is answered with 409")
    QualificationDocument update(@PathVariable String id, @RequestBody QualificationDocument doc, Principal user) {
        if (doc != null && doc.id() != null && !doc.id().equals(id)) {
            throw new BadInputException("id", "the document's id differs from the id in the path");
        }
        return service.update(id, doc, user.getName());
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('DESIGNER')")
    @Operation(summary = "Delete a qualification and the units no other qualification uses")
    ResponseEntity<Void> delete(@PathVariable String id, Principal user) {
        service.delete(id, user.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/derive")
    @PreAuthorize("hasRole('DESIGNER')")
    @Operation(summary = "Derive a national variant: a copy linked with DERIVED_FROM; with country, nqfLevel, nqfLevelUri"
            + " and awardingBodies it gets these national data instead of the core's (title only: copies them)")
    ResponseEntity<QualificationDocument> derive(@PathVariable String id,
                                                 @RequestBody(required = false) DeriveRequest request, Principal user) {
        var derived = service.derive(id, request == null ? null : new VariantRequest(request.title(), request.country(),
                request.nqfLevel(), request.nqfLevelUri(), request.awardingBodies()), user.getName());
        return ResponseEntity.created(URI.create("/api/qualifications/" + derived.id())).body(derived);
    }

    @PostMapping("/{id}/duplicate")
    @PreAuthorize("hasRole('DESIGNER')")
    @Operation(summary = "Duplicate a qualification as an independent draft")
    ResponseEntity<QualificationDocument> duplicate(@PathVariable String id, Principal user) {
        var copy = service.duplicate(id, user.getName());
        return ResponseEntity.created(URI.create("/api/qualifications/" + copy.id())).body(copy);
    }
}
