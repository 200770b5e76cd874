package org.qualigraph.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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

    /**
     * Found by the soak: a copy of a unit at version 2, adopted by another qualification after its last holder had
     * dropped it (so deleted), made the unit again under its id at version 0, below the version other copies carry.
     * It is refused like a unit deleted under the locks; a new unit with an id of the client's choosing still works.
     */
    @Test
    void aCopyOfADeletedUnitIsRefusedRatherThanMadeAgainAtVersionZero() throws Exception {
        JsonNode a = send(post("/api/qualifications"), json.valueToTree(Documents.generated("Holder", 2, 3)),
                status().isCreated());
        String idA = a.get("id").asText();
        for (int credits : new int[]{11, 12}) {
            var edited = (ObjectNode) read(idA);
            ((ObjectNode) unit(edited, "U2")).put("credits", credits);
            send(put("/api/qualifications/" + idA), edited, status().isOk());
        }
        JsonNode u2 = unit(read(idA), "U2");
        assertThat(u2.get("version").asLong()).isEqualTo(2);
        // copies the server makes (a variant, a duplicate) are new units, whatever version their source had
        JsonNode variant = send(post("/api/qualifications/" + idA + "/derive"), json.readTree("{}"), status().isCreated());
        assertThat(unit(variant, "U2").get("version").asLong()).isZero();
        assertThat(unit(variant, "U2").get("id").asText()).isNotEqualTo(u2.get("id").asText());
        JsonNode duplicate = send(post("/api/qualifications/" + idA + "/duplicate"), json.readTree("{}"), status().isCreated());
        assertThat(unit(duplicate, "U2").get("version").asLong()).isZero();

        // the only holder drops U2: the unit is deleted
        var dropped = (ObjectNode) read(idA);
        ((ArrayNode) dropped.get("units")).remove(1);
        send(put("/api/qualifications/" + idA), dropped, status().isOk());

        // another qualification adopts the copy of U2 read before: 409, nothing created
        var b = (ObjectNode) json.valueToTree(Documents.generated("Adopter", 1, 3));
        b.remove("id");
        var copy = (ObjectNode) u2.deepCopy();
        copy.putArray("prerequisites");
        ((ArrayNode) b.get("units")).add(copy);
        JsonNode refused = send(post("/api/qualifications"), b, status().isConflict());
        assertThat(refused.get("message").asText()).contains("U2").contains("no longer exists");
        mvc.perform(as(get("/api/qualifications/" + idA))).andExpect(status().isOk());

        // a new unit whose id the client chose (no version) is created as before
        var fresh = (ObjectNode) json.valueToTree(Documents.generated("Chosen ids", 1, 3));
        fresh.remove("id");
        String chosen = java.util.UUID.randomUUID().toString();
        ((ObjectNode) fresh.get("units").get(0)).put("id", chosen).remove("version");
        JsonNode created = send(post("/api/qualifications"), fresh, status().isCreated());
        assertThat(unit(created, "U1").get("id").asText()).isEqualTo(chosen);
        assertThat(unit(created, "U1").get("version").asLong()).isZero();
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
