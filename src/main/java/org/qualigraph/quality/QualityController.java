package org.qualigraph.quality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The quality report endpoint of the public contract; any signed-in user may read it. */
@RestController
@RequestMapping("/api/qualifications")
@Tag(name = "Quality", description = "The quality report against the rule catalogue")
class QualityController {

    private final QualityService quality;

    QualityController(QualityService quality) {
        this.quality = quality;
    }

    @GetMapping("/{id}/quality")
    @Operation(summary = "Quality report: findings of failed rules, every rule evaluated, thresholds in force")
    QualityReport report(@PathVariable String id) {
        return quality.report(id);
    }
}
