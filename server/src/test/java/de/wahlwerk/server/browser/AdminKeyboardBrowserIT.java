package de.wahlwerk.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.security.TestAccounts;
import de.wahlwerk.server.support.BrowserTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Staff who cannot or do not use a mouse must be able to do everything: these tests use only Tab,
 * Shift+Tab, Enter and typing into the focused element — never a click.
 */
class AdminKeyboardBrowserIT extends BrowserTest {

    static final String DEMO_DAY = "Bundestagswahl 2025 (Demo Musterstadt)";

    @Test
    void administratorCreatesElectionDayByKeyboardAlone() {
        var admin = accounts.create(Role.ADMIN, null, null);
        signIn(admin.username(), TestAccounts.PASSWORD, admin::code);

        // The skip link is the first stop and leads past the navigation into the main content.
        tab();
        assertThat(focused().getText()).isEqualTo("Zum Inhalt springen");
        assertThat(focused().isDisplayed()).as("skip link visible when focused").isTrue();
        press(Keys.ENTER);
        tab();
        assertThat(focused().getText()).as("first stop after the skip link").isEqualTo("Neuen Wahltag anlegen");

        // Open the demo election day from the list.
        tabToText(DEMO_DAY, 80);
        enterAndWaitForPage();
        assertThat(path()).matches("/admin/setup/days/\\d+");
        assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo(DEMO_DAY);

        // Back to the list by the breadcrumb, then "Neuen Wahltag anlegen".
        tabUntil("the breadcrumb \"Wahltage\"", e -> e.getText().strip().equals("Wahltage")
                && !e.findElements(By.xpath("ancestor::nav[@class='crumbs']")).isEmpty(), 15);
        enterAndWaitForPage();
        assertThat(path()).isEqualTo("/admin");
        tabToText("Neuen Wahltag anlegen", 20);
        enterAndWaitForPage();
        assertThat(path()).isEqualTo("/admin/setup/days/new");
        assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("Neuer Wahltag");

        // First attempt: no name, a date, and a municipality key with a space in it.
        tabToId("name", 20);
        tabToId("date", 3);
        // Day and month alike: the order of the segments follows the browser's locale.
        press("11112026");
        assertThat(focused().getDomProperty("value")).as("date typed segment by segment").isEqualTo("2026-11-11");
        tabToId("scopeKey", 10);
        press("03159 016");
        tabToText("Speichern", 5);
        enterAndWaitForPage();

        assertThat(path()).isEqualTo("/admin/setup/days");
        WebElement summary = driver().findElement(By.cssSelector(".error-summary"));
        assertThat(focused()).as("the error summary receives the focus").isEqualTo(summary);
        assertThat(summary.getDomAttribute("role")).isEqualTo("alert");
        assertThat(summary.getText()).contains("Bitte korrigieren Sie die markierten Angaben", "Bitte ausfüllen.",
                "Schlüssel: Ziffern, Buchstaben");
        assertFieldError("name", "Bitte ausfüllen.");
        assertFieldError("scopeKey", "Schlüssel: Ziffern, Buchstaben");
        for (String valid : new String[] {"date", "pollsClose", "scopeHierarchy"}) {
            WebElement f = driver().findElement(By.id(valid));
            assertThat(f.getDomAttribute("aria-invalid")).as(valid + " aria-invalid").isEqualTo("false");
            assertThat(f.getDomAttribute("aria-describedby")).as(valid + " aria-describedby").isNull();
        }
        assertThat(driver().findElement(By.id("date")).getDomProperty("value")).as("entries are kept")
                .isEqualTo("2026-11-11");
        assertThat(driver().findElement(By.id("scopeKey")).getDomProperty("value")).isEqualTo("03159 016");

        // From the summary, the next Tab lands on the first field in error.
        tab();
        assertThat(focused().getDomAttribute("id")).isEqualTo("name");
        assertThat(focused().getAccessibleName()).as("the field is announced by its label").isEqualTo("Bezeichnung");
        String name = "Tastaturwahl " + UUID.randomUUID().toString().substring(0, 8);
        press(name);
        tabToId("scopeKey", 10);
        replaceText("03159016");
        tabToText("Speichern", 5);
        enterAndWaitForPage();

        assertThat(path()).matches("/admin/setup/days/\\d+");
        assertThat(driver().findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Gespeichert.");
        assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo(name);
        assertThat(driver().findElements(By.cssSelector(".error-summary"))).isEmpty();
    }

    private void assertFieldError(String field, String message) {
        WebElement input = driver().findElement(By.id(field));
        assertThat(input.getDomAttribute("aria-invalid")).as(field + " aria-invalid").isEqualTo("true");
        String describedBy = input.getDomAttribute("aria-describedby");
        assertThat(describedBy).as(field + " aria-describedby").isNotBlank();
        WebElement error = driver().findElement(By.id(describedBy));
        assertThat(error.getText()).as("error text of " + field).contains(message);
        // The message stands right next to its field, inside the same field group.
        WebElement group = input.findElement(By.xpath("ancestor::div[contains(@class,'field')][1]"));
        assertThat(group.getDomAttribute("class")).contains("has-error");
        assertThat(group.findElements(By.id(describedBy))).as("error inside the field group of " + field).hasSize(1);
    }
}
