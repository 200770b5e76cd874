package org.qualigraph.esco;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Recognition between two qualifications over HTTP, in the shape of the API contract, for any signed-in user. */
@RestController
class RecognitionController {

    private final RecognitionService recognition;

    RecognitionController(RecognitionService recognition) {
        this.recognition = recognition;
    }

    @GetMapping("/api/qualifications/{a}/comparison/{b}")
    @PreAuthorize("isAuthenticated()")
    Map<String, Object> compare(@PathVariable String a, @PathVariable String b) {
        var c = recognition.compare(a, b);
        var answer = new LinkedHashMap<String, Object>();
        answer.put("a", c.a());
        answer.put("b", c.b());
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (var p : c.pairs()) {
            var pair = new LinkedHashMap<String, Object>();
            pair.put("a", p.a());
            pair.put("b", p.b());
            pair.put("score", p.score());
            pair.put("sharedSkills", p.sharedSkills());
            pair.put("eqfLevels", p.eqfLevels());
            pair.put("unitA", p.unitA());
            pair.put("unitB", p.unitB());
            pairs.add(pair);
        }
        answer.put("pairs", pairs);
        answer.put("onlyInA", c.onlyInA());
        answer.put("onlyInB", c.onlyInB());
        List<Map<String, Object>> units = new ArrayList<>();
        for (var u : c.units()) {
            var unit = new LinkedHashMap<String, Object>();
            unit.put("a", u.a());
            unit.put("b", u.b());
            unit.put("credits", u.credits());
            unit.put("hours", u.hours());
            units.add(unit);
        }
        answer.put("units", units);
        return answer;
    }
}
