package de.wahlwerk.server.results;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Landtag Bayern in the server, live: one Stimmkreis per Wahlkreis (101, 201, … 701) in an
 * electoral hierarchy, first and second votes entered as quick reports. Until every Wahlkreis has
 * votes the report says which one is missing; then the seats follow LWG rules with the statutory
 * 180 base seats, on the page and in the JSON.
 */
class LandtagLiveIT extends IntegrationTest {

    private static final String[] WAHLKREISE = {"Oberbayern", "Niederbayern", "Oberpfalz", "Oberfranken",
            "Mittelfranken", "Unterfranken", "Schwaben"};

    @Test
    void seatsFollowTheConfirmedStimmkreisReports() {
        HttpSession admin = LiveReports.login(accounts, session(), Role.ADMIN, null, null);
        long day = LiveReports.id(admin.json("POST", "/api/setup/days", """
                {"name":"Landtag live %d","date":"2023-10-08","pollsClose":"18:00","scopeHierarchy":"admin","scopeKey":"09"}"""
                .formatted(System.nanoTime())).body());
        created(admin.json("POST", "/api/setup/days/" + day + "/areas",
                "{\"hierarchy\":\"admin\",\"level\":\"STATE\",\"officialKey\":\"09\",\"name\":\"Bayern\"}"));
        created(admin.json("POST", "/api/setup/days/" + day + "/areas",
                "{\"hierarchy\":\"landtag\",\"level\":\"STATE\",\"officialKey\":\"09\",\"name\":\"Bayern\"}"));
        long[] units = new long[7];
        for (int wk = 1; wk <= 7; wk++) {
            created(admin.json("POST", "/api/setup/days/" + day + "/areas", ("{\"hierarchy\":\"landtag\",\"level\":\"GOVERNMENT_DISTRICT\","
                    + "\"officialKey\":\"%d\",\"name\":\"%s\",\"parentKey\":\"09\"}").formatted(wk, WAHLKREISE[wk - 1])));
            created(admin.json("POST", "/api/setup/days/" + day + "/areas", ("{\"hierarchy\":\"landtag\",\"level\":\"CONSTITUENCY\","
                    + "\"officialKey\":\"%d01\",\"name\":\"Stimmkreis %d01\",\"parentKey\":\"%d\"}").formatted(wk, wk, wk)));
            units[wk - 1] = LiveReports.id(admin.json("POST", "/api/setup/days/" + day + "/units", ("{\"kind\":\"POSTAL\",\"officialKey\":\"SK-%d01\","
                    + "\"name\":\"Briefwahl %d01\",\"areas\":{\"admin\":\"09\",\"landtag\":\"%d01\"}}").formatted(wk, wk, wk)).body());
        }
        long election = LiveReports.id(admin.json("POST", "/api/setup/days/" + day + "/elections",
                "{\"kind\":\"LANDTAG\",\"name\":\"Landtagswahl\",\"seats\":180,\"hierarchy\":\"landtag\"}").body());
        for (String kind : new String[] {"FIRST", "SECOND"}) {
            for (int p = 1; p <= 2; p++) {
                created(admin.json("POST", "/api/setup/elections/" + election + "/nominations", ("{\"voteKind\":\"%s\",\"ballotPosition\":%d,"
                        + "\"shortName\":\"P%d\",\"name\":\"Partei %d\",\"groupKind\":\"PARTY\"}").formatted(kind, p, p, p)));
            }
        }
        String seatsUrl = "/api/results/elections/" + election + "/seats";
        assertThat(admin.json("GET", seatsUrl, null).body()).contains("NEEDS_INPUT");

        HttpSession clerk = LiveReports.login(accounts, session(), Role.CLERK, "admin", "09");
        HttpSession approver = LiveReports.login(accounts, session(), Role.APPROVER, "admin", "09");
        for (int wk = 1; wk <= 6; wk++) {
            confirm(clerk, approver, election, units[wk - 1], 100, 60, 40, 60, 40);
        }
        String partial = approver.json("GET", seatsUrl, null).body();
        assertThat(partial).contains("NEEDS_INPUT", "\"law\":\"LANDTAG_BY\"", "Schwaben").contains("\"format\":\"live\"");

        confirm(clerk, approver, election, units[6], 100, 60, 40, 60, 40);
        String decided = approver.json("GET", seatsUrl, null).body();
        assertThat(decided).contains("\"status\":\"DECIDED\"", "\"houseSize\":180");
        // 60 : 40 in every Wahlkreis, Hare/Niemeyer: 61 → 37/24, 18 → 11/7, 16 → 10/6 (twice), 24 → 14/10,
        // 19 → 11/8, 26 → 16/10; P1 won all 7 Stimmkreise, covered in each Wahlkreis
        assertThat(LiveReports.seats(decided, "P1")).isEqualTo(109);
        assertThat(LiveReports.seats(decided, "P2")).isEqualTo(71);
        assertThat(decided).contains("\"status\":\"LANDTAG_ELECTED\"");
        String page = approver.get("/admin/results/elections/" + election + "/seats").body();
        assertThat(page).contains("Wahlkreis Oberbayern: 61 Sitze (gesetzlich 61)", "<td class=\"num\">701</td>", "gewählt (Stimmkreis)");
    }

    private void confirm(HttpSession clerk, HttpSession approver, long election, long unit, int voters, int first1,
            int first2, int second1, int second2) {
        String values = ("{\"B\":\"%d\",\"B1\":\"%d\",\"C\":\"0\",\"D\":\"%d\",\"D1\":\"%d\",\"D2\":\"%d\",\"E\":\"0\","
                + "\"F\":\"%d\",\"F1\":\"%d\",\"F2\":\"%d\"}").formatted(voters, voters, first1 + first2, first1, first2,
                second1 + second2, second1, second2);
        LiveReports.confirm(clerk, approver, election, unit, values);
    }

    private static void created(java.net.http.HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
}
