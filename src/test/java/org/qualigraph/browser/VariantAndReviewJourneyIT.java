package org.qualigraph.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.qualigraph.support.Browser;
import org.qualigraph.support.PackagedApp;

/**
 * A designer derives a national variant of the demo and sees its lineage and its changes from the core; the demo then
 * goes through review with confirmations and notes: submitted with a note the reviewer reads, changes requested, the
 * reviewer sees what changed since, approval with a missing field marked first, publication confirmed. Against the
 * packaged jar at 1280×800; no internal enum name or JSON path may be visible on the pages of the journey.
 */
class VariantAndReviewJourneyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Stored forms that must never reach a page: status, type and dimension names, the audit log's action codes, and
     * JSON paths of the document.
     */
    private static final Pattern INTERNAL = Pattern.compile(
            "\\b(DRAFT|IN_REVIEW|CHANGES_REQUESTED|APPROVED|PUBLISHED|ARCHIVED|RESPONSIBILITY_AUTONOMY|KNOWLEDGE|SKILLS"
                    + "|PRACTICAL_TASK|HE_SHORT_CYCLE|IVET|CVET|VET_PROVIDER"
                    + "|STATUS|CREATED|UPDATED|DERIVED|DUPLICATED|REVISED|COMMENT|GOVERNANCE)\\b"
                    + "|\\b[a-zA-Z]+\\[\\d+]\\.[a-zA-Z]+");

    private static PackagedApp app;
    private static final List<String> leaks = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Skipped: Debian's chromium and chromium-driver are not installed");
        // start() waits 5 minutes; a shared build machine under load takes longer, so wait for health here
        // the process runs in a folder of its own and brings the demo curriculum packaged in the jar
        app = PackagedApp.launch(Files.createTempDirectory("qualigraph-journey"));
        try {
            app.awaitHealthy(java.time.Duration.ofMinutes(15));
        } catch (RuntimeException | Error failed) {
            app.kill();
            throw failed;
        }
        app.createUser("dana", "dana-password-1", "DESIGNER");
        app.createUser("rui", "rui-password-1", "REVIEWER");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aVariantShowsItsLineageAndTheCoreGoesThroughAGuidedReview() throws Exception {
        String core = demoId();
        String coreTitle = document(core).at("/title/en").asText();

        try (var browser = Browser.open(app.baseUrl(), 1280, 800)) {
            browser.login("dana", "dana-password-1");
            // derive a national variant for another country
            browser.click("#derive-" + core);
            browser.waitFor("#derive-dialog");
            browser.type("#derive-title input", coreTitle + " (Austria)");
            // ENTER with no highlighted suggestion leaves a combo box empty (the dialog then marks the country when
            // Create is clicked): a designer clicks the suggestion, and so does the journey
            pick(browser, "#derive-country", "Austria", "Austria (AT)");
            browser.waitFor("#derive-nqf-level input").sendKeys("4", Keys.TAB);
            browser.waitFor("#derive-body input").sendKeys("WKO Lehrlingsstelle", Keys.TAB);
            browser.screenshot("derive-dialog");
            browser.click("#derive-confirm");
            browser.waitFor("#lineage-core");
            browser.waitForVaadin();
            String variant = browser.driver().getCurrentUrl().replaceAll(".*/qualifications/", "");
            JsonNode derived = document(variant);
            assertThat(derived.path("derivedFrom").asText()).isEqualTo(core);
            assertThat(derived.path("nqfLevels").toString()).contains("\"AT\"").contains("\"4\"");
            assertThat(derived.path("awardingBodies")).singleElement()
                    .satisfies(body -> assertThat(body.path("name").asText()).isEqualTo("WKO Lehrlingsstelle"));
            assertThat(browser.text("#lineage")).contains("Derived from").contains(coreTitle);
            checkVisibleText(browser, "variant profile");
            browser.screenshot("variant-lineage");
            browser.click("#lineage-changes");
            browser.waitFor("#core-diff");
            browser.waitForVaadin();
            assertThat(browser.text("#core-diff")).contains("Changes from core").contains("AT 4");
            checkVisibleText(browser, "changes from core");
            browser.screenshotOf("#core-diff", "variant-changes-from-core");

            // the designer submits the core with a note
            browser.openEditor(core);
            browser.click("#tab-review");
            browser.click("#action-SUBMIT");
            browser.waitFor("#transition-dialog");
            checkVisibleText(browser, "submit confirmation");
            browser.type("#transition-comment textarea", "Please look at unit U2 first.");
            browser.waitForVaadin();
            browser.screenshot("review-submit-confirmation");
            assertThat(status(core)).as("nothing happens before the confirmation").isEqualTo("DRAFT");
            browser.click("#transition-confirm");
            browser.await().until(d -> status(core).equals("IN_REVIEW"));
            browser.logout();

            // the reviewer finds it waiting, reads the note and requests changes
            browser.login("rui", "rui-password-1");
            browser.await().until(d -> "1".equals(d.findElement(By.id("menu-review-queue-count")).getText()));
            // the menu entry's link: the list filtered to what waits for review
            browser.open("/?review=waiting");
            browser.waitFor("#waiting-filter");
            browser.await().until(d -> browser.gridCells().contains(coreTitle));
            assertThat(browser.gridCells()).as("only what waits for review").doesNotContain(coreTitle + " (Austria)");
            checkVisibleText(browser, "waiting for my review");
            browser.screenshot("review-waiting");
            browser.openEditor(core);
            browser.click("#tab-review");
            browser.waitFor("#review-note-text");
            assertThat(browser.text("#review-note-text")).isEqualTo("Please look at unit U2 first.");
            checkVisibleText(browser, "review tab, in review");
            browser.click("#action-REQUEST_CHANGES");
            browser.type("#transition-comment textarea", "Name the battery safety standard in the title.");
            browser.click("#transition-confirm");
            browser.await().until(d -> status(core).equals("CHANGES_REQUESTED"));
            browser.logout();

            // the designer changes the title and resubmits
            var doc = (ObjectNode) document(core);
            ((ObjectNode) doc.get("title")).put("en", coreTitle + " (IEC 62619)");
            assertThat(app.api("dana", "dana-password-1", "PUT", "/api/qualifications/" + core, doc.toString()).statusCode())
                    .isEqualTo(200);
            browser.login("dana", "dana-password-1");
            browser.openEditor(core);
            browser.click("#tab-review");
            browser.click("#action-RESUBMIT");
            browser.click("#transition-confirm");
            browser.await().until(d -> status(core).equals("IN_REVIEW"));
            browser.logout();

            // the reviewer sees what changed since, approves (the missing body is marked first) and publishes
            browser.login("rui", "rui-password-1");
            browser.openEditor(core);
            browser.click("#tab-review");
            browser.waitFor("#changes-since-list");
            assertThat(browser.text("#changes-since")).contains("IEC 62619");
            checkVisibleText(browser, "changes since the request");
            browser.screenshotOf("#changes-since", "review-changes-since");
            browser.click("#action-APPROVE");
            browser.click("#approval-confirm");
            browser.await().until(d -> d.findElement(By.id("approval-body")).getAttribute("invalid") != null);
            checkVisibleText(browser, "approval with a missing body");
            browser.screenshot("review-approval-missing-field");
            assertThat(status(core)).isEqualTo("IN_REVIEW");
            browser.type("#approval-body input", "Alliance quality board");
            browser.click("#approval-confirm");
            browser.await().until(d -> status(core).equals("APPROVED"));
            browser.click("#action-PUBLISH");
            browser.waitFor("#transition-explanation");
            assertThat(status(core)).as("nothing happens before the confirmation").isEqualTo("APPROVED");
            browser.click("#transition-confirm");
            browser.await().until(d -> status(core).equals("PUBLISHED"));
            browser.assertClean();
        }
        assertThat(leaks).as("internal names or JSON paths visible to users").isEmpty();
    }

    /**
     * Types into a combo box and clicks the suggestion labelled {@code label}, then waits until the box shows it: the
     * way a designer picks from a list (ENTER alone selects nothing unless a suggestion is highlighted).
     */
    private static void pick(Browser browser, String comboBox, String text, String label) {
        var js = (JavascriptExecutor) browser.driver();
        var input = browser.waitFor(comboBox + " input");
        js.executeScript("arguments[0].focus();", input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
        WebElement item = browser.await().until(d -> (WebElement) js.executeScript(
                "return [...document.querySelectorAll('vaadin-combo-box-item')].find(i => i.offsetParent !== null"
                        + " && i.textContent.trim() === arguments[0]);", label));
        item.click();
        browser.await().until(d -> label.equals(js.executeScript("return arguments[0].value;", input)));
        browser.waitForVaadin();
    }

    /** Records every internal name or JSON path in the page's visible text (innerText includes open overlays). */
    private static void checkVisibleText(Browser browser, String where) {
        browser.waitForVaadin();
        String text = (String) ((JavascriptExecutor) browser.driver()).executeScript(
                "const parts = [document.body.innerText];"
                        + "document.querySelectorAll('vaadin-dialog-overlay, vaadin-notification-card').forEach(o => parts.push(o.innerText));"
                        + "return parts.join('\\n');");
        String visible = text == null ? "" : text;
        var m = INTERNAL.matcher(visible);
        while (m.find()) {
            // with the words around it, so that a failure says where on the page it was
            leaks.add(where + ": " + m.group() + " in \"" + visible.substring(Math.max(0, m.start() - 40),
                    Math.min(visible.length(), m.end() + 40)).replace('\n', ' ') + "\"");
        }
    }

    private static String demoId() throws Exception {
        // the readiness contract (docs/operations.md): health is UP only once the demo is loaded, so both demo
        // qualifications are listed as soon as start() saw the first UP, without waiting
        JsonNode list = JSON.readTree(app.api("GET", "/api/qualifications", null).body());
        assertThat(list.findValues("title")).extracting(title -> title.path("en").asText()).as("the demo is listed at the first UP")
                .contains("Battery cell production technician", "Battery cell production technician (Poland)");
        for (JsonNode row : list) {
            if (row.path("status").asText().equals("DRAFT") && document(row.get("id").asText()).path("derivedFrom").isNull()) {
                return row.get("id").asText();
            }
        }
        throw new AssertionError("no core qualification in the demo: " + list);
    }

    private static JsonNode document(String id) throws Exception {
        return JSON.readTree(app.api("GET", "/api/qualifications/" + id, null).body());
    }

    private static String status(String id) {
        try {
            return document(id).path("status").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
