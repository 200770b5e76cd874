package org.qualigraph.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class QualificationApiTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    @Test
    void withoutCredentialsTheAnswerIs401AsJson() throws Exception {
        mvc.perform(get("/api/qualifications")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401)).andExpect(jsonPath("$.path").value("/api/qualifications"));
        mvc.perform(get("/api/qualifications").header(HttpHeaders.AUTHORIZATION, "Basic " +
                java.util.Base64.getEncoder().encodeToString("designer:wrong-password".getBytes())))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aReviewerMayReadButNotWrite() throws Exception {
        String body = demoJson();
        mvc.perform(as(TestUsers.REVIEWER, post("/api/qualifications")).content(body)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        assertThat(graph.query("MATCH (q:Qualification) RETURN count(q)").fetchAs(Long.class).one()).contains(0L);
        String id = create(body).get("id").asText();
        mvc.perform(as(TestUsers.REVIEWER, get("/api/qualifications/" + id))).andExpect(status().isOk());
        mvc.perform(as(TestUsers.REVIEWER, delete("/api/qualifications/" + id))).andExpect(status().isForbidden());
    }

    @Test
    void theDemoDocumentRoundTrips() throws Exception {
        ObjectNode sent = (ObjectNode) json.readTree(demoJson());
        JsonNode created = create(sent.toString());
        assertThat(created.get("version").asLong()).isZero();
        JsonNode read = json.readTree(mvc.perform(as(TestUsers.DESIGNER, get("/api/qualifications/" + created.get("id").asText())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(read).isEqualTo(created);
        // what comes back equals what went in, once the server-assigned fields are left aside
        assertThat(withoutServerFields(read.deepCopy())).isEqualTo(withoutServerFields(sent));

        String id = read.get("id").asText();
        String updated = mvc.perform(as(TestUsers.DESIGNER, put("/api/qualifications/" + id)).content(read.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode afterPut = json.readTree(updated);
        assertThat(afterPut.get("version").asLong()).isEqualTo(1);
        ((ObjectNode) read).put("version", 1);
        assertThat(afterPut).isEqualTo(read);
    }

    @Test
    void listShowsTheContractFields() throws Exception {
        create(demoJson());
        mvc.perform(as(TestUsers.DESIGNER, get("/api/qualifications")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").isNotEmpty())
                .andExpect(jsonPath("$[0].title.en").value("Battery cell production technician"))
                .andExpect(jsonPath("$[0].eqfLevel").value(4))
                .andExpect(jsonPath("$[0].type").value("IVET"))
                .andExpect(jsonPath("$[0].status").value("DRAFT"))
                .andExpect(jsonPath("$[0].version").value(0));
        mvc.perform(as(TestUsers.DESIGNER, get("/api/qualifications?eqfLevel=6"))).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(as(TestUsers.DESIGNER, get("/api/qualifications?title=BATTERY"))).andExpect(jsonPath("$.length()").value(1));
        mvc.perform(as(TestUsers.DESIGNER, get("/api/qualifications?status=NOPE"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("status")));
    }

    @Test
    void aStaleVersionIs409AndChangesNothing() throws Exception {
        JsonNode created = create(demoJson());
        String id = created.get("id").asText();
        ObjectNode first = created.deepCopy();
        first.putObject("title").put("en", "First");
        mvc.perform(as(TestUsers.DESIGNER, put("/api/qualifications/" + id)).content(first.toString())).andExpect(status().isOk());
        ObjectNode stale = created.deepCopy();
        stale.putObject("title").put("en", "Stale");
        mvc.perform(as(TestUsers.DESIGNER, put("/api/qualifications/" + id)).content(stale.toString()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.status").value(409));
        mvc.perform(as(TestUsers.DESIGNER, get("/api/qualifications/" + id)))
                .andExpect(jsonPath("$.title.en").value("First")).andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void badDocumentsAre400NamingTheFieldAndChangeNothing() throws Exception {
        JsonNode created = create(demoJson());
        String id = created.get("id").asText();
        String[][] cases = {
                {"/units/0/outcomes/0/dimension", "\"WISDOM\"", "units[0].outcomes[0].dimension"},
                {"/eqfLevel", "9", "eqfLevel"},
                {"/eqfLevel", "\"four\"", "eqfLevel"},
                {"/type", "\"PHD\"", "type"},
                {"/units/1/code", "\"U1\"", "units[1].code"},
                {"/units/0/assessments/0/outcomes/0", "\"U9.K9\"", "units[0].assessments[0].outcomes[0]"},
                {"/units/0/prerequisites", "[\"U42\"]", "units[0].prerequisites[0]"},
                {"/units/0/deliveryModes/0", "\"TELEPATHY\"", "units[0].deliveryModes[0]"},
                {"/nqfLevels/0/country", "\"Germany\"", "nqfLevels[0].country"},
        };
        for (String[] c : cases) {
            ObjectNode doc = created.deepCopy();
            set(doc, c[0], json.readTree(c[1]));
            mvc.perform(as(TestUsers.DESIGNER, put("/api/qualifications/" + id)).content(doc.toString()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.status").value(400))
                    .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith(c[2])));
        }
        mvc.perform(as(TestUsers.DESIGNER, put("/api/qualifications/" + id)).content("{\"title\": {\"en\": "))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.status").value(400));
        mvc.perform(as(TestUsers.DESIGNER, post("/api/qualifications")).content("{\"title\":{\"en\":\"x\"},\"colour\":\"red\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("colour")));
        mvc.perform(as(TestUsers.DESIGNER, get("/api/qualifications/" + id))).andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void unknownIdsAre404() throws Exception {
        mvc.perform(as(TestUsers.DESIGNER, get("/api/qualifications/does-not-exist"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(as(TestUsers.DESIGNER, put("/api/qualifications/does-not-exist")).content(demoJson().replaceFirst("\\{", "{\"version\":0,")))
                .andExpect(status().isNotFound());
    }

    @Test
    void deriveAndDelete() throws Exception {
        String id = create(demoJson()).get("id").asText();
        String variant = mvc.perform(as(TestUsers.DESIGNER, post("/api/qualifications/" + id + "/derive"))
                        .content("{\"title\":{\"en\":\"Variant\"}}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.derivedFrom").value(id))
                .andReturn().getResponse().getHeader(HttpHeaders.LOCATION);
        assertThat(variant).startsWith("/api/qualifications/");
        mvc.perform(as(TestUsers.DESIGNER, delete(variant))).andExpect(status().isNoContent());
        mvc.perform(as(TestUsers.DESIGNER, get(variant))).andExpect(status().isNotFound());
    }

    /** With a country, the variant gets its own national data and none of the core's; bad fields are named. */
    @Test
    void deriveReplacesTheCoresNationalData() throws Exception {
        var core = create(demoJson());
        String id = core.get("id").asText();
        assertThat(core.get("nqfLevels").size() + core.get("awardingBodies").size()).as("the demo has national data").isPositive();
        var variant = json.readTree(mvc.perform(as(TestUsers.DESIGNER, post("/api/qualifications/" + id + "/derive"))
                        .content("""
                                {"title":{"en":"Austrian variant"},"country":"at","nqfLevel":"4",
                                 "nqfLevelUri":"http://data.europa.eu/snb/qdr/c_example",
                                 "awardingBodies":[{"name":"WKO Lehrlingsstelle","kind":"CHAMBER"}]}"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.derivedFrom").value(id))
                .andReturn().getResponse().getContentAsString());
        assertThat(variant.get("nqfLevels")).hasSize(1);
        assertThat(variant.at("/nqfLevels/0/country").asText()).isEqualTo("AT");
        assertThat(variant.at("/nqfLevels/0/level").asText()).isEqualTo("4");
        assertThat(variant.at("/nqfLevels/0/uri").asText()).isEqualTo("http://data.europa.eu/snb/qdr/c_example");
        assertThat(variant.get("awardingBodies")).hasSize(1);
        assertThat(variant.at("/awardingBodies/0/name").asText()).isEqualTo("WKO Lehrlingsstelle");
        assertThat(variant.at("/awardingBodies/0/country").asText()).isEqualTo("AT");
        assertThat(variant.get("units")).hasSize(core.get("units").size());

        long before = qualificationCount();
        mvc.perform(as(TestUsers.DESIGNER, post("/api/qualifications/" + id + "/derive"))
                        .content("{\"country\":\"Austria\",\"nqfLevel\":\"4\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].field").value("country"));
        mvc.perform(as(TestUsers.DESIGNER, post("/api/qualifications/" + id + "/derive"))
                        .content("{\"country\":\"AT\",\"nqfLevel\":\" \",\"nqfLevelUri\":\"not a uri\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[*].field").value(org.hamcrest.Matchers.contains("nqfLevel")));
        mvc.perform(as(TestUsers.DESIGNER, post("/api/qualifications/" + id + "/derive"))
                        .content("{\"country\":\"AT\",\"nqfLevel\":\"4\",\"nqfLevelUri\":\"not a uri\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].field").value("nqfLevelUri"));
        mvc.perform(as(TestUsers.DESIGNER, post("/api/qualifications/" + id + "/derive"))
                        .content("{\"country\":\"AT\",\"nqfLevel\":\"4\",\"awardingBodies\":[{\"name\":\"\"}]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].field").value("awardingBodies[0].name"));
        assertThat(qualificationCount()).as("a refused derive stores nothing").isEqualTo(before);
    }

    /** The older request form, a title only, still works and still copies the core's national data. */
    @Test
    void deriveWithATitleOnlyKeepsTheOlderBehaviour() throws Exception {
        var core = create(demoJson());
        var variant = json.readTree(mvc.perform(as(TestUsers.DESIGNER, post("/api/qualifications/" + core.get("id").asText()
                        + "/derive")).content("{\"title\":{\"en\":\"Variant\"}}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(variant.get("nqfLevels")).isEqualTo(core.get("nqfLevels"));
        assertThat(variant.get("awardingBodies")).isEqualTo(core.get("awardingBodies"));
    }

    private long qualificationCount() throws Exception {
        return json.readTree(mvc.perform(as(TestUsers.DESIGNER, get("/api/qualifications")))
                .andReturn().getResponse().getContentAsString()).size();
    }

    private JsonNode create(String body) throws Exception {
        var response = mvc.perform(as(TestUsers.DESIGNER, post("/api/qualifications")).content(body))
                .andExpect(status().isCreated()).andExpect(header().exists(HttpHeaders.LOCATION))
                .andReturn().getResponse();
        return json.readTree(response.getContentAsString());
    }

    private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, TestUsers.basic(user)).contentType(MediaType.APPLICATION_JSON);
    }

    private static String demoJson() throws Exception {
        return Files.readString(Path.of(Documents.DEMO_FILE));
    }

    private static JsonNode withoutServerFields(ObjectNode doc) {
        for (String field : new String[]{"id", "version", "status", "derivedFrom"}) {
            doc.remove(field);
        }
        // no owner and no collaborators read back as null, which is what leaving them out says
        for (String field : new String[]{"ownerOrganisation", "collaborators"}) {
            if (doc.path(field).isNull()) {
                doc.remove(field);
            }
        }
        doc.withArray("units").forEach(u -> {
            ((ObjectNode) u).remove("id");
            ((ObjectNode) u).remove("version");
            u.withArray("outcomes").forEach(o -> ((ObjectNode) o).remove("id"));
        });
        return doc;
    }

    private static void set(ObjectNode doc, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = doc.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent.isArray()) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }
}
