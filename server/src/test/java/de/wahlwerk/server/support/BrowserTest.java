package de.wahlwerk.server.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Base of the real-browser tests: the shared application of {@link IntegrationTest}, driven by one
 * headless Chromium per test class (Debian's {@code chromium} and {@code chromedriver}; nothing is
 * downloaded). Offers keyboard helpers (Tab, Enter, typing into the focused element), an axe-core
 * accessibility assertion, and saves a screenshot and the page source into
 * {@code target/screenshots/} when a test fails.
 *
 * <p>Without Chromium the tests are skipped with a message, unless {@code -Dwahlwerk.browser.required=true}
 * (or the environment variable {@code WAHLWERK_BROWSER_REQUIRED=true}) asks for them to fail instead.
 */
@ExtendWith({BrowserTest.BrowserPresent.class, BrowserTest.ScreenshotOnFailure.class})
public abstract class BrowserTest extends IntegrationTest {

    static final Path CHROMIUM = Path.of(System.getProperty("wahlwerk.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("wahlwerk.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    /** The rule sets every page must pass (axe-core tags). */
    static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static ChromeDriver driver;
    private static ChromeDriverService service;
    private static Path profile;
    private static String axeSource;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!browserPresent()) {
            // Only reached when the browser is required (otherwise BrowserPresent disables the class).
            fail(missingBrowserMessage());
        }
        // Never let Selenium Manager look for (or download) a driver or browser: both paths are given.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("wahlwerk-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-default-apps", "--window-size=1280,1024",
                "--lang=de-DE", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "de-DE,de"));
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (service != null) {
                service.stop();
                service = null;
            }
            if (profile != null) {
                FileSystemUtils.deleteRecursively(profile.toFile());
                profile = null;
            }
        }
    }

    @BeforeEach
    void freshSession() {
        // Each test starts signed out, on a blank page.
        driver.manage().deleteAllCookies();
        driver.get("about:blank");
    }

    protected WebDriver driver() {
        return driver;
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens a page as if its address were typed into the address bar. */
    protected void open(String path) {
        driver.get(url(path));
        waitUntilLoaded();
    }

    protected String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    // --- keyboard ---

    protected WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Presses keys (Tab, Enter, text, …) into whatever has the focus, like a person at the keyboard. */
    protected void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    protected void tab() {
        press(Keys.TAB);
    }

    protected void shiftTab() {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    }

    /** Types into the focused field after selecting (and so replacing) what it holds. */
    protected void replaceText(String text) {
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).perform();
        press(Keys.DELETE);
        if (!text.isEmpty()) {
            press(text);
        }
    }

    /**
     * Presses Tab until the focused element matches, at most {@code maxTabs} times, and returns it.
     * Fails with the sequence of focused elements if it never gets there.
     */
    protected WebElement tabUntil(String description, Predicate<WebElement> target, int maxTabs) {
        StringBuilder visited = new StringBuilder();
        for (int i = 0; i < maxTabs; i++) {
            tab();
            WebElement f = focused();
            if (target.test(f)) {
                return f;
            }
            visited.append("\n  ").append(describe(f));
        }
        throw new AssertionError("Tab never reached " + description + " within " + maxTabs + " presses; focus went to:"
                + visited);
    }

    /** Tabs to the link or button whose visible text is exactly {@code text}. */
    protected WebElement tabToText(String text, int maxTabs) {
        return tabUntil("\"" + text + "\"", e -> text.equals(e.getText().strip()), maxTabs);
    }

    /** Tabs to the form control with this id. */
    protected WebElement tabToId(String id, int maxTabs) {
        return tabUntil("#" + id, e -> id.equals(e.getDomAttribute("id")), maxTabs);
    }

    /** Presses Enter on the focused link or button and waits until the next page has loaded. */
    protected void enterAndWaitForPage() {
        andWaitForPage(() -> press(Keys.ENTER));
    }

    /** Does something that leads to another page (a key press, a click) and waits until that page has loaded. */
    protected void andWaitForPage(Runnable action) {
        ((JavascriptExecutor) driver).executeScript("window.__wahlwerkOldPage = true;");
        action.run();
        new WebDriverWait(driver, WAIT).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return window.__wahlwerkOldPage === undefined && document.readyState === 'complete';")));
    }

    protected void waitUntilLoaded() {
        new WebDriverWait(driver, WAIT).until(d -> "complete".equals(((JavascriptExecutor) d)
                .executeScript("return document.readyState;")));
    }

    /**
     * Signs in on the login page by keyboard alone: the username field has the focus on arrival,
     * Tab moves on to the password and the code, Enter sends the form.
     */
    protected void signIn(String username, String password, java.util.function.Supplier<String> code) {
        open("/login");
        // Chromium applies autofocus at its next rendering step, which on a busy machine can come
        // just after the document reports itself complete: wait for it (a page without it still fails).
        try {
            new WebDriverWait(driver, Duration.ofSeconds(3)).until(d -> "username".equals(focused().getDomAttribute("id")));
        } catch (org.openqa.selenium.TimeoutException e) {
            assertThat(focused().getDomAttribute("id")).as("focus on arrival at the login page").isEqualTo("username");
        }
        press(username);
        tab();
        assertThat(focused().getDomAttribute("id")).isEqualTo("password");
        press(password);
        tab();
        assertThat(focused().getDomAttribute("id")).isEqualTo("code");
        press(code.get());
        enterAndWaitForPage();
        assertThat(path()).as("after signing in").isEqualTo("/admin");
    }

    protected static String describe(WebElement e) {
        Object d = ((JavascriptExecutor) driver).executeScript("""
                const e = arguments[0];
                let s = e.tagName.toLowerCase();
                if (e.id) s += '#' + e.id;
                if (e.getAttribute('name')) s += '[name=' + e.getAttribute('name') + ']';
                if (e.className && typeof e.className === 'string') s += '.' + e.className.trim().split(/\\s+/).join('.');
                const t = (e.innerText || e.value || '').trim().replace(/\\s+/g, ' ');
                return t ? s + ' "' + t.substring(0, 60) + '"' : s;
                """, e);
        return String.valueOf(d);
    }

    // --- accessibility ---

    /**
     * Runs axe-core on the current page with the WCAG 2.0/2.1 A and AA rules and fails with a readable
     * list of every violation (rule, impact, elements, help) if there is any.
     */
    protected void assertAccessible(String pageName) {
        List<Map<String, Object>> violations = axeViolations();
        if (!violations.isEmpty()) {
            String report = violations.stream().map(BrowserTest::formatViolation).collect(Collectors.joining("\n"));
            saveArtifacts("axe-" + pageName.replaceAll("[^A-Za-z0-9_-]+", "-"));
            fail("axe-core found " + violations.size() + " accessibility violation(s) on " + pageName + " ("
                    + driver.getCurrentUrl() + "):\n" + report);
        }
    }

    /** The violations axe-core reports for the current page (empty when the page passes). */
    @SuppressWarnings("unchecked")
    protected List<Map<String, Object>> axeViolations() {
        JavascriptExecutor js = driver;
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                  .then(r => done(r.violations.map(v => ({
                      id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
                      nodes: v.nodes.map(n => ({target: n.target.map(t => String(t)).join(' '),
                                                summary: n.failureSummary || ''}))}))))
                  .catch(e => done('axe failed: ' + e));
                """, AXE_TAGS);
        if (result instanceof String error) {
            throw new IllegalStateException(error);
        }
        assertThat(result).as("axe result").isInstanceOf(List.class);
        return (List<Map<String, Object>>) result;
    }

    @SuppressWarnings("unchecked")
    private static String formatViolation(Map<String, Object> v) {
        StringBuilder s = new StringBuilder();
        s.append("- ").append(v.get("id")).append(" [").append(v.get("impact")).append("] ").append(v.get("help"))
                .append(" (").append(v.get("helpUrl")).append(")");
        for (Map<String, Object> n : (List<Map<String, Object>>) v.get("nodes")) {
            s.append("\n    at ").append(n.get("target"));
            String summary = String.valueOf(n.get("summary")).strip().replace("\n", "\n       ");
            if (!summary.isEmpty()) {
                s.append("\n       ").append(summary);
            }
        }
        return s.toString();
    }

    private static synchronized String axeSource() {
        if (axeSource == null) {
            try (InputStream in = BrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe/axe.min.js is missing from the test resources");
                }
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    // --- failure artifacts ---

    static void saveArtifacts(String name) {
        if (driver == null) {
            return;
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
            Files.writeString(SCREENSHOTS.resolve(name + ".html"),
                    "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource());
        } catch (RuntimeException | IOException e) {
            System.err.println("Could not save screenshot " + name + ": " + e);
        }
    }

    static boolean browserPresent() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static boolean browserRequired() {
        return Boolean.getBoolean("wahlwerk.browser.required")
                || "true".equalsIgnoreCase(System.getenv("WAHLWERK_BROWSER_REQUIRED"));
    }

    static String missingBrowserMessage() {
        return "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian: apt-get install chromium chromium-driver)";
    }

    /**
     * Skips the browser tests, with the reason in the test report and on the console, where no
     * Chromium is installed, without even starting the application for them.
     */
    static final class BrowserPresent implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (browserPresent() || browserRequired()) {
                return ConditionEvaluationResult.enabled("Chromium found");
            }
            String message = missingBrowserMessage() + " — skipped";
            if (context.getTestMethod().isEmpty()) {
                System.err.println("SKIPPED " + context.getDisplayName() + ": " + message);
            }
            return ConditionEvaluationResult.disabled(message);
        }
    }

    /** Saves a screenshot and the page source of a failed test into target/screenshots/. */
    static final class ScreenshotOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
            if (!context.getDisplayName().startsWith(context.getRequiredTestMethod().getName() + "(")) {
                name += "-" + context.getDisplayName().replaceAll("[^A-Za-z0-9_-]+", "-"); // a dynamic test
            }
            saveArtifacts(name);
            System.err.println("Screenshot of the failed test: " + SCREENSHOTS.resolve(name + ".png").toAbsolutePath());
        }
    }
}
