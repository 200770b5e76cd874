package org.qualigraph.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.qualigraph.support.Browser;
import org.qualigraph.support.Documents;
import org.qualigraph.support.PackagedApp;

/**
 * Two designers in two browsers on the packaged jar edit one shared unit through two qualifications: Dana works on the
 * core profile A, Lea on the partner qualification B, which holds A's unit U1 by its id (shared, as partners create it
 * through the API). Lea renames U1 and saves; Dana's open editor says within seconds that U1 changed elsewhere; Dana,
 * without reloading, changes U1 too and saves, and the conflict dialog names U1, Lea and B. Dana first takes Lea's
 * version (her other edit is saved with it), then, when Lea raises U1's credits, applies her own title on top (Lea's
 * credits stay). At the end the API shows everything both of them typed that their choices kept.
 */
class SharedUnitConflictJourneyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DANA = "dana";
    private static final String DANA_PASSWORD = "dana-password-1";
    private static final String LEA = "lea";
    private static final String LEA_PASSWORD = "lea-password-1";
    /** The editor polls every 4 s; on a loaded shared machine the notice may take a little longer, never this long. */
    private static final Duration NOTICE_WITHIN = Duration.ofSeconds(15);

    private static PackagedApp app;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Skipped: Debian's chromium and chromium-driver are not installed");
        app = PackagedApp.launch(Files.createTempDirectory("qualigraph-shared-unit-journey"));
        try {
            app.awaitHealthy(Duration.ofMinutes(15));
        } catch (RuntimeException | Error failed) {
            app.kill();
            throw failed;
        }
        app.createUser(DANA, DANA_PASSWORD, "DESIGNER");
        app.createUser(LEA, LEA_PASSWORD, "DESIGNER");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void twoDesignersEditOneSharedUnitThroughTwoQualificationsAndNothingTheyKeepIsLost() throws Exception {
        // step 1 of the issue: A holds U1-U3; B is created with A's U1 by its id, so U1 is shared
        var created = app.api(DANA, DANA_PASSWORD, "POST", "/api/qualifications",
                JSON.writeValueAsString(Documents.generated("Shared core profile", 3, 3)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String a = JSON.readTree(created.body()).path("id").asText();
        JsonNode u1 = document(a).path("units").get(0);
        String u1Id = u1.path("id").asText();
        var partner = (ObjectNode) JSON.valueToTree(Documents.generated("Partner qualification", 1, 3));
        ((ArrayNode) partner.putArray("units")).add(u1);
        var createdB = app.api(LEA, LEA_PASSWORD, "POST", "/api/qualifications", partner.toString());
        assertThat(createdB.statusCode()).as(createdB.body()).isEqualTo(201);
        String b = JSON.readTree(createdB.body()).path("id").asText();
        assertThat(document(b).path("units").get(0).path("id").asText()).as("U1 is shared").isEqualTo(u1Id);

        try (var dana = Browser.open(app.baseUrl(), 1280, 900); var lea = Browser.open(app.baseUrl(), 1280, 900)) {
            dana.login(DANA, DANA_PASSWORD);
            lea.login(LEA, LEA_PASSWORD);
            dana.openEditor(a);
            lea.openEditor(b);

            // Dana's other edit, not yet saved: the qualification's title
            dana.type("#title vaadin-text-field input", "Shared core profile, edited by Dana");
            // Lea renames U1 through B and saves
            lea.click("#tab-units");
            lea.type("#unit-title vaadin-text-field input", "Renamed by Lea");
            lea.click("#save");
            lea.await().until(d -> unitTitle(b).equals("Renamed by Lea"));
            long saved = System.nanoTime();
            // Dana's open editor (another browser, no reload) says so within seconds: the poll reads the graph
            var notice = new org.openqa.selenium.support.ui.WebDriverWait(dana.driver(), NOTICE_WITHIN)
                    .until(d -> d.findElements(org.openqa.selenium.By.id("changed-elsewhere")).stream().findFirst().orElse(null));
            long noticeMillis = Duration.ofNanos(System.nanoTime() - saved).toMillis();
            System.out.println("SharedUnitConflictJourneyIT: the changed-elsewhere notice showed " + noticeMillis
                    + " ms after the partner's save was readable");
            assertThat(notice.getText()).contains("U1");

            // Dana, without reloading, renames U1 too and saves: the conflict dialog names U1, Lea and B
            dana.click("#tab-units");
            dana.type("#unit-title vaadin-text-field input", "Title by Dana");
            dana.click("#save");
            dana.waitFor("#unit-conflict-U1");
            dana.waitForVaadin();
            String section = dana.text("#unit-conflict-U1");
            assertThat(section).contains("U1").contains(LEA).contains("Partner qualification")
                    .contains("Title by Dana").contains("Renamed by Lea");
            assertThat(document(a).path("title").path("en").asText()).as("nothing saved before the choice")
                    .isEqualTo("Shared core profile");
            dana.screenshot("shared-unit-conflict");

            // take theirs: Lea's title for U1, Dana's title for the qualification, saved together
            choose(dana, "U1", 1);
            dana.click("#unit-conflict-apply");
            dana.await().until(d -> document(a).path("title").path("en").asText().equals("Shared core profile, edited by Dana"));
            dana.waitForVaadin();
            assertThat(unitTitle(a)).isEqualTo("Renamed by Lea");
            assertThat(value(dana, "#unit-title vaadin-text-field input")).as("the editor shows Lea's title").isEqualTo("Renamed by Lea");
            assertThat(dana.text("#editor-title")).isEqualTo("Shared core profile, edited by Dana");

            // apply mine on top: Dana renames U1 and retitles A again; Lea raises U1's credits through B meanwhile
            dana.type("#unit-title vaadin-text-field input", "Title by Dana, kept");
            dana.click("#tab-profile");
            dana.type("#title vaadin-text-field input", "Shared core profile, edited twice by Dana");
            lea.type("#unit-credits input", "26");
            lea.click("#save");
            lea.await().until(d -> document(b).path("units").get(0).path("credits").decimalValue().intValue() == 26);
            new org.openqa.selenium.support.ui.WebDriverWait(dana.driver(), NOTICE_WITHIN)
                    .until(d -> !d.findElements(org.openqa.selenium.By.id("changed-elsewhere")).isEmpty());
            dana.click("#save");
            dana.waitFor("#unit-conflict-U1");
            dana.waitForVaadin();
            assertThat(dana.text("#unit-conflict-U1")).contains("Title by Dana, kept").contains("26");
            choose(dana, "U1", 2);
            dana.click("#unit-conflict-apply");
            dana.await().until(d -> unitTitle(a).equals("Title by Dana, kept"));
            dana.waitForVaadin();

            dana.assertClean();
            lea.assertClean();
        }

        // nothing either of them typed is lost: Dana's titles and her U1 title, Lea's credits, in both qualifications
        JsonNode finalA = document(a);
        JsonNode finalB = document(b);
        assertThat(finalA.path("title").path("en").asText()).isEqualTo("Shared core profile, edited twice by Dana");
        for (JsonNode doc : new JsonNode[] {finalA, finalB}) {
            JsonNode unit = doc.path("units").get(0);
            assertThat(unit.path("id").asText()).as("still shared").isEqualTo(u1Id);
            assertThat(unit.path("title").path("en").asText()).isEqualTo("Title by Dana, kept");
            assertThat(unit.path("credits").decimalValue()).isEqualByComparingTo("26");
            assertThat(unit.path("version").asLong()).as("Lea's rename, Lea's credits, Dana's title").isEqualTo(3);
        }
        assertThat(finalA.path("units")).hasSize(3);
        assertThat(finalA.path("units").get(1).path("title").path("en").asText()).isEqualTo("Unit 2 of Shared core profile");
    }

    /**
     * Picks the n-th option of a unit's choice (1: take theirs, 2: apply mine on top) the way a click on it does, and
     * waits until the dialog's apply button is enabled (every unit in conflict has its choice).
     */
    private static void choose(Browser browser, String unit, int option) {
        var radio = browser.waitFor("#unit-conflict-choice-" + unit + " vaadin-radio-button:nth-of-type(" + option + ")");
        // the native radio input is transparent over the button (Selenium counts it as not displayed): a script clicks it
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].querySelector('input').click();", radio);
        browser.waitForVaadin();
        browser.await().until(d -> radio.getAttribute("checked") != null
                && browser.waitFor("#unit-conflict-apply").getAttribute("disabled") == null);
    }

    private static String value(Browser browser, String css) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("return arguments[0].value;", browser.waitFor(css));
    }

    private static String unitTitle(String id) {
        return document(id).path("units").get(0).path("title").path("en").asText();
    }

    private static JsonNode document(String id) {
        try {
            var response = app.api("GET", "/api/qualifications/" + id, null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
