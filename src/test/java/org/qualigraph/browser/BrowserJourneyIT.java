package org.qualigraph.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.qualigraph.support.Browser;
import org.qualigraph.support.PackagedApp;

/**
 * The main journeys in a real browser (Debian's Chromium, headless, through chromedriver) against the packaged jar
 * started as its own process in production mode with the demo curriculum, as a user runs it. Each journey stands
 * alone (it makes the state it needs through the REST API) and fails on any console error or failed request it did
 * not provoke. Screenshots of the key screens go to docs/screenshots/ (the files the README and user guide show).
 */
class BrowserJourneyIT {

    private static final String PASSWORD = "browser-pass-1";
    private static final String DEMO = "Battery cell production technician";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PackagedApp app;
    private static String demoId;
    private Browser browser;

    @BeforeAll
    static void startTheJar(@TempDir Path data) {
        Assumptions.assumeTrue(Browser.available(),
                "Skipped: Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        app = PackagedApp.start(data.resolve("db"));
        app.createUser("dana", PASSWORD, "DESIGNER");
        app.createUser("rui", PASSWORD, "REVIEWER");
        demoId = idOf(DEMO);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(app.baseUrl(), 1400, 1000);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aDesignerBuildsAQualificationAndSubmitsACurriculumForReview() {
        String copy = copyOfDemo(DEMO + " (submitted by the designer)");
        browser.login("dana", PASSWORD);
        browser.waitFor("#qualification-grid");
        browser.waitForVaadin();
        browser.screenshot("qualification-list");

        browser.click("#new-qualification");
        browser.type("#new-title input", "Hydrogen electrolyser technician");
        browser.click("#create-qualification");
        browser.await().until(d -> browser.text("#editor-title").contains("Hydrogen electrolyser technician"));
        browser.click("#tab-units");
        browser.click("#add-unit");
        browser.click("#add-outcome-knowledge");
        WebElement statement = browser.waitFor("#outcomes-knowledge .outcome-statement textarea");
        statement.sendKeys("Explain the operating principles of PEM electrolysers using manufacturer documentation", Keys.TAB);
        browser.click("#save");
        browser.await().until(d -> {
            String id = idOrNull("Hydrogen electrolyser technician");
            return id != null && document(id).path("units").size() == 1;
        });
        JsonNode saved = document(idOf("Hydrogen electrolyser technician"));
        assertThat(saved.path("units").get(0).path("outcomes")).singleElement().satisfies(outcome ->
                assertThat(outcome.path("statement").path("en").asText()).startsWith("Explain the operating principles of PEM electrolysers"));
        browser.waitForVaadin();
        browser.screenshot("editor");

        browser.open("/qualifications/" + copy);
        browser.waitFor("#editor-title");
        browser.click("#tab-quality");
        // the report lists every rule evaluated once the rules ran
        browser.await().until(d -> d.getPageSource().contains("EQF-01"));
        browser.waitForVaadin();
        browser.screenshot("quality-report");
        browser.click("#tab-review");
        browser.click("#action-SUBMIT");
        confirmTransitionIfAsked();
        browser.await().until(d -> status(copy).equals("IN_REVIEW"));
        browser.waitForVaadin();
        browser.screenshot("review-submitted");
        browser.assertClean();
    }

    @Test
    void aReviewerCommentsRequestsChangesApprovesAndPublishes() {
        String copy = copyOfDemo(DEMO + " (reviewed)");
        transition("dana", copy, "{\"to\":\"IN_REVIEW\"}");

        browser.login("rui", PASSWORD);
        openEditor(copy);
        browser.click("#tab-review");
        browser.type("#comment-text textarea", "Please name the battery safety standard in U2.");
        browser.click("#comment-add");
        browser.await().until(d -> !d.findElements(By.cssSelector("#comment-threads [id^='comment-']")).isEmpty());
        browser.click("#action-REQUEST_CHANGES");
        browser.type("#transition-comment textarea", "See my comment on U2.");
        browser.click("#transition-confirm");
        browser.await().until(d -> status(copy).equals("CHANGES_REQUESTED"));
        browser.assertClean();
        browser.driver().manage().deleteAllCookies();

        browser.login("dana", PASSWORD);
        openEditor(copy);
        browser.click("#tab-review");
        browser.click("#action-RESUBMIT");
        confirmTransitionIfAsked();
        browser.await().until(d -> status(copy).equals("IN_REVIEW"));
        browser.assertClean();
        browser.driver().manage().deleteAllCookies();

        browser.login("rui", PASSWORD);
        openEditor(copy);
        browser.click("#tab-review");
        browser.click("#action-APPROVE");
        browser.type("#approval-body input", "Alliance quality board");
        // the comment thread on U2 is still open: approving over it needs a note, which the audit keeps
        browser.waitFor("#approval-thread-list");
        browser.type("#approval-comment textarea", "Approved; the standard is named in U2 now.");
        browser.click("#approval-confirm");
        browser.await().until(d -> status(copy).equals("APPROVED"));
        browser.click("#action-PUBLISH");
        confirmTransitionIfAsked();
        browser.await().until(d -> status(copy).equals("PUBLISHED"));
        browser.waitForVaadin();
        browser.screenshot("review-published");
        browser.assertClean();
    }

    @Test
    void theExportTabGeneratesAPdfAndOffersACsvThatHoldTheCurriculum() throws IOException, InterruptedException {
        browser.login("dana", PASSWORD);
        openEditor(demoId);
        browser.click("#tab-export");
        browser.waitFor("#export-panel");
        List<String> unitTitles = new ArrayList<>();
        document(demoId).path("units").forEach(unit -> unitTitles.add(unit.path("title").path("en").asText()));
        assertThat(unitTitles).hasSize(9);

        if (!browser.driver().findElements(By.id("generate-pdf")).isEmpty()) {
            browser.click("#generate-pdf");
        }
        byte[] pdf = downloadFromTheTab("pdf");
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains(DEMO);
            unitTitles.forEach(title -> assertThat(text).contains(title.replaceAll("\\s+", " ")));
        }

        if (!browser.driver().findElements(By.id("generate-csv")).isEmpty()) {
            browser.click("#generate-csv");
        }
        String csv = new String(downloadFromTheTab("csv"), StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
        var units = new LinkedHashSet<String>();
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            parser.forEach(row -> units.add(row.get("unit_title")));
        }
        assertThat(units).containsExactlyInAnyOrderElementsOf(unitTitles);
        browser.waitForVaadin();
        browser.screenshot("export");
        browser.assertClean();
    }

    /** Every page of the menu and every tab of the demo's editor, as the administrator (who may open all of them). */
    @Test
    void everyPageAndEveryEditorTabHasACleanConsoleAndNoDevelopmentModeNotice() {
        browser.login("admin", PackagedApp.ADMIN_PASSWORD);
        browser.waitForVaadin();
        checkPage("/ (after login)");
        List<String> menu = new ArrayList<>();
        for (WebElement item : browser.driver().findElements(By.cssSelector("#main-nav vaadin-side-nav-item"))) {
            menu.add(item.getAttribute("path"));
        }
        assertThat(menu).as("menu routes").hasSizeGreaterThanOrEqualTo(6);
        for (String path : menu) {
            browser.open("/" + path.replaceFirst("^/", ""));
            browser.waitFor("#main-nav");
            browser.waitForVaadin();
            checkPage(path);
        }
        for (String page : List.of("/quality", "/dashboard", "/preflight")) {
            browser.open("/qualifications/" + demoId + page);
            browser.waitFor("#main-nav");
            browser.waitForVaadin();
            checkPage(page);
        }
        openEditor(demoId);
        List<String> tabs = new ArrayList<>();
        for (WebElement tab : browser.driver().findElements(By.cssSelector("vaadin-tab[id^='tab-']"))) {
            tabs.add(tab.getAttribute("id"));
        }
        assertThat(tabs).as("editor tabs").contains("tab-profile", "tab-units", "tab-quality", "tab-review", "tab-export");
        for (String tab : tabs) {
            browser.click("#" + tab);
            browser.await().until(d -> d.findElement(By.id(tab)).getAttribute("selected") != null);
            browser.waitForVaadin();
            checkPage("editor " + tab);
        }
    }

    private void checkPage(String where) {
        assertThat(browser.showsDevelopmentMode()).as("development-mode notice on %s", where).isFalse();
        assertThat(browser.problems()).as("console errors and failed requests on %s", where).isEmpty();
    }

    private void openEditor(String id) {
        browser.open("/qualifications/" + id);
        browser.waitFor("#editor-title");
        browser.waitForVaadin();
    }

    private void confirmTransitionIfAsked() {
        browser.waitForVaadin();
        if (!browser.driver().findElements(By.id("transition-confirm")).isEmpty()) {
            browser.click("#transition-confirm");
        }
    }

    /** Waits for the tab's download link and fetches it with the browser's session, as the browser would. */
    private byte[] downloadFromTheTab(String format) throws IOException, InterruptedException {
        WebElement link = browser.await().until(d -> d.findElements(By.id("download-" + format)).stream()
                .filter(a -> a.getAttribute("href") != null && !a.getAttribute("href").isBlank()).findFirst().orElse(null));
        var session = browser.driver().manage().getCookieNamed("JSESSIONID");
        assertThat(session).isNotNull();
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link.getAttribute("href")))
                .header("Cookie", "JSESSIONID=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("download of %s", format).isEqualTo(200);
        return response.body();
    }

