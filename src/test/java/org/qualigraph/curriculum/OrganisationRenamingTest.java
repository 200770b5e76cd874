package org.qualigraph.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.ConflictException;
import org.qualigraph.base.NotFoundException;
import org.qualigraph.curriculum.QualificationDocument.AwardingBody;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Renaming an awarding organisation: the explicit operation on a node that saves only link to. */
class OrganisationRenamingTest extends IntegrationTest {

    @Autowired
    QualificationService qualifications;
    @Autowired
    OrganisationRenaming renaming;
    @Autowired
    MockMvc mvc;

    private QualificationDocument awardedBy(String title, String body) {
        var doc = Documents.minimal(title);
        return qualifications.create(doc.withNationalData(doc.nqfLevels(),
                List.of(new AwardingBody(body, "AT", OrganisationKind.CHAMBER))), "designer");
    }

    private long organisations(String name) {
        return graph.query("MATCH (o:Organisation {name: $name}) RETURN count(o)").bind(name).to("name")
                .fetchAs(Long.class).one().orElse(0L);
    }

    @Test
    void editableQualificationsMoveToTheNewNameAndFrozenOnesKeepTheirs() {
        var first = awardedBy("Heat pumps", "Chamber of Craft");
        var second = awardedBy("Solar roofs", "Chamber of Craft");
        var published = awardedBy("Published earlier", "Chamber of Craft");
        qualifications.changeStatus(published.id(), QualificationStatus.PUBLISHED, "admin");
        var staleCopy = qualifications.get(first.id());

        var result = renaming.rename("chamber of craft", "AT", "Chamber of Crafts Vienna", "admin");

        assertThat(result.renamed()).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(result.kept()).containsExactly(published.id());
        for (var id : List.of(first.id(), second.id())) {
            var doc = qualifications.get(id);
            assertThat(doc.awardingBodies()).extracting(AwardingBody::name).containsExactly("Chamber of Crafts Vienna");
            assertThat(doc.awardingBodies()).extracting(AwardingBody::kind).containsExactly(OrganisationKind.CHAMBER);
            assertThat(doc.version()).isEqualTo(1);
        }
        assertThat(qualifications.get(published.id()).awardingBodies()).extracting(AwardingBody::name)
                .containsExactly("Chamber of Craft");
        assertThat(organisations("Chamber of Craft")).as("kept for the published qualification").isEqualTo(1);
        // a copy read before the rename cannot link the old name back
        assertThatThrownBy(() -> qualifications.update(first.id(), staleCopy, "designer")).isInstanceOf(ConflictException.class);
    }

    @Test
    void theOldOrganisationGoesWhenNothingHoldsItAndANameInUseIsRefused() {
        var draft = awardedBy("Only holder", "Energy Agency");
        awardedBy("Other body", "Regional Council");

        assertThatThrownBy(() -> renaming.rename("Energy Agency", "AT", "regional council", "admin"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("exists already");
        renaming.rename("Energy Agency", "AT", "Austrian Energy Agency", "admin");

        assertThat(organisations("Energy Agency")).isZero();
        assertThat(qualifications.get(draft.id()).awardingBodies()).extracting(AwardingBody::name)
                .containsExactly("Austrian Energy Agency");
    }

    @Test
    void aNewSpellingOfTheSameNameRenamesTheNodeUnlessAFrozenQualificationNamesIt() {
        var draft = awardedBy("Spelling", "chamber of labour");
        var result = renaming.rename("Chamber of Labour", "AT", "Chamber of Labour", "admin");

        assertThat(result.renamed()).containsExactly(draft.id());
        assertThat(qualifications.get(draft.id()).awardingBodies()).extracting(AwardingBody::name)
                .containsExactly("Chamber of Labour");
        assertThat(qualifications.get(draft.id()).version()).as("the key, and so the document's link, is unchanged").isZero();

        qualifications.changeStatus(draft.id(), QualificationStatus.IN_REVIEW, "designer");
        assertThatThrownBy(() -> renaming.rename("Chamber of Labour", "AT", "CHAMBER OF LABOUR", "admin"))
                .isInstanceOf(ConflictException.class).hasMessageContaining(draft.id());
    }

    @Test
    void badInputNamesTheFieldAndChangesNothing() throws Exception {
        var draft = awardedBy("Unchanged", "Guild");
        assertThatThrownBy(() -> renaming.rename("Guild", "AT", " ", "admin")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("newName");
        assertThatThrownBy(() -> renaming.rename("Guild", "Austria", "New guild", "admin"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("country");
        assertThatThrownBy(() -> renaming.rename("No such guild", "AT", "New guild", "admin"))
                .isInstanceOf(NotFoundException.class);
        assertThat(qualifications.get(draft.id()).version()).isZero();

        String body = "{\"name\": \"Guild\", \"country\": \"AT\", \"newName\": \"Guild of Makers\"}";
        mvc.perform(post("/api/organisations/rename").header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/api/organisations/rename").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Guild\", \"country\": \"AT\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/organisations/rename").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.renamed[0]").value(draft.id()));
    }
}
