package org.qualigraph.esco;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.qualigraph.base.BadInputException;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.Texts;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** ESCO skills an outcome statement means, by meaning and by words, for any signed-in user. */
@RestController
class SkillSuggestionController {

    private final SkillSuggestions suggestions;
    private final QualificationService qualifications;
    private final EscoEmbeddings embeddings;

    SkillSuggestionController(SkillSuggestions suggestions, QualificationService qualifications, EscoEmbeddings embeddings) {
        this.suggestions = suggestions;
        this.qualifications = qualifications;
        this.embeddings = embeddings;
    }

    /**
     * Suggestions for one outcome of a whole-curriculum mapping. {@code language} is the language of the statement
     * used; {@code meaningUnderstood} false says plainly that the sentence model understands that language poorly, so
     * suggestions by meaning may miss (the words still count).
     */
    record OutcomeSuggestions(String outcome, String unit, String dimension, String statement, boolean byMeaning,
                              List<SkillSuggestions.Suggestion> suggestions, String language, boolean meaningUnderstood) {
    }

    /**
     * For every outcome of the qualification that maps no skill yet: the skills its statement means, only of the
     * dimension rule ESCO-02 expects, best first. The designer accepts or rejects them and saves the document once.
     */
    @GetMapping("/api/qualifications/{id}/skill-suggestions")
    @PreAuthorize("isAuthenticated()")
    List<OutcomeSuggestions> forQualification(@PathVariable String id,
                                              @RequestParam(name = "limit", required = false) String limit) {
        int max = 5;
        if (limit != null && !limit.isBlank()) {
            try {
                max = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1 || max > 20) {
                throw new BadInputException("limit", "must be a whole number from 1 to 20, got \"" + limit + "\"");
            }
        }
        var document = qualifications.get(id);
        var answer = new java.util.ArrayList<OutcomeSuggestions>();
        for (var unit : document.units()) {
            for (var outcome : unit.outcomes()) {
                String statement = Texts.display(outcome.statement());
                String language = outcome.statement().containsKey("en") ? "en"
                        : outcome.statement().keySet().stream().findFirst().orElse(null);
                if (!outcome.skills().isEmpty() || statement.isBlank()) {
                    continue;
                }
                var result = suggestions.suggest(statement.length() > SkillSuggestions.MAX_TEXT
                        ? statement.substring(0, SkillSuggestions.MAX_TEXT) : statement, SkillSuggestions.MAX_LIMIT);
                var fitting = result.skills().stream()
                        .filter(s -> SkillSuggestions.fits(s.skillType(), outcome.dimension())).limit(max).toList();
                answer.add(new OutcomeSuggestions(outcome.code(), unit.code(),
                        outcome.dimension() == null ? null : outcome.dimension().name(), statement, result.byMeaning(), fitting,
                        language, language == null || embeddings.encoder().languages().contains(language)));
            }
        }
        return answer;
    }

    @PostMapping(path = "/api/esco/skill-suggestions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    org.springframework.http.ResponseEntity<List<SkillSuggestions.Suggestion>> suggest(@RequestBody(required = false) JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadInputException("text", "send a JSON object {\"text\": \"an outcome statement\", \"limit\": 10}");
        }
        var fields = body.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!field.equals("text") && !field.equals("limit") && !field.equals("language")) {
                throw new BadInputException(field, "unknown field; send only \"text\", \"limit\" and \"language\"");
            }
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
        JsonNode languageNode = body.get("language");
        String language = null;
        if (languageNode != null && !languageNode.isNull()) {
            if (!languageNode.isTextual() || !languageNode.asText().matches("[a-z]{2,3}")) {
                throw new BadInputException("language", "the language of the statement as an ISO 639 code such as \"en\" or \"de\"");
            }
            language = languageNode.asText();
        }
        var answer = org.springframework.http.ResponseEntity.ok();
        if (language != null && !embeddings.encoder().languages().contains(language)) {
            // said plainly: the sentence model understands English well and other languages poorly
            answer.header(org.springframework.http.HttpHeaders.WARNING, "299 qualigraph \"Suggestions by meaning come from a "
                    + "model that understands " + String.join(", ", embeddings.encoder().languages()) + " well; for a statement in "
                    + language + " they may miss, suggestions by words still count\"");
        }
        return answer.body(suggestions.suggest(text.asText(), max).skills());
    }
}
