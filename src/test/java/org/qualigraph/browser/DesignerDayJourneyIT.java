package org.qualigraph.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.qualigraph.support.Browser;
import org.qualigraph.support.PackagedApp;
import org.qualigraph.support.SharedData;

/**
 * A new designer's first qualification, in Debian's Chromium at 1280×800 against the packaged jar, with the official
 * ESCO packages imported through the API (skipped with a message when ../shared or the browser is absent): create it,
 * pick the target occupation by typing its name, add a unit with outcomes, work-based learning and an assessment, map
 * a skill, save. Every tab of the editor fits the window (nothing runs off to the right) and no page shows a stored
 * code such as CHANGES_REQUESTED or a document path such as units[0].title. The side menu still works after "Stay" in
 * the unsaved-changes dialog.
 */
class DesignerDayJourneyIT {

    static final String DESIGNER = "nina";
    static final String PASSWORD = "designer-day-1";
    static final String HEAT_PUMP = "http://data.europa.eu/esco/occupation/8234eee9-1647-460d-8d62-7fe02cb884b0";
    /** A stored enum constant (two capitalised words joined by underscores) or a JSON path of the document. */
    static final Pattern INTERNAL = Pattern.compile("\\b[A-Z]{2,}_[A-Z_]{2,}\\b|\\b[a-z][A-Za-z]*\\[\\d+]");
    static final Pattern STATUS_CODE = Pattern.compile("\\b(DRAFT|IN_REVIEW|APPROVED|PUBLISHED|ARCHIVED|IVET|CVET)\\b");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static PackagedApp app;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Skipped: Debian's chromium and chromium-driver are not installed");
        Path esco = SharedData.requireEsco();
        // launch + a longer wait than start(): on a machine shared by several builds the first start can take minutes
        // skills are mapped by name here: the sentence-vector job would only compete for the two cores while the
        // journey runs (SkillsByMeaningJourneyIT covers it)
        app = PackagedApp.launch(Files.createTempDirectory("qualigraph-designer-day"), "--qualigraph.embeddings.automatic=false");
        try {
            app.awaitHealthy(Duration.ofMinutes(15));
        } catch (RuntimeException | Error failed) {
            app.kill();
            throw failed;
        }
        importEsco(esco);
        app.createUser(DESIGNER, PASSWORD, "DESIGNER");
        browser = Browser.open(app.baseUrl(), 1280, 800);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aNewDesignerBuildsAQualificationWithoutScrollingSidewaysOrSeeingCodes() throws Exception {
        browser.login(DESIGNER, PASSWORD);
        browser.waitFor("#qualification-grid");
        checkPage("qualification list");

        // create
        click("#new-qualification");
        type("#new-title input", "Heat pump installer");
        type("#new-eqf input", "4");
        click("#create-qualification");
        browser.waitFor("#editor-title");
        browser.await().until(d -> browser.text("#editor-title").contains("Heat pump installer"));
        String id = browser.driver().getCurrentUrl().replaceAll(".*/qualifications/([^/?#]+).*", "$1");

        // the target occupation by name
        searchAndPick("#target-occupation-search input", "heat pump installation",
                "refrigeration air condition and heat pump technician");
        browser.await().until(d -> !d.findElements(By.cssSelector(".target-occupation")).isEmpty());
        assertThat(browser.text(".target-occupation")).contains("refrigeration air condition and heat pump technician")
                .doesNotContain("http");
        checkPage("profile tab");
        browser.screenshot("editor-profile");

        // a unit with three outcomes, work-based learning and an assessment
        click("#tab-units");
        click("#add-unit");
        type("#unit-title vaadin-text-field:last-of-type input", "Refrigerant circuits and heat pump installation");
        type("#unit-hours input", "240");
        for (var dimension : List.of("knowledge", "skills", "responsibility-autonomy")) {
            click("#add-outcome-" + dimension);
        }
        type("#outcomes-knowledge .outcome-statement textarea",
                "Explain the refrigeration cycle of air-to-water heat pumps using the manufacturer's documentation");
        type("#outcomes-skills .outcome-statement textarea",
                "Install an air-to-water heat pump according to the manufacturer's instructions and safety rules");
        type("#outcomes-responsibility-autonomy .outcome-statement textarea",
                "Take responsibility for leak tests of refrigerant circuits under supervision");
        click("#periods-add");
        type(".period .period-hours input", "80");
        click("#assessments-add");
        // map an ESCO skill on the skills outcome by typing its name
        searchAndPick("#outcomes-skills .skill-search input", "install heat pumps", null);
        browser.await().until(d -> !d.findElements(By.cssSelector("#outcomes-skills .skill-chip")).isEmpty());
        checkPage("units tab");
        browser.screenshot("editor");

        click("#save");
        browser.await().until(d -> !d.findElements(By.cssSelector("vaadin-notification-card")).isEmpty()
                || document(id).path("version").asLong() >= 1);
        browser.await().until(d -> document(id).path("version").asLong() >= 1);
        JsonNode saved = document(id);
        assertThat(saved.path("targetOccupations").toString()).contains(HEAT_PUMP);
        JsonNode unit = saved.path("units").get(0);
        assertThat(unit.path("outcomes")).hasSize(3);
        assertThat(unit.path("workBasedLearning")).hasSize(1);
        assertThat(unit.path("assessments")).hasSize(1);
        assertThat(unit.path("outcomes").get(1).path("skills")).isNotEmpty();

        // every other tab fits too and speaks plainly; a designer's draft has each of them, so a missing one fails
        for (String tab : List.of("#tab-profile", "#tab-quality", "#tab-esco-coverage", "#tab-review", "#tab-revisions",
                "#tab-export")) {
            assertThat(browser.driver().findElements(By.cssSelector(tab))).as("the editor shows %s", tab).isNotEmpty();
            click(tab);
            browser.waitForVaadin();
            checkPage(tab);
        }
        browser.assertClean();
    }

