package org.qualigraph.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Issue 17's scenarios through the REST API, for any client of it: MockMvc in the default build
 * ({@code SharedUnitVersionsApiTest}, {@code CoreChangesApiTest}) and HTTP against the packaged jar
 * ({@code PackagedAppIT}), so that what users run is checked with the same steps and the same assertions.
 */
public final class SharedUnitScenarios {

    /** One request as a designer; asserts the status and answers the parsed body (null when empty). */
    @FunctionalInterface
    public interface Api {
        JsonNode send(String method, String path, String body, int expectedStatus) throws Exception;
    }

    private SharedUnitScenarios() {
    }

    /**
     * The four steps of "What we measured": A holds U1-U3 and B is created with A's U1 by id; Y renames U1 through B;
     * X saves a stale copy of A with only its title changed (200, Y's title stays); Y raises U1's credits and X renames
     * U1 in a stale copy (409 naming U1, changed by {@code user} in B, credits stay 26); "apply mine on top" then
     * succeeds.
     */
    public static void staleCopiesOfASharedUnit(Api api, ObjectMapper json, String user) throws Exception {
        // 1. A holds U1-U3; partner qualification B is created with A's unit U1 by its id
        var a = (ObjectNode) json.valueToTree(Documents.generated("Core profile", 3, 3));
        a.remove("id");
        ((ObjectNode) a.withArray("units").get(0)).put("credits", 25);
        a.put("credits", 45);
        JsonNode createdA = api.send("POST", "/api/qualifications", a.toString(), 201);
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
        JsonNode createdB = api.send("POST", "/api/qualifications", b.toString(), 201);
        String idB = createdB.get("id").asText();
        assertThat(unit(createdB, "U1").get("id").asText()).isEqualTo(unitId);

        // 2. X reads A; Y reads B, renames U1 and saves B
        JsonNode readByX = read(api, idA);
        var copyOfY = (ObjectNode) read(api, idB);
        ((ObjectNode) unit(copyOfY, "U1")).putObject("title").put("en", "Renamed by the partner");
        JsonNode savedB = api.send("PUT", "/api/qualifications/" + idB, copyOfY.toString(), 200);
        assertThat(unit(savedB, "U1").get("version").asLong()).isEqualTo(1);

        // 3. X saves A with only its title changed, from the copy read in step 2: 200, and the partner's title stays
        var titleOnly = (ObjectNode) readByX.deepCopy();
        titleOnly.putObject("title").put("en", "Core profile, retitled");
        JsonNode savedA = api.send("PUT", "/api/qualifications/" + idA, titleOnly.toString(), 200);
        assertThat(unit(savedA, "U1").get("title").get("en").asText()).isEqualTo("Renamed by the partner");
        assertThat(unit(savedA, "U1").get("version").asLong()).as("the answer carries the current unit").isEqualTo(1);
        assertThat(savedA.get("title").get("en").asText()).isEqualTo("Core profile, retitled");
        assertThat(unit(read(api, idB), "U1").get("title").get("en").asText()).isEqualTo("Renamed by the partner");
        assertThat(unit(read(api, idA), "U1").get("title").get("en").asText()).isEqualTo("Renamed by the partner");

        // 4. Y raises U1's credits from 25 to 26; X renames U1 in a copy read before: 409 naming U1, credits stay 26
        JsonNode staleOfX = read(api, idA);
        var freshOfY = (ObjectNode) read(api, idB);
        ((ObjectNode) unit(freshOfY, "U1")).put("credits", 26);
        freshOfY.put("credits", 26);
        api.send("PUT", "/api/qualifications/" + idB, freshOfY.toString(), 200);
        long versionOfA = read(api, idA).get("version").asLong();

        var renamed = (ObjectNode) staleOfX.deepCopy();
        ((ObjectNode) unit(renamed, "U1")).putObject("title").put("en", "Renamed by the core team");
        JsonNode refused = api.send("PUT", "/api/qualifications/" + idA, renamed.toString(), 409);
        assertThat(refused.get("message").asText()).contains("U1");
        assertThat(refused.get("conflicts")).hasSize(1);
        JsonNode conflict = refused.get("conflicts").get(0);
        assertThat(conflict.get("unit").asText()).isEqualTo("U1");
        assertThat(conflict.get("title").get("en").asText()).isEqualTo("Renamed by the partner");
        assertThat(conflict.get("storedVersion").asLong()).isEqualTo(2);
        assertThat(conflict.get("changedBy").asText()).isEqualTo(user);
        assertThat(conflict.get("changedIn").asText()).isEqualTo(idB);
        assertThat(java.time.OffsetDateTime.parse(conflict.get("at").asText())).isNotNull();

        JsonNode afterA = read(api, idA);
        assertThat(afterA.get("version").asLong()).as("nothing written").isEqualTo(versionOfA);
        for (JsonNode doc : new JsonNode[]{afterA, read(api, idB)}) {
            assertThat(unit(doc, "U1").get("credits").decimalValue()).isEqualByComparingTo("26");
            assertThat(unit(doc, "U1").get("title").get("en").asText()).isEqualTo("Renamed by the partner");
            assertThat(unit(doc, "U1").get("version").asLong()).isEqualTo(2);
        }

        // applying the change on top of the current unit (what "apply mine on top" sends) succeeds
        var onTop = (ObjectNode) read(api, idA);
        ((ObjectNode) unit(onTop, "U1")).putObject("title").put("en", "Renamed by the core team");
        JsonNode applied = api.send("PUT", "/api/qualifications/" + idA, onTop.toString(), 200);
        assertThat(unit(applied, "U1").get("version").asLong()).isEqualTo(3);
        assertThat(unit(read(api, idB), "U1").get("credits").decimalValue()).isEqualByComparingTo("26");
        assertThat(unit(read(api, idB), "U1").get("title").get("en").asText()).isEqualTo("Renamed by the core team");
    }

