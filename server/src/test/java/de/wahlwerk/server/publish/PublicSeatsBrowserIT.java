package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.support.BrowserTest;
import de.wahlwerk.server.support.HttpSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The hemicycle with the elected persons on a Bundestag election's top page. A town alone (the
 * demo) fills no Bundestag seats (the seat report needs the federation's second votes), so this
 * test sets up the smallest federation the law runs on: one Land with two constituencies, four
 * seats, two parties, entered as quick reports.
 *
 * <p>By hand: second votes P1 60 + 60 = 120, P2 40 + 40 = 80; Sainte-Laguë for 4 seats with
 * divisor 50 gives 2.4 → 2 and 1.6 → 2 (BWG § 4 Abs. 2). P1 has more than half of the votes but
 * not more than half of the seats, so the majority clause adds one (§ 4 Abs. 4): P1 3, P2 2 of 5;
 * the only Land gets the same in the Unterverteilung. Constituency 901 is won by P1 (60:40), 902
 * by P2 (40:60); each winner is covered by the party's seats (BWG § 6 Abs. 1), the remaining
 * seats (P1 2, P2 1) go to the lists, whose candidates the seat report does not name.
 */
class PublicSeatsBrowserIT extends BrowserTest {

    @Test
    void electedPersonsPerListUnderTheHemicycleInBothLanguages() throws Exception {
        HttpSession admin = login(Role.ADMIN, null, null);
        long election = smallBundestag(admin, "Bundestag klein", 4, false);
        reportBoth(election);

        String page = "/wahlen/" + election + "/bundestag/99.html";
        // wait for the seats of both reports: after the first one alone the page shows other seats
        List<String> expected = List.of("Partei1 Kreis1 (Wahlkreis 901 Nordkreis)",
                "Über die Liste, noch ohne Namen: 2 (die Namen stehen erst mit hinterlegten Bewerberlisten fest)",
                "Partei2 Kreis2 (Wahlkreis 902 Südkreis)",
                "Über die Liste, noch ohne Namen: 1 (die Namen stehen erst mit hinterlegten Bewerberlisten fest)");
        assertThat(electedWhenShown(page, expected)).containsExactlyElementsOf(expected);
        // Read in single script calls: a live update may swap the part of the page between two reads.
        assertThat(texts("#elected[open]")).as("a small body starts open").hasSize(1);
        assertThat(texts("#elected > summary")).containsExactly("Gewählte Personen nach Listen (vorläufig)");
        assertThat(texts("#elected h3")).containsExactly("P1 – Sitze: 3", "P2 – Sitze: 2");
        assertThat(texts("#elected-unknown")).isEmpty();
        assertAccessible("public top page with the elected persons");

        open(page.replace(".html", ".en.html"));
        assertThat(texts("#elected > summary")).containsExactly("Elected persons by list (preliminary)");
        assertThat(texts("#elected li")).first().isEqualTo("Partei1 Kreis1 (constituency 901 Nordkreis)");
        ((JavascriptExecutor) driver()).executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
        assertAccessible("public top page with the elected persons, English");
    }

    /**
     * The same small federation with 6 seats and Landeslisten of Bayern. By hand: second votes P1
     * 120, P2 80; Sainte-Laguë for 6 seats gives 4 : 2 for every divisor in (32, 34.29), e.g. 33:
     * 3.64 → 4, 2.42 → 2; no majority clause (P1 has more than half of the seats). Each winner is
     * covered (BWG § 6 Abs. 1), so P1 fills 3 seats and P2 1 seat from the Landesliste (§ 6 Abs. 4):
     * P1's list is 1 Partei1 Kreis1 (elected in 901, skipped), 2 Anna Liste, 3 Bert Liste — exhausted,
     * one seat stays vacant; P2's list is 1 Partei2 Kreis1 (lost 901, so on the list), 2 Partei2
     * Kreis2 (elected in 902, skipped), 3 Clara Liste, who is the successor (§ 48).
     */
    @Test
    void electedListCandidatesAreNamedFromTheLandeslisten() throws Exception {
        HttpSession admin = login(Role.ADMIN, null, null);
        long election = smallBundestag(admin, "Bundestag Landeslisten", 6, true);
        candidate(admin, landesliste[0], 1, "Kreis1", "Partei1");
        candidate(admin, landesliste[0], 2, "Liste", "Anna");
        candidate(admin, landesliste[0], 3, "Liste", "Bert");
        candidate(admin, landesliste[1], 1, "Kreis1", "Partei2");
        candidate(admin, landesliste[1], 2, "Kreis2", "Partei2");
        candidate(admin, landesliste[1], 3, "Liste", "Clara");
        reportBoth(election);

        String page = "/wahlen/" + election + "/bundestag/99.html";
        List<String> expected = List.of("Partei1 Kreis1 (Wahlkreis 901 Nordkreis)",
                "Anna Liste (über Landesliste Bayern, Platz 2)", "Bert Liste (über Landesliste Bayern, Platz 3)",
                "Unbesetzt, weil die Landesliste erschöpft ist: 1",
                "Partei2 Kreis2 (Wahlkreis 902 Südkreis)", "Partei2 Kreis1 (über Landesliste Bayern, Platz 1)");
        assertThat(electedWhenShown(page, expected)).containsExactlyElementsOf(expected);
        assertThat(texts("#elected > summary")).containsExactly("Gewählte Personen nach Listen (vorläufig)");
        assertThat(texts("#elected h3")).containsExactly("P1 – Sitze: 4", "P2 – Sitze: 2");
        assertAccessible("public top page with elected list candidates");

        open(page.replace(".html", ".en.html"));
        assertThat(texts("#elected li")).contains("Anna Liste (state list Bayern, place 2)",
                "Vacant because the state list is exhausted: 1");

        // the returning officer's report: who is elected from each list and who follows
        String json = admin.get("/api/results/elections/" + election + "/seats").body();
        assertThat(json).contains("\"elected\":[{\"name\":\"Anna Liste\",\"position\":2},{\"name\":\"Bert Liste\",\"position\":3}]")
                .contains("\"elected\":[{\"name\":\"Partei2 Kreis1\",\"position\":1}],\"substitutes\":[{\"name\":\"Clara Liste\",\"position\":3}]")
                .contains("results.note.listCandidates");
        String html = admin.get("/admin/results/elections/" + election + "/seats").body();
        assertThat(html).contains("Anna Liste (Platz 2)", "Partei2 Kreis1 (Platz 1)", "1 in Listenfolge", "Clara Liste (Platz 3)");
    }

    /**
     * A council: the seat report distributes seats per list only (the persons depend on the
     * candidates' votes, which are not stored), so the page says that no one is named yet instead of
     * showing an empty list. By hand: 25 ballots, 40 votes for L1 and 10 for L2; 2 seats go to L1
     * under any divisor method (40/2 = 20 > 10).
     */
    @Test
    void aCouncilSaysThatNoPersonIsNamedYet() throws Exception {
        HttpSession admin = login(Role.ADMIN, null, null);
        long day = day(admin, "Gemeinderat öffentlich", "2020-03-15", "09175132");
        created(admin.json("POST", "/api/setup/days/" + day + "/areas",
                "{\"hierarchy\":\"admin\",\"level\":\"MUNICIPALITY\",\"officialKey\":\"09175132\",\"name\":\"Vaterstetten\"}"));
        long unit = id(admin.json("POST", "/api/setup/days/" + day + "/units",
                "{\"kind\":\"POSTAL\",\"officialKey\":\"BW-1\",\"name\":\"Briefwahl 1\",\"areas\":{\"admin\":\"09175132\"}}").body());
        long election = id(admin.json("POST", "/api/setup/days/" + day + "/elections",
                "{\"kind\":\"MUNICIPAL_COUNCIL\",\"name\":\"Gemeinderatswahl\",\"seats\":2,\"votesPerVoter\":2,\"maxVotesPerCandidate\":2}").body());
        for (int list = 1; list <= 2; list++) {
            long n = id(admin.json("POST", "/api/setup/elections/" + election + "/nominations", "{\"voteKind\":\"CUMULATIVE\",\"ballotPosition\":"
                    + list + ",\"shortName\":\"L" + list + "\",\"name\":\"Liste " + list + "\",\"groupKind\":\"VOTERS_ASSOCIATION\"}").body());
            created(admin.json("POST", "/api/setup/nominations/" + n + "/candidates",
                    "{\"listPosition\":1,\"familyName\":\"Eins\",\"givenNames\":\"L" + list + "\"}"));
        }
        confirm(login(Role.CLERK, "admin", "09175132"), login(Role.APPROVER, "admin", "09175132"), election, unit,
                "{\"B\":\"25\",\"B1\":\"25\",\"C\":\"0\",\"D\":\"50\",\"D1\":\"40\",\"D1_1\":\"40\",\"D2\":\"10\",\"D2_1\":\"10\"}");
        String page = "/wahlen/" + election + "/admin/09175132.html";
        for (int i = 0; i < 100 && driver().findElements(By.id("elected-unknown")).isEmpty(); i++) {
            Thread.sleep(100);
            open(page);
        }
        assertThat(texts("#elected-unknown")).singleElement().asString().startsWith("Gewählte Personen sind noch nicht bekannt");
        assertThat(texts("#elected")).isEmpty();
        assertThat(texts("svg[aria-labelledby='chart-seats'] title")).as("the hemicycle").hasSize(1);
        assertAccessible("public council page without named persons");
    }

    /**
     * One Land (Bayern, 09) with two constituencies and two parties, entered as quick reports:
     * second votes P1 60 + 60, P2 40 + 40; first votes 901 P1 60 : P2 40, 902 P1 40 : P2 60. The
     * first-vote candidate of party p in constituency 90c is "Partei<p> Kreis<c>". With
     * {@code landeslisten}, the second-vote nominations are Landeslisten of Bayern; their candidates
     * are entered by the caller.
     */
    private long smallBundestag(HttpSession admin, String name, int seats, boolean landeslisten) throws Exception {
        long day = day(admin, name, "2025-02-23", "09");
        String areas = "/api/setup/days/" + day + "/areas";
        created(admin.json("POST", areas, "{\"hierarchy\":\"admin\",\"level\":\"STATE\",\"officialKey\":\"09\",\"name\":\"Bayern\"}"));
        created(admin.json("POST", areas, "{\"hierarchy\":\"bundestag\",\"level\":\"FEDERATION\",\"officialKey\":\"99\",\"name\":\"Bund\"}"));
        created(admin.json("POST", areas,
                "{\"hierarchy\":\"bundestag\",\"level\":\"STATE\",\"officialKey\":\"09\",\"name\":\"Bayern\",\"parentKey\":\"99\"}"));
        String[] names = {"Nordkreis", "Südkreis"};
        for (int c = 0; c < 2; c++) {
            created(admin.json("POST", areas, ("{\"hierarchy\":\"bundestag\",\"level\":\"CONSTITUENCY\",\"officialKey\":\"90%d\","
                    + "\"name\":\"%s\",\"parentKey\":\"09\"}").formatted(c + 1, names[c])));
        }
        long election = id(admin.json("POST", "/api/setup/days/" + day + "/elections",
                "{\"kind\":\"BUNDESTAG\",\"name\":\"Bundestagswahl klein\",\"seats\":" + seats + ",\"hierarchy\":\"bundestag\"}").body());
        String area = landeslisten ? "\"areaKey\":\"09\"," : "";
        for (int p = 1; p <= 2; p++) {
            landesliste[p - 1] = id(admin.json("POST", "/api/setup/elections/" + election + "/nominations", ("{\"voteKind\":\"SECOND\","
                    + area + "\"ballotPosition\":%d,\"shortName\":\"P%d\",\"name\":\"Partei %d\",\"groupKind\":\"PARTY\"}")
                    .formatted(p, p, p)).body());
            for (int c = 1; c <= 2; c++) {
                long n = id(admin.json("POST", "/api/setup/elections/" + election + "/nominations", ("{\"voteKind\":\"FIRST\",\"areaKey\":\"90%d\","
                        + "\"ballotPosition\":%d,\"shortName\":\"P%d\",\"name\":\"Partei %d\",\"groupKind\":\"PARTY\"}").formatted(c, p, p, p)).body());
                candidate(admin, n, 1, "Kreis" + c, "Partei" + p);
            }
        }
        // The units last: the public site caches the candidates' names per election and number of
        // units, so a publication while the nominations were still being entered is not kept.
        units = new long[2];
        for (int c = 0; c < 2; c++) {
            units[c] = id(admin.json("POST", "/api/setup/days/" + day + "/units", ("{\"kind\":\"POSTAL\",\"officialKey\":\"BW-90%d\","
                    + "\"name\":\"Briefwahl 90%d\",\"areas\":{\"admin\":\"09\",\"bundestag\":\"90%d\"}}").formatted(c + 1, c + 1, c + 1)).body());
        }
        return election;
    }

    /** Ids of the second-vote nominations of P1 and P2 of the last {@link #smallBundestag}. */
    private final long[] landesliste = new long[2];
    private long[] units;

    private static void candidate(HttpSession admin, long nomination, int position, String family, String given) {
        created(admin.json("POST", "/api/setup/nominations/" + nomination + "/candidates",
                "{\"listPosition\":%d,\"familyName\":\"%s\",\"givenNames\":\"%s\"}".formatted(position, family, given)));
    }

    /** Both units reported and confirmed: 901 P1 60 : P2 40, 902 40 : 60; second votes 60 : 40 in both. */
    private void reportBoth(long election) {
        HttpSession clerk = login(Role.CLERK, "admin", "09");
        HttpSession approver = login(Role.APPROVER, "admin", "09");
        confirm(clerk, approver, election, units[0], bundestag(60, 40, 60, 40));
        confirm(clerk, approver, election, units[1], bundestag(40, 60, 60, 40));
    }

    /** Opens the page until the elected persons show {@code expected}, then returns them. */
    private List<String> electedWhenShown(String page, List<String> expected) throws Exception {
        List<String> shown = List.of();
        for (int i = 0; i < 100; i++) {
            open(page);
            shown = texts("#elected li");
            if (shown.equals(expected)) {
                break;
            }
            Thread.sleep(100);
        }
        return shown;
    }

    /** An election day in the past (polls closed, so its results are published). */
    private static long day(HttpSession admin, String name, String date, String scopeKey) {
        return id(admin.json("POST", "/api/setup/days", """
                {"name":"%s %d","date":"%s","pollsClose":"18:00","scopeHierarchy":"admin","scopeKey":"%s"}"""
                .formatted(name, System.nanoTime(), date, scopeKey)).body());
    }

    /** The text of every element matching the selector, whitespace collapsed, read in one script call. */
    @SuppressWarnings("unchecked")
    private List<String> texts(String css) {
        return (List<String>) ((JavascriptExecutor) driver()).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent.replace(/\\s+/g, ' ').trim())", css);
    }

    /** A postal unit's report: first and second votes of P1 and P2, no invalid votes. */
    private static String bundestag(int first1, int first2, int second1, int second2) {
        int voters = first1 + first2;
        return ("{\"B\":\"%d\",\"B1\":\"%d\",\"C\":\"0\",\"D\":\"%d\",\"D1\":\"%d\",\"D2\":\"%d\",\"E\":\"0\","
                + "\"F\":\"%d\",\"F1\":\"%d\",\"F2\":\"%d\"}").formatted(voters, voters, voters, first1, first2,
                second1 + second2, second1, second2);
    }

    /** Enters the report (a reason for every warning) and approves it. */
    private static void confirm(HttpSession clerk, HttpSession approver, long election, long unit, String values) {
        String path = "/api/entry/elections/" + election + "/reports";
        var r = clerk.json("POST", path, "{\"unitId\":" + unit + ",\"values\":" + values + "}");
        if (r.statusCode() == 400 && r.body().contains("warning.")) {
            Matcher m = Pattern.compile("warning\\.(W\\d+)").matcher(r.body());
            StringBuilder reasons = new StringBuilder();
            while (m.find()) {
                reasons.append(reasons.isEmpty() ? "" : ",").append("\"").append(m.group(1)).append("\":\"geprüft\"");
            }
            r = clerk.json("POST", path, "{\"unitId\":" + unit + ",\"values\":" + values + ",\"warningReasons\":{" + reasons + "}}");
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        Matcher report = Pattern.compile("\"reportId\":(\\d+)").matcher(r.body());
        assertThat(report.find()).isTrue();
        assertThat(approver.json("POST", "/api/entry/reports/" + report.group(1) + "/approve", null).statusCode()).isEqualTo(200);
    }

    private HttpSession login(Role role, String hierarchy, String key) {
        HttpSession s = signedIn(accounts, role, hierarchy, key);
        s.get("/admin");
        return s;
    }

    private static long id(String body) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static void created(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
}
