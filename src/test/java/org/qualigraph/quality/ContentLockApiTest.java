package org.qualigraph.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.qualigraph.base.ConflictException;
import org.qualigraph.curriculum.QualificationDocument;
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

/**
 * What a reviewer reviews and approves cannot change underneath them: content writes (PUT, CSV import, DELETE) on a
 * qualification IN_REVIEW or APPROVED are 409 with what to do, and change nothing; governance evidence and comments
 * stay open; withdrawing or revoking the approval gives the content back to the designer. Driven through the real
 * REST workflow, so the states are reached the way users reach them.
 */
class ContentLockApiTest extends IntegrationTest {

    private static final String APPROVAL = "{\"body\":\"Programme board\",\"date\":\"" + LocalDate.now()
            + "\",\"decision\":\"approved\"}";
    private static final String IN_REVIEW_ADVICE = "is in review; withdraw it (back to draft) to edit, or wait for the"
            + " reviewer's decision";
    private static final String APPROVED_ADVICE = "is approved; a reviewer must revoke the approval (back to changes"
            + " requested) before it can change";

    @Autowired
    MockMvc mvc;
    @Autowired
    QualificationService qualifications;
    @Autowired
    ObjectMapper json;

    @Test
    void aPutWhileInReviewIs409WithWhatToDoAndChangesNothing() throws Exception {
        String id = submitted();
        var before = qualifications.get(id);

        putTitle(before, "Edited during review").andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.message").value(Matchers.containsString(IN_REVIEW_ADVICE)));

        assertThat(qualifications.get(id)).isEqualTo(before);
        assertThat(qualifications.get(id).version()).isEqualTo(before.version());
        assertThat(audit(id)).doesNotContain("UPDATED");
    }

    @Test
    void aPutWhileApprovedIs409WithWhatToDoAndChangesNothing() throws Exception {
        String id = approved();
        var before = qualifications.get(id);

        putTitle(before, "Edited after approval").andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(Matchers.containsString(APPROVED_ADVICE)));

