package org.qualigraph.esco;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
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
import org.springframework.web.bind.annotation.RestController;

/** Occupational profiles: anyone signed in reads them, designers write them. */
@RestController
@RequestMapping("/api/profiles")
@Tag(name = "Occupational profiles", description = "Emerging occupational profiles based on ESCO occupations")
class ProfileController {

    private final OccupationalProfileService profiles;

    ProfileController(OccupationalProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping
    @Operation(summary = "All occupational profiles, by name")
    List<OccupationalProfile> list() {
        return profiles.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One occupational profile")
    OccupationalProfile get(@PathVariable String id) {
        return profiles.get(id);
    }

    @PostMapping
    @PreAuthorize("hasRole('DESIGNER')")
    @Operation(summary = "Create a profile; 201 with its id and the local skills' ids and URIs")
    ResponseEntity<OccupationalProfile> create(@RequestBody OccupationalProfile profile, Principal user) {
        var created = profiles.create(profile, user.getName());
        return ResponseEntity.created(URI.create("/api/profiles/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('DESIGNER')")
    @Operation(summary = "Replace a profile; a stale version is answered with 409")
    OccupationalProfile update(@PathVariable String id, @RequestBody OccupationalProfile profile, Principal user) {
        if (profile != null && profile.id() != null && !profile.id().equals(id)) {
            throw new BadInputException("id", "the profile's id differs from the id in the path");
        }
        return profiles.update(id, profile, user.getName());
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('DESIGNER')")
    @Operation(summary = "Delete a profile and its local skills")
    ResponseEntity<Void> delete(@PathVariable String id) {
        profiles.delete(id);
        return ResponseEntity.noContent().build();
    }
}
