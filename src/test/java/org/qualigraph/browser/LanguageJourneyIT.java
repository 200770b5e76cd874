package org.qualigraph.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.qualigraph.support.Browser;
import org.qualigraph.support.PackagedApp;

/**
 * A partner in Poland on the packaged jar (production mode, demo curriculum), in headless Chromium whose browser
 * language is Polish: the login page and, after signing in, the list are in Polish; the language switch in the header
 * turns the interface German, and the choice is remembered by the user's profile, so signing in again from the same
 * Polish browser gives German. The expected words are the Polish and German bundle texts. Screenshots of the Polish
 * and German interface go to docs/screenshots/ for the user guide.
 */
class LanguageJourneyIT {

    private static final String PASSWORD = "jezyk-pass-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PackagedApp app;

    @BeforeAll
    static void startTheJar(@TempDir Path data) {
        Assumptions.assumeTrue(Browser.available(),
                "Skipped: Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        app = PackagedApp.start(data.resolve("db"));
        app.createUser("agnieszka", PASSWORD, "DESIGNER");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aPolishBrowserGetsPolishAndTheSwitchToGermanIsRememberedAfterSigningInAgain() throws IOException {
        try (var browser = Browser.open(app.baseUrl(), 1280, 800, "pl")) {
            browser.open("/login");
            WebElement username = browser.waitFor("#vaadinLoginUsername");
            browser.waitForVaadin();
            assertThat(username.getDomProperty("label")).isEqualTo("Nazwa użytkownika");
            assertThat(browser.waitFor("#vaadinLoginPassword").getDomProperty("label")).isEqualTo("Hasło");
            assertThat(browser.driver().findElement(By.tagName("body")).getText())
                    .contains("Projektuj modułowe kwalifikacje na poziomach ERK z ESCO, kontrolą jakości i eksportem do Europass.");
            assertThat(browser.waitFor("#language-switch").getDomProperty("label") + browser.text("#language-switch"))
                    .contains("Polski");

            browser.login("agnieszka", PASSWORD);
            browser.waitFor("#qualification-grid");
            browser.waitForVaadin();
            assertThat(browser.text("#logout")).isEqualTo("Wyloguj");
            assertThat(browser.text("#new-qualification")).isEqualTo("Nowa kwalifikacja");
            assertThat(browser.text("#qualification-grid")).contains("Technik produkcji ogniw bateryjnych");
            browser.screenshot("interface-pl");

            String demo = idOf("Battery cell production technician");
            browser.open("/qualifications/" + demo + "/quality");
            browser.waitFor(".quality-finding, .quality-rule-note");
            browser.waitForVaadin();
            assertThat(pageText(browser)).as("findings and rule notes, also in closed groups")
                    .contains("Dotyczy tylko przygotowania zawodowego.")
                    .doesNotContain("Applies to apprenticeships only.");

            choose(browser, "Deutsch");
            browser.waitFor(".quality-finding, .quality-rule-note");
            browser.waitForVaadin();
            assertThat(browser.text("#logout")).isEqualTo("Abmelden");
            assertThat(pageText(browser)).contains("Gilt nur für die duale Ausbildung.");
            browser.screenshot("interface-de");

            browser.click("#logout");
            browser.waitFor("#vaadinLoginUsername");
            browser.login("agnieszka", PASSWORD);
            browser.waitFor("#qualification-grid");
            browser.waitForVaadin();
            assertThat(browser.text("#new-qualification")).as("the language chosen before, not the browser's Polish")
                    .isEqualTo("Neue Qualifikation");
            assertThat(browser.text("#logout")).isEqualTo("Abmelden");
            browser.assertClean();
        }
    }

    /** Every text of the page, shown or in a closed group. */
    private static String pageText(Browser browser) {
        return String.valueOf(((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return document.body.textContent"));
    }

    /** Picks a language in the header's switch; the page reloads in it. */
    private static void choose(Browser browser, String language) {
        browser.click("#language-switch");
        var item = browser.await().until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(e -> e.getText().strip().equals(language)).findFirst().orElse(null));
        item.click();
        browser.await().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> browser.text("#logout").equals("Abmelden"));
    }

    private static String idOf(String title) throws IOException {
        for (JsonNode q : JSON.readTree(app.api("GET", "/api/qualifications", null).body())) {
            if (title.equals(q.path("title").path("en").asText())) {
                return q.path("id").asText();
            }
        }
        throw new AssertionError("no qualification titled " + title);
    }
}
