package org.qualigraph.esco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Recognition and suggestion endpoints over HTTP with the real sentence model: two qualifications worded differently
 * (and with outcome codes that do not line up) are paired by meaning; bad suggestion requests are 400s naming the field.
 */
class RecognitionApiTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    QualificationService qualifications;

    @Test
    void pairsOutcomesByMeaningNotByCodeAndListsWhatOnlyOneSideHas() throws Exception {
        var a = qualifications.create(Documents.withStatements(Documents.generated("Solar installer A", 1, 3), List.of(
                "Explain how photovoltaic modules convert sunlight into electricity",
                "Mount solar panels on pitched roofs with the manufacturer's mounting rails",
                "Take responsibility for working safely at height on scaffolds")), "designer");
        var b = qualifications.create(Documents.withStatements(Documents.generated("Solar installer B", 1, 3), List.of(
                "Bake bread, rolls and pastries in a commercial oven",
                "Describe the working principle of solar cells that turn light into electric current",
                "Fit PV modules to sloping roofs using the rail system")), "designer");

        var answer = read(get("/api/qualifications/" + a.id() + "/comparison/" + b.id()), 200);

        assertThat(answer.get("a").asText()).isEqualTo(a.id());
        assertThat(answer.get("b").asText()).isEqualTo(b.id());
        var pairs = new ArrayList<String>();
        answer.get("pairs").forEach(p -> pairs.add(p.get("a").asText() + "=" + p.get("b").asText()));
        assertThat(pairs).containsExactlyInAnyOrder("U1.K1=U1.S2", "U1.S2=U1.R3");
        answer.get("pairs").forEach(p -> {
            assertThat(p.get("score").asDouble()).isBetween(RecognitionService.PAIR_THRESHOLD, 1.0);
            assertThat(p.get("eqfLevels")).hasSize(2);
            assertThat(p.get("sharedSkills").isArray()).isTrue();
        });
        assertThat(texts(answer.get("onlyInA"))).containsExactly("U1.R3");
        assertThat(texts(answer.get("onlyInB"))).containsExactly("U1.K1");
        assertThat(answer.get("units").get(0).get("credits").get(0).asInt()).isEqualTo(10);
        assertThat(answer.get("units").get(0).get("hours").get(1).asInt()).isEqualTo(270);

        read(get("/api/qualifications/" + a.id() + "/comparison/no-such-id"), 404);
        var report = mvc.perform(get("/api/qualifications/" + a.id() + "/comparison/" + b.id() + "/report?format=pdf")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.REVIEWER))).andReturn().getResponse();
        assertThat(report.getStatus()).isEqualTo(200);
        assertThat(new String(report.getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
        assertThat(read(get("/api/qualifications/" + a.id() + "/comparison/" + b.id() + "/report?format=doc"), 400)
                .get("message").asText()).contains("format");
    }

    @Test
    void badSuggestionRequestsAreRefusedNamingTheField() throws Exception {
        for (var bad : Map.of(
                "{\"text\":\"\"}", "text",
                "{\"text\":\"   \",\"limit\":5}", "text",
                "{\"limit\":5}", "text",
                "{\"text\":" + json.writeValueAsString("x".repeat(SkillSuggestions.MAX_TEXT + 1)) + "}", "text",
                "{\"text\":42}", "text",
                "{\"text\":\"weld pipes\",\"limit\":0}", "limit",
                "{\"text\":\"weld pipes\",\"limit\":51}", "limit",
                "{\"text\":\"weld pipes\",\"limit\":\"ten\"}", "limit",
                "{\"text\":\"weld pipes\",\"limit\":2.5}", "limit",
                "{\"text\":\"weld pipes\",\"colour\":\"red\"}", "colour").entrySet()) {
            var error = read(post("/api/esco/skill-suggestions").contentType(MediaType.APPLICATION_JSON).content(bad.getKey()), 400);
            assertThat(error.get("message").asText()).as(bad.getKey()).contains(bad.getValue());
        }
        var ok = read(post("/api/esco/skill-suggestions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"Weld steel pipes\",\"limit\":3}"), 200);
        assertThat(ok.isArray()).isTrue();
        assertThat(ok.size()).isLessThanOrEqualTo(3);
    }

    /** The sentence model understands English: for a statement in another language the answer says so plainly. */
    @Test
    void suggestionsSayPlainlyWhenTheStatementIsInALanguageTheModelDoesNotUnderstandWell() throws Exception {
        var german = mvc.perform(post("/api/esco/skill-suggestions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"Rohre aus Stahl schweißen\",\"limit\":3,\"language\":\"de\"}")
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.REVIEWER)))
                .andReturn().getResponse();
        assertThat(german.getStatus()).isEqualTo(200);
        assertThat(german.getHeader(HttpHeaders.WARNING)).contains("understands en well").contains("statement in de");
        var english = mvc.perform(post("/api/esco/skill-suggestions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"Weld steel pipes\",\"language\":\"en\"}")
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.REVIEWER)))
                .andReturn().getResponse();
        assertThat(english.getStatus()).isEqualTo(200);
        assertThat(english.getHeader(HttpHeaders.WARNING)).isNull();
        assertThat(read(post("/api/esco/skill-suggestions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"weld\",\"language\":\"German!\"}"), 400).get("message").asText()).contains("language");

        var doc = Documents.generated("Sprachen", 1, 2);
        var unit = doc.units().get(0);
        var outcomes = new java.util.ArrayList<>(unit.outcomes());
        var first = outcomes.get(0);
        outcomes.set(0, new org.qualigraph.curriculum.OutcomeDocument(first.id(), first.code(), first.dimension(),
                Map.of("de", "Die Gefahren beim Schweißen von Stahlrohren erklären"), first.eqfLevel(), List.of(), first.keyCompetences()));
        var stored = qualifications.create(doc.withUnits(List.of(unit.withOutcomes(outcomes))), "designer");
        var answer = read(get("/api/qualifications/" + stored.id() + "/skill-suggestions"), 200);
        assertThat(answer.get(0).get("language").asText()).isEqualTo("de");
        assertThat(answer.get(0).get("meaningUnderstood").asBoolean()).isFalse();
        assertThat(answer.get(1).get("language").asText()).isEqualTo("en");
        assertThat(answer.get(1).get("meaningUnderstood").asBoolean()).isTrue();
    }

    @Test
    void curriculumSuggestionsListEveryOutcomeWithoutASkill() throws Exception {
        var doc = qualifications.create(Documents.generated("Mapping", 2, 2), "designer");
        var answer = read(get("/api/qualifications/" + doc.id() + "/skill-suggestions?limit=3"), 200);
        assertThat(answer).hasSize(4);
        assertThat(answer.get(0).get("outcome").asText()).isEqualTo("U1.K1");
        assertThat(answer.get(0).get("suggestions").size()).isLessThanOrEqualTo(3);
        assertThat(read(get("/api/qualifications/" + doc.id() + "/skill-suggestions?limit=0"), 400).get("message").asText())
                .contains("limit");
    }

    private JsonNode read(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, int status) throws Exception {
        var response = mvc.perform(request.header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.REVIEWER)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return json.readTree(response.getContentAsString());
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }
}
