package de.wahlwerk.server.entry;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.security.TestAccounts;
import de.wahlwerk.server.setup.DemoElection;
import de.wahlwerk.server.support.BrowserTest;
import de.wahlwerk.server.support.DemoReports;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Election night at the town hall, keyboard only: a clerk types a quick report (Enter moves on),
 * sees an error appear at its field while typing and corrects it, confirms a warning with a reason,
 * and a second person approves the report.
 */
class EntryKeyboardBrowserIT extends BrowserTest {

    /** Request start to load end of the current page, as the browser measured it (Navigation Timing). */
    private long navigationMillis() {
        Object v = ((org.openqa.selenium.JavascriptExecutor) driver()).executeScript(
                "const n = performance.getEntriesByType('navigation')[0]; return Math.round(n.loadEventEnd - n.requestStart);");
        return ((Number) v).longValue();
    }

    /** What the software adds to a clerk's work per report; docs/PERFORMANCE.md quotes it. */
    private static void recordTiming(int fields, long formLoad, long save) {
        String line = "quick report with " + fields + " fields: form load " + formLoad + " ms, save (post, redirect, reload) "
                + save + " ms";
        System.out.println("[entry-timing] " + line);
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/entry-timing.txt"), line + System.lineSeparator());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void clerkEntersByKeyboardSeesErrorAndWarningAndASecondPersonConfirms() {
        DemoReports demo = new DemoReports(jdbc);
        long election = demo.electionId();
        long unit = demo.unitId("0702");
        Map<String, String> values = new LinkedHashMap<>(demo.values("0702"));
        // A tenth of the valid second votes counted as invalid: plausible sums, but an invalid share to question.
        long move = Long.parseLong(values.get("F")) / 10;
        values.put("E", Long.toString(Long.parseLong(values.get("E")) + move));
        values.put("F", Long.toString(Long.parseLong(values.get("F")) - move));
        values.put("F1", Long.toString(Long.parseLong(values.get("F1")) - move));
        String correctC = values.get("C");

        var clerk = accounts.create(Role.CLERK, "admin", DemoElection.AGS);
        signIn(clerk.username(), TestAccounts.PASSWORD, clerk::code);
        open("/admin/entry/elections/" + election + "/units/" + unit);
        long formLoad = navigationMillis();
        tabToId("f-A1", 40);

        List<String> letters = driver().findElements(By.cssSelector("input.count")).stream()
                .map(e -> e.getDomAttribute("data-letter")).toList();
        for (String letter : letters) {
            assertThat(focused().getDomAttribute("data-letter")).as("Enter moved on to " + letter).isEqualTo(letter);
            // A typing slip in C: one invalid vote too many.
            press(letter.equals("C") ? Long.toString(Long.parseLong(correctC) + 1) : values.get(letter));
            press(Keys.ENTER);
        }
        assertThat(focused().getTagName()).as("after the last field Enter leads to the save button").isEqualTo("button");

        // The server's rules run while typing: the sum error appears at its field, before saving.
        WebElement dError = driver().findElement(By.id("e-D"));
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> dError.getText().contains("C + D"));
        assertThat(driver().findElement(By.id("f-D")).getDomAttribute("aria-invalid")).isEqualTo("true");

        // Back to C by keyboard and correct it; the error goes away.
        for (int i = 0; i < 30 && !"C".equals(focused().getDomAttribute("data-letter")); i++) {
            shiftTab();
        }
        assertThat(focused().getDomAttribute("data-letter")).isEqualTo("C");
        replaceText(correctC);
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> !dError.getText().contains("C + D"));

        // Save: the warning must be confirmed with a reason; nothing is stored before.
        tabToText("Schnellmeldung speichern", 60);
        enterAndWaitForPage();
        WebElement summary = driver().findElement(By.cssSelector(".error-summary"));
        assertThat(focused()).as("the summary receives the focus").isEqualTo(summary);
        assertThat(summary.getText()).contains("Bitte mit Grund bestätigen");
        assertThat(jdbc.sql("select count(*) from quick_report where unit_id = :u").param("u", unit).query(Long.class).single())
                .isZero();
        WebElement reason = tabUntil("the reason of a warning", e -> e.getDomAttribute("id") != null
                && e.getDomAttribute("id").startsWith("r-"), 80);
        press("Zählung vom Wahlvorstand telefonisch bestätigt");
        assertThat(reason.getDomProperty("value")).isNotBlank();
        tabToText("Schnellmeldung speichern", 10);
        enterAndWaitForPage();
        long save = navigationMillis();
        assertThat(driver().findElement(By.cssSelector("[role=status]")).getText()).contains("wartet auf die zweite Person");
        recordTiming(letters.size(), formLoad, save);

        // The second person signs in and approves, also by keyboard.
        tabToText("Abmelden", 10);
        enterAndWaitForPage();
        var approver = accounts.create(Role.APPROVER, "admin", DemoElection.AGS);
        signIn(approver.username(), TestAccounts.PASSWORD, approver::code);
        open("/admin/entry/elections/" + election + "/pending");
        long report = jdbc.sql("select id from quick_report where unit_id = :u").param("u", unit).query(Long.class).single();
        tabUntil("the review link of report " + report, e -> e.getText().strip().equals("prüfen")
                && e.getDomAttribute("href") != null && e.getDomAttribute("href").endsWith("/reports/" + report), 40);
        enterAndWaitForPage();
        tabToText("Diese Fassung freigeben", 200);
        enterAndWaitForPage();
        assertThat(driver().findElement(By.cssSelector("[role=status]")).getText()).contains("Freigegeben");
        assertThat(jdbc.sql("select status from quick_report where id = :r").param("r", report).query(String.class).single())
                .isEqualTo("CONFIRMED");
        assertAccessible("entry pending list");
    }
}
