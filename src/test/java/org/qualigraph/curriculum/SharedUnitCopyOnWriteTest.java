package org.qualigraph.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Copy-on-write of shared units: a qualification in review, approved, published or archived reads exactly as it was
 * submitted or approved, whatever a draft sharing one of its units does; units shared by editable qualifications only
 * stay shared, edits included.
 */
class SharedUnitCopyOnWriteTest extends IntegrationTest {

    @Autowired
    QualificationService service;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    @Test
    void editingAUnitOfAPublishedQualificationGivesTheDraftItsOwnCopy() throws Exception {
        var published = publishedWithTwoUnits("Published programme");
        var unit = published.units().get(0);
        var draft = draftSharing(unit);
        assertThat(draft.units().get(0).id()).as("an unchanged unit is shared").isEqualTo(unit.id());

        var edited = retitled(unit, "Cell assembly, revised");
        var firstOutcome = edited.outcomes().get(0);
        var outcomes = new ArrayList<>(edited.outcomes());
        outcomes.set(0, new OutcomeDocument(firstOutcome.id(), firstOutcome.code(), firstOutcome.dimension(),
                Map.of("en", "Explain the revised principles of cell assembly"), firstOutcome.eqfLevel(),
                firstOutcome.skills(), firstOutcome.keyCompetences()));
        var saved = service.update(draft.id(), draft.withUnits(List.of(edited.withOutcomes(outcomes), draft.units().get(1))),
                TestUsers.DESIGNER);

        var copy = saved.units().get(0);
        assertThat(copy.id()).isNotEqualTo(unit.id());
        assertThat(copy.code()).isEqualTo(unit.code());
        assertThat(copy.title()).containsEntry("en", "Cell assembly, revised");
        assertThat(copy.outcomes().get(0).statement()).containsEntry("en", "Explain the revised principles of cell assembly");
        assertThat(copy.outcomes()).extracting(OutcomeDocument::id)
                .doesNotContainAnyElementsOf(unit.outcomes().stream().map(OutcomeDocument::id).toList());
        assertThat(copy.outcomes()).extracting(OutcomeDocument::code)
                .containsExactlyElementsOf(unit.outcomes().stream().map(OutcomeDocument::code).toList());
        assertThat(copy.workBasedLearning()).isEqualTo(unit.workBasedLearning());
        assertThat(copy.assessments()).isEqualTo(unit.assessments());
        assertThat(saved.units().get(1).prerequisites()).containsExactly(unit.code());

        assertThat(service.get(published.id())).isEqualTo(published);
        assertThat(holdersOf(unit.id())).containsExactly(published.id());
        assertThat(holdersOf(copy.id())).containsExactly(draft.id());
        // the draft's prerequisite now points at its own copy; its periods and assessments serve the copy's outcomes
        assertThat(requiredBy(draft.id())).containsExactly(copy.id());
        assertThat(servedOutcomeOwners(copy.id())).containsOnly(copy.id());
        assertThat(service.sharedUnits(draft.id())).isEmpty();

        JsonNode audit = json.readTree(mvc.perform(get("/api/qualifications/" + draft.id() + "/audit")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(audit.get(audit.size() - 1).get("detail").asText())
                .startsWith("unit U1 was copied because it is part of published qualification \"Published programme\"");
    }

    @Test
    void savingTheDraftWithoutChangingTheUnitKeepsSharingIt() {
        var published = publishedWithTwoUnits("Published programme");
        var unit = published.units().get(0);
        var draft = draftSharing(unit);

        var saved = service.update(draft.id(), draft.withTitle(Map.of("en", "Draft programme, renamed")), TestUsers.DESIGNER);
        assertThat(saved.units().get(0).id()).isEqualTo(unit.id());

        // the mandatory flag and the prerequisites belong to the draft, not to the unit: still no copy
        var shared = saved.units().get(0);
        var optional = new UnitDocument(shared.id(), shared.code(), shared.title(), shared.eqfLevel(), shared.credits(),
                shared.hours(), false, List.of("U2"), shared.deliveryModes(), shared.outcomes(), shared.workBasedLearning(),
                shared.assessments());
        var own = saved.units().get(1);
        var independent = new UnitDocument(own.id(), own.code(), own.title(), own.eqfLevel(), own.credits(), own.hours(),
                own.mandatory(), List.of(), own.deliveryModes(), own.outcomes(), own.workBasedLearning(), own.assessments());
        var again = service.update(draft.id(), saved.withUnits(List.of(optional, independent)), TestUsers.DESIGNER);
        assertThat(again.units().get(0).id()).isEqualTo(unit.id());
        assertThat(again.units().get(0).isMandatory()).isFalse();
        assertThat(again.units().get(0).prerequisites()).containsExactly("U2");

        assertThat(service.get(published.id())).isEqualTo(published);
        assertThat(holdersOf(unit.id())).containsExactlyInAnyOrder(published.id(), draft.id());
    }

    @Test
    void aUnitSharedByEditableQualificationsStaysSharedAndTheEditIsSeenByBoth() {
        var first = service.create(Documents.generated("First programme", 2, 3), TestUsers.DESIGNER);
        var unit = first.units().get(0);
        var second = draftSharing(unit);

        var saved = service.update(second.id(), second.withUnits(List.of(retitled(unit, "Shared, edited"),
                second.units().get(1))), TestUsers.DESIGNER);

        assertThat(saved.units().get(0).id()).isEqualTo(unit.id());
        assertThat(service.get(first.id()).units().get(0).title()).containsEntry("en", "Shared, edited");
        assertThat(holdersOf(unit.id())).containsExactlyInAnyOrder(first.id(), second.id());
    }

    @Test
    void anArchivedQualificationIsProtectedLikeAPublishedOne() {
        var archived = publishedWithTwoUnits("Old programme");
        service.changeStatus(archived.id(), QualificationStatus.ARCHIVED, TestUsers.REVIEWER);
        var before = service.get(archived.id());
        var unit = before.units().get(0);
        var draft = draftSharing(unit);

        var saved = service.update(draft.id(), draft.withUnits(List.of(retitled(unit, "Renewed"), draft.units().get(1))),
                TestUsers.DESIGNER);

        assertThat(saved.units().get(0).id()).isNotEqualTo(unit.id());
        assertThat(service.get(archived.id())).isEqualTo(before);
    }

    @Test
    void aUnitOfAQualificationInReviewIsCopiedSoTheReviewedTextStaysAsSubmitted() throws Exception {
        var inReview = service.create(Documents.generated("Programme under review", 2, 3), TestUsers.DESIGNER);
        service.changeStatus(inReview.id(), QualificationStatus.IN_REVIEW, TestUsers.DESIGNER);
        var before = service.get(inReview.id());
        var unit = before.units().get(0);
        var draft = draftSharing(unit);

        var unchanged = service.update(draft.id(), draft.withTitle(Map.of("en", "Draft, renamed")), TestUsers.DESIGNER);
        assertThat(unchanged.units().get(0).id()).as("an unchanged unit stays shared").isEqualTo(unit.id());

        var saved = service.update(draft.id(), unchanged.withUnits(List.of(retitled(unit, "Edited in the draft"),
                unchanged.units().get(1))), TestUsers.DESIGNER);

        assertThat(saved.units().get(0).id()).isNotEqualTo(unit.id());
        assertThat(saved.units().get(0).title()).containsEntry("en", "Edited in the draft");
        assertThat(service.get(inReview.id())).isEqualTo(before);
        assertThat(holdersOf(unit.id())).containsExactly(inReview.id());
        assertThat(lastAuditDetail(draft.id())).startsWith(
                "unit U1 was copied because it is part of qualification \"Programme under review\" (in review)");
    }

    @Test
    void aUnitOfAnApprovedQualificationIsCopiedSoTheApprovalCoversWhatIsPublished() throws Exception {
        var approved = service.create(Documents.generated("Approved programme", 2, 3), TestUsers.DESIGNER);
        service.changeStatus(approved.id(), QualificationStatus.APPROVED, TestUsers.REVIEWER);
        var before = service.get(approved.id());
        var unit = before.units().get(0);
        var draft = draftSharing(unit);

        var saved = service.update(draft.id(), draft.withUnits(List.of(retitled(unit, "Edited after approval"),
                draft.units().get(1))), TestUsers.DESIGNER);

        assertThat(saved.units().get(0).id()).isNotEqualTo(unit.id());
        assertThat(service.get(approved.id())).isEqualTo(before);
        assertThat(lastAuditDetail(draft.id())).startsWith(
                "unit U1 was copied because it is part of approved qualification \"Approved programme\"");
    }

    @Test
    void onceWithdrawnTheUnitIsSharedByEditableQualificationsAgainAndEditsReachBoth() {
        var first = service.create(Documents.generated("Withdrawn programme", 2, 3), TestUsers.DESIGNER);
        service.changeStatus(first.id(), QualificationStatus.IN_REVIEW, TestUsers.DESIGNER);
        var unit = service.get(first.id()).units().get(0);
        var draft = draftSharing(unit);
        service.changeStatus(first.id(), QualificationStatus.DRAFT, TestUsers.DESIGNER);

        var saved = service.update(draft.id(), draft.withUnits(List.of(retitled(unit, "Shared again"),
                draft.units().get(1))), TestUsers.DESIGNER);

        assertThat(saved.units().get(0).id()).isEqualTo(unit.id());
        assertThat(service.get(first.id()).units().get(0).title()).containsEntry("en", "Shared again");
    }

    @Test
    void anOutcomeMovedOutOfAPublishedUnitLeavesItThere() {
        var published = publishedWithTwoUnits("Published programme");
        var unit = published.units().get(0);
        var draft = draftSharing(unit);
        var moved = unit.outcomes().get(0);
        var own = draft.units().get(1);
        var ownOutcomes = new ArrayList<>(own.outcomes());
        ownOutcomes.add(moved);

        var saved = service.update(draft.id(), draft.withUnits(List.of(
                unit.withOutcomes(unit.outcomes().subList(1, unit.outcomes().size())), own.withOutcomes(ownOutcomes))),
                TestUsers.DESIGNER);

        assertThat(saved.units().get(0).id()).isNotEqualTo(unit.id());
        var arrived = saved.units().get(1).outcomes().get(ownOutcomes.size() - 1);
        assertThat(arrived.code()).isEqualTo(moved.code());
        assertThat(arrived.id()).isNotEqualTo(moved.id());
        assertThat(service.get(published.id())).isEqualTo(published);
    }

    @Test
    void creatingAQualificationWithAnEditedPublishedUnitCopiesIt() {
        var published = publishedWithTwoUnits("Published programme");
        var unit = published.units().get(0);

        var created = service.create(Documents.minimal("Newcomer").withUnits(List.of(retitled(unit, "Taken and changed"))),
                TestUsers.DESIGNER);

        assertThat(created.units().get(0).id()).isNotEqualTo(unit.id());
        assertThat(created.units().get(0).title()).containsEntry("en", "Taken and changed");
        assertThat(service.get(published.id())).isEqualTo(published);
    }

    @Test
    void theRestPutAnswers200AndThePublishedQualificationReadsAsBefore() throws Exception {
        var published = publishedWithTwoUnits("Published programme");
        var unit = published.units().get(0);
        var draft = draftSharing(unit);
        var body = json.valueToTree(draft.withUnits(List.of(retitled(unit, "Edited over REST"), draft.units().get(1))));

        String answer = mvc.perform(put("/api/qualifications/" + draft.id())
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER))
                        .contentType(MediaType.APPLICATION_JSON).content(body.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        JsonNode saved = json.readTree(answer);
        assertThat(saved.at("/units/0/id").asText()).isNotEqualTo(unit.id());
        assertThat(saved.at("/units/0/title/en").asText()).isEqualTo("Edited over REST");
        assertThat(service.get(published.id())).isEqualTo(published);
    }

    private QualificationDocument publishedWithTwoUnits(String title) {
        var created = service.create(Documents.generated(title, 2, 3), TestUsers.DESIGNER);
        service.changeStatus(created.id(), QualificationStatus.PUBLISHED, TestUsers.REVIEWER);
        return service.get(created.id());
    }

    /** A draft whose first unit is the given one (shared) and whose second unit, its own, requires it. */
    private QualificationDocument draftSharing(UnitDocument unit) {
        var own = Documents.generated("Draft programme", 2, 3).units().get(1);
        return service.create(Documents.generated("Draft programme", 2, 3).withUnits(List.of(unit, own)),
                TestUsers.DESIGNER);
    }

    private static UnitDocument retitled(UnitDocument u, String title) {
        return new UnitDocument(u.id(), u.code(), Map.of("en", title), u.eqfLevel(), u.credits(), u.hours(), u.mandatory(),
                u.prerequisites(), u.deliveryModes(), u.outcomes(), u.workBasedLearning(), u.assessments());
    }

    private String lastAuditDetail(String qualificationId) throws Exception {
        JsonNode audit = json.readTree(mvc.perform(get("/api/qualifications/" + qualificationId + "/audit")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        return audit.get(audit.size() - 1).get("detail").asText();
    }

    private List<String> holdersOf(String unitId) {
        return List.copyOf(graph.query("MATCH (q:Qualification)-[:HAS_UNIT]->(:Unit {id: $id}) RETURN q.id")
                .bind(unitId).to("id").fetchAs(String.class).all());
    }

    private List<String> requiredBy(String qualificationId) {
        return List.copyOf(graph.query("MATCH (:Unit)-[:REQUIRES {qualification: $id}]->(u:Unit) RETURN u.id")
                .bind(qualificationId).to("id").fetchAs(String.class).all());
    }

    private List<String> servedOutcomeOwners(String unitId) {
        return List.copyOf(graph.query("""
                MATCH (:Unit {id: $id})-[:HAS_WBL|HAS_ASSESSMENT]->()-[:SERVES|ASSESSES]->(o:LearningOutcome)
                MATCH (owner:Unit)-[:HAS_OUTCOME]->(o)
                RETURN owner.id
                """).bind(unitId).to("id").fetchAs(String.class).all());
    }
}
