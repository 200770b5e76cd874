package org.qualigraph.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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

class ReviewWorkflowApiTest extends IntegrationTest {

    private static final String APPROVAL = "{\"body\":\"Programme board\",\"date\":\"" + LocalDate.now()
            + "\",\"decision\":\"approved\"}";

    @Autowired
    MockMvc mvc;
    @Autowired
    QualificationService qualifications;
    @Autowired
    WorkflowStore store;
    @Autowired
    ObjectMapper json;
    @Autowired
    ReviewWorkflowService workflowService;
    @Autowired
    org.qualigraph.account.AccountService accounts;

    /** A user holding only the ADMIN role (the bootstrap {@code admin} holds all three). */
    private static final String ADMIN_ONLY = "curator";

    @org.junit.jupiter.api.BeforeEach
    void adminOnlyUser() {
        if (!accounts.exists(ADMIN_ONLY)) {
            accounts.create(ADMIN_ONLY, TestUsers.PASSWORD, java.util.Set.of("ADMIN"));
        }
    }

    /** Every workflow step tried by every role: the role of the matrix gets 200, the others 403, status unchanged. */
    @Test
    void permissionMatrixForEveryRoleAndStep() throws Exception {
        for (var step : WorkflowPolicy.values()) {
            for (var user : List.of(TestUsers.DESIGNER, TestUsers.REVIEWER, ADMIN_ONLY)) {
                String id = qualificationIn(step.from);
                String role = user.equals(ADMIN_ONLY) ? "ADMIN" : user.toUpperCase();
                String body = body(step.to, step.needsComment ? "Please fix U1" : null,
                        step == WorkflowPolicy.APPROVE ? APPROVAL : null);
                var result = transition(id, user, body);
                if (step.roles.contains(role)) {
                    result.andExpect(status().isOk()).andExpect(jsonPath("$.status").value(step.to.name()))
                            .andExpect(jsonPath("$.id").value(id));
                    assertThat(qualifications.get(id).status()).as(step + " by " + user).isEqualTo(step.to);
                } else {
                    result.andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value(
                            "Only " + String.join(" or ", step.roles.stream().sorted().toList())
                                    + " may move a qualification from " + step.from + " to " + step.to));
                    assertThat(qualifications.get(id).status()).as(step + " by " + user).isEqualTo(step.from);
                }
            }
        }
    }

    @Test
    void stepsOutsideTheWorkflowAre409WithTheReason() throws Exception {
        String id = qualificationIn(QualificationStatus.DRAFT);
        transition(id, TestUsers.REVIEWER, body(QualificationStatus.PUBLISHED, null, null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("does not go from DRAFT to PUBLISHED")));
        transition(id, TestUsers.DESIGNER, "{\"to\":\"FINISHED\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("to: unknown status")));
        transition(id, TestUsers.DESIGNER, "{}").andExpect(status().isBadRequest());
        mvc.perform(post("/api/qualifications/" + id + "/transitions").contentType(MediaType.APPLICATION_JSON)
                .content(body(QualificationStatus.IN_REVIEW, null, null))).andExpect(status().isUnauthorized());
        transition("no-such-id", TestUsers.DESIGNER, body(QualificationStatus.IN_REVIEW, null, null)).andExpect(status().isNotFound());
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.DRAFT);
    }

    @Test
    void requestingChangesNeedsACommentAndApprovingNeedsTheRecord() throws Exception {
        String id = qualificationIn(QualificationStatus.IN_REVIEW);
        transition(id, TestUsers.REVIEWER, body(QualificationStatus.CHANGES_REQUESTED, " ", null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].field").value("comment"));
        transition(id, TestUsers.REVIEWER, body(QualificationStatus.APPROVED, null, null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].field").value("approval"));
        transition(id, TestUsers.REVIEWER, body(QualificationStatus.APPROVED, null, "{\"body\":\"\",\"decision\":\"ok\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("approval.body", "approval.date")));
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.IN_REVIEW);
        assertThat(store.approval(id)).isEmpty();
    }

    @Test
    void publishIsRefusedWithoutApprovalRecord() throws Exception {
        String id = create();
        qualifications.changeStatus(id, QualificationStatus.APPROVED, "setup");
        transition(id, TestUsers.REVIEWER, body(QualificationStatus.PUBLISHED, null, null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("ESG-02")));
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.APPROVED);
    }

    @Test
    void fullJourneyRecordsHistoryApprovalAndAudit() throws Exception {
        String id = create();
        transition(id, TestUsers.DESIGNER, body(QualificationStatus.IN_REVIEW, "Ready", null)).andExpect(status().isOk());
        transition(id, TestUsers.REVIEWER, body(QualificationStatus.CHANGES_REQUESTED, "Sharpen U1.K1", null))
                .andExpect(status().isOk());
        var doc = qualifications.get(id);
        qualifications.update(id, doc.withTitle(Map.of("en", "Fixed title")), TestUsers.DESIGNER);
        transition(id, TestUsers.DESIGNER, body(QualificationStatus.IN_REVIEW, null, null)).andExpect(status().isOk());
        transition(id, TestUsers.REVIEWER, body(QualificationStatus.APPROVED, "Fine", APPROVAL)).andExpect(status().isOk());
        var published = read(transition(id, ADMIN_ONLY, body(QualificationStatus.PUBLISHED, null, null)).andExpect(status().isOk()));
        assertThat(published.get("version").asLong()).isEqualTo(qualifications.get(id).version());

        var history = read(mvc.perform(get("/api/qualifications/" + id + "/transitions").header(HttpHeaders.AUTHORIZATION,
                TestUsers.basic(TestUsers.DESIGNER))).andExpect(status().isOk()));
        assertThat(history.findValuesAsText("to")).containsExactly("IN_REVIEW", "CHANGES_REQUESTED", "IN_REVIEW", "APPROVED", "PUBLISHED");
        assertThat(history.get(1).get("comment").asText()).isEqualTo("Sharpen U1.K1");
        assertThat(history.get(1).get("by").asText()).isEqualTo(TestUsers.REVIEWER);

        var governance = read(mvc.perform(get("/api/qualifications/" + id + "/governance")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.REVIEWER))).andExpect(status().isOk()));
        assertThat(governance.at("/approval/body").asText()).isEqualTo("Programme board");
        assertThat(governance.at("/approval/approvedBy").asText()).isEqualTo(TestUsers.REVIEWER);
        assertThat(governance.at("/approval/date").asText()).isEqualTo(LocalDate.now().toString());

        var audit = read(mvc.perform(get("/api/qualifications/" + id + "/audit")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.REVIEWER))).andExpect(status().isOk()));
        assertThat(audit.findValuesAsText("action")).containsExactly("CREATED", "STATUS", "STATUS", "UPDATED", "STATUS",
                "STATUS", "STATUS");
        assertThat(audit.get(3).get("detail").asText()).contains("Title").contains("Fixed title");
        assertThat(audit.get(3).get("user").asText()).isEqualTo(TestUsers.DESIGNER);
        assertThat(audit.get(6).get("detail").asText()).isEqualTo("APPROVED → PUBLISHED");
        assertThat(audit.get(6).get("user").asText()).isEqualTo(ADMIN_ONLY);
    }

    @Test
    void publishedContentIsImmutableAndANewRevisionCarriesTheChange() throws Exception {
        String id = publish(create());
        var stored = qualifications.get(id);
        String edited = json.writeValueAsString(stored.withTitle(Map.of("en", "Sneaky edit")).withIdentity(id,
                stored.version(), null, null));
        mvc.perform(put("/api/qualifications/" + id).header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER))
                .contentType(MediaType.APPLICATION_JSON).content(edited)).andExpect(status().isConflict());
        assertThat(qualifications.get(id)).isEqualTo(stored);

        mvc.perform(post("/api/qualifications/" + id + "/revisions").header(HttpHeaders.AUTHORIZATION,
                TestUsers.basic(TestUsers.REVIEWER))).andExpect(status().isForbidden());
        var revision = read(mvc.perform(post("/api/qualifications/" + id + "/revisions").header(HttpHeaders.AUTHORIZATION,
                TestUsers.basic(TestUsers.DESIGNER))).andExpect(status().isCreated()));
        String revisionId = revision.get("id").asText();
        assertThat(revision.get("status").asText()).isEqualTo("DRAFT");
        assertThat(revisionId).isNotEqualTo(id);
        mvc.perform(post("/api/qualifications/" + id + "/revisions").header(HttpHeaders.AUTHORIZATION,
                TestUsers.basic(TestUsers.DESIGNER))).andExpect(status().isConflict());
        mvc.perform(post("/api/qualifications/" + revisionId + "/revisions").header(HttpHeaders.AUTHORIZATION,
                TestUsers.basic(TestUsers.DESIGNER))).andExpect(status().isConflict());

        var draft = qualifications.get(revisionId);
        var unit = draft.units().get(0);
        var outcomes = new java.util.ArrayList<>(unit.outcomes());
        var k1 = outcomes.get(0);
        outcomes.set(0, new org.qualigraph.curriculum.OutcomeDocument(k1.id(), k1.code(), k1.dimension(),
                Map.of("en", "Describe the chemistry of lithium-ion cells"), k1.eqfLevel(), k1.skills(), k1.keyCompetences()));
        qualifications.update(revisionId, draft.withUnits(List.of(unit.withOutcomes(outcomes))), TestUsers.DESIGNER);

        var chain = read(mvc.perform(get("/api/qualifications/" + revisionId + "/revisions")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.REVIEWER))).andExpect(status().isOk()));
        assertThat(chain.findValuesAsText("id")).containsExactly(id, revisionId);
        assertThat(chain.get(1).get("revision").asInt()).isEqualTo(2);
        assertThat(chain.get(1).get("revisionOf").asText()).isEqualTo(id);

        var diff = read(mvc.perform(get("/api/qualifications/" + revisionId + "/diff").param("against", id)
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.REVIEWER))).andExpect(status().isOk()));
        assertThat(diff.get("lines")).hasSize(1);
        assertThat(diff.at("/lines/0/section").asText()).isEqualTo("OUTCOMES");
        assertThat(diff.at("/lines/0/change").asText()).isEqualTo("CHANGED");
        assertThat(diff.at("/lines/0/text").asText()).endsWith(" to en: \"Describe the chemistry of lithium-ion cells\"");
        assertThat(diff.at("/lines/0/subject").asText()).isEqualTo("U1.K1");
        mvc.perform(get("/api/qualifications/" + revisionId + "/diff").header(HttpHeaders.AUTHORIZATION,
                TestUsers.basic(TestUsers.REVIEWER))).andExpect(status().isBadRequest());

        // publishing the revision archives its predecessor
        publish(revisionId);
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.ARCHIVED);
        assertThat(qualifications.get(id).title()).isEqualTo(stored.title());
    }

    @Test
    void commentsAreThreadedResolvableAndAnchored() throws Exception {
        String id = create();
        var onUnit = read(comment(id, TestUsers.REVIEWER, "{\"text\":\"Too broad <b>really</b>\",\"unit\":\"U1\"}")
                .andExpect(status().isCreated()));
        assertThat(onUnit.get("targetKind").asText()).isEqualTo("UNIT");
        assertThat(onUnit.get("targetCode").asText()).isEqualTo("U1");
        String outcomeId = qualifications.get(id).units().get(0).outcomes().get(1).id();
        var onOutcome = read(comment(id, TestUsers.DESIGNER, "{\"text\":\"Verb?\",\"outcome\":\"" + outcomeId + "\"}")
                .andExpect(status().isCreated()));
        assertThat(onOutcome.get("targetCode").asText()).isEqualTo("U1.S2");
        comment(id, TestUsers.DESIGNER, "{\"text\":\"General remark\"}").andExpect(status().isCreated());
        comment(id, TestUsers.DESIGNER, "{\"text\":\"x\",\"unit\":\"U9\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].field").value("unit"));
        comment(id, TestUsers.DESIGNER, "{\"text\":\"  \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].field").value("text"));
        comment(id, ADMIN_ONLY, "{\"text\":\"an administrator is no reviewer\"}").andExpect(status().isForbidden());

        String root = onUnit.get("id").asText();
        var reply = read(mvc.perform(post("/api/qualifications/" + id + "/comments/" + root + "/replies")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"Narrowed it\"}")).andExpect(status().isCreated()));
        mvc.perform(post("/api/qualifications/" + id + "/comments/" + reply.get("id").asText() + "/replies")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"Thanks\"}")).andExpect(status().isCreated());
        mvc.perform(post("/api/qualifications/" + id + "/comments/" + root + "/resolve")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.REVIEWER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.resolved").value(true))
                .andExpect(jsonPath("$.resolvedBy").value(TestUsers.REVIEWER));
        mvc.perform(post("/api/qualifications/" + id + "/comments/nope/resolve")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.REVIEWER))).andExpect(status().isNotFound());

        var threads = read(mvc.perform(get("/api/qualifications/" + id + "/comments")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER))).andExpect(status().isOk()));
        assertThat(threads).hasSize(3);
        assertThat(threads.get(0).get("text").asText()).isEqualTo("Too broad <b>really</b>");
        assertThat(threads.get(0).get("resolved").asBoolean()).isTrue();
        assertThat(threads.at("/0/replies/0/text").asText()).isEqualTo("Narrowed it");
        assertThat(threads.at("/0/replies/0/targetCode").asText()).isEqualTo("U1");
        assertThat(threads.at("/0/replies/0/replies/0/text").asText()).isEqualTo("Thanks");

        mvc.perform(post("/api/qualifications/" + id + "/comments/" + root + "/reopen")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.REVIEWER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.resolved").value(false));
    }

    /** A designer may close their own points, never the reviewer's; a reviewer may close any. */
    @Test
    void onlyTheAuthorOrAReviewerResolvesAComment() throws Exception {
        String id = create();
        String reviewers = read(comment(id, TestUsers.REVIEWER, "{\"text\":\"Too broad\",\"unit\":\"U1\"}")
                .andExpect(status().isCreated())).get("id").asText();
        String designers = read(comment(id, TestUsers.DESIGNER, "{\"text\":\"Shall I split U1?\"}")
                .andExpect(status().isCreated())).get("id").asText();

        resolve(id, reviewers, TestUsers.DESIGNER).andExpect(status().isForbidden());
        assertThat(resolvedOf(id, reviewers)).isFalse();
        resolve(id, designers, TestUsers.DESIGNER).andExpect(status().isOk()).andExpect(jsonPath("$.resolved").value(true));
        resolve(id, reviewers, TestUsers.REVIEWER).andExpect(status().isOk()).andExpect(jsonPath("$.resolved").value(true));
        mvc.perform(post("/api/qualifications/" + id + "/comments/" + reviewers + "/reopen")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER))).andExpect(status().isForbidden());
        assertThat(resolvedOf(id, reviewers)).isTrue();
    }

    /** Each missing part of the approval record is named, so the form can mark exactly that field. */
    @Test
    void approvalNamesEachMissingField() throws Exception {
        String id = qualificationIn(QualificationStatus.IN_REVIEW);
        transition(id, TestUsers.REVIEWER, body(QualificationStatus.APPROVED, null,
                "{\"body\":\"Board\",\"date\":\"" + LocalDate.now() + "\",\"decision\":\" \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems.length()").value(1))
                .andExpect(jsonPath("$.problems[0].field").value("approval.decision"));
        transition(id, TestUsers.REVIEWER, body(QualificationStatus.APPROVED, null,
                "{\"body\":\"Board\",\"date\":\"" + LocalDate.now().plusDays(30) + "\",\"decision\":\"approved\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].field").value("approval.date"));
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.IN_REVIEW);
        assertThat(store.approval(id)).isEmpty();
    }

    /** On resubmission the reviewer reads what changed since they asked for changes, and only that. */
    @Test
    void changesSinceTheRequestForChangesAreADiffInWords() throws Exception {
        String id = create();
        assertThat(workflowService.changesSinceRequest(id)).isEmpty();
        transition(id, TestUsers.DESIGNER, body(QualificationStatus.IN_REVIEW, null, null)).andExpect(status().isOk());
        transition(id, TestUsers.REVIEWER, body(QualificationStatus.CHANGES_REQUESTED, "Rename it", null)).andExpect(status().isOk());
        var doc = qualifications.get(id);
        qualifications.update(id, doc.withTitle(Map.of("en", "Renamed technician")), TestUsers.DESIGNER);
        transition(id, TestUsers.DESIGNER, body(QualificationStatus.IN_REVIEW, null, null)).andExpect(status().isOk());

        var since = workflowService.changesSinceRequest(id).orElseThrow();
        assertThat(since.requestedBy()).isEqualTo(TestUsers.REVIEWER);
        assertThat(since.diff().lines()).singleElement().satisfies(line -> {
            assertThat(line.section()).isEqualTo(RevisionDiff.Section.QUALIFICATION);
            assertThat(line.text()).contains("Title").contains("Renamed technician");
        });
    }

    /** The optional note of a submit is kept with the transition, for the reviewer. */
    @Test
    void submitNoteIsStoredWithTheTransition() throws Exception {
        String id = create();
        transition(id, TestUsers.DESIGNER, body(QualificationStatus.IN_REVIEW, "Please look at U1 first", null))
                .andExpect(status().isOk());
        var history = read(mvc.perform(get("/api/qualifications/" + id + "/transitions").header(HttpHeaders.AUTHORIZATION,
                TestUsers.basic(TestUsers.REVIEWER))).andExpect(status().isOk()));
        assertThat(history.get(0).get("comment").asText()).isEqualTo("Please look at U1 first");
        assertThat(history.get(0).get("by").asText()).isEqualTo(TestUsers.DESIGNER);
    }

    private ResultActions resolve(String id, String commentId, String user) throws Exception {
        return mvc.perform(post("/api/qualifications/" + id + "/comments/" + commentId + "/resolve")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(user)));
    }

    private boolean resolvedOf(String id, String commentId) throws Exception {
        var threads = read(mvc.perform(get("/api/qualifications/" + id + "/comments")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER))).andExpect(status().isOk()));
        for (var thread : threads) {
            if (thread.get("id").asText().equals(commentId)) {
                return thread.get("resolved").asBoolean();
            }
        }
        throw new AssertionError("no comment " + commentId);
    }

    @Test
    void governanceRoundTripsAndNamesBadFields() throws Exception {
        String id = create();
        String record = """
                {"stakeholders":[{"name":"Anna Student","organisation":"Learner council","kind":"LEARNER_REPRESENTATIVE"},
                                 {"name":"Bernd Meister","organisation":"Cell Works GmbH","kind":"EMPLOYER"}],
                 "evidence":[{"id":"e1","phase":"PLANNING","text":"Needs analysis","link":"https://example.org/needs","date":"2025-03-01"},
                             {"id":"e2","phase":"EVALUATION","text":"Completion below target","link":null,"date":null}],
                 "nextReviewDate":"2029-09-01",
                 "indicators":[{"indicator":4,"value":"87 %","referencePeriod":"2024/25"}],
                 "actions":[{"text":"Add tutoring in U2","findingId":"e2","done":false}]}
                """;
        var saved = read(mvc.perform(put("/api/qualifications/" + id + "/governance")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.REVIEWER))
                .contentType(MediaType.APPLICATION_JSON).content(record)).andExpect(status().isOk()));
        var fetched = read(mvc.perform(get("/api/qualifications/" + id + "/governance")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER))).andExpect(status().isOk()));
        assertThat(fetched).isEqualTo(saved);
        assertThat(fetched.at("/stakeholders/1/organisation").asText()).isEqualTo("Cell Works GmbH");
        assertThat(fetched.at("/evidence/0/link").asText()).isEqualTo("https://example.org/needs");
        assertThat(fetched.at("/evidence/0/date").asText()).isEqualTo("2025-03-01");
        assertThat(fetched.at("/actions/0/findingId").asText()).isEqualTo("e2");
        assertThat(fetched.at("/actions/0/id").asText()).isNotBlank();
        assertThat(fetched.get("nextReviewDate").asText()).isEqualTo("2029-09-01");
        assertThat(fetched.at("/indicators/0/referencePeriod").asText()).isEqualTo("2024/25");

        String bad = """
                {"stakeholders":[{"name":"","kind":null}],
                 "evidence":[{"id":"p","phase":"PLANNING","text":"x","link":"ftp:/nowhere"}],
                 "indicators":[{"indicator":7,"value":"1","referencePeriod":""}],
                 "actions":[{"text":"Fix","findingId":"p","done":false}]}
                """;
        var error = read(mvc.perform(put("/api/qualifications/" + id + "/governance")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER))
                .contentType(MediaType.APPLICATION_JSON).content(bad)).andExpect(status().isBadRequest()));
        assertThat(error.get("problems").findValuesAsText("field")).containsExactlyInAnyOrder("stakeholders[0].name",
                "stakeholders[0].kind", "evidence[0].link", "indicators[0].indicator", "indicators[0].referencePeriod",
                "actions[0].findingId");
        mvc.perform(put("/api/qualifications/" + id + "/governance").header(HttpHeaders.AUTHORIZATION, TestUsers.basic(ADMIN_ONLY))
                .contentType(MediaType.APPLICATION_JSON).content(record)).andExpect(status().isForbidden());
        mvc.perform(put("/api/qualifications/" + id + "/governance").header(HttpHeaders.AUTHORIZATION,
                TestUsers.basic(TestUsers.DESIGNER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"approval\":{\"body\":\"Me\",\"date\":\"2025-01-01\",\"decision\":\"yes\",\"approvedBy\":\"designer\"}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].field").value("approval"));
        assertThat(read(mvc.perform(get("/api/qualifications/" + id + "/governance")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER))))).isEqualTo(saved);
    }

    @Test
    void submitIsRefusedWhileTheQualityGateReportsErrors() {
        String id = create();
        QualityGate gate = (doc, governance, publishing) -> List.of("EQF-02: unit U1 is at EQF 5, above the qualification's 4");
        var factory = new org.springframework.beans.factory.support.StaticListableBeanFactory(Map.of("gate", gate));
        var workflow = new ReviewWorkflowService(qualifications, store, new GovernanceRecordService(store, qualifications),
                factory.getBeanProvider(QualityGate.class), json);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> workflow.transition(id,
                        new TransitionRequest("IN_REVIEW", null, null), TestUsers.DESIGNER, java.util.Set.of("DESIGNER")))
                .isInstanceOf(org.qualigraph.base.ConflictException.class)
                .hasMessageContaining("1 error finding is open").hasMessageContaining("EQF-02: unit U1");
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.DRAFT);
        assertThat(store.reviews(id)).isEmpty();
    }

    @Test
    void submitIsRefusedOverRestWhileTheRuleEngineFindsErrors() throws Exception {
        var doc = Documents.minimal("Too high a unit");
        var unit = doc.units().get(0);
        var tooHigh = new org.qualigraph.curriculum.UnitDocument(null, unit.code(), unit.title(), 6, unit.credits(),
                unit.hours(), unit.mandatory(), unit.prerequisites(), unit.deliveryModes(), unit.outcomes(),
                unit.workBasedLearning(), unit.assessments());
        String id = qualifications.create(doc.withUnits(List.of(tooHigh)), TestUsers.DESIGNER).id();
        transition(id, TestUsers.DESIGNER, body(QualificationStatus.IN_REVIEW, null, null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("EQF-02")));
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.DRAFT);
        assertThat(store.reviews(id)).isEmpty();
    }

    @Test
    void publishIsRefusedWhilePublicInformationIsIncomplete() throws Exception {
        var doc = Documents.minimal("No entry requirements");
        var incomplete = new org.qualigraph.curriculum.QualificationDocument(null, null, doc.title(), doc.description(),
                doc.type(), doc.eqfLevel(), doc.nqfLevels(), doc.iscedF(), doc.ecosystem(), doc.creditSystem(),
                doc.credits(), Map.of(), doc.awardingBodies(), doc.targetOccupations(), null, null, doc.units());
        String id = qualifications.create(incomplete, TestUsers.DESIGNER).id();
        transition(id, TestUsers.DESIGNER, body(QualificationStatus.IN_REVIEW, null, null)).andExpect(status().isOk());
        transition(id, TestUsers.REVIEWER, body(QualificationStatus.APPROVED, null, APPROVAL)).andExpect(status().isOk());
        transition(id, TestUsers.REVIEWER, body(QualificationStatus.PUBLISHED, null, null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("ESG-03")));
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.APPROVED);
    }

    private String create() {
        return qualifications.create(Documents.minimal("Cell technician"), TestUsers.DESIGNER).id();
    }

    private String qualificationIn(QualificationStatus status) {
        String id = create();
        if (status != QualificationStatus.DRAFT) {
            qualifications.changeStatus(id, status, "setup");
        }
        if (status == QualificationStatus.APPROVED) {
            store.addApproval(id, new Governance.Approval("Programme board", LocalDate.now(), "approved", "setup"));
        }
        return id;
    }

    private String publish(String id) throws Exception {
        transition(id, TestUsers.DESIGNER, body(QualificationStatus.IN_REVIEW, null, null)).andExpect(status().isOk());
        transition(id, TestUsers.REVIEWER, body(QualificationStatus.APPROVED, null, APPROVAL)).andExpect(status().isOk());
        transition(id, TestUsers.REVIEWER, body(QualificationStatus.PUBLISHED, null, null)).andExpect(status().isOk());
        return id;
    }

    private ResultActions transition(String id, String user, String body) throws Exception {
        return mvc.perform(post("/api/qualifications/" + id + "/transitions").header(HttpHeaders.AUTHORIZATION,
                TestUsers.basic(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions comment(String id, String user, String body) throws Exception {
        return mvc.perform(post("/api/qualifications/" + id + "/comments").header(HttpHeaders.AUTHORIZATION,
                TestUsers.basic(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String body(QualificationStatus to, String comment, String approval) {
        return "{\"to\":\"" + to + "\"" + (comment == null ? "" : ",\"comment\":\"" + comment + "\"")
                + (approval == null ? "" : ",\"approval\":" + approval) + "}";
    }

    private JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