    /** A stored copy of the demo core profile under another title, so a journey changes only its own qualification. */
    private static String copyOfDemo(String title) {
        var doc = (ObjectNode) document(demoId);
        for (String field : List.of("id", "version", "status", "derivedFrom", "createdAt", "updatedAt", "revision", "revisionOf")) {
            doc.remove(field);
        }
        doc.set("title", JSON.valueToTree(Map.of("en", title)));
        var created = app.api("dana", PASSWORD, "POST", "/api/qualifications", doc.toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return read(created.body()).path("id").asText();
    }

    private static void transition(String user, String id, String body) {
        var response = app.api(user, PASSWORD, "POST", "/api/qualifications/" + id + "/transitions", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String status(String id) {
        return document(id).path("status").asText();
    }

    private static JsonNode document(String id) {
        var response = app.api("GET", "/api/qualifications/" + id, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response.body());
    }

    private static String idOf(String title) {
        String id = idOrNull(title);
        assertThat(id).as("a qualification titled %s", title).isNotNull();
        return id;
    }

    private static String idOrNull(String title) {
        for (JsonNode q : read(app.api("GET", "/api/qualifications", null).body())) {
            if (title.equals(q.path("title").path("en").asText(q.path("title").asText()))) {
                return q.path("id").asText();
            }
        }
        return null;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