        assertThat(qualifications.get(id)).isEqualTo(before);
        assertThat(audit(id)).doesNotContain("UPDATED");
    }

    @Test
    void aStaleCopyOfALockedQualificationIsToldAboutTheLockNotAboutReloading() throws Exception {
        String id = submitted();
        var before = qualifications.get(id);
        var stale = before.withIdentity(id, before.version() - 1, null, null);

        putTitle(stale, "Old copy").andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(Matchers.containsString(IN_REVIEW_ADVICE)));
        assertThat(qualifications.get(id)).isEqualTo(before);
    }

    @Test
    void deletingWhileInReviewOrApprovedIs409AndTheQualificationStays() throws Exception {
        String inReview = submitted();
        String approved = approved();

        mvc.perform(delete("/api/qualifications/" + inReview).header(HttpHeaders.AUTHORIZATION,
                        TestUsers.basic(TestUsers.DESIGNER))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(Matchers.containsString(
                        "is in review; withdraw it (back to draft) to delete it")));
        mvc.perform(delete("/api/qualifications/" + approved).header(HttpHeaders.AUTHORIZATION,
                        TestUsers.basic(TestUsers.DESIGNER))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(Matchers.containsString(
                        "is approved; a reviewer must revoke the approval (back to changes requested) before it can be deleted")));

        assertThat(qualifications.get(inReview).status()).isEqualTo(QualificationStatus.IN_REVIEW);
        assertThat(qualifications.get(approved).status()).isEqualTo(QualificationStatus.APPROVED);
        assertThat(qualifications.get(approved).units()).isNotEmpty();

        // withdrawn, the draft is the designer's again and may go
        transition(inReview, TestUsers.DESIGNER, "DRAFT", null).andExpect(status().isOk());
        mvc.perform(delete("/api/qualifications/" + inReview).header(HttpHeaders.AUTHORIZATION,
                TestUsers.basic(TestUsers.DESIGNER))).andExpect(status().isNoContent());
        assertThat(qualifications.find(inReview)).isEmpty();
    }

    @Test
    void changesRequestedIsEditable() throws Exception {
        String id = submitted();
        transition(id, TestUsers.REVIEWER, "CHANGES_REQUESTED", "Sharpen U1.K1").andExpect(status().isOk());
        var before = qualifications.get(id);

        putTitle(before, "Sharpened").andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(before.version() + 1))
                .andExpect(jsonPath("$.status").value("CHANGES_REQUESTED"));
        assertThat(qualifications.get(id).title()).containsEntry("en", "Sharpened");
    }

    @Test
    void withdrawingGivesTheContentBackToTheDesigner() throws Exception {
        String id = submitted();
        putTitle(qualifications.get(id), "Too early").andExpect(status().isConflict());

        transition(id, TestUsers.DESIGNER, "DRAFT", null).andExpect(status().isOk());
        var draft = qualifications.get(id);
        putTitle(draft, "After withdrawing").andExpect(status().isOk());

        assertThat(qualifications.get(id).title()).containsEntry("en", "After withdrawing");
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.DRAFT);
    }

    @Test
    void revokingTheApprovalGivesTheContentBackToTheDesigner() throws Exception {
        String id = approved();
        putTitle(qualifications.get(id), "Too early").andExpect(status().isConflict());

        transition(id, TestUsers.REVIEWER, "CHANGES_REQUESTED", "The board asks for a safety unit").andExpect(status().isOk());
        var reopened = qualifications.get(id);
        assertThat(reopened.status()).isEqualTo(QualificationStatus.CHANGES_REQUESTED);
        putTitle(reopened, "With a safety unit").andExpect(status().isOk());

        assertThat(qualifications.get(id).title()).containsEntry("en", "With a safety unit");
    }

    @Test
    void governanceEvidenceAndCommentsStayOpenWhileTheContentIsLocked() throws Exception {
        String id = submitted();
        long version = qualifications.get(id).version();
        String record = """
                {"stakeholders":[{"name":"Bernd Meister","organisation":"Cell Works GmbH","kind":"EMPLOYER"}],
                 "evidence":[{"id":"e1","phase":"PLANNING","text":"Needs analysis","link":"https://example.org/needs"}]}
                """;
        mvc.perform(put("/api/qualifications/" + id + "/governance").header(HttpHeaders.AUTHORIZATION,
                        TestUsers.basic(TestUsers.DESIGNER)).contentType(MediaType.APPLICATION_JSON).content(record))
                .andExpect(status().isOk()).andExpect(jsonPath("$.stakeholders[0].name").value("Bernd Meister"));
        mvc.perform(post("/api/qualifications/" + id + "/comments").header(HttpHeaders.AUTHORIZATION,
                        TestUsers.basic(TestUsers.REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"Which standard applies to U1?\",\"unit\":\"U1\"}"))
                .andExpect(status().isCreated());

        transition(id, TestUsers.REVIEWER, "APPROVED", null, APPROVAL).andExpect(status().isOk());
        mvc.perform(put("/api/qualifications/" + id + "/governance").header(HttpHeaders.AUTHORIZATION,
                        TestUsers.basic(TestUsers.REVIEWER)).contentType(MediaType.APPLICATION_JSON).content(record))
                .andExpect(status().isOk());

        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.APPROVED);
        assertThat(qualifications.get(id).title()).isEqualTo(Documents.minimal("Cell technician").title());
        assertThat(qualifications.get(id).version()).as("only the approval transition moved the version")
                .isEqualTo(version + 1);
    }

    @Test
    void theCsvImportIsRefusedBeforeItsPreviewWhileInReviewOrApproved() throws Exception {
        for (String id : new String[] {submitted(), approved()}) {
            var before = qualifications.get(id);
            String csv = mvc.perform(get("/api/qualifications/" + id + "/export/csv").header(HttpHeaders.AUTHORIZATION,
                    TestUsers.basic(TestUsers.DESIGNER))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            String changed = csv.replace("U1,", "U9,");
            String advice = before.status() == QualificationStatus.IN_REVIEW ? IN_REVIEW_ADVICE : APPROVED_ADVICE;

            mvc.perform(post("/api/qualifications/" + id + "/import/csv/preview").header(HttpHeaders.AUTHORIZATION,
                            TestUsers.basic(TestUsers.DESIGNER)).contentType("text/csv").content(changed))
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.message").value(Matchers.containsString(advice)));
            mvc.perform(post("/api/qualifications/" + id + "/import/csv").param("version", before.version().toString())
                            .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER)).contentType("text/csv")
                            .content(changed))
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.message").value(Matchers.containsString(advice)));

            assertThat(qualifications.get(id)).isEqualTo(before);
        }
    }

    @Test
    void theServiceRefusesLockedContentWhoeverCallsIt() {
        String id = submitted();
        var before = qualifications.get(id);
        assertThatThrownBy(() -> qualifications.update(id, before.withTitle(Map.of("en", "Through the service")),
                TestUsers.DESIGNER)).isInstanceOf(ConflictException.class).hasMessageContaining(IN_REVIEW_ADVICE);
        assertThatThrownBy(() -> qualifications.requireEditable(id)).isInstanceOf(ConflictException.class)
                .hasMessageContaining(IN_REVIEW_ADVICE);
        assertThat(qualifications.get(id)).isEqualTo(before);

        String draft = qualifications.create(Documents.minimal("Still a draft"), TestUsers.DESIGNER).id();
        qualifications.requireEditable(draft);
        for (var status : QualificationStatus.values()) {
            assertThat(QualificationService.isContentEditable(status)).as(status.name())
                    .isEqualTo(status == QualificationStatus.DRAFT || status == QualificationStatus.CHANGES_REQUESTED);
        }
    }

    private String submitted() {
        String id = qualifications.create(Documents.minimal("Cell technician"), TestUsers.DESIGNER).id();
        try {
            transition(id, TestUsers.DESIGNER, "IN_REVIEW", null).andExpect(status().isOk());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.IN_REVIEW);
        return id;
    }

    private String approved() throws Exception {
        String id = submitted();
        transition(id, TestUsers.REVIEWER, "APPROVED", null, APPROVAL).andExpect(status().isOk());
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.APPROVED);
        return id;
    }

    private ResultActions putTitle(QualificationDocument doc, String title) throws Exception {
        String body = json.writeValueAsString(doc.withTitle(Map.of("en", title)));
        return mvc.perform(put("/api/qualifications/" + doc.id()).header(HttpHeaders.AUTHORIZATION,
                TestUsers.basic(TestUsers.DESIGNER)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions transition(String id, String user, String to, String comment) throws Exception {
        return transition(id, user, to, comment, null);
    }

    private ResultActions transition(String id, String user, String to, String comment, String approval) throws Exception {
        String body = "{\"to\":\"" + to + "\"" + (comment == null ? "" : ",\"comment\":\"" + comment + "\"")
                + (approval == null ? "" : ",\"approval\":" + approval) + "}";
        return mvc.perform(post("/api/qualifications/" + id + "/transitions").header(HttpHeaders.AUTHORIZATION,
                TestUsers.basic(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private java.util.List<String> audit(String id) throws Exception {
        var entries = json.readTree(mvc.perform(get("/api/qualifications/" + id + "/audit").header(HttpHeaders.AUTHORIZATION,
                TestUsers.basic(TestUsers.REVIEWER))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        return entries.findValuesAsText("action");
    }
}
