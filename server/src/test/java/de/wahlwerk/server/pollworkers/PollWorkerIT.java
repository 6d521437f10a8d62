package de.wahlwerk.server.pollworkers;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The poll-worker office against the real server and database: sign-up, eligibility with reasons,
 * appointments with roles and gaps, letters as PDF with the portal link, accept/decline through
 * the portal, the chair on the status board, who may see personal data, audit, and the purge.
 */
class PollWorkerIT extends IntegrationTest {

    @Autowired
    PublicLimits limits;

    @Autowired
    PollWorkerPurge purge;

    @BeforeEach
    void clearLimits() {
        limits.clear();
    }

    HttpSession login(Role role, String hierarchy, String key) {
        HttpSession s = signedIn(accounts, role, hierarchy, key);
        s.get("/admin");
        return s;
    }

    static Map<String, String> person(String family, String given, String birth, String street) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("familyName", family);
        m.put("givenNames", given);
        m.put("birthDate", birth);
        m.put("street", street);
        m.put("houseNumber", "3");
        m.put("postalCode", "99998");
        m.put("city", "Prüfstadt");
        m.put("email", "");
        m.put("phone", "0999 4711");
        m.put("wishes", "");
        return m;
    }

    long workerId(long dayId, String family) {
        return jdbc.sql("""
                select w.id from poll_worker w join election_day d on d.scope_key = w.scope_key
                where d.id = :d and w.family_name = :f""").param("d", dayId).param("f", family).query(Long.class).single();
    }

    long audits(String action) {
        return jdbc.sql("select count(*) from audit_log where action = :a").param("a", action).query(Long.class).single();
    }

    byte[] bytes(HttpSession s, String path, boolean post) {
        var b = HttpRequest.newBuilder(URI.create(s.base() + path));
        b = post ? b.header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + s.csrf())) : b.GET();
        HttpResponse<byte[]> r = s.sendBytes(b.build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        return r.body();
    }

    @Test
    void signUpCheckAppointRespondAndSeeTheChairOnTheStatusBoard() {
        HttpSession admin = login(Role.ADMIN, null, null);
        PollWorkerFixture f = PollWorkerFixture.create(admin);
        String day = "/admin/pollworkers/days/" + f.dayId();

        // A volunteer signs up on the public form; broken input names the field and stores nothing.
        HttpSession visitor = session();
        visitor.get("/wahlhelfer/anmelden/" + f.dayId());
        Map<String, String> bad = person("Adler", "Anna", "31.02.1980", "Amselweg");
        bad.put("postalCode", "9999");
        var rejected = visitor.post("/wahlhelfer/anmelden/" + f.dayId(), bad);
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.body()).contains("Geburtsdatum").contains("Postleitzahl: fünf Ziffern");
        // A text the form cannot take at all (a NUL character) shows on the form again, under its label.
        Map<String, String> nul = person("Ad\u0000ler", "Anna", "01.04.1980", "Amselweg");
        var unreadable = visitor.post("/wahlhelfer/anmelden/" + f.dayId(), nul);
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body()).contains("Feld „Familienname“: Dieser Text enthält ein Steuerzeichen")
                .contains("id=\"givenNames\"").contains("value=\"Anna\"");
        assertThat(jdbc.sql("select count(*) from poll_worker where scope_key = :k").param("k", f.ags()).query(Long.class).single())
                .isZero();
        var ok = visitor.post("/wahlhelfer/anmelden/" + f.dayId(), person("Adler", "Anna", "01.04.1980", "Amselweg"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("Danke für Ihre Anmeldung");
        long anna = workerId(f.dayId(), "Adler");

        // The office adds the candidate, a child and a non-resident: each gets its reason.
        admin.get(day);
        var nulAdded = admin.post(day + "/workers", person("Kandidat", "Ka\u0000rl", "1970-01-01", "Amselweg"));
        assertThat(nulAdded.statusCode()).isEqualTo(200);
        assertThat(nulAdded.body()).contains("Feld „Vornamen“: Dieser Text enthält ein Steuerzeichen")
                .contains("value=\"Kandidat\"");
        var karlAdded = admin.post(day + "/workers", person("Kandidat", "Karl", "1970-01-01", "Amselweg"));
        assertThat(karlAdded.statusCode()).isEqualTo(302);
        assertThat(admin.post(day + "/workers", person("Jung", "Jana", "2010-01-01", "Amselweg")).statusCode()).isEqualTo(302);
        assertThat(admin.post(day + "/workers", person("Fremd", "Fritz", "1960-02-02", "Amselweg")).statusCode()).isEqualTo(302);
        long karl = workerId(f.dayId(), "Kandidat");
        long jana = workerId(f.dayId(), "Jung");
        long fritz = workerId(f.dayId(), "Fremd");
        assertThat(admin.get(day + "/workers/" + anna).body()).contains("Kann berufen werden.");
        assertThat(admin.get(day + "/workers/" + karl).body()).contains("data-code=\"CANDIDATE\"")
                .contains("Bewirbt sich bei Bürgermeisterwahl");
        assertThat(admin.get(day + "/workers/" + jana).body()).contains("data-code=\"UNDER_AGE\"").contains("jünger als 18");
        assertThat(admin.get(day + "/workers/" + fritz).body()).contains("data-code=\"NOT_ON_ROLL\"");

        // Appointing an ineligible person is refused with the reason; nothing stored.
        String board1 = day + "/units/" + f.unit1();
        admin.get(board1);
        var refused = admin.post(board1 + "/assign", Map.of("workerId", String.valueOf(karl), "role", "ASSESSOR"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Bewirbt sich bei Bürgermeisterwahl");
        assertThat(jdbc.sql("select count(*) from board_assignment where worker_id = :w").param("w", karl).query(Long.class).single())
                .isZero();

        // Anna lives in 0101: she is the first suggestion there; she becomes chair.
        var board = admin.get(board1);
        assertThat(board.body()).contains("id=\"worker-" + anna + "\"").doesNotContain("id=\"worker-" + karl + "\"")
                .contains("wohnt im Bezirk");
        assertThat(admin.post(board1 + "/assign", Map.of("workerId", String.valueOf(anna), "role", "CHAIR")).statusCode())
                .isEqualTo(302);
        // The same person on a second board of the day, or a second chair: refused.
        admin.get(day + "/units/" + f.unit2());
        var twice = admin.post(day + "/units/" + f.unit2() + "/assign", Map.of("workerId", String.valueOf(anna), "role", "ASSESSOR"));
        assertThat(twice.body()).contains("Schon Mitglied im Vorstand 0101");

        // Recruiting from the register: search the district's roll (audited), take Zoe as deputy.
        long readsBefore = audits("read-pollworkers");
        var found = admin.get(board1 + "?q=zed");
        assertThat(found.body()).contains("Zeder, Zoe").doesNotContain("Brandt");
        assertThat(audits("read-pollworkers")).isGreaterThan(readsBefore);
        var secondChair = admin.post(board1 + "/recruit", Map.of("registerId", "R5", "role", "CHAIR"));
        assertThat(secondChair.body()).contains("Funktion: in diesem Vorstand schon besetzt");
        assertThat(jdbc.sql("select count(*) from board_assignment a join poll_worker w on w.id = a.worker_id where w.register_id = 'R5'")
                .query(Long.class).single()).isZero();
        admin.get(board1);
        assertThat(admin.post(board1 + "/recruit", Map.of("registerId", "R5", "role", "DEPUTY_CHAIR")).statusCode()).isEqualTo(302);

        // Gaps: chair and deputy filled, secretary and two assessors missing (federal minimum).
        var overview = admin.get(day);
        assertThat(overview.body()).contains("2 Mitglieder berufen");
        assertThat(board = admin.get(board1)).isNotNull();
        assertThat(board.body()).contains("1 × Schriftführer/in").contains("2 × Beisitzer/in")
                .doesNotContain("1 × Wahlvorsteher/in");

        // The letter: a tagged PDF with name, board, station and the personal link.
        long annaAssignment = jdbc.sql("select id from board_assignment where worker_id = :w").param("w", anna)
                .query(Long.class).single();
        byte[] letter = bytes(admin, day + "/assignments/" + annaAssignment + "/letter.pdf", false);
        String text = PollWorkerFixture.text(letter);
        assertThat(text).contains("Anna Adler").contains("Amselweg 3").contains("Berufung in den Wahlvorstand")
                .contains("Wahlvorsteher/in").contains("0101 Anger 1").contains("Grundschule am Anger")
                .contains("§ 11 Abs. 1 Bundeswahlgesetz").contains("02.05.2027");
        String link = PollWorkerFixture.portalLink(text);
        PollWorkerFixture.assertTagged(letter);
        assertThat(new String(letter, 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-");

        // The print file holds both open invitations; the first letter's link is replaced.
        String print = PollWorkerFixture.text(bytes(admin, day + "/letters.pdf", true));
        assertThat(print).contains("Anna Adler").contains("Zoe Zeder");
        assertThat(session().get(link).statusCode()).isEqualTo(404);
        String path = PollWorkerFixture.portalLink(print); // Anna's letter comes first: 0101, chair before deputy

        // The portal: Anna sees her board and station, declining needs a reason, then accepts.
        HttpSession anon = session();
        var portal = anon.get(path);
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains("Grundschule am Anger").contains("Wahlvorsteher/in").contains("eingeladen");
        var noReason = anon.post(path, Map.of("answer", "decline", "reason", ""));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Grund der Absage: bitte angeben.");
        assertThat(anon.post(path, Map.of("answer", "accept")).statusCode()).isEqualTo(302);
        assertThat(anon.get(path).body()).contains("zugesagt").doesNotContain("id=\"send\"");
        assertThat(jdbc.sql("select status from board_assignment where id = :id").param("id", annaAssignment)
                .query(String.class).single()).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("select actor from audit_log where action = 'status-pollworker' and entity_id = :id")
                .param("id", String.valueOf(annaAssignment)).query(String.class).list()).containsExactly("portal");
        // The audit log never holds the person's name.
        assertThat(jdbc.sql("select count(*) from audit_log where (after_json like '%Adler%' or before_json like '%Adler%')"
                + " and action like '%pollworker%'").query(Long.class).single()).isZero();

        // Election night: the status board shows the appointed chair instead of the station's old contact.
        var statusBoard = admin.get("/admin/entry/elections/" + f.electionId());
        assertThat(statusBoard.body()).contains("Anna Adler").contains("0999 4711");

        // The office records Zoe's cancellation; a reason is required; Anna's history shows the day.
        long zoeAssignment = jdbc.sql("""
                select a.id from board_assignment a join poll_worker w on w.id = a.worker_id where w.register_id = 'R5'""")
                .query(Long.class).single();
        admin.get(board1);
        assertThat(admin.post(day + "/assignments/" + zoeAssignment + "/status", Map.of("status", "CANCELLED", "reason", ""))
                .body()).contains("Grund: bei Absage und Rücknahme bitte angeben.");
        assertThat(admin.post(day + "/assignments/" + zoeAssignment + "/status",
                Map.of("status", "CANCELLED", "reason", "umgezogen")).statusCode()).isEqualTo(302);
        assertThat(admin.get(board1).body()).contains("zurückgenommen (umgezogen)").contains("1 × Stellvertretende/r Wahlvorsteher/in");
        assertThat(admin.get(day + "/workers/" + anna).body()).contains("02.05.2027").contains("zugesagt");
    }

    @Test
    void personalDataOnlyForTheOfficeOfTheScope() {
        HttpSession admin = login(Role.ADMIN, null, null);
        PollWorkerFixture f = PollWorkerFixture.create(admin);
        String day = "/admin/pollworkers/days/" + f.dayId();
        HttpSession office = login(Role.POLL_WORKER_OFFICE, "admin", f.ags());
        assertThat(office.get(day).statusCode()).isEqualTo(200);
        assertThat(office.get("/admin/pollworkers").body()).contains("Wahlhelfertag");
        HttpSession otherTown = login(Role.POLL_WORKER_OFFICE, "admin", "09999999");
        assertThat(otherTown.get(day).statusCode()).isEqualTo(403);
        HttpSession clerk = login(Role.CLERK, "admin", f.ags());
        assertThat(clerk.get(day).statusCode()).isEqualTo(403);
        HttpSession observer = login(Role.OBSERVER, null, null);
        assertThat(observer.get(day + "/units/" + f.unit1() + "?q=").statusCode()).isEqualTo(403);
        // Invalid portal links all look alike, and guessing is throttled.
        HttpSession guesser = session();
        assertThat(guesser.get("/wahlhelfer/p/not-a-token").statusCode()).isEqualTo(404);
        int last = 0;
        for (int i = 0; i < PublicLimits.Kind.WRONG_TOKEN.max + 1; i++) {
            last = guesser.get("/wahlhelfer/p/" + "A".repeat(42) + (char) ('A' + i % 26)).statusCode();
        }
        assertThat(last).isEqualTo(429);
        limits.clear();
    }

    @Test
    void theSizeOfTheBoardsFollowsTheOfficeWithinTheAllowedRange() {
        HttpSession admin = login(Role.ADMIN, null, null);
        PollWorkerFixture f = PollWorkerFixture.create(admin);
        String day = "/admin/pollworkers/days/" + f.dayId();
        admin.get(day);
        assertThat(admin.post(day + "/requirements", Map.of("kind", "POSTAL", "assessors", "13")).body())
                .contains("Beisitzer: eine Zahl von 1 bis 12.");
        assertThat(admin.post(day + "/requirements", Map.of("kind", "POSTAL", "assessors", "5")).statusCode()).isEqualTo(302);
        assertThat(admin.get(day + "/units/" + f.postal()).body()).contains("4 × Beisitzer/in");
        assertThat(admin.get(day).body()).contains("Urnenwahl: 3 Beisitzer · Briefwahl: 5 Beisitzer");
    }

    @Test
    void trainingMaterialIsPublishedToThePortalAsEscapedMarkdownAndPdf() throws Exception {
        HttpSession admin = login(Role.ADMIN, null, null);
        PollWorkerFixture f = PollWorkerFixture.create(admin);
        String day = "/admin/pollworkers/days/" + f.dayId();
        admin.get(day);
        String md = "# Ablauf\n\nUm **7:30 Uhr** im Wahlraum sein.\n\n<script>alert(1)</script>\n";
        var up = admin.send(de.wahlwerk.server.support.Multipart.upload(admin.base() + day + "/materials", admin.csrf(),
                Map.of("title", "Schulung"), "file", "schulung.md", md.getBytes(java.nio.charset.StandardCharsets.UTF_8), false));
        assertThat(up.statusCode()).as(up.body()).isEqualTo(302);
        admin.get(day);
        var wrong = admin.send(de.wahlwerk.server.support.Multipart.upload(admin.base() + day + "/materials", admin.csrf(),
                Map.of("title", "Bild"), "file", "bild.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, false));
        assertThat(wrong.body()).contains("Datei: bitte eine PDF- oder Markdown-Datei");
        admin.get(day);
        assertThat(admin.post(day + "/workers", person("Adler", "Anna", "1980-04-01", "Amselweg")).statusCode()).isEqualTo(302);
        long anna = workerId(f.dayId(), "Adler");
        admin.get(day + "/units/" + f.unit1());
        admin.post(day + "/units/" + f.unit1() + "/assign", Map.of("workerId", String.valueOf(anna), "role", "ASSESSOR"));
        String print = PollWorkerFixture.text(bytes(admin, day + "/letters.pdf", true));
        String path = PollWorkerFixture.portalLink(print);
        HttpSession anon = session();
        var portal = anon.get(path);
        assertThat(portal.body()).contains("Schulung");
        long material = jdbc.sql("select id from training_material where election_day_id = :d").param("d", f.dayId())
                .query(Long.class).single();
        var page = anon.get(path + "/material/" + material);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<strong>7:30 Uhr</strong>").doesNotContain("<script>alert").contains("&lt;script&gt;");
        // Another day's material is not reachable with this link.
        assertThat(anon.get(path + "/material/" + (material + 100000)).statusCode()).isEqualTo(404);
    }

    @Test
    void thePurgeDeletesPeopleWhoseRetentionHasRunOut() {
        HttpSession admin = login(Role.ADMIN, null, null);
        PollWorkerFixture f = PollWorkerFixture.create(admin);
        String day = "/admin/pollworkers/days/" + f.dayId();
        admin.get(day);
        admin.post(day + "/workers", person("Alt", "Albert", "1950-01-01", "Amselweg"));
        admin.post(day + "/workers", person("Neu", "Nora", "1985-01-01", "Amselweg"));
        long old = workerId(f.dayId(), "Alt");
        long recent = workerId(f.dayId(), "Neu");
        admin.post(day + "/workers", person("Weg", "Wilma", "1970-01-01", "Amselweg"));
        long objecting = workerId(f.dayId(), "Weg");
        jdbc.sql("update poll_worker set last_active = date '2015-09-24' where id = :id").param("id", old).update();
        // Wilma objects to being kept (§ 9 Abs. 4 BWG); her last day (her sign-up) has passed, so she goes too.
        admin.get(day + "/workers/" + objecting);
        assertThat(admin.post(day + "/workers/" + objecting + "/objection", Map.of()).statusCode()).isEqualTo(302);
        assertThat(admin.get(day + "/workers/" + objecting).body()).contains("Widerspruch eingetragen");
        jdbc.sql("update poll_worker set last_active = current_date - 1 where id = :id").param("id", objecting).update();
        var dry = purge.purge(LocalDate.of(2020, 1, 1), LocalDate.now(), true);
        assertThat(dry.found()).isPositive();
        assertThat(jdbc.sql("select count(*) from poll_worker where id = :id").param("id", old).query(Long.class).single()).isOne();
        var done = purge.purge(LocalDate.of(2020, 1, 1), LocalDate.now(), false);
        assertThat(done.deleted()).isEqualTo(dry.found());
        assertThat(jdbc.sql("select id from poll_worker where id in (:ids)").param("ids", java.util.List.of(old, recent, objecting))
                .query(Long.class).list()).containsExactly(recent);
        assertThat(audits("purge-pollworkers")).isPositive();
    }
}
