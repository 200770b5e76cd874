package org.qualigraph.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The contract's "Core and variants" through the API: the Done-means scenario of issue 17 and its bad input. */
class CoreChangesApiTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    @Test
    void aCoreEditIsListedWithItsFieldsAndAdoptingMakesTheVariantMatchAndEmptiesTheList() throws Exception {
        JsonNode core = send(post("/api/qualifications"), json.writeValueAsString(Documents.generated("Core", 3, 3)), 201);
        String coreId = core.get("id").asText();
        JsonNode variant = send(post("/api/qualifications/" + coreId + "/derive"),
                "{\"title\":{\"en\":\"Variant\"},\"country\":\"AT\",\"nqfLevel\":\"4\"}", 201);
        String id = variant.get("id").asText();
        String changes = "/api/qualifications/" + id + "/core-changes";
        mvc.perform(as(TestUsers.REVIEWER, get(changes))).andExpect(status().isOk())
                .andExpect(jsonPath("$.core").value(coreId)).andExpect(jsonPath("$.units").isEmpty());

        // the partner's own edits: U1's title, U3's credits
        ObjectNode mine = variant.deepCopy();
        ((ObjectNode) mine.get("units").get(0)).putObject("title").put("en", "Partner's own U1");
        ((ObjectNode) mine.get("units").get(2)).put("credits", 11);
        variant = send(put("/api/qualifications/" + id), mine.toString(), 200);
        // the core changes U2's title and credits
        ObjectNode edited = core.deepCopy();
        ((ObjectNode) edited.get("units").get(1)).putObject("title").put("en", "Changed in the core");
        ((ObjectNode) edited.get("units").get(1)).put("credits", 12);
        send(put("/api/qualifications/" + coreId), edited.toString(), 200);

        JsonNode listed = send(get(changes), null, 200);
        assertThat(listed.get("core").asText()).isEqualTo(coreId);
        assertThat(listed.get("units")).hasSize(1);
        assertThat(listed.at("/units/0/code").asText()).isEqualTo("U2");
        assertThat(listed.at("/units/0/change").asText()).isEqualTo("CHANGED");
        assertThat(listed.at("/units/0/fields").toString()).isEqualTo("[\"title\",\"credits\"]");

        long version = variant.get("version").asLong();
        // a stale version: 409, nothing changes
        mvc.perform(as(TestUsers.DESIGNER, post(changes + "/adopt")).content("{\"units\":[\"U2\"],\"version\":" + (version - 1) + "}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.status").value(409));
        assertThat(send(get("/api/qualifications/" + id), null, 200)).isEqualTo(variant);
        // a code the core did not change: 400 naming the entry
        mvc.perform(as(TestUsers.DESIGNER, post(changes + "/adopt")).content("{\"units\":[\"U1\"],\"version\":" + version + "}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].field").value("units[0]"));
        mvc.perform(as(TestUsers.REVIEWER, post(changes + "/adopt")).content("{\"units\":[\"U2\"],\"version\":" + version + "}"))
                .andExpect(status().isForbidden());

        JsonNode saved = send(post(changes + "/adopt"), "{\"units\":[\"U2\"],\"version\":" + version + "}", 200);
        assertThat(saved.get("version").asLong()).isEqualTo(version + 1);
        assertThat(saved.at("/units/1/title/en").asText()).isEqualTo("Changed in the core");
        assertThat(saved.at("/units/1/credits").decimalValue()).isEqualByComparingTo("12");
        assertThat(saved.at("/units/0/title/en").asText()).as("own edits stay").isEqualTo("Partner's own U1");
        assertThat(saved.at("/units/2/credits").decimalValue()).isEqualByComparingTo("11");
        assertThat(saved.at("/nqfLevels/0/country").asText()).as("the variant's national data stay").isEqualTo("AT");
        assertThat(send(get(changes), null, 200).get("units")).isEmpty();
    }

    @Test
    void badRequestsAreClear4xx() throws Exception {
        JsonNode core = send(post("/api/qualifications"), json.writeValueAsString(Documents.generated("Core", 2, 3)), 201);
        String coreId = core.get("id").asText();
        mvc.perform(as(TestUsers.DESIGNER, get("/api/qualifications/" + coreId + "/core-changes")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.message").value(org.hamcrest.Matchers
                        .containsString("not a national variant")));
        mvc.perform(as(TestUsers.DESIGNER, get("/api/qualifications/no-such-id/core-changes"))).andExpect(status().isNotFound());
        JsonNode variant = send(post("/api/qualifications/" + coreId + "/derive"), "{}", 201);
        String changes = "/api/qualifications/" + variant.get("id").asText() + "/core-changes";
        mvc.perform(as(TestUsers.DESIGNER, post(changes + "/dismiss")).content("{\"version\":0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].field").value("units"));
        mvc.perform(as(TestUsers.DESIGNER, post(changes + "/dismiss")).content("{\"units\":[\"U1\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].field").value("version"));
        mvc.perform(as(TestUsers.DESIGNER, post(changes + "/adopt")).content("{\"units\":[\"U1\"],\"version\":0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].field").value("units[0]"));
    }

    private JsonNode send(MockHttpServletRequestBuilder request, String body, int expected) throws Exception {
        var builder = as(TestUsers.DESIGNER, request);
        if (body != null) {
            builder.content(body);
        }
        var response = mvc.perform(builder).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        return json.readTree(response.getContentAsString());
    }

    private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, TestUsers.basic(user)).contentType(MediaType.APPLICATION_JSON);
    }
}
