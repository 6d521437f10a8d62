package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.setup.DemoElection;
import de.wahlwerk.server.support.BrowserTest;
import de.wahlwerk.server.support.DemoReports;
import de.wahlwerk.server.support.HttpSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public pages in a real browser: every page type passes axe-core (WCAG 2.1 AA) with zero
 * violations and works by keyboard; the pages are complete with JavaScript switched off; a newly
 * confirmed report reaches an open page without reloading it (server-sent event); and screenshots
 * of the main page types at desktop and phone width are taken (into target/screenshots/public/;
 * with {@code -Dwahlwerk.screenshots=../docs/screenshots} they refresh the ones in the docs, so that
 * an ordinary test run leaves the working tree clean).
 */
class PublicPagesBrowserIT extends BrowserTest {

    static final Path SHOTS = Path.of(System.getProperty("wahlwerk.screenshots", "target/screenshots/public"));

    private long election() {
        return new DemoReports(jdbc).electionId();
    }

    private String area(String hierarchy, String key) {
        return "/wahlen/" + election() + "/" + hierarchy + "/" + key + ".html";
    }

    private void openPublished(String page) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            open(page);
            if (!driver().findElements(By.cssSelector("p.status")).isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(page + " not published after 5 s");
    }

    /** The page asked for, not the page for what is not published (which is accessible too). */
    private void assertPublished(String name) {
        assertThat(driver().findElement(By.tagName("h1")).getText()).as("heading of " + name)
                .isNotIn("Noch keine Ergebnisse", "No results yet");
    }

    @Test
    void everyPageTypeIsAccessibleInBothLanguages() throws Exception {
        String town = area("admin", DemoElection.AGS);
        openWithShareMaps(new DemoReports(jdbc), town);
        assertThat(driver().findElement(By.tagName("h1")).getText()).contains("Musterstadt");
        assertThat(driver().findElements(By.cssSelector("svg.chart"))).as("bar charts").isNotEmpty();
        assertThat(driver().findElement(By.tagName("main")).getText()).contains("Wahllokale").contains("Barrierefrei");
        // leading list and turnout, then one map per largest list (at most six), each in its own <details>
        // counted in one script call: a live update may swap the page's live part between two reads
        @SuppressWarnings("unchecked")
        java.util.List<Number> counts = (java.util.List<Number>) ((JavascriptExecutor) driver()).executeScript(
                "return ['details.share-map svg.map', 'svg.map', 'details.share-map[open]', '#share-table tbody tr']"
                        + ".map(s => document.querySelectorAll(s).length)");
        int shareMaps = counts.get(0).intValue();
        assertThat(shareMaps).as("share maps").isBetween(1, ShareMaps.LISTS);
        assertThat(counts.get(1).intValue()).as("maps from the demo's outlines").isEqualTo(2 + shareMaps);
        assertThat(counts.get(2).intValue()).as("only the first starts open").isEqualTo(1);
        assertThat(counts.get(3).intValue()).as("one row per district").isEqualTo(8);
        assertAccessible("public area page");
        openAllDetails();
        assertAccessible("public area page, every share map open");
        tab();
        assertThat(focused().getText()).isEqualTo("Zum Inhalt springen");
        openPublished(town.replace(".html", ".en.html"));
        assertThat(driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(driver().findElement(By.tagName("main")).getText()).contains("Polling stations").contains("Maps: share of one list");
        openAllDetails();
        assertAccessible("public area page, English");
        openPublished(area("admin", DemoElection.AGS + "-1"));
        assertAccessible("public city district page");
        openPublished(area("bundestag", "301"));
        assertThat(driver().findElement(By.tagName("main")).getText()).contains("Erststimme").contains("Wahlkreis");
        assertAccessible("public constituency page");
        open("/wahlen/" + election() + "/");
        assertPublished("public election page");
        assertAccessible("public election page");
        open("/wahlen/" + election() + "/lobby/1.en.html");
        assertThat(driver().findElement(By.tagName("h1")).getText()).isNotEmpty();
        assertPublished("public lobby slide");
        assertAccessible("public lobby slide");
        open("/wahlen/");
        assertPublished("public index");
        assertAccessible("public index");
        open("/wahlen/index.en.html");
        assertPublished("public index, English");
        assertAccessible("public index, English");
        open("/wahlen/999999/");
        assertAccessible("public not-published page");
        // Last: the widget (embedded elsewhere, its event stream stays open while the test ends).
        open("/wahlen/" + election() + "/widget/admin/" + DemoElection.AGS + ".html");
        assertPublished("public widget");
        assertAccessible("public widget");
    }

    @Test
    void pagesAreCompleteWithoutJavaScript() throws Exception {
        ChromeDriver chrome = (ChromeDriver) driver();
        chrome.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            openPublished(area("admin", DemoElection.AGS));
            assertThat((Object) ((JavascriptExecutor) chrome).executeScript("return document.documentElement.dataset.enhanced"))
                    .as("the page's own script did not run").isNull();
            String text = driver().findElement(By.tagName("main")).getText();
            assertThat(text).contains("Bezirken").contains("Zweitstimme").contains("SPD").contains("Wahlbeteiligung");
            assertThat(driver().findElements(By.cssSelector("table tbody tr")).size()).isGreaterThan(20);
            assertThat(driver().findElements(By.cssSelector("svg.chart"))).isNotEmpty();
        } finally {
            chrome.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
    }

    @Test
    void aNewlyConfirmedReportReachesAnOpenPageWithoutReload() throws Exception {
        DemoReports demo = new DemoReports(jdbc);
        String page = area("admin", DemoElection.AGS);
        openWithShareMaps(demo, page);
        assertThat((Object) ((JavascriptExecutor) driver()).executeScript("return document.documentElement.dataset.enhanced"))
                .isEqualTo("1");
        ((JavascriptExecutor) driver()).executeScript("window.__samePage = true;");
        // the reader opens the last list's map; the live update must not close it again
        String opened = (String) ((JavascriptExecutor) driver()).executeScript(
                "const d = [...document.querySelectorAll('details.share-map')].pop(); d.open = true; return d.dataset.key");
        String before = driver().findElement(By.cssSelector("p.status")).getText();
        String key = jdbc.sql("""
                select u.official_key from reporting_unit u where u.election_day_id = :d and u.kind = 'POLLING'
                and u.counted_with_unit_id is null
                and not exists (select 1 from quick_report q where q.unit_id = u.id)
                and not exists (select 1 from reporting_unit o where o.counted_with_unit_id = u.id)
                and u.official_key in ('0406', '0407', '0408', '0507', '0508', '0606', '0607')
                order by u.official_key limit 1""").param("d", demo.dayId()).query(String.class).single();
        confirm(demo, key);
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> !d.findElement(By.cssSelector("p.status")).getText().equals(before));
        assertThat((Object) ((JavascriptExecutor) driver()).executeScript("return window.__samePage === true"))
                .as("updated in place, not reloaded").isEqualTo(true);
        assertThat((Object) ((JavascriptExecutor) driver()).executeScript(
                "return [...document.querySelectorAll('details.share-map')].filter(d => d.open).map(d => d.dataset.key)"))
                .as("the map the reader opened stays open").asList().contains(opened);
        assertAccessible("public area page after a live update");
    }

