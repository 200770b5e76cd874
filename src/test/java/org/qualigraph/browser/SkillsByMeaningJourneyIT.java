package org.qualigraph.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.qualigraph.support.Browser;
import org.qualigraph.support.Documents;
import org.qualigraph.support.EscoTestData;
import org.qualigraph.support.PackagedApp;

/**
 * Skills by meaning in the packaged application with the full official ESCO v1.1.1 uploaded as an administrator would,
 * and the background embedding job that follows it: suggestions by meaning over the API and in the skill picker, the
 * whole-curriculum mapping on the Units tab, "Add to outcome…" on the coverage tab, and the Compare view. Skipped when
 * Chromium or the ESCO packages are absent; a missing or development-mode jar fails ({@link PackagedApp#jar()}), since
 * failsafe runs after {@code package} built it.
 */
class SkillsByMeaningJourneyIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void designerMapsSkillsByMeaningAndComparesQualifications() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Skipped: Debian's chromium and chromium-driver are not installed");
        Path classification = EscoTestData.classificationZip();
        Path relations = EscoTestData.relationsZip();
        try (var app = PackagedApp.start(Files.createTempDirectory("qualigraph-meaning"))) {
            long start = System.nanoTime();
            String importJob = upload(app, classification, relations);
            JsonNode imported = awaitJob(app, importJob, Duration.ofMinutes(15));
            String embeddingJob = imported.get("counts").get("embeddingJob").asText();
            JsonNode embedded = awaitJob(app, embeddingJob, Duration.ofMinutes(30));
            System.out.printf("ESCO import + embedding in the packaged app: %.0f s (embedded %s)%n",
                    (System.nanoTime() - start) / 1e9, embedded.get("counts"));

            var suggestions = JSON.readTree(app.api("POST", "/api/esco/skill-suggestions",
                    "{\"text\":\"Fit PV modules to pitched roofs using the specified mounting rails\",\"limit\":10}").body());
            assertThat(suggestions.findValuesAsText("label")).containsAnyOf("mount photovoltaic panels", "install photovoltaic systems");
            assertThat(suggestions.get(0).get("matchedBy").toString()).contains("meaning");

            // a qualification whose outcomes have no skill yet, targeting the demo's occupations
            var demoId = JSON.readTree(app.api("GET", "/api/qualifications", null).body()).get(0).get("id").asText();
            var demo = JSON.readTree(app.api("GET", "/api/qualifications/" + demoId, null).body());
            var fresh = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.valueToTree(Documents.generated("Solar roofer", 1, 3));
            fresh.set("targetOccupations", demo.get("targetOccupations"));
            var created = app.api("POST", "/api/qualifications", JSON.writeValueAsString(fresh));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = JSON.readTree(created.body()).get("id").asText();

            try (var browser = Browser.open(app.baseUrl(), 1440, 900)) {
                browser.login("admin", PackagedApp.ADMIN_PASSWORD);
                browser.open("/qualifications/" + id);
                browser.waitFor("#editor-title");
                browser.click("#tab-units");

                // Suggest in the skill picker says why each skill was suggested
                browser.click(".skill-suggest");
                browser.waitFor(".skill-suggest-reason");
                assertThat(browser.driver().findElements(By.cssSelector(".skill-suggest-reason")))
                        .anyMatch(e -> e.getText().contains("by meaning"));
                browser.screenshot("skill-suggestions-by-meaning");
                browser.driver().findElements(By.cssSelector("vaadin-dialog-overlay vaadin-button")).stream()
                        .filter(b -> b.getText().equals("Close")).findFirst().orElseThrow().click();

                // map the whole curriculum in one pass, then save once
                browser.click("#map-skills");
                browser.waitFor(".map-skills-choice");
                browser.screenshot("map-skills-dialog");
                browser.click("#map-skills-apply");
                browser.click("#save");
                browser.waitForVaadin();
                var saved = JSON.readTree(app.api("GET", "/api/qualifications/" + id, null).body());
                assertThat(saved.get("units").get(0).get("outcomes").findValues("skills"))
                        .allMatch(skills -> skills.size() >= 1);

                // the coverage tab proposes the closest outcome of the matching dimension and adds the skill
                browser.click("#tab-esco-coverage");
                browser.click(".add-to-outcome");
                browser.waitFor("#add-to-outcome-choice");
                browser.screenshot("add-to-outcome");
                browser.click("#add-to-outcome-confirm");
                browser.click("#save");
                browser.waitForVaadin();
                var after = JSON.readTree(app.api("GET", "/api/qualifications/" + id, null).body());
                int skillsBefore = saved.findValues("skills").stream().mapToInt(JsonNode::size).sum();
                int skillsAfter = after.findValues("skills").stream().mapToInt(JsonNode::size).sum();
                assertThat(skillsAfter).isEqualTo(skillsBefore + 1);

                // recognition: the demo core and its national variant
                var list = JSON.readTree(app.api("GET", "/api/qualifications", null).body());
                String other = null;
                for (JsonNode q : list) {
                    if (!q.get("id").asText().equals(demoId) && !q.get("id").asText().equals(id)) {
                        other = q.get("id").asText();
                    }
                }
                assertThat(other).isNotNull();
                browser.open("/compare?a=" + demoId + "&b=" + other);
                browser.waitFor("#compare-summary");
                assertThat(browser.text("#compare-summary")).matches("[1-9]\\d* outcomes paired.*");
                browser.screenshot("compare");
                var comparison = JSON.readTree(app.api("GET", "/api/qualifications/" + demoId + "/comparison/" + other, null).body());
                assertThat(comparison.get("pairs").size()).isGreaterThan(0);
                browser.assertClean();
            }
        }
    }

    private static String upload(PackagedApp app, Path classification, Path relations) throws IOException, InterruptedException {
        var request = org.qualigraph.support.EscoUpload.request(app.baseUrl(), PackagedApp.ADMIN_PASSWORD, classification, relations);
        var response = app.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("job").asText();
    }

    private static JsonNode awaitJob(PackagedApp app, String job, Duration timeout) {
        JsonNode state = app.awaitJob(job, timeout);
        assertThat(state.path("state").asText()).as(state.toString()).isEqualTo("DONE");
        return state;
    }
}
