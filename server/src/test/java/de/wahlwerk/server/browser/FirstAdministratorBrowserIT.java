package de.wahlwerk.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.StaffService;
import de.wahlwerk.server.support.BrowserTest;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.FileSystemUtils;

/**
 * The first administrator of a fresh installation sets up the account through the one-time link,
 * in a real browser and by keyboard alone, then signs in with the second factor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "wahlwerk.data-dir=target/test-data/first-admin-browser")
class FirstAdministratorBrowserIT extends BrowserTest {

    static {
        // A fresh cluster: the first-administrator link only exists while no administrator does.
        FileSystemUtils.deleteRecursively(Path.of("target/test-data/first-admin-browser").toFile());
    }

    static final String PASSWORD = "ein langes Passwort 2025";

    @Autowired
    StaffService staff;

    @Test
    void firstAdministratorSetsUpAccountByKeyboard() throws Exception {
        String token = staff.renewFirstAdministratorLink();
        assertThat(token).as("fresh installation without administrator").isNotNull();
        open("/setup/" + token);
        assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("Ersten Administrator einrichten");
        assertAccessible("first administrator setup page");

        // The secret is shown as text for typing into the authenticator app.
        String secret = driver().findElement(By.cssSelector("fieldset code")).getText();
        assertThat(secret).matches("[A-Z2-7]{16,64}");

        // First attempt: a password that is too short.
        tabToId("username", 5);
        press("wahlleiterin");
        tab();
        assertThat(focused().getDomAttribute("id")).isEqualTo("displayName");
        press("Erika Mustermann");
        tab();
        assertThat(focused().getDomAttribute("id")).isEqualTo("password");
        press("kurz");
        tab();
        assertThat(focused().getDomAttribute("id")).isEqualTo("passwordRepeat");
        press("kurz");
        tab();
        assertThat(focused().getDomAttribute("id")).as("the QR code is skipped, the code field is next").isEqualTo("code");
        press(code(secret));
        tab();
        assertThat(focused().getText()).isEqualTo("Zugang einrichten");
        enterAndWaitForPage();

        WebElement summary = driver().findElement(By.cssSelector(".error-summary"));
        assertThat(focused()).as("the error summary receives the focus").isEqualTo(summary);
        assertThat(summary.getText()).contains("mindestens 12 Zeichen");
        WebElement password = driver().findElement(By.id("password"));
        assertThat(password.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver().findElement(By.id(password.getDomAttribute("aria-describedby"))).getText())
                .contains("mindestens 12 Zeichen");
        assertThat(driver().findElement(By.cssSelector("fieldset code")).getText())
                .as("the same secret is kept, so the app need not be set up again").isEqualTo(secret);
        assertAccessible("first administrator setup page with errors");

        // Correct the passwords (and give a fresh code) and send again.
        tabToId("password", 10);
        replaceText(PASSWORD);
        tab();
        replaceText(PASSWORD);
        tabToId("code", 3);
        replaceText(code(secret));
        tabToText("Zugang einrichten", 3);
        enterAndWaitForPage();

        assertThat(path()).isEqualTo("/login");
        assertThat(driver().findElement(By.cssSelector("[role=status]")).getText())
                .isEqualTo("Ihr Zugang ist eingerichtet. Bitte melden Sie sich an.");
        signIn("wahlleiterin", PASSWORD, () -> code(secret));
        assertThat(driver().findElement(By.cssSelector("main")).getText()).contains("Angemeldet als Erika Mustermann.");
        assertThat(staff.renewFirstAdministratorLink()).isNull();
    }

    private static String code(String secret) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, System.currentTimeMillis() / 30000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
