package de.wahlwerk.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.security.TestAccounts;
import de.wahlwerk.server.support.BrowserTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * axe-core (WCAG 2.0/2.1 level A and AA rules) finds no violation on any page of the admin UI,
 * including forms that come back with errors. Each page is its own dynamic test, so a run lists
 * every page that fails.
 */
class AdminAccessibilityBrowserIT extends BrowserTest {

    @Test
    void loginPage() {
        open("/login");
        assertAccessible("login");
    }

    @Test
    void loginPageWithError() {
        open("/login?error=code");
        assertThat(driver().findElement(By.cssSelector(".error-summary")).getText()).contains("Code");
        assertAccessible("login with error");
    }

    @Test
    void axeReportsViolations() {
        // The check itself can fail: a page with an unlabelled field and an image without text.
        open("/login");
        ((org.openqa.selenium.JavascriptExecutor) driver()).executeScript("""
                document.querySelector('label[for=username]').remove();
                const img = document.createElement('img'); img.src = 'data:,'; document.querySelector('main').append(img);
                """);
        var ids = axeViolations().stream().map(v -> v.get("id")).toList();
        assertThat(ids).contains("label", "image-alt");
    }

    @TestFactory
    List<DynamicTest> adminPages() {
        var admin = accounts.create(Role.ADMIN, null, null);
        signIn(admin.username(), TestAccounts.PASSWORD, admin::code);

        // Find the demo day, its first election and that election's first nomination through the UI.
        String day = driver().findElement(By.linkText(AdminKeyboardBrowserIT.DEMO_DAY)).getDomAttribute("href");
        open(day);
        String election = driver().findElement(By.cssSelector("main ul a[href*='/admin/setup/elections/']"))
                .getDomAttribute("href");
        open(election);
        String nomination = driver().findElement(By.cssSelector("main table a[href*='/admin/setup/nominations/']"))
                .getDomAttribute("href");

        List<DynamicTest> tests = new ArrayList<>();
        tests.add(page("admin home", "/admin"));
        tests.add(page("election day", day));
        tests.add(page("areas", day + "/areas"));
        tests.add(page("polling stations", day + "/stations"));
        tests.add(page("units", day + "/units"));
        tests.add(page("election with nominations", election));
        tests.add(page("nomination with candidates", nomination));
        tests.add(page("new election day form", "/admin/setup/days/new"));
        tests.add(page("edit election form", election + "/edit"));
        tests.add(page("new election form", day + "/elections/new"));
        tests.add(page("new area form", day + "/areas/new"));
        tests.add(page("new polling station form", day + "/stations/new"));
        tests.add(page("new district form", day + "/units/new"));
        tests.add(page("new nomination form", election + "/nominations/new"));
        tests.add(page("edit nomination form", nomination + "/edit"));
        tests.add(page("new candidate form", nomination + "/candidates/new"));
        tests.add(page("users", "/admin/users"));
        tests.add(page("invite user form", "/admin/users/new"));
        tests.add(page("audit log", "/admin/audit"));
        tests.add(page("not found", "/admin/setup/days/987654321"));
        tests.add(dynamicTest("election day form with errors", () -> {
            open("/admin/setup/days/new");
            driver().findElement(By.id("scopeKey")).sendKeys("03159 016");
            submit();
            assertThat(driver().findElements(By.cssSelector("[aria-invalid=true]"))).hasSizeGreaterThanOrEqualTo(2);
            assertAccessible("election day form with errors");
        }));
        tests.add(dynamicTest("polling station form with errors", () -> {
            open(day + "/stations/new");
            driver().findElement(By.id("postalCode")).sendKeys("3707");
            submit();
            assertThat(driver().findElements(By.cssSelector("[aria-invalid=true]"))).hasSizeGreaterThanOrEqualTo(2);
            assertAccessible("polling station form with errors");
        }));
        tests.add(dynamicTest("invite form with errors", () -> {
            open("/admin/users/new");
            driver().findElement(By.id("username")).sendKeys("x");
            submit();
            assertThat(driver().findElements(By.cssSelector("[aria-invalid=true]"))).isNotEmpty();
            assertAccessible("invite form with errors");
        }));
        tests.add(dynamicTest("user with one-time link, and the link's setup page", () -> {
            open("/admin/users/new");
            driver().findElement(By.id("username")).sendKeys("axe-" + UUID.randomUUID().toString().substring(0, 8));
            driver().findElement(By.id("displayName")).sendKeys("Erika Mustermann");
            new org.openqa.selenium.support.ui.Select(driver().findElement(By.id("role"))).selectByValue("CLERK");
            driver().findElement(By.id("scopeKey")).clear();
            submit();
            assertThat(path()).matches("/admin/users/\\d+");
            String link = driver().findElement(By.cssSelector(".notice code")).getText();
            assertAccessible("user with one-time link");

            open(java.net.URI.create(link).getPath());
            assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("Zugang einrichten");
            assertAccessible("setup link page");

            driver().findElement(By.id("password")).sendKeys("ein langes Passwort 2025");
            driver().findElement(By.id("passwordRepeat")).sendKeys("ein anderes Passwort 2025");
            submit();
            assertThat(driver().findElements(By.cssSelector(".error-summary"))).hasSize(1);
            assertAccessible("setup link page with errors");
        }));
        return tests;
    }

    private DynamicTest page(String name, String path) {
        return dynamicTest(name, () -> {
            open(path);
            assertThat(driver().findElements(By.tagName("h1"))).as("a heading on " + name).hasSize(1);
            // The error page is accessible too: only the page asked for counts.
            if (!name.equals("not found")) {
                assertThat(driver().findElement(By.tagName("h1")).getText()).as("heading on " + name)
                        .isNotEqualTo("Das hat nicht geklappt");
            }
            assertAccessible(name);
        });
    }

    /** Sends the form of the main content (the tests here are about the result, not about the keyboard). */
    private void submit() {
        WebElement button = driver().findElement(By.cssSelector("main form[method=post] button[type=submit]"));
        andWaitForPage(button::click);
    }
}
