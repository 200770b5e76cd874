package org.qualigraph.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qualigraph.support.Browser;
import org.qualigraph.support.PackagedApp;

/**
 * Independent review with an inbox for everyone, on the packaged jar at 1280×800: a designer submits the demo, a first
 * reviewer requests changes with a note, the designer finds it under "Returned to me" with the note on top, fixes it
 * and resubmits; a second reviewer opens the approval dialog, which lists the open comment thread and what would
 * refuse publication (nothing), approves over the thread with a note and publishes, and the "Waiting for my review"
 * count follows without a reload. The screenshots are the user guide's pictures of the inbox and the approval dialog.
 */
class ReviewInboxJourneyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEMO = "Battery cell production technician";
    private static final String DESIGNER = "dora.designer";
    private static final String FIRST = "rhea.reviewer";
    private static final String SECOND = "remy.reviewer";
    private static final String PASSWORD = "inbox-journey-1";
    private static final String PARTNER = "Alliance Core Partner";
    private static final String REQUEST = "Name the battery safety standard in the title.";
    private static final String THREAD = "Does this unit need a first-aid outcome?";
    private static final String OVER = "First aid is taught by the company; the board accepted this.";

    private static PackagedApp app;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Skipped: Debian's chromium and chromium-driver are not installed");
        app = PackagedApp.launch(Files.createTempDirectory("qualigraph-inbox"), "--qualigraph.embeddings.automatic=false");
        try {
            app.awaitHealthy(Duration.ofMinutes(15));
        } catch (RuntimeException | Error failed) {
            app.kill();
            throw failed;
        }
        // the designer belongs to the partner that owns the demo, so that it is theirs ("Returned to me")
        var designer = app.api("POST", "/api/admin/users", JSON.createObjectNode().put("username", DESIGNER)
                .put("password", PASSWORD).put("organisation", PARTNER).set("roles", JSON.createArrayNode().add("DESIGNER"))
                .toString());
        assertThat(designer.statusCode()).as(designer.body()).isEqualTo(201);
        app.createUser(FIRST, PASSWORD, "REVIEWER");
        app.createUser(SECOND, PASSWORD, "REVIEWER");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void returnedWorkReachesTheDesignerAndASecondReviewerApprovesOverAnOpenThreadAndPublishes() throws Exception {
        String demo = demoId();
        String title = document(demo).at("/title/en").asText();
        String unit = document(demo).at("/units/0/code").asText();
        // an administrator assigns the demo (created without an owner) to the designer's partner
        var owned = (ObjectNode) document(demo);
        owned.put("ownerOrganisation", PARTNER);
        assertThat(app.api("PUT", "/api/qualifications/" + demo, owned.toString()).statusCode()).isEqualTo(200);
        try (var browser = Browser.open(app.baseUrl(), 1280, 800)) {
            // the designer submits
            browser.login(DESIGNER, PASSWORD);
            browser.openEditor(demo);
            browser.click("#tab-review");
            browser.click("#action-SUBMIT");
            browser.waitFor("#transition-dialog");
            browser.click("#transition-confirm");
            browser.await().until(d -> status(demo).equals("IN_REVIEW"));
            browser.logout();

            // the first reviewer requests changes with a note
            browser.login(FIRST, PASSWORD);
            browser.openEditor(demo);
            browser.click("#tab-review");
            browser.click("#action-REQUEST_CHANGES");
            browser.type("#transition-comment textarea", REQUEST);
            browser.click("#transition-confirm");
            browser.await().until(d -> status(demo).equals("CHANGES_REQUESTED"));
            browser.logout();

            // the designer hears of it: "Returned to me" counts it and lists it; opened, the note is on top
            browser.login(DESIGNER, PASSWORD);
            browser.await().until(d -> "1".equals(d.findElement(By.id("menu-returned-count")).getText()));
            // the menu entry's link: the list filtered to what came back (opened as the variant journey opens its own)
            browser.open("/?review=returned");
            browser.waitFor("#qualification-grid");
            browser.await().until(d -> browser.gridCells().contains(title));
            assertThat(browser.gridCells()).as("only what came back").doesNotContain(title + " (Poland)");
            browser.waitForVaadin();
            browser.screenshot("review-returned-to-me");
            browser.openEditor(demo);
            browser.waitFor("#review-note-text");
            assertThat(browser.text("#review-note-text")).as("the reviewer's note heads the opened qualification")
                    .isEqualTo(REQUEST);
            assertThat(browser.driver().findElement(By.id("review-note")).isDisplayed()).isTrue();

            // fixed (the title, through the API as in the variant journey) and resubmitted
            var doc = (ObjectNode) document(demo);
            ((ObjectNode) doc.get("title")).put("en", title + " (IEC 62619)");
            assertThat(app.api(DESIGNER, PASSWORD, "PUT", "/api/qualifications/" + demo, doc.toString()).statusCode())
                    .isEqualTo(200);
            browser.openEditor(demo);
            browser.click("#tab-review");
            browser.click("#action-RESUBMIT");
            browser.click("#transition-confirm");
            browser.await().until(d -> status(demo).equals("IN_REVIEW"));
            browser.logout();
        }

        // a thread the first reviewer leaves open
        assertThat(app.api(FIRST, PASSWORD, "POST", "/api/qualifications/" + demo + "/comments",
                JSON.createObjectNode().put("text", THREAD).put("unit", unit).toString()).statusCode()).isEqualTo(201);

        try (var browser = Browser.open(app.baseUrl(), 1280, 800)) {
            // the second reviewer approves over the open thread with a note, and publishes
            browser.login(SECOND, PASSWORD);
            browser.await().until(d -> "1".equals(d.findElement(By.id("menu-review-queue-count")).getText()));
            browser.openEditor(demo);
            browser.click("#tab-review");
            browser.click("#action-APPROVE");
            browser.waitFor("#approve-dialog");
            browser.waitFor("#approval-thread-list");
            assertThat(browser.text("#approval-threads")).contains(THREAD).contains(FIRST);
            assertThat(browser.text("#approval-blockers")).as("nothing would refuse publication")
                    .contains("Nothing found would refuse publication");
            browser.type("#approval-body input", "Alliance quality board");
            browser.click("#approval-confirm");
            // no note: refused in the dialog, nothing changes
            browser.await().until(d -> d.findElement(By.id("approval-comment")).getAttribute("invalid") != null);
            assertThat(status(demo)).isEqualTo("IN_REVIEW");
            browser.type("#approval-comment textarea", OVER);
            browser.waitForVaadin();
            browser.screenshot("review-approval-dialog");
            browser.click("#approval-confirm");
            browser.await().until(d -> status(demo).equals("APPROVED"));
            JsonNode audit = JSON.readTree(app.api("GET", "/api/qualifications/" + demo + "/audit", null).body());
            assertThat(audit.findValuesAsText("detail")).as("the note is kept with the approval")
                    .anyMatch(detail -> detail.contains("open comment thread") && detail.contains(OVER));

            browser.click("#action-PUBLISH");
            browser.waitFor("#transition-explanation");
            browser.click("#transition-confirm");
            browser.await().until(d -> status(demo).equals("PUBLISHED"));
            // the count follows the transitions without a reload (item 4's live update)
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> {
                var count = d.findElement(By.id("menu-review-queue-count"));
                return !count.isDisplayed() || "0".equals(count.getText());
            });
            browser.assertClean();
        }
    }

    private static String status(String id) {
        try {
            return document(id).path("status").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode document(String id) throws IOException {
        return JSON.readTree(app.api("GET", "/api/qualifications/" + id, null).body());
    }

    private static String demoId() throws IOException {
        for (JsonNode row : JSON.readTree(app.api("GET", "/api/qualifications", null).body())) {
            if (DEMO.equals(row.path("title").path("en").asText())) {
                return row.path("id").asText();
            }
        }
        throw new AssertionError("the demo core profile is not listed on a fresh installation");
    }
}