    @Test
    void afterStayingAndSavingTheSideMenuStillNavigates() {
        browser.login(DESIGNER, PASSWORD);
        browser.waitFor("#qualification-grid");
        click("#new-qualification");
        type("#new-title input", "Menu check");
        type("#new-eqf input", "4");
        click("#create-qualification");
        browser.waitFor("#editor-title");
        type("#title vaadin-text-field:last-of-type input", "Menu check, edited");

        clickMenu("ESCO");
        browser.waitFor("#unsaved-dialog");
        WebElement stay = browser.await().until(d -> (WebElement) ((JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll('vaadin-button')].find(b => b.textContent.trim() === 'Stay');"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();", stay);
        browser.waitForVaadin();
        assertThat(browser.driver().getCurrentUrl()).contains("/qualifications/");
        click("#save");
        browser.waitForVaadin();

        clickMenu("ESCO");
        browser.await().until(d -> d.getCurrentUrl().endsWith("/esco"));
        browser.waitFor("#esco-search");
        clickMenu("Qualifications");
        browser.await().until(d -> !d.findElements(By.cssSelector("#qualification-grid")).isEmpty());
        browser.assertClean();
    }

    /** No sideways scrolling, nothing cut off on the right, no stored codes or document paths in the visible text. */
    private void checkPage(String where) {
        browser.waitForVaadin();
        var js = (JavascriptExecutor) browser.driver();
        @SuppressWarnings("unchecked")
        Map<String, Object> layout = (Map<String, Object>) js.executeScript("""
                const s = document.scrollingElement;
                const offRight = [...document.querySelectorAll('vaadin-button, vaadin-text-field, vaadin-text-area,'
                    + ' vaadin-combo-box, vaadin-multi-select-combo-box, vaadin-select, vaadin-integer-field,'
                    + ' vaadin-big-decimal-field, vaadin-checkbox, vaadin-grid')]
                  .filter(e => e.offsetParent !== null)
                  .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > window.innerWidth + 1; })
                  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + (e.getAttribute('label') || e.textContent.trim()).slice(0, 40));
                return {scrollWidth: s.scrollWidth, clientWidth: s.clientWidth, offRight: offRight,
                        text: document.body.innerText};""");
        assertThat(((Number) layout.get("scrollWidth")).longValue()).as(where + ": page width")
                .isLessThanOrEqualTo(((Number) layout.get("clientWidth")).longValue());
        assertThat((List<?>) layout.get("offRight")).as(where + ": fields cut off on the right").isEmpty();
        String text = (String) layout.get("text");
        assertThat(INTERNAL.matcher(text).results().map(r -> r.group()).toList()).as(where + ": internal names").isEmpty();
        assertThat(STATUS_CODE.matcher(text).results().map(r -> r.group()).toList()).as(where + ": stored codes").isEmpty();
    }

    private void clickMenu(String label) {
        WebElement item = browser.await().until(d -> (WebElement) ((JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll('#main-nav vaadin-side-nav-item')].find(i => i.textContent.trim() === arguments[0]);",
                label));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].shadowRoot.querySelector('a').click();", item);
    }

