package org.qualigraph.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qualigraph.account.AccountService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Partners own qualifications: who may change what, through the API, and how ownership round-trips. */
class PartnerOwnershipApiTest extends IntegrationTest {

    static final String ALICE = "alice-hs-a";   // designer of partner A
    static final String BORIS = "boris-vet-b";  // designer of partner B
    static final String CURATOR = "curator-a";   // administrator of partner A, no designer role needed to own

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    AccountService accounts;
    @Autowired
    QualificationService qualifications;

    @BeforeEach
    void partners() {
        if (!accounts.exists(ALICE)) {
            accounts.create(ALICE, TestUsers.PASSWORD, Set.of("DESIGNER"), "Hochschule Alpha");
            accounts.create(BORIS, TestUsers.PASSWORD, Set.of("DESIGNER"), "VET Beta");
            accounts.create(CURATOR, TestUsers.PASSWORD, Set.of("ADMIN", "DESIGNER"), "Hochschule Alpha");
        }
    }

    @Test
    void aPartnersDesignerChangesOnlyWhatTheirOrganisationOwnsOrCollaboratesOn() throws Exception {
        JsonNode created = read(send(post("/api/qualifications"), ALICE, Documents.minimal("Battery technician"))
                .andExpect(status().isCreated()));
        String id = created.get("id").asText();
        assertThat(created.get("ownerOrganisation").asText()).isEqualTo("Hochschule Alpha");
        assertThat(created.get("collaborators")).isEmpty();

        // another partner: 403 naming the owner, nothing changes
        var renamed = withTitle(created, "Changed by Beta");
        // in English whatever the client's language, as the contract's error messages are (the screens put it in words)
        send(put("/api/qualifications/" + id).header(HttpHeaders.ACCEPT_LANGUAGE, "pl-PL,pl;q=0.9"), BORIS, renamed)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("Qualification \"Battery technician\" belongs to Hochschule Alpha: only "
                        + "designers of Hochschule Alpha and the collaborators it names may change it; ask Hochschule Alpha to "
                        + "add you as a collaborator"));
        // a CSV cell problem: the field names line and column, the message is English
        mvc.perform(post("/api/qualifications/" + id + "/import/csv/preview").header(HttpHeaders.AUTHORIZATION, TestUsers.basic(ALICE))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "de").contentType("text/csv")
                        .content("unit_code,unit_eqf,outcome_code,dimension,statement\nU1,9,U1.K1,K,Explain\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].field").value("line 2, column unit_eqf"))
                .andExpect(jsonPath("$.problems[0].message").value("must be between 1 and 8, got \"9\""));
        assertThat(qualifications.get(id).displayTitle()).isEqualTo("Battery technician");
        send(delete("/api/qualifications/" + id), BORIS, null).andExpect(status().isForbidden());
        send(post("/api/qualifications/" + id + "/transitions"), BORIS, json.readTree("{\"to\":\"IN_REVIEW\"}"))
                .andExpect(status().isForbidden());

        // everyone signed in reads it
        send(get("/api/qualifications/" + id), BORIS, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.ownerOrganisation").value("Hochschule Alpha"));

        // the owner names Boris as collaborator; the list round-trips
        var invite = ((ObjectNode) created.deepCopy());
        invite.putArray("collaborators").add(BORIS);
        JsonNode shared = read(send(put("/api/qualifications/" + id), ALICE, invite).andExpect(status().isOk()));
        assertThat(shared.get("collaborators").get(0).asText()).isEqualTo(BORIS);
        assertThat(shared.get("ownerOrganisation").asText()).isEqualTo("Hochschule Alpha");

        // now Boris may save; a document without the ownership fields keeps them as stored
        var byBoris = withTitle(shared, "Changed by Beta");
        byBoris.remove("collaborators");
        byBoris.remove("ownerOrganisation");
        JsonNode saved = read(send(put("/api/qualifications/" + id), BORIS, byBoris).andExpect(status().isOk()));
        assertThat(saved.get("title").get("en").asText()).isEqualTo("Changed by Beta");
        assertThat(saved.get("collaborators").get(0).asText()).isEqualTo(BORIS);

        // a collaborator does not choose collaborators, and no designer moves the qualification to another partner
        var uninvite = ((ObjectNode) saved.deepCopy());
        uninvite.putArray("collaborators");
        send(put("/api/qualifications/" + id), BORIS, uninvite).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value(containsString("Hochschule Alpha")));
        var move = ((ObjectNode) saved.deepCopy());
        move.put("ownerOrganisation", "VET Beta");
        send(put("/api/qualifications/" + id), ALICE, move).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value(containsString("Only an administrator")));
        assertThat(qualifications.get(id).ownerOrganisation()).isEqualTo("Hochschule Alpha");

        // an administrator may
        JsonNode moved = read(send(put("/api/qualifications/" + id), CURATOR, move).andExpect(status().isOk()));
        assertThat(moved.get("ownerOrganisation").asText()).isEqualTo("VET Beta");
    }

    @Test
    void aQualificationWithoutOwnerIsOpenToEveryDesignerUntilAnAdministratorAssignsOne() throws Exception {
        // "designer" belongs to no organisation: what they create has no owner
        JsonNode created = read(send(post("/api/qualifications"), TestUsers.DESIGNER, Documents.minimal("Open one"))
                .andExpect(status().isCreated()));
        String id = created.get("id").asText();
        assertThat(created.get("ownerOrganisation").isNull()).isTrue();
        JsonNode saved = read(send(put("/api/qualifications/" + id), BORIS, withTitle(created, "Edited by Beta"))
                .andExpect(status().isOk()));
        var claim = (ObjectNode) saved.deepCopy();
        claim.put("ownerOrganisation", "VET Beta");
        send(put("/api/qualifications/" + id), BORIS, claim).andExpect(status().isForbidden());
        read(send(put("/api/qualifications/" + id), "admin", claim).andExpect(status().isOk()));
        send(put("/api/qualifications/" + id), ALICE, withTitle(read(send(get("/api/qualifications/" + id), ALICE, null)),
                "Edited by Alpha")).andExpect(status().isForbidden());
    }

    @Test
    void aDerivedVariantBelongsToTheDerivingPartnerAndTheListFiltersByPartner() throws Exception {
        String core = read(send(post("/api/qualifications"), ALICE, Documents.minimal("European core"))
                .andExpect(status().isCreated())).get("id").asText();
        JsonNode variant = read(send(post("/api/qualifications/" + core + "/derive"), BORIS,
                json.readTree("{\"title\":{\"en\":\"Beta variant\"}}")).andExpect(status().isCreated()));
        assertThat(variant.get("ownerOrganisation").asText()).isEqualTo("VET Beta");
        assertThat(variant.get("collaborators")).isEmpty();
        send(put("/api/qualifications/" + variant.get("id").asText()), BORIS, withTitle(variant, "Beta variant, edited"))
                .andExpect(status().isOk());

        JsonNode alpha = read(send(get("/api/qualifications?partner=hochschule alpha"), BORIS, null).andExpect(status().isOk()));
        assertThat(alpha.findValuesAsText("id")).containsExactly(core);
        JsonNode ours = read(send(get("/api/qualifications?ours=true"), BORIS, null).andExpect(status().isOk()));
        assertThat(ours.findValuesAsText("id")).containsExactly(variant.get("id").asText());
    }

    @Test
    void unknownCollaboratorsAreNamedAndChangeNothing() throws Exception {
        var doc = (ObjectNode) json.valueToTree(Documents.minimal("With strangers"));
        ((ArrayNode) doc.putArray("collaborators")).add(BORIS).add("nobody-here");
        send(post("/api/qualifications"), ALICE, doc).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("collaborators[1]")));
        assertThat(qualifications.countAll()).isZero();
    }

    @Test
    void administratorsGiveUsersAnOrganisation() throws Exception {
        mvc.perform(post("/api/admin/users").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"username":"carla-c","password":"password-1","roles":["DESIGNER"],"organisation":"Chamber Gamma"}"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.organisation").value("Chamber Gamma"));
        mvc.perform(put("/api/admin/users/carla-c").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"DESIGNER\"],\"organisation\":\"VET Beta\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.organisation").value("VET Beta"));
        assertThat(accounts.find("carla-c").orElseThrow().organisation()).isEqualTo("VET Beta");
        mvc.perform(post("/api/admin/users").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"username":"dora-d","password":"password-1","roles":["DESIGNER"],"organisation":"%s"}"""
                                .formatted("x".repeat(201))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(containsString("organisation")));
        accounts.delete("carla-c");
    }

    private ObjectNode withTitle(JsonNode doc, String title) {
        var copy = (ObjectNode) doc.deepCopy();
        copy.putObject("title").put("en", title);
        return copy;
    }

    private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String user,
                               Object body) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, TestUsers.basic(user));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request);
    }

    private JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
