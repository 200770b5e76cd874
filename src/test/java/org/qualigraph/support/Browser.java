package org.qualigraph.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
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
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium via chromedriver, with a fresh profile, that records what a user would not see but a
 * broken page shows in its console: console errors (the browser log) and failed requests (HTTP status &gt;= 400 or a
 * request that failed outright, e.g. ERR_TOO_MANY_REDIRECTS, from the performance log's Network events). A request
 * the test provokes on purpose is declared with {@link #expectFailure(String)}; everything else is a problem that
 * {@link #assertClean()} reports.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebDriver driver;
    private final String baseUrl;
    private final Path profile;
    private final List<String> recorded = new ArrayList<>();
    private final List<String> expected = new ArrayList<>();
    private final Map<String, String> requestUrls = new HashMap<>();
    private final WebDriverWait wait;

    private Browser(WebDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    /** True when Debian's chromium and chromedriver are installed (.ci/run installs them). */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static Browser open(String baseUrl, int width, int height) {
        return open(baseUrl, width, height, "en");
    }

    /**
     * A browser whose user prefers these languages ({@code Accept-Language}, e.g. "pl" or "pl,en"), as a partner's
     * browser set up in their own language would send them.
     */
    public static Browser open(String baseUrl, int width, int height, String languages) {
        if (!available()) {
            throw new IllegalStateException("Debian's chromium and chromium-driver are not installed at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver (.ci/run does it)");
        }
        try {
            Path profile = Files.createTempDirectory("qualigraph-chromium");
            var options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                    "--lang=" + languages.split(",")[0], "--accept-lang=" + languages);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
            var logging = new LoggingPreferences();
            logging.enable(LogType.BROWSER, Level.ALL);
            logging.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability("goog:loggingPrefs", logging);
            var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
            var browser = new Browser(new ChromeDriver(service, options), baseUrl, profile);
            // Chromium's own first tab tries to load its new-tab page from the network (ERR_NAME_NOT_RESOLVED
            // offline); that is the browser's, not the application's, so it is dropped before the first page
            browser.driver.get("about:blank");
            browser.driver.manage().logs().get(LogType.BROWSER);
            browser.driver.manage().logs().get(LogType.PERFORMANCE);
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A wait of up to 60 s: long enough for a loaded shared machine, short enough to fail a hung page. */
    public WebDriverWait await() {
        return wait;
    }

    /** Opens a path of the application (e.g. "/qualifications"). */
    public void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Form login, waits for the main layout. */
    public void login(String username, String password) {
        open("/login");
        type("#vaadinLoginUsername input", username);
        type("#vaadinLoginPassword input", password + Keys.ENTER);
        waitFor("#main-nav");
    }

    /** A request the test provokes on purpose: failed requests and console errors naming this fragment are not problems. */
    public void expectFailure(String urlFragment) {
        expected.add(urlFragment);
    }

    /** Console errors + unexpected failed requests so far. */
    public List<String> problems() {
        drainLogs();
        return recorded.stream().filter(problem -> expected.stream().noneMatch(problem::contains)).toList();
    }

    /** Fails the test listing problems(). */
    public void assertClean() {
        var problems = problems();
        if (!problems.isEmpty()) {
            Assertions.fail("the browser saw " + problems.size() + " problem(s) on " + driver.getCurrentUrl() + ":\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** Into docs/screenshots/&lt;name&gt;.png (the files README and user guide show). */
    public Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("qualigraph.screenshots-dir", "docs/screenshots")));
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            return Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot with this part of the page scrolled to the top, so that the picture shows what the guide describes. */
    public Path screenshotOf(String css, String name) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'});", waitFor(css));
        waitForVaadin();
        return screenshot(name);
    }

    /**
     * A screenshot with this part of the page scrolled to the top and then moved down by the part that {@code below}
     * (a toolbar that stays on top while the content scrolls beneath it, e.g. the editor's Save bar) covers. In the
     * editor the tab's first line can still be under the toolbar (its tab sheet scrolls in a shadow root).
     */
    public Path screenshotOf(String css, String below, String name) {
        ((JavascriptExecutor) driver).executeScript("""
                const el = arguments[0], bar = document.querySelector(arguments[1]);
                el.scrollIntoView({block: 'start'});
                const hidden = bar.getBoundingClientRect().bottom + 8 - el.getBoundingClientRect().top;
                if (hidden > 0) {
                  // the scroll container is in a shadow root: a scroll margin moves the element down in whichever it is
                  el.style.scrollMarginTop = hidden + 'px';
                  el.scrollIntoView({block: 'start'});
                  el.style.scrollMarginTop = '';
                }""", waitFor(css), below);
        waitForVaadin();
        return screenshot(name);
    }

    /** Waits until Vaadin has no request to the server in flight (the page has settled after a navigation or click). */
    public void waitForVaadin() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "if (!window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients) { return document.readyState === 'complete'; }"
                        + " return Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive());")));
    }

    public WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** Clicks through script after scrolling the element into view (Vaadin buttons in overlays resist plain clicks). */
    public void click(String css) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'}); arguments[0].click();", element);
    }

    /**
     * Enters text into a field, replacing what it held, and leaves it with TAB, so Vaadin sends the value (fields sync
     * on change); ENTER submits instead. The field is focused by script, because a dialog's overlay can intercept a
     * pointer click on its own fields while it opens.
     */
    public void type(String css, CharSequence text) {
        WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'}); arguments[0].focus();", element);
        element.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        element.sendKeys(text);
        if (!text.toString().endsWith(Keys.ENTER.toString())) {
            element.sendKeys(Keys.TAB);
        }
    }

    /** Opens a qualification in the editor and waits until its tabs are there and the page has settled. */
    public void openEditor(String qualificationId) {
        open("/qualifications/" + qualificationId);
        waitFor("#editor-tabs");
        waitForVaadin();
    }

    /** Signs out through the header's button and waits for the login form. */
    public void logout() {
        click("#logout");
        waitFor("#vaadinLoginUsername");
    }

    /** The text of the qualification list's cells (the grid renders them into light-DOM cell contents), in order. */
    public List<String> gridCells() {
        return List.of(((String) ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('#qualification-grid vaadin-grid-cell-content')]"
                        + ".map(c => c.textContent.trim()).join('\\n');")).split("\n"));
    }

    public String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /** True when Vaadin's development-mode notice or dev tools are on the page (they must never be in production). */
    public boolean showsDevelopmentMode() {
        Object found = ((JavascriptExecutor) driver).executeScript(
                "return !!document.querySelector('vaadin-dev-tools, copilot-main')"
                        + " || (document.body && document.body.innerText.includes('Development Mode'));");
        return Boolean.TRUE.equals(found);
    }

    @Override
    public void close() {
        try {
            drainLogs();
        } catch (RuntimeException browserGone) {
            // the driver died; nothing more to record
        }
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }

    private void drainLogs() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                recorded.add("console: " + entry.getMessage());
            }
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            network(entry.getMessage());
        }
    }

    private void network(String message) {
        JsonNode event;
        try {
            event = JSON.readTree(message).path("message");
        } catch (IOException unreadable) {
            recorded.add("unreadable performance log entry: " + message);
            return;
        }
        JsonNode params = event.path("params");
        switch (event.path("method").asText()) {
            case "Network.requestWillBeSent" -> requestUrls.put(params.path("requestId").asText(), params.path("request").path("url").asText());
            case "Network.responseReceived" -> {
                int status = params.path("response").path("status").asInt();
                if (status >= 400) {
                    recorded.add("HTTP " + status + " " + params.path("response").path("url").asText());
                }
            }
            case "Network.loadingFailed" -> {
                // a request the page itself cancelled (navigation away, a superseded poll) is not a failure
                if (!params.path("canceled").asBoolean(false)) {
                    recorded.add("request failed " + params.path("errorText").asText() + " "
                            + requestUrls.getOrDefault(params.path("requestId").asText(),
                            "(" + params.path("type").asText("unknown type") + ", url not seen by the page)"));
                }
            }
            default -> {
                // other Network/Page events carry nothing to check
            }
        }
    }
}
