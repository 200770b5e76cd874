package org.qualigraph.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qualigraph.QualigraphApplication;
import org.qualigraph.account.AccountService;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationSummary;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The main journeys in a real browser (Debian's Chromium, headless, through chromedriver) against the application
 * on the embedded default with the demo curriculum: a designer builds a qualification and submits the demo for
 * review; a reviewer comments, requests changes, and after the designer resubmits approves and publishes; an export
 * is downloaded with the browser's session. Screenshots of the key screens go to docs/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserJourneyIT {

    private static final String ADMIN_PASSWORD = "browser-admin-1";
    private static final String PASSWORD = "browser-pass-1";
    private static final Path SCREENSHOTS = Path.of("docs/screenshots");

    private static ConfigurableApplicationContext app;
    private static String base;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    static void startApplication() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "Skipped: Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        Path data = Files.createTempDirectory("qualigraph-browser");
        app = new SpringApplicationBuilder(QualigraphApplication.class).run("--server.port=0",
                "--qualigraph.data-dir=" + data, "--qualigraph.demo=true", "--QUALIGRAPH_ADMIN_PASSWORD=" + ADMIN_PASSWORD);
        base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        var accounts = app.getBean(AccountService.class);
        accounts.create("dana", PASSWORD, Set.of("DESIGNER"));
        accounts.create("rui", PASSWORD, Set.of("REVIEWER"));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopApplication() {
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--lang=en");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(90));
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    @Order(1)
    void aDesignerBuildsAQualificationAndSubmitsTheDemoForReview() throws Exception {
        login("dana");
        waitFor("#qualification-grid");
        screenshot("qualification-list");

        click("#new-qualification");
        type("#new-title input", "Hydrogen electrolyser technician");
        click("#create-qualification");
        waitFor("#editor-title");
        wait.until(d -> text("#editor-title").contains("Hydrogen electrolyser technician"));

        click("#tab-units");
        click("#add-unit");
        waitFor("#add-outcome-knowledge");
        click("#add-outcome-knowledge");
        WebElement statement = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#outcomes-knowledge .outcome-statement textarea")));
        statement.sendKeys("Explain the operating principles of PEM electrolysers using manufacturer documentation", Keys.TAB);
        click("#save");
        wait.until(d -> app.getBean(QualificationService.class).list(null, 0, 100).stream()
                .anyMatch(q -> q.displayTitle().equals("Hydrogen electrolyser technician") && q.version() >= 1));
        var saved = app.getBean(QualificationService.class).list(null, 0, 100).stream()
                .filter(q -> q.displayTitle().equals("Hydrogen electrolyser technician")).findFirst().orElseThrow();
        assertThat(app.getBean(QualificationService.class).get(saved.id()).units()).singleElement()
                .satisfies(unit -> assertThat(unit.outcomes()).singleElement().satisfies(outcome -> assertThat(
                        outcome.statement().get("en")).startsWith("Explain the operating principles of PEM electrolysers")));
        screenshot("editor");

        // the demo core curriculum: quality report, then submit for review
        openDemo();
        click("#tab-quality");
        try {
            // the report renders after the rules ran; give it time for the screenshot, but the journey goes on anyway
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getPageSource().contains("EQF-01"));
        } catch (org.openqa.selenium.TimeoutException stillLoading) {
            // the screenshot then shows the loading state
        }
        screenshot("quality-report");
        click("#tab-review");
        click("#action-SUBMIT");
        confirmTransitionIfAsked();
        wait.until(d -> demo().status().name().equals("IN_REVIEW"));
        screenshot("review-submitted");
    }

    @Test
    @Order(2)
    void aReviewerCommentsRequestsChangesApprovesAndPublishes() throws Exception {
        Assumptions.assumeTrue(demo().status().name().equals("IN_REVIEW"), "the designer journey must have submitted the demo");
        login("rui");
        openDemo();
        click("#tab-review");
        type("#comment-text textarea", "Please name the battery safety standard in U2.");
        click("#comment-add");
        wait.until(d -> !d.findElements(By.cssSelector("#comment-threads [id^='comment-']")).isEmpty());
        click("#action-REQUEST_CHANGES");
        type("#transition-comment textarea", "See my comment on U2.");
        click("#transition-confirm");
        wait.until(d -> demo().status().name().equals("CHANGES_REQUESTED"));
        logout();

        login("dana");
        openDemo();
        click("#tab-review");
        click("#action-RESUBMIT");
        confirmTransitionIfAsked();
        wait.until(d -> demo().status().name().equals("IN_REVIEW"));
        logout();

        login("rui");
        openDemo();
        click("#tab-review");
        click("#action-APPROVE");
        type("#approval-body input", "Alliance quality board");
        click("#approval-confirm");
        wait.until(d -> demo().status().name().equals("APPROVED"));
        click("#action-PUBLISH");
        confirmTransitionIfAsked();
        wait.until(d -> demo().status().name().equals("PUBLISHED"));
        screenshot("review-published");
    }

    @Test
    @Order(3)
    void anExportIsDownloadedWithTheBrowserSession() throws Exception {
        login("dana");
        openDemo();
        String id = demo().id();
        String cookie = driver.manage().getCookieNamed("JSESSIONID") == null ? "" : driver.manage().getCookieNamed("JSESSIONID").getValue();
        assertThat(cookie).isNotEmpty();
        // the REST export as an integrator would fetch it
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/qualifications/" + id + "/export/loq-xml"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("dana:" + PASSWORD).getBytes())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Battery cell production technician");
        // and the download offered in the editor's export tab
        click("#tab-export");
        WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tab-export ~ * a[href], a[download], vaadin-tabsheet a[href*='VAADIN']")));
        String href = link.getAttribute("href");
        assertThat(href).isNotBlank();
        var download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", "JSESSIONID=" + cookie).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body().length).isGreaterThan(100);
        screenshot("export");
    }

    private QualificationSummary demo() {
        List<QualificationSummary> list = app.getBean(QualificationService.class).list(null, 0, 100);
        return list.stream().filter(q -> q.displayTitle().equals("Battery cell production technician")).findFirst().orElseThrow();
    }

    private void openDemo() {
        driver.get(base + "/qualifications/" + demo().id());
        waitFor("#editor-title");
    }

    private void login(String user) {
        driver.get(base + "/login");
        type("#vaadinLoginUsername input", user);
        type("#vaadinLoginPassword input", PASSWORD + Keys.ENTER);
        waitFor("#main-nav");
    }

    private void logout() {
        driver.manage().deleteAllCookies();
    }

    private void confirmTransitionIfAsked() {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(3)).until(ExpectedConditions.presenceOfElementLocated(By.id("transition-confirm")));
            click("#transition-confirm");
        } catch (org.openqa.selenium.TimeoutException noDialog) {
            // this step needs no comment
        }
    }

    private WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    private void click(String css) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'}); arguments[0].click();", element);
    }

    /** Types into a field and leaves it with TAB, so Vaadin sends the value (fields sync on change). */
    private void type(String css, CharSequence text) {
        WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        element.click();
        element.sendKeys(text);
        if (!text.toString().endsWith(Keys.ENTER.toString())) {
            element.sendKeys(Keys.TAB);
        }
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
