package org.qualigraph.esco;

import static org.hamcrest.Matchers.containsString;
import static org.qualigraph.esco.GapFixture.occupation;
import static org.qualigraph.esco.GapFixture.skill;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The coverage, occupation-matches and profile endpoints: answers, errors naming the parameter, roles. */
class SkillsGapApiTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    QualificationService qualifications;

    @Autowired
    ObjectMapper json;

    String id;

    @BeforeEach
    void fixture() {
        GapFixture.load(graph);
        id = qualifications.create(GapFixture.document("Api"), "designer").id();
    }

    @AfterEach
    void cleanUp() {
        GapFixture.remove(graph);
    }

    @Test
    void coverageAnswersTheContractFields() throws Exception {
        mvc.perform(get("/api/qualifications/{id}/coverage", id).param("occupation", occupation("O1"))
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("reviewer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.occupation").value(occupation("O1")))
                .andExpect(jsonPath("$.essentialTotal").value(4))
                .andExpect(jsonPath("$.essentialCovered").value(2))
                .andExpect(jsonPath("$.optionalTotal").value(2))
                .andExpect(jsonPath("$.optionalCovered").value(1))
                .andExpect(jsonPath("$.missingEssential[0].uri").value(skill("S3")))
                .andExpect(jsonPath("$.missingEssential[0].label").value("skill S3"))
                .andExpect(jsonPath("$.missingEssential.length()").value(2))
                .andExpect(jsonPath("$.coveredBy['" + skill("S1") + "'][1]").value("U2"));
    }

    @Test
    void coverageErrorsNameTheParameterOrTheQualification() throws Exception {
        mvc.perform(get("/api/qualifications/{id}/coverage", "no-such-id").param("occupation", occupation("O1"))
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.message", containsString("no-such-id")));
        mvc.perform(get("/api/qualifications/{id}/coverage", id)
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("occupation")));
        mvc.perform(get("/api/qualifications/{id}/coverage", id).param("occupation", occupation("missing"))
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.message", containsString("occupation")));
        mvc.perform(get("/api/qualifications/{id}/coverage", id).param("occupation", occupation("O1")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void matchesAreRankedAndLimitIsChecked() throws Exception {
        mvc.perform(get("/api/qualifications/{id}/occupation-matches", id).param("limit", "1")
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].occupation").value(occupation("O1")))
                .andExpect(jsonPath("$[0].label").value("occupation O1"))
                .andExpect(jsonPath("$[0].essentialCovered").value(2))
                .andExpect(jsonPath("$[0].essentialTotal").value(4))
                .andExpect(jsonPath("$[0].score").value(0.5));
        for (String bad : List.of("0", "-3", "5001", "ten")) {
            mvc.perform(get("/api/qualifications/{id}/occupation-matches", id).param("limit", bad)
                            .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("limit")));
        }
        mvc.perform(get("/api/qualifications/{id}/occupation-matches", "nope")
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isNotFound());
    }

    @Test
    void profilesCrudWithRolesValidationAndLocking() throws Exception {
        String body = """
                {"name": "Battery recycler", "description": "emerging", "basedOn": ["%s"],
                 "addedSkills": [{"uri": "%s", "type": "essential"}], "removedSkills": ["%s"],
                 "localSkills": [{"label": "dismantle battery packs", "type": "essential"}]}
                """.formatted(occupation("O1"), skill("S8"), skill("S4"));
        mvc.perform(post("/api/profiles").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("reviewer")))
                .andExpect(status().isForbidden());
        var created = mvc.perform(post("/api/profiles").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.localSkills[0].nonEsco").value(true))
                .andExpect(jsonPath("$.localSkills[0].uri", containsString("/local-skill/")))
                .andExpect(jsonPath("$.addedSkills[0].label").value("skill S8"))
                .andExpect(jsonPath("$.version").value(0))
                .andReturn().getResponse().getContentAsString();
        String profileId = json.readTree(created).get("id").asText();

        // coverage against the profile: S1 S2 S3 + S8 + local = 5 essential, S1 and S2 covered
        mvc.perform(get("/api/qualifications/{id}/coverage", id).param("occupation", profileId)
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("reviewer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.essentialTotal").value(5))
                .andExpect(jsonPath("$.essentialCovered").value(2))
                .andExpect(jsonPath("$.profile").value(true));

        mvc.perform(post("/api/profiles").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"\", \"basedOn\": [\"" + occupation("nope") + "\"]}")
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message", containsString("name")))
                .andExpect(jsonPath("$.problems[1].field").value("basedOn[0]"));

        ObjectNode changed = (ObjectNode) json.readTree(created);
        changed.put("name", "Battery recycling technician");
        mvc.perform(put("/api/profiles/{id}", profileId).contentType(MediaType.APPLICATION_JSON).content(changed.toString())
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.localSkills[0].id").value(changed.get("localSkills").get(0).get("id").asText()));
        mvc.perform(put("/api/profiles/{id}", profileId).contentType(MediaType.APPLICATION_JSON).content(changed.toString())
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/profiles").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("reviewer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].name").value("Battery recycling technician"));
        mvc.perform(delete("/api/profiles/{id}", profileId).header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/profiles/{id}", profileId).header(HttpHeaders.AUTHORIZATION, TestUsers.basic("reviewer")))
                .andExpect(status().isNotFound());
    }
}
