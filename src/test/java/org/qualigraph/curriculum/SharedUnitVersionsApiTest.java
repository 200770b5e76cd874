package org.qualigraph.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.SharedUnitScenarios;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Two partners editing one shared unit through two qualifications, through the REST API: the four steps of issue 17
 * ("What we measured"). A stale copy that left the unit as it was read keeps the partner's change; a stale copy that
 * changed it is refused with 409 naming the unit, and nothing is written.
 */
class SharedUnitVersionsApiTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    @Test
    void aStaleCopyNeverUndoesAPartnersChangeToASharedUnit() throws Exception {
        // the same steps run over HTTP against the packaged jar in PackagedAppIT
        SharedUnitScenarios.staleCopiesOfASharedUnit((method, path, body, expected) -> {
            var request = as(MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path));
            var response = mvc.perform(body == null ? request : request.content(body)).andReturn().getResponse();
            assertThat(response.getStatus()).as("%s %s: %s", method, path, response.getContentAsString()).isEqualTo(expected);
            return json.readTree(response.getContentAsString());
        }, json, TestUsers.DESIGNER);
    }

    @Test
    void aTitleOnlySaveLeavesUnitVersionsAndAnUnsharedStaleUnitIsRefusedToo() throws Exception {
        JsonNode created = send(post("/api/qualifications"), json.valueToTree(Documents.generated("Versions", 2, 3)),
                status().isCreated());
        String id = created.get("id").asText();
        var retitled = (ObjectNode) created.deepCopy();
        retitled.putObject("title").put("en", "Versions, retitled");
        JsonNode saved = send(put("/api/qualifications/" + id), retitled, status().isOk());
        assertThat(unit(saved, "U1").get("version").asLong()).isZero();
        assertThat(unit(saved, "U2").get("version").asLong()).isZero();

        var changed = (ObjectNode) saved.deepCopy();
        ((ObjectNode) unit(changed, "U2")).put("hours", 300);
        JsonNode second = send(put("/api/qualifications/" + id), changed, status().isOk());
        assertThat(unit(second, "U2").get("version").asLong()).isEqualTo(1);
        assertThat(unit(second, "U1").get("version").asLong()).isZero();
    }

    private JsonNode read(String id) throws Exception {
        return json.readTree(mvc.perform(as(get("/api/qualifications/" + id))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private JsonNode send(MockHttpServletRequestBuilder request, JsonNode body, ResultMatcher expected) throws Exception {
        return json.readTree(mvc.perform(as(request).content(body.toString())).andExpect(expected)
                .andReturn().getResponse().getContentAsString());
    }

    private static JsonNode unit(JsonNode doc, String code) {
        return SharedUnitScenarios.unit(doc, code);
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER))
                .contentType(MediaType.APPLICATION_JSON);
    }
}
