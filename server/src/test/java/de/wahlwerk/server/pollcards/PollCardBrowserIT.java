package de.wahlwerk.server.pollcards;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.security.TestAccounts;
import de.wahlwerk.server.support.BrowserTest;
import de.wahlwerk.server.support.HttpSession;
import java.net.URI;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole path in a real browser: the QR code of a generated polling notice is decoded, its link
 * opened, the request typed in by keyboard (first with a mistake), the office approves it, and the
 * roll of the district shows „W“. axe-core finds nothing on the public pages.
 */
class PollCardBrowserIT extends BrowserTest {

    @Autowired
    RequestThrottle throttle;

    @AfterEach
    void forgetThrottle() {
        throttle.clear();
    }

    @Test
    void qrLinkToRequestToApprovalToTheMarkOnTheRoll() throws Exception {
        var admin = accounts.create(Role.ADMIN, null, null);
        HttpSession api = session();
        api.login(admin.username(), TestAccounts.PASSWORD, admin.code());
        TestCity city = TestCity.create(jdbc, 30);
        city.importAndBuild(api, PollCardIT.residents());

        // The link a phone would read from the printed notice.
        var pdf = api.getBytes("/admin/pollcards/elections/" + city.electionId + "/notices/P1/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        String link;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            link = Pdfs.qr(doc, 0);
        }
        URI uri = URI.create(link);
        open(uri.getPath() + "?" + uri.getQuery());
        assertThat(driver().findElement(By.id("noticeNumber")).getDomProperty("value")).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}");
        assertAccessible("polling card request form");

        // First attempt without the date of birth: the error is named and reachable, nothing stored.
        type("familyName", "Yılmaz");
        type("givenNames", "Ayşe");
        type("street", "Hauptstraße");
        type("houseNumber", "12a");
        type("postalCode", "80331");
        type("city", "Teststadt");
        andWaitForPage(() -> driver().findElement(By.cssSelector("main form button[type=submit]")).click());
        assertThat(driver().findElement(By.id("birthDate-error")).getText()).isEqualTo("Bitte ausfüllen.");
        assertThat(driver().findElement(By.id("familyName")).getDomProperty("value")).isEqualTo("Yılmaz");
        assertAccessible("polling card request form with errors");

        type("birthDate", "17.05.1980");
        andWaitForPage(() -> press(org.openqa.selenium.Keys.ENTER));
        assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("Antrag eingegangen");
        String reference = driver().findElement(By.id("reference")).getText().replace("-", "");
        assertAccessible("polling card request received");

        // The office approves it in the queue.
        signIn(admin.username(), TestAccounts.PASSWORD, admin::code);
        open("/admin/pollcards/elections/" + city.electionId);
        WebElement row = driver().findElement(By.xpath("//tr[.//span[text()='" + reference + "']]"));
        assertThat(row.getText()).contains("gefunden: P1, Wahlbezirk 0003");
        andWaitForPage(() -> row.findElement(By.cssSelector("form[action$='/approve'] button")).click());
        assertThat(driver().findElement(By.cssSelector("p.saved")).getText()).contains("Sperrvermerk „W“");
        assertAccessible("polling card queue");

        // The roll of district 0003 shows the mark.
        long unit = jdbc.sql("select id from reporting_unit where election_day_id = :d and official_key = '0003'")
                .param("d", city.dayId).query(Long.class).single();
        open("/admin/register/elections/" + city.electionId + "/units/" + unit);
        WebElement person = driver().findElement(By.xpath("//tr[td[contains(., 'Yılmaz')]]"));
        assertThat(person.findElements(By.tagName("td")).getLast().getText()).isEqualTo("W");
    }

    private void type(String id, String text) {
        WebElement field = driver().findElement(By.id(id));
        field.click();
        replaceText(text);
    }
}