    private void click(String css) {
        browser.click(css);
    }

    private void type(String css, String text) {
        browser.type(css, text);
    }

    /** Types into a search box without leaving it, so its suggestions open. */
    private WebElement typeOnly(String css, String text) {
        WebElement input = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block:'center'});", input);
        input.click();
        input.sendKeys(text);
        return input;
    }

    /**
     * Types into a search box and clicks the first suggestion whose text contains {@code wanted} (any suggestion when
     * it is null). When nothing comes within 20 s the state of the box is printed (its value, the suggestions shown)
     * and the text typed once more, so that a failure says what the designer would have seen.
     */
    private void searchAndPick(String css, String text, String wanted) {
        String find = "return [...document.querySelectorAll('vaadin-combo-box-item')].find(i => i.offsetParent !== null"
                + " && i.textContent.trim().length > 0 && (arguments[0] === null || i.textContent.includes(arguments[0])));";
        var js = (JavascriptExecutor) browser.driver();
        WebElement input = typeOnly(css, text);
        for (int attempt = 1; ; attempt++) {
            try {
                WebElement item = new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                        .until(d -> (WebElement) js.executeScript(find, wanted));
                item.click();
                browser.waitForVaadin();
                return;
            } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.StaleElementReferenceException missing) {
                Object state = js.executeScript("""
                        const input = document.querySelector(arguments[0]);
                        return 'value ' + JSON.stringify(input ? input.value : null) + ', focused ' + (document.activeElement
                          && input && (document.activeElement === input || document.activeElement.contains(input)))
                          + ', suggestions [' + [...document.querySelectorAll('vaadin-combo-box-item')]
                          .map(i => i.textContent.trim().slice(0, 60)).join(' | ') + ']';""", css);
                System.out.println("DesignerDayJourneyIT: no suggestion containing '" + wanted + "' for '" + text
                        + "' after 20 s (attempt " + attempt + "): " + state);
                if (attempt == 3) {
                    browser.screenshot("failed-search");
                    throw new AssertionError("No suggestion containing '" + wanted + "' for '" + text + "' in " + css
                            + ": " + state, missing);
                }
                input = browser.driver().findElement(By.cssSelector(css));
                input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
                input.sendKeys(text);
            }
        }
    }

    private static JsonNode document(String id) {
        try {
            return JSON.readTree(app.api("GET", "/api/qualifications/" + id, null).body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void importEsco(Path esco) {
        JsonNode state = app.awaitJob(app.startEscoImport(esco), Duration.ofMinutes(15));
        assertThat(state.path("state").asText()).as(state.toString()).isEqualTo("DONE");
    }
}
