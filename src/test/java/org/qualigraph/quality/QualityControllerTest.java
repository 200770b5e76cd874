package org.qualigraph.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /api/qualifications/{id}/quality} against the real database: shape, 401, 404, demo without errors. */
class QualityControllerTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    QualificationService qualifications;
    @Autowired
    QualityService quality;
    @Autowired
    ObjectMapper json;

    @Test
    void reportHasTheContractShape() throws Exception {
        var demo = qualifications.create(Documents.demo(json), TestUsers.DESIGNER);
        mvc.perform(get("/api/qualifications/{id}/quality", demo.id())
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.REVIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.qualificationId").value(demo.id()))
                .andExpect(jsonPath("$.summary.errors").value(0))
                .andExpect(jsonPath("$.summary.warnings").isNumber())
                .andExpect(jsonPath("$.summary.infos").isNumber())
                .andExpect(jsonPath("$.findings[0].rule").isString())
                .andExpect(jsonPath("$.findings[0].severity").value(org.hamcrest.Matchers.oneOf("ERROR", "WARNING", "INFO")))
                .andExpect(jsonPath("$.findings[0].message").isString())
                .andExpect(jsonPath("$.findings[0].subjects").isArray())
                .andExpect(jsonPath("$.rules.length()").value(44))
                .andExpect(jsonPath("$.rules[0].rule").value("EQF-01"))
                .andExpect(jsonPath("$.rules[0].severity").value("ERROR"))
                .andExpect(jsonPath("$.rules[0].title").isString())
                .andExpect(jsonPath("$.rules[0].standard").value("EQF"))
                .andExpect(jsonPath("$.rules[0].passed").value(true))
                .andExpect(jsonPath("$.thresholds.workBasedShareMin").value(0.5))
                .andExpect(jsonPath("$.thresholds.reviewHorizonYears").value(5));
    }

    @Test
    void findingsNameTheUnitOfAStoredQualification() throws Exception {
        var broken = RuleTestSupport.edit(Documents.minimal("Too high"), d -> RuleTestSupport.unit(d, 0).put("eqfLevel", 5));
        var stored = qualifications.create(broken, TestUsers.DESIGNER);
        mvc.perform(get("/api/qualifications/{id}/quality", stored.id())
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.findings[?(@.rule == 'EQF-02')].severity").value("ERROR"))
                .andExpect(jsonPath("$.findings[?(@.rule == 'EQF-02')].subjects[0]").value("U1"))
                .andExpect(jsonPath("$.rules[?(@.rule == 'EQF-02')].passed").value(false));
        assertThat(quality.blockingErrors(stored, Governance.EMPTY, false)).anyMatch(l -> l.startsWith("EQF-02: "));
    }

    @Test
    void sharedUnitsOfADerivedQualificationAreListed() {
        var core = qualifications.create(Documents.minimal("Core"), TestUsers.DESIGNER);
        // a second qualification that reuses the core's unit (same unit id) shares it in the graph
        var variant = qualifications.create(core.withIdentity(null, null, null, null)
                .withTitle(java.util.Map.of("en", "Variant")), TestUsers.DESIGNER);
        var report = quality.report(core.id());
        assertThat(report.findingsOf("STRUCT-03")).singleElement()
                .satisfies(f -> assertThat(f.subjects()).containsExactly("U1"))
                .satisfies(f -> assertThat(f.message()).contains("Variant"));
        assertThat(variant.id()).isNotEqualTo(core.id());
    }

    @Test
    void unauthenticatedIs401AndUnknownIs404() throws Exception {
        mvc.perform(get("/api/qualifications/{id}/quality", "whatever")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/qualifications/{id}/quality", "no-such-id")
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.REVIEWER)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.message").isString());
    }
}
