package org.qualigraph.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qualigraph.support.Browser;
import org.qualigraph.support.PackagedApp;

/**
 * A fresh installation, nothing uploaded: a designer opens the demo's Export tab (which file goes where), runs the
 * check on the Submit to authority tab against the Europass schemas that ship with the application and sees it ready
 * to submit; once reviewed and published, a visitor who has no account opens its identifier in the browser and reads
 * the public page. In Debian's Chromium at 1280×800 against the packaged jar; the screenshots are the user guide's
 * "Publishing" pictures.
 */
class PublishingJourneyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEMO = "Battery cell production technician";
    private static final String DESIGNER = "dana.designer";
    private static final String REVIEWER = "rui.reviewer";
    private static final String PASSWORD = "publishing-journey-1";

    private static PackagedApp app;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Skipped: Debian's chromium and chromium-driver are not installed");
        // no ESCO import and no schema upload: what a new installation has; the sentence-vector job would only compete
        // for the cores while the journey runs
        app = PackagedApp.launch(Files.createTempDirectory("qualigraph-publishing"), "--qualigraph.embeddings.automatic=false");
        try {
            app.awaitHealthy(Duration.ofMinutes(15));
        } catch (RuntimeException | Error failed) {
            app.kill();
            throw failed;
        }
        app.createUser(DESIGNER, PASSWORD, "DESIGNER");
        app.createUser(REVIEWER, PASSWORD, "REVIEWER");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aFreshInstallationChecksTheDemoReadyToSubmitAndItsPublicPageOpensWithoutSigningIn() throws Exception {
        String demo = demoId();
        String dataset = app.baseUrl() + "/register/loq.xml";
        try (var browser = Browser.open(app.baseUrl(), 1280, 800)) {
            browser.login(DESIGNER, PASSWORD);
            browser.open("/qualifications/" + demo);
            browser.waitFor("#editor-tabs");
            browser.waitForVaadin();

            browser.click("#tab-export");
            browser.waitFor("#export-guide");
            assertThat(browser.text("#export-guide")).contains(dataset);
            browser.screenshotOf("#export-panel", "#save", "publishing-export-guide");

            browser.click("#tab-preflight");
            WebElement run = browser.waitFor("#preflight-run");
            browser.waitForVaadin();
            assertThat(browser.driver().findElements(By.id("preflight-missing")))
                    .as("the schemas that ship with the application are in use; nothing to upload").isEmpty();
            assertThat(run.getAttribute("disabled")).as("Run the check is enabled").isNull();
            browser.click("#preflight-run");
            // the check renders and validates every file off the UI thread: give a loaded machine time
            new WebDriverWait(browser.driver(), Duration.ofMinutes(3)).until(d -> !d.findElements(
                    By.cssSelector("#preflight-passed, #preflight-findings, #preflight-error, #preflight-missing")).isEmpty());
            browser.waitForVaadin();
            assertThat(browser.text("#preflight-results")).as("ready to submit")
                    .startsWith(bundle("preflight.passed"));
            List<String> files = new ArrayList<>();
            browser.driver().findElements(By.cssSelector("#preflight-downloads a")).forEach(a -> files.add(a.getText()));
            assertThat(files).as("the validated files are offered").hasSize(4)
                    .anyMatch(f -> f.endsWith(".xml")).anyMatch(f -> f.endsWith(".jsonld"))
                    .anyMatch(f -> f.endsWith(".ttl")).anyMatch(f -> f.endsWith("-qdr.zip"));
            assertThat(browser.text("#preflight-qdr")).as("how to register the dataset with QDR").contains(dataset);
            browser.screenshotOf("#preflight", "#save", "publishing-preflight-ready");
            browser.assertClean();
        }

        app.publishThroughReview(demo, DESIGNER, PASSWORD, REVIEWER, PASSWORD, "Alliance quality board");

        try (var visitor = Browser.open(app.baseUrl(), 1280, 800)) {
            visitor.open("/id/qualification/" + demo);
            visitor.waitFor("h1");
            assertThat(visitor.text("h1")).contains(DEMO);
            String page = visitor.text("body");
            assertThat(page).as("the public page, without signing in").contains(app.baseUrl() + "/id/qualification/" + demo)
                    .doesNotContain(DESIGNER, REVIEWER, "Alliance quality board");
            assertThat(visitor.driver().getCurrentUrl()).as("no redirect to the login page").doesNotContain("/login");
            visitor.screenshot("publishing-public-page");

            visitor.open("/catalog");
            visitor.waitFor("h1");
            assertThat(visitor.text("body")).contains(DEMO);
            visitor.screenshot("publishing-catalogue");
            visitor.assertClean();
        }
    }

    /** The English interface text of a key, as the bundle has it. */
    private static String bundle(String key) throws IOException {
        var properties = new Properties();
        try (var in = PublishingJourneyIT.class.getClassLoader().getResourceAsStream("vaadin-i18n/translations.properties")) {
            assertThat(in).as("the English interface bundle").isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        String text = properties.getProperty(key);
        assertThat(text).as(key).isNotBlank();
        return text;
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
