package org.qualigraph.curriculum;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.qualigraph.base.BadInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Awarding organisations are shared by qualifications; renaming one is an administrator's explicit operation. */
@RestController
@RequestMapping("/api/organisations")
@Tag(name = "Organisations", description = "Awarding organisations shared by qualifications")
class OrganisationController {

    private final OrganisationRenaming renaming;

    OrganisationController(OrganisationRenaming renaming) {
        this.renaming = renaming;
    }

    /** The organisation as named now (name and country, as in an awarding body) and its new name. */
    record RenameRequest(String name, String country, String newName) {
    }

    @PostMapping("/rename")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Rename an awarding organisation in every qualification whose content may change")
    OrganisationRenaming.Result rename(@RequestBody RenameRequest request, Principal user) {
        if (request == null) {
            throw new BadInputException("", "the request body must be {\"name\", \"country\", \"newName\"}");
        }
        return renaming.rename(request.name(), request.country(), request.newName(), user.getName());
    }
}