    @Test
    void screenshotsOfTheMainPageTypes() throws Exception {
        Files.createDirectories(SHOTS);
        // A realistic evening: a part of the districts reported (units no other test uses).
        DemoReports demo = new DemoReports(jdbc);
        for (String key : java.util.List.of("0403", "0404", "0405", "0503", "0504", "0505", "0506", "0603", "0604",
                "0605", "0204", "0205", "BW-07", "BW-10", "BW-03")) {
            boolean reported = jdbc.sql("select count(*) from quick_report where unit_id = :u").param("u", demo.unitId(key))
                    .query(Long.class).single() > 0;
            if (!reported) {
                confirm(demo, key);
            }
        }
        Thread.sleep(1500);
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("municipality", area("admin", DemoElection.AGS));
        pages.put("city-district", area("admin", DemoElection.AGS + "-1"));
        pages.put("constituency", area("bundestag", "301"));
        pages.put("election", "/wahlen/" + election() + "/");
        pages.put("widget", "/wahlen/" + election() + "/widget/admin/" + DemoElection.AGS + ".html");
        pages.put("lobby", "/wahlen/" + election() + "/lobby/0.html");
        try {
            for (var p : pages.entrySet()) {
                for (var size : Map.of("desktop", new Dimension(1280, 900), "phone", new Dimension(390, 844)).entrySet()) {
                    driver().manage().window().setSize(size.getValue());
                    openPublished(p.getValue());
                    long height = ((Number) ((JavascriptExecutor) driver())
                            .executeScript("return document.documentElement.scrollHeight")).longValue();
                    driver().manage().window().setSize(new Dimension(size.getValue().width, (int) Math.min(height + 120, 6000)));
                    byte[] png = ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES);
                    Files.write(SHOTS.resolve("public-" + p.getKey() + "-" + size.getKey() + ".png"), png);
                }
            }
        } finally {
            driver().manage().window().setSize(new Dimension(1280, 1024));
        }
    }

    /** Opens the town page once it shows share maps (after at least one report of the demo). */
    private void openWithShareMaps(DemoReports demo, String town) throws InterruptedException {
        // A district no other test needs unconfirmed (EntryIT enters 0102 itself).
        if (jdbc.sql("select count(*) from quick_report where unit_id = :u").param("u", demo.unitId("0107")).query(Long.class).single() == 0) {
            confirm(demo, "0107");
        }
        for (int i = 0; i < 50 && driver().findElements(By.id("share-maps")).isEmpty(); i++) {
            openPublished(town);
            Thread.sleep(100);
        }
    }

    /** Opens every collapsed part (share maps, elected persons), so that axe checks them too. */
    private void openAllDetails() {
        ((JavascriptExecutor) driver()).executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
    }

    private void confirm(DemoReports demo, String key) {
        demo.confirm(login(Role.CLERK), login(Role.APPROVER), key);
    }

    private HttpSession login(Role role) {
        HttpSession s = demoTownStaff(role);
        s.get("/admin");
        return s;
    }
}
