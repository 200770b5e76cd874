package org.qualigraph.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qualigraph.account.AccountService;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationStatus;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Four eyes: whoever created, edited or submitted a revision cannot approve or publish it, whatever their roles. */
class FourEyesApiTest extends IntegrationTest {

    private static final String DUAL = "dual-role";
    private static final String APPROVE = "{\"to\":\"APPROVED\",\"approval\":{\"body\":\"Programme board\",\"date\":\""
            + LocalDate.now() + "\",\"decision\":\"approved\"}}";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    AccountService accounts;
    @Autowired
    QualificationService qualifications;

    @BeforeEach
    void dualRoleUser() {
        if (!accounts.exists(DUAL)) {
            accounts.create(DUAL, TestUsers.PASSWORD, Set.of("DESIGNER", "REVIEWER"));
        }
    }

    @Test
    void whoSubmittedCannotApproveWhileAnotherReviewerCan() throws Exception {
        String id = read(call(post("/api/qualifications"), DUAL, json.writeValueAsString(Documents.minimal("Own work")))
                .andExpect(status().isCreated())).get("id").asText();
        call(post("/api/qualifications/" + id + "/transitions"), DUAL, "{\"to\":\"IN_REVIEW\"}").andExpect(status().isOk());

        call(post("/api/qualifications/" + id + "/transitions"), DUAL, APPROVE).andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(containsString("Four eyes")));
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.IN_REVIEW);
        JsonNode state = read(call(get("/api/qualifications/" + id + "/workflow"), DUAL, null).andExpect(status().isOk()));
        assertThat(state.get("actions").findValuesAsText("name")).doesNotContain("APPROVE").contains("REQUEST_CHANGES");
        assertThat(state.get("fourEyes").asText()).contains("Four eyes");
        JsonNode reviewerState = read(call(get("/api/qualifications/" + id + "/workflow"), TestUsers.REVIEWER, null));
        assertThat(reviewerState.get("actions").findValuesAsText("name")).contains("APPROVE");
        assertThat(reviewerState.get("fourEyes").isNull()).isTrue();

        call(post("/api/qualifications/" + id + "/transitions"), TestUsers.REVIEWER, APPROVE).andExpect(status().isOk());
        call(post("/api/qualifications/" + id + "/transitions"), DUAL, "{\"to\":\"PUBLISHED\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(containsString("Four eyes")));
        call(post("/api/qualifications/" + id + "/transitions"), "admin", "{\"to\":\"PUBLISHED\"}").andExpect(status().isOk());

        JsonNode audit = read(call(get("/api/qualifications/" + id + "/audit"), TestUsers.REVIEWER, null));
        assertThat(audit.findValuesAsText("user")).containsExactly(DUAL, DUAL, TestUsers.REVIEWER, "admin");
        assertThat(audit.findValuesAsText("detail")).endsWith("DRAFT → IN_REVIEW", "IN_REVIEW → APPROVED",
                "APPROVED → PUBLISHED");
    }

    /** Administrators are no exception: the bootstrap admin holds every role, and edited this draft. */
    @Test
    void anAdministratorWhoEditedCannotApproveEither() throws Exception {
        JsonNode created = read(call(post("/api/qualifications"), TestUsers.DESIGNER,
                json.writeValueAsString(Documents.minimal("Edited by admin"))).andExpect(status().isCreated()));
        var edited = (ObjectNode) created.deepCopy();
        edited.putObject("title").put("en", "Edited by the administrator");
        call(put("/api/qualifications/" + created.get("id").asText()), "admin", json.writeValueAsString(edited))
                .andExpect(status().isOk());
        String id = created.get("id").asText();
        call(post("/api/qualifications/" + id + "/transitions"), TestUsers.DESIGNER, "{\"to\":\"IN_REVIEW\"}")
                .andExpect(status().isOk());
        call(post("/api/qualifications/" + id + "/transitions"), "admin", APPROVE).andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(containsString("admin created, edited or submitted")));
        call(post("/api/qualifications/" + id + "/transitions"), TestUsers.REVIEWER, APPROVE).andExpect(status().isOk());
    }

    private ResultActions call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String user,
                               String body) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, TestUsers.basic(user));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    private JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
