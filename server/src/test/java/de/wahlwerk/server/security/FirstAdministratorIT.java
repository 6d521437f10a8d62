package de.wahlwerk.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.support.HttpSession;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/** A fresh installation has no account and no default password: only the one-time link creates the first administrator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "wahlwerk.data-dir=target/test-data/first-admin")
class FirstAdministratorIT {

    static {
        // A fresh cluster for this class: the first-administrator link only exists while no administrator does.
        FileSystemUtils.deleteRecursively(Path.of("target/test-data/first-admin").toFile());
    }

    @LocalServerPort
    int port;

    @Autowired
    StaffService staff;

    @Autowired
    JdbcClient jdbc;

    @Test
    void setupLinkCreatesFirstAdministratorWithSecondFactorOnlyOnce() throws Exception {
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isZero();
        String token = staff.renewFirstAdministratorLink();
        HttpSession s = new HttpSession(port);

        // A wrong token is a clear 404, not a stack trace.
        assertThat(s.get("/setup/not-a-valid-token").statusCode()).isEqualTo(404);

        var page = s.get("/setup/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("name=\"secret\" value=\"([A-Z2-7]+)\"").matcher(page.body());
        assertThat(m.find()).as("secret on the page").isTrue();
        String secret = m.group(1);

        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", "wahlleiterin");
        form.put("displayName", "Erika Mustermann");
        form.put("password", "kurz");
        form.put("passwordRepeat", "kurz");
        form.put("secret", secret);
        form.put("code", "");
        var tooShort = s.post("/setup/" + token, form);
        assertThat(tooShort.statusCode()).isEqualTo(200);
        assertThat(tooShort.body()).contains("mindestens 12 Zeichen");

        form.put("password", "ein langes Passwort 2025");
        form.put("passwordRepeat", "ein langes Passwort 2025");
        s.get("/setup/" + token);
        var noCode = s.post("/setup/" + token, form);
        assertThat(noCode.body()).contains("ist der zweite Faktor Pflicht");
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isZero();

        form.put("code", code(secret));
        var done = s.post("/setup/" + token, form);
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/login?created");

        // The link is used up, and the administrator cannot sign in without the second factor.
        assertThat(new HttpSession(port).get("/setup/" + token).statusCode()).isEqualTo(404);
        var withoutCode = new HttpSession(port).login("wahlleiterin", "ein langes Passwort 2025", null);
        assertThat(withoutCode.headers().firstValue("Location").orElse("")).contains("error=code");
        HttpSession admin = new HttpSession(port);
        var ok = admin.login("wahlleiterin", "ein langes Passwort 2025", code(secret));
        assertThat(ok.headers().firstValue("Location").orElse("")).endsWith("/admin");
        assertThat(admin.get("/admin").statusCode()).isEqualTo(200);

        assertThat(staff.renewFirstAdministratorLink()).as("no more setup links once an administrator exists").isNull();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'create-first-admin'").query(Long.class).single())
                .isEqualTo(1);
    }

    private static String code(String secret) throws Exception {
        return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, System.currentTimeMillis() / 30000);
    }
}
