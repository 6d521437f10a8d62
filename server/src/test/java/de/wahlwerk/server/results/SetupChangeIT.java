package de.wahlwerk.server.results;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.model.Hierarchy;
import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.security.TestAccounts;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A change of the structure after the live tally was built reaches the tally at once: a district
 * added changes how many reports the town expects, one counted with its neighbour (§ 68 Abs. 2
 * BWO) is known as such, before any report arrives and not only when the first report fails to apply.
 */
class SetupChangeIT extends IntegrationTest {

    private static final String AGS = "09175999";
    private static final AreaRef TOWN = new AreaRef(Hierarchy.ADMINISTRATIVE, AGS);

    @Autowired
    TestAccounts accounts;

    @Autowired
    LiveTallies tallies;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aDistrictAddedOrCountedWithItsNeighbourChangesTheExpectedReportsAtOnce() {
        HttpSession admin = signedIn(accounts, Role.ADMIN, null, null);
        admin.get("/admin");
        long day = id(ok(admin.json("POST", "/api/setup/days", """
                {"name":"Strukturänderung %d","date":"2025-02-23","pollsClose":"18:00","scopeHierarchy":"admin","scopeKey":"%s"}"""
                .formatted(System.nanoTime(), AGS))));
        ok(admin.json("POST", "/api/setup/days/" + day + "/areas",
                "{\"hierarchy\":\"admin\",\"level\":\"MUNICIPALITY\",\"officialKey\":\"" + AGS + "\",\"name\":\"Teststadt\"}"));
        long election = id(ok(admin.json("POST", "/api/setup/days/" + day + "/elections",
                "{\"kind\":\"MAYOR\",\"name\":\"Bürgermeisterwahl\",\"hierarchy\":\"admin\"}")));
        for (int p = 1; p <= 2; p++) {
            ok(admin.json("POST", "/api/setup/elections/" + election + "/nominations", """
                    {"voteKind":"CANDIDATE","ballotPosition":%d,"shortName":"K%d","name":"Kandidat %d","groupKind":"INDEPENDENT"}"""
                    .formatted(p, p, p)));
        }
        ok(admin.json("POST", "/api/setup/days/" + day + "/stations", """
                {"stationKey":"R1","name":"Rathaus","street":"Marktplatz 1","postalCode":"85560",
                 "city":"Teststadt","stepFree":true,"areaKey":"%s","areaHierarchy":"admin"}""".formatted(AGS)));
        ok(admin.json("POST", "/api/setup/days/" + day + "/units", unit("001", null)));
        assertThat(tallies.tally(election).snapshot(TOWN).unitsExpected()).isEqualTo(1);

        long second = id(ok(admin.json("POST", "/api/setup/days/" + day + "/units", unit("002", null))));
        assertThat(tallies.tally(election).snapshot(TOWN).unitsExpected()).as("after a district was added").isEqualTo(2);

        ok(admin.json("PUT", "/api/setup/units/" + second, unit("002", "001")));
        // Counted with 001: its numbers arrive in 001's report, which then covers both districts.
        assertThat(tallies.tally(election).structure().units().stream().filter(u -> u.key().equals("002")).findFirst()
                .orElseThrow().countedWith()).as("after district 002 is counted with 001").isEqualTo("001");

        // A district whose own report is confirmed cannot be counted with a neighbour afterwards
        // (its numbers would count twice, and the tally could not be built from the reports).
        long third = id(ok(admin.json("POST", "/api/setup/days/" + day + "/units", unit("003", null))));
        HttpSession clerk = signedIn(accounts, Role.CLERK, "admin", AGS);
        clerk.get("/admin");
        HttpSession approver = signedIn(accounts, Role.APPROVER, "admin", AGS);
        approver.get("/admin");
        String report = "{\"unitId\":" + third + ",\"values\":{\"A1\":\"100\",\"A2\":\"0\",\"A3\":\"0\",\"A\":\"100\","
                + "\"B\":\"50\",\"B1\":\"0\",\"C\":\"0\",\"D\":\"50\",\"D1\":\"30\",\"D2\":\"20\"}";
        var entered = de.wahlwerk.server.support.DemoReports.submitGivingReasons(clerk,
                "/api/entry/elections/" + election + "/reports", report + "}");
        assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
        Matcher reportId = Pattern.compile("\"reportId\":(\\d+)").matcher(entered.body());
        assertThat(reportId.find()).isTrue();
        assertThat(approver.json("POST", "/api/entry/reports/" + reportId.group(1) + "/approve", null).statusCode()).isEqualTo(200);
        var refused = admin.json("PUT", "/api/setup/units/" + third, unit("003", "001"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("countedWithKey").contains("schon eine Schnellmeldung bestätigt");
        assertThat(tallies.tally(election).snapshot(TOWN).unitsReported()).isEqualTo(1);
    }

    /** Another node's structural change arrives as a notification; this node builds its tally anew. */
    @Test
    void aChangeOnAnotherNodeIsHeardByNotification() throws Exception {
        long election = jdbc.sql("select id from election order by id limit 1").query(Long.class).single();
        long day = jdbc.sql("select election_day_id from election where id = :e").param("e", election).query(Long.class).single();
        var before = tallies.tally(election);
        jdbc.sql("select pg_notify('" + de.wahlwerk.server.setup.SetupChanged.CHANNEL + "', :d)")
                .param("d", Long.toString(day)).query().singleRow();
        var after = before;
        for (long until = System.currentTimeMillis() + 10_000; after == before && System.currentTimeMillis() < until; ) {
            Thread.sleep(50);
            after = tallies.tally(election);
        }
        assertThat(after).as("a tally built anew after the notification").isNotSameAs(before);
    }

    private static String unit(String key, String countedWith) {
        return """
                {"kind":"POLLING","officialKey":"%s","name":"Bezirk %s","pollingStationKey":"R1","areas":{"admin":"%s"}%s}"""
                .formatted(key, key, AGS, countedWith == null ? "" : ",\"countedWithKey\":\"" + countedWith + "\"");
    }

    private static HttpResponse<String> ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        return r;
    }

    private static long id(HttpResponse<String> r) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
        assertThat(m.find()).as(r.body()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
