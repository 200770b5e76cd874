package org.qualigraph.curriculum;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** "Core and variants" of the contract: what a variant's core changed since, and taking or dismissing it unit by unit. */
@RestController
@RequestMapping("/api/qualifications/{id}/core-changes")
@Tag(name = "Core and variants", description = "Changes of a national variant's core profile, taken by choice")
class CoreChangesController {

    private final VariantService variants;

    CoreChangesController(VariantService variants) {
        this.variants = variants;
    }

    /** The units to take or dismiss and the variant's version the partner looked at. */
    record UnitsRequest(List<String> units, Long version) {
    }

    @GetMapping
    @Operation(summary = "What the core changed since the variant was derived or last took its changes, unit by unit")
    VariantService.CoreChanges list(@PathVariable String id) {
        return variants.coreChanges(id);
    }

    @PostMapping("/adopt")
    @PreAuthorize("hasRole('DESIGNER')")
    @Operation(summary = "Apply the core's changes of these units to the variant (a normal save; 409 when stale)")
    QualificationDocument adopt(@PathVariable String id, @RequestBody(required = false) UnitsRequest request, Principal user) {
        return variants.adopt(id, request == null ? null : request.units(), request == null ? null : request.version(),
                user.getName());
    }

    @PostMapping("/dismiss")
    @PreAuthorize("hasRole('DESIGNER')")
    @Operation(summary = "Keep the variant's units as they are and stop listing these core changes (409 when stale)")
    VariantService.CoreChanges dismiss(@PathVariable String id, @RequestBody(required = false) UnitsRequest request, Principal user) {
        return variants.dismiss(id, request == null ? null : request.units(), request == null ? null : request.version(),
                user.getName());
    }
}
