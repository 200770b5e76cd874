package org.qualigraph.esco;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.qualigraph.base.BadInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** ESCO skills an outcome statement means, by meaning and by words, for any signed-in user. */
@RestController
class SkillSuggestionController {

    private final SkillSuggestions suggestions;

    SkillSuggestionController(SkillSuggestions suggestions) {
        this.suggestions = suggestions;
    }

    @PostMapping("/api/esco/skill-suggestions")
    @PreAuthorize("isAuthenticated()")
    List<SkillSuggestions.Suggestion> suggest(@RequestBody(required = false) JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadInputException("text", "send a JSON object {\"text\": \"an outcome statement\", \"limit\": 10}");
        }
        JsonNode text = body.get("text");
        if (text == null || text.isNull()) {
            throw new BadInputException("text", "the outcome statement is missing; send {\"text\": \"...\"}");
        }
        if (!text.isTextual()) {
            throw new BadInputException("text", "must be a string");
        }
        JsonNode limit = body.get("limit");
        int max = 10;
        if (limit != null && !limit.isNull()) {
            if (!limit.isIntegralNumber() || !limit.canConvertToInt()) {
                throw new BadInputException("limit", "must be a whole number from 1 to " + SkillSuggestions.MAX_LIMIT);
            }
            max = limit.intValue();
        }
        return suggestions.suggest(text.asText(), max).skills();
    }
}
