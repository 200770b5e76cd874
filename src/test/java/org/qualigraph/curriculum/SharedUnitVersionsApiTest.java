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
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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
        // 1. A holds U1-U3; partner qualification B is created with A's unit U1 by its id
        var a = (ObjectNode) json.valueToTree(Documents.generated("Core profile", 3, 3));
        ((ObjectNode) a.withArray("units").get(0)).put("credits", 25);
        a.put("credits", 45);
        JsonNode createdA = send(post("/api/qualifications"), a, status().isCreated());
        String idA = createdA.get("id").asText();
        JsonNode u1 = unit(createdA, "U1");
        assertThat(u1.get("version").asLong()).isZero();
        String unitId = u1.get("id").asText();

        var b = (ObjectNode) json.valueToTree(Documents.generated("Partner variant", 1, 3));
        b.remove("id");
        var sharedU1 = u1.deepCopy();
        ((ObjectNode) sharedU1).putArray("prerequisites");
        b.putArray("units").add(sharedU1);
        b.put("credits", 25);
        JsonNode createdB = send(post("/api/qualifications"), b, status().isCreated());
        String idB = createdB.get("id").asText();
        assertThat(unit(createdB, "U1").get("id").asText()).isEqualTo(unitId);

        // 2. X reads A; Y reads B, renames U1 and saves B
        JsonNode readByX = read(idA);
        var copyOfY = (ObjectNode) read(idB);
        ((ObjectNode) unit(copyOfY, "U1")).putObject("title").put("en", "Renamed by the partner");
        JsonNode savedB = send(put("/api/qualifications/" + idB), copyOfY, status().isOk());
        assertThat(unit(savedB, "U1").get("version").asLong()).isEqualTo(1);

        // 3. X saves A with only its title changed, from the copy read in step 2: 200, and the partner's title stays
        var titleOnly = (ObjectNode) readByX.deepCopy();
        titleOnly.putObject("title").put("en", "Core profile, retitled");
        JsonNode savedA = send(put("/api/qualifications/" + idA), titleOnly, status().isOk());
        assertThat(unit(savedA, "U1").get("title").get("en").asText()).isEqualTo("Renamed by the partner");
        assertThat(unit(savedA, "U1").get("version").asLong()).as("the answer carries the current unit").isEqualTo(1);
        assertThat(savedA.get("title").get("en").asText()).isEqualTo("Core profile, retitled");
        assertThat(unit(read(idB), "U1").get("title").get("en").asText()).isEqualTo("Renamed by the partner");
        assertThat(unit(read(idA), "U1").get("title").get("en").asText()).isEqualTo("Renamed by the partner");

        // 4. Y raises U1's credits from 25 to 26; X renames U1 in a copy read before: 409 naming U1, credits stay 26
        JsonNode staleOfX = read(idA);
        var freshOfY = (ObjectNode) read(idB);
        ((ObjectNode) unit(freshOfY, "U1")).put("credits", 26);
        freshOfY.put("credits", 26);
        send(put("/api/qualifications/" + idB), freshOfY, status().isOk());
        long versionOfA = read(idA).get("version").asLong();

        var renamed = (ObjectNode) staleOfX.deepCopy();
        ((ObjectNode) unit(renamed, "U1")).putObject("title").put("en", "Renamed by the core team");
        JsonNode refused = send(put("/api/qualifications/" + idA), renamed, status().isConflict());
        assertThat(refused.get("message").asText()).contains("U1");
        JsonNode conflict = refused.get("conflicts").get(0);
        assertThat(refused.get("conflicts")).hasSize(1);
        assertThat(conflict.get("unit").asText()).isEqualTo("U1");
        assertThat(conflict.get("title").get("en").asText()).isEqualTo("Renamed by the partner");
        assertThat(conflict.get("storedVersion").asLong()).isEqualTo(2);
        assertThat(conflict.get("changedBy").asText()).isEqualTo(TestUsers.DESIGNER);
        assertThat(conflict.get("changedIn").asText()).isEqualTo(idB);
        assertThat(java.time.OffsetDateTime.parse(conflict.get("at").asText())).isNotNull();

        JsonNode afterA = read(idA);
        assertThat(afterA.get("version").asLong()).as("nothing written").isEqualTo(versionOfA);
        for (JsonNode doc : new JsonNode[]{afterA, read(idB)}) {
            assertThat(unit(doc, "U1").get("credits").decimalValue()).isEqualByComparingTo("26");
            assertThat(unit(doc, "U1").get("title").get("en").asText()).isEqualTo("Renamed by the partner");
            assertThat(unit(doc, "U1").get("version").asLong()).isEqualTo(2);
        }

        // applying the change on top of the current unit (what "apply mine on top" sends) succeeds
        var onTop = (ObjectNode) read(idA);
        ((ObjectNode) unit(onTop, "U1")).putObject("title").put("en", "Renamed by the core team");
        JsonNode applied = send(put("/api/qualifications/" + idA), onTop, status().isOk());
        assertThat(unit(applied, "U1").get("version").asLong()).isEqualTo(3);
        assertThat(unit(read(idB), "U1").get("credits").decimalValue()).isEqualByComparingTo("26");
        assertThat(unit(read(idB), "U1").get("title").get("en").asText()).isEqualTo("Renamed by the core team");
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
        for (JsonNode unit : (ArrayNode) doc.get("units")) {
            if (code.equals(unit.get("code").asText())) {
                return unit;
            }
        }
        throw new AssertionError("no unit " + code + " in " + doc);
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER))
                .contentType(MediaType.APPLICATION_JSON);
    }
}
