package org.qualigraph.esco;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.qualigraph.base.BadInputException;
import org.qualigraph.curriculum.QualificationService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contract's skills-gap endpoints on stored qualifications. {@code occupation} takes an ESCO occupation URI or,
 * as an addition to the contract, the id of an occupational profile ({@code profile} is accepted as a synonym).
 */
@RestController
@RequestMapping("/api/qualifications")
@Tag(name = "Skills gap", description = "Coverage of ESCO occupations and occupational profiles by a qualification")
class SkillsGapController {

    private final QualificationService qualifications;
    private final SkillsGapService gap;

    SkillsGapController(QualificationService qualifications, SkillsGapService gap) {
        this.qualifications = qualifications;
        this.gap = gap;
    }

    /** The contract's answer plus the target's label, whether it is a profile, and the units covering each skill. */
    record CoverageAnswer(String occupation, String label, boolean profile, int essentialTotal, int essentialCovered,
                          int optionalTotal, int optionalCovered, List<MissingSkill> missingEssential,
                          Map<String, List<String>> coveredBy) {
    }

    /** A missing essential skill; {@code esco} is false for a profile's local skill. */
    record MissingSkill(String uri, String label, boolean esco) {
    }

    @GetMapping("/{id}/coverage")
    @Operation(summary = "Essential and optional skills of an occupation (or profile) covered by the qualification")
    CoverageAnswer coverage(@PathVariable String id, @RequestParam(required = false) String occupation,
                            @RequestParam(required = false) String profile) {
        if (occupation != null && profile != null) {
            throw new BadInputException("occupation", "give either occupation or profile, not both");
        }
        String target = occupation != null ? occupation : profile;
        if (target == null || target.isBlank()) {
            throw new BadInputException("occupation", "required: an ESCO occupation URI (or an occupational profile id)");
        }
        var document = qualifications.get(id);
        var detail = gap.detail(document, target.strip());
        var c = detail.coverage();
        var missing = c.missingEssential().stream()
                .map(s -> new MissingSkill(s.uri(), s.label(), !s.uri().startsWith(OccupationalProfile.LocalSkill.URI_PREFIX)))
                .toList();
        return new CoverageAnswer(c.occupation(), c.label(), detail.profile(), c.essentialTotal(), c.essentialCovered(),
                c.optionalTotal(), c.optionalCovered(), missing, c.coveredBy());
    }

    @GetMapping("/{id}/occupation-matches")
    @Operation(summary = "All loaded occupations ranked by how well the qualification covers their essential skills")
    List<SkillsGap.OccupationMatch> matches(@PathVariable String id, @RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > SkillsGapService.MAX_MATCHES) {
            throw new BadInputException("limit", "must be between 1 and " + SkillsGapService.MAX_MATCHES + ", got " + limit);
        }
        return gap.occupationMatches(qualifications.get(id), limit);
    }
}
