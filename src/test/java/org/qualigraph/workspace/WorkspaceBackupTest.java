package org.qualigraph.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

class WorkspaceBackupTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    QualificationService qualifications;

    @Test
    void exportThenImportIntoAnEmptyWorkspaceGivesTheSameWorkspace() throws Exception {
        var core = qualifications.create(Documents.demo(json), "designer");
        var variant = qualifications.derive(core.id(), Map.of("en", "Variant"), "designer");
        qualifications.create(Documents.minimal("Shares a unit").withUnits(java.util.List.of(core.units().get(0))), "designer");
        String before = export();
        JsonNode dump = json.readTree(before);
        assertThat(dump.path("nodes").size()).isGreaterThan(60);
        assertThat(before).doesNotContain("passwordHash").doesNotContain("\"User\"");

        // a workspace that is not empty refuses the import and stays as it is
        mvc.perform(post("/api/admin/workspace").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content(before)).andExpect(status().isConflict());

        clearCurricula();
        assertThat(qualifications.countAll()).isZero();
        mvc.perform(post("/api/admin/workspace").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content(before)).andExpect(status().isOk());

        assertThat(withoutTimestamp(export())).isEqualTo(withoutTimestamp(before));
        assertThat(qualifications.get(variant.id()).derivedFrom()).isEqualTo(core.id());
        assertThat(qualifications.get(core.id())).isEqualTo(core);
    }

    @Test
    void onlyAdminsMayExportAndBadFilesChangeNothing() throws Exception {
        mvc.perform(get("/api/admin/workspace").header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/admin/workspace").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"format\":\"something else\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/admin/workspace").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"format\":\"qualigraph-workspace\",\"formatVersion\":1,\"nodes\":[{\"ref\":\"a\",\"labels\":[\"User\"],\"properties\":{}}]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/admin/workspace").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"format\":\"qualigraph-workspace\",\"formatVersion\":1,\"nodes\":[{\"ref\":\"q\",\"labels\":[\"Qualification\"],"
                        + "\"properties\":{\"id\":\"x\"}}],\"relationships\":[{\"type\":\"HAS_UNIT\",\"start\":\"q\",\"end\":\"missing\",\"properties\":{}}]}"))
                .andExpect(status().isBadRequest());
        assertThat(qualifications.countAll()).isZero();
    }

    private String export() throws Exception {
        return mvc.perform(get("/api/admin/workspace").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private JsonNode withoutTimestamp(String dump) throws Exception {
        ObjectNode node = (ObjectNode) json.readTree(dump);
        node.remove("exportedAt");
        return node;
    }
}