    /**
     * Core changes reach a variant by choice: derive an Austrian variant, let the partner edit U1's title and U3's
     * credits, change core U2's title and credits; {@code core-changes} lists only U2 as CHANGED with both fields,
     * adopting it makes the variant's U2 match the core and empties the list, and the partner's own edits stay.
     */
    public static void coreChangesReachAVariantByChoice(Api api, ObjectMapper json) throws Exception {
        var coreDocument = (ObjectNode) json.valueToTree(Documents.generated("Core", 3, 3));
        coreDocument.remove("id");
        JsonNode core = api.send("POST", "/api/qualifications", coreDocument.toString(), 201);
        String coreId = core.get("id").asText();
        JsonNode variant = api.send("POST", "/api/qualifications/" + coreId + "/derive",
                "{\"title\":{\"en\":\"Variant\"},\"country\":\"AT\",\"nqfLevel\":\"4\"}", 201);
        String id = variant.get("id").asText();
        String changes = "/api/qualifications/" + id + "/core-changes";
        JsonNode none = api.send("GET", changes, null, 200);
        assertThat(none.get("core").asText()).isEqualTo(coreId);
        assertThat(none.get("units")).isEmpty();

        // the partner's own edits: U1's title, U3's credits
        ObjectNode mine = variant.deepCopy();
        ((ObjectNode) unit(mine, "U1")).putObject("title").put("en", "Partner's own U1");
        ((ObjectNode) unit(mine, "U3")).put("credits", 11);
        variant = api.send("PUT", "/api/qualifications/" + id, mine.toString(), 200);
        // the core changes U2's title and credits
        ObjectNode edited = read(api, coreId).deepCopy();
        ((ObjectNode) unit(edited, "U2")).putObject("title").put("en", "Changed in the core");
        ((ObjectNode) unit(edited, "U2")).put("credits", 12);
        api.send("PUT", "/api/qualifications/" + coreId, edited.toString(), 200);

        JsonNode listed = api.send("GET", changes, null, 200);
        assertThat(listed.get("core").asText()).isEqualTo(coreId);
        assertThat(listed.get("units")).as("the partner's own edits are not core changes").hasSize(1);
        assertThat(listed.at("/units/0/code").asText()).isEqualTo("U2");
        assertThat(listed.at("/units/0/change").asText()).isEqualTo("CHANGED");
        assertThat(listed.at("/units/0/fields").toString()).isEqualTo("[\"title\",\"credits\"]");

        long version = variant.get("version").asLong();
        JsonNode saved = api.send("POST", changes + "/adopt", "{\"units\":[\"U2\"],\"version\":" + version + "}", 200);
        assertThat(saved.get("version").asLong()).isEqualTo(version + 1);
        assertThat(unit(saved, "U2").at("/title/en").asText()).isEqualTo("Changed in the core");
        assertThat(unit(saved, "U2").get("credits").decimalValue()).isEqualByComparingTo("12");
        assertThat(unit(saved, "U1").at("/title/en").asText()).as("own edits stay").isEqualTo("Partner's own U1");
        assertThat(unit(saved, "U3").get("credits").decimalValue()).isEqualByComparingTo("11");
        assertThat(api.send("GET", changes, null, 200).get("units")).isEmpty();
    }

    public static JsonNode unit(JsonNode doc, String code) {
        for (JsonNode unit : (ArrayNode) doc.get("units")) {
            if (code.equals(unit.get("code").asText())) {
                return unit;
            }
        }
        throw new AssertionError("no unit " + code + " in " + doc);
    }

    private static JsonNode read(Api api, String id) throws Exception {
        return api.send("GET", "/api/qualifications/" + id, null, 200);
    }
}
