package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.setup.DemoElection;
import de.wahlwerk.server.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The public pages pass axe-core (WCAG 2.1 AA) and work by keyboard, without signing in. */
class PublicPagesBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void publicPagesAreAccessible() throws Exception {
        long day = jdbc.sql("select id from election_day where name = :n").param("n", DemoElection.DAY_NAME).query(Long.class).single();
        long election = jdbc.sql("select id from election where election_day_id = :d and name = 'Bundestagswahl 2025'")
                .param("d", day).query(Long.class).single();
        String page = "/wahlen/" + election + "/admin/" + DemoElection.AGS + ".html";
        for (int i = 0; i < 50; i++) {
            open(page);
            if (!driver().findElements(By.cssSelector("p.status")).isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(driver().findElement(By.tagName("h1")).getText()).contains(DemoElection.AGS);
        assertAccessible("public area page");
        tab();
        assertThat(focused().getText()).isEqualTo("Zum Inhalt springen");
        open("/wahlen/" + election + "/");
        assertAccessible("public election page");
        open("/wahlen/");
        assertAccessible("public index");
        open("/wahlen/999999/");
        assertAccessible("public not-published page");
    }
}
