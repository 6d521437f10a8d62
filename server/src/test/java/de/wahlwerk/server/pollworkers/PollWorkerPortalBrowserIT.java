package de.wahlwerk.server.pollworkers;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.security.TestAccounts;
import de.wahlwerk.server.support.BrowserTest;
import de.wahlwerk.server.support.HttpSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In headless Chromium: the public sign-up form and the portal pass axe-core with no violation,
 * and a poll worker accepts the appointment by keyboard alone through the link in the letter. The
 * office pages pass axe-core too.
 */
class PollWorkerPortalBrowserIT extends BrowserTest {

    @Autowired
    PublicLimits limits;

    @Test
    void aPollWorkerAcceptsByKeyboardOnAccessiblePages() {
        limits.clear();
        var account = accounts.create(Role.ADMIN, null, null);
        HttpSession admin = session();
        admin.login(account.username(), TestAccounts.PASSWORD, account.code());
        admin.get("/admin");
        PollWorkerFixture f = PollWorkerFixture.create(admin);
        String day = "/admin/pollworkers/days/" + f.dayId();

        // The public sign-up form, empty and with an error, is accessible; a volunteer signs up.
        open("/wahlhelfer/anmelden/" + f.dayId());
        assertAccessible("volunteer sign-up");
        driver().findElement(By.id("familyName")).sendKeys("Adler");
        driver().findElement(By.id("givenNames")).sendKeys("Anna");
        ((org.openqa.selenium.JavascriptExecutor) driver()).executeScript(
                "document.getElementById('birthDate').value = '1980-04-01';");
        driver().findElement(By.id("street")).sendKeys("Amselweg");
        driver().findElement(By.id("houseNumber")).sendKeys("3");
        driver().findElement(By.id("postalCode")).sendKeys("9999");
        driver().findElement(By.id("city")).sendKeys("Prüfstadt");
        driver().findElement(By.id("phone")).sendKeys("0999 4711");
        andWaitForPage(() -> driver().findElement(By.cssSelector("main form button[type=submit]")).click());
        assertThat(driver().findElement(By.cssSelector(".error-summary")).getText()).contains("Postleitzahl");
        assertAccessible("volunteer sign-up with errors");
        var code = driver().findElement(By.id("postalCode"));
        code.clear();
        code.sendKeys("99998");
        andWaitForPage(() -> driver().findElement(By.cssSelector("main form button[type=submit]")).click());
        assertThat(driver().findElement(By.tagName("h1")).getText()).contains("Danke");
        assertAccessible("volunteer signed up");

        // The office appoints her as chair and prints the letter (through HTTP, as the test of the office does).
        long anna = jdbc.sql("select id from poll_worker where scope_key = :k and family_name = 'Adler'")
                .param("k", f.ags()).query(Long.class).single();
        admin.get(day + "/units/" + f.unit1());
        assertThat(admin.post(day + "/units/" + f.unit1() + "/assign", Map.of("workerId", String.valueOf(anna), "role", "CHAIR"))
                .statusCode()).isEqualTo(302);
        admin.get(day);
        var pdf = admin.sendBytes(HttpRequest.newBuilder(URI.create(admin.base() + day + "/letters.pdf"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + admin.csrf())).build());
        String link = PollWorkerFixture.portalLink(PollWorkerFixture.text(pdf.body()));

        // The portal: accessible; accept by keyboard alone.
        open(link);
        assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("Ihre Berufung in den Wahlvorstand");
        assertAccessible("portal");
        tabToId("answer-accept", 10);
        press(Keys.SPACE);
        assertThat(driver().findElement(By.id("answer-accept")).isSelected()).isTrue();
        tabToId("send", 5);
        enterAndWaitForPage();
        assertThat(driver().findElement(By.id("status")).getText()).contains("zugesagt");
        assertThat(driver().findElement(By.cssSelector(".saved")).getText()).contains("gespeichert");
        assertAccessible("portal after accepting");
        assertThat(jdbc.sql("select status from board_assignment where worker_id = :w").param("w", anna)
                .query(String.class).single()).isEqualTo("CONFIRMED");

        open("/wahlhelfer/p/" + "x".repeat(43));
        assertAccessible("portal with an invalid link");

        // The office pages.
        signIn(account.username(), TestAccounts.PASSWORD, account::code);
        open(day);
        assertAccessible("poll-worker office day");
        open(day + "/units/" + f.unit1() + "?q=");
        assertAccessible("board with register search");
        open(day + "/workers/" + anna);
        assertAccessible("poll worker");
        open("/admin/pollworkers");
        assertAccessible("poll-worker office");
        limits.clear();
    }
}
