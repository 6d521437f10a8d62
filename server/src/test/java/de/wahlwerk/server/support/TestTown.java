package de.wahlwerk.server.support;

import static de.wahlwerk.server.support.Responses.id;
import static de.wahlwerk.server.support.Responses.ok;

import java.util.ArrayList;
import java.util.List;

/**
 * A town of its own for a test, set up through the API like an administrator would: an election day
 * (polls closed long ago, so reports are taken), the municipality, a mayoral election with
 * candidates K1 … Kn, a polling station R1 and districts added on demand. Tests that change the
 * structure or report on it use one of these, never the demo town other tests share.
 */
public final class TestTown {

    private final HttpSession admin;
    private final String ags;
    private final long day;
    private final long election;
    private final List<Long> nominations = new ArrayList<>();

    /** Sets the town up as {@code admin}; {@code name} tells the day apart from other tests' days. */
    public TestTown(HttpSession admin, String ags, String name, int candidates) {
        this.admin = admin;
        this.ags = ags;
        this.day = id(ok(admin.json("POST", "/api/setup/days", """
                {"name":"%s %d","date":"2025-02-23","pollsClose":"18:00","scopeHierarchy":"admin","scopeKey":"%s"}"""
                .formatted(name, System.nanoTime(), ags))));
        ok(admin.json("POST", "/api/setup/days/" + day + "/areas",
                "{\"hierarchy\":\"admin\",\"level\":\"MUNICIPALITY\",\"officialKey\":\"" + ags + "\",\"name\":\"Teststadt\"}"));
        this.election = id(ok(admin.json("POST", "/api/setup/days/" + day + "/elections",
                "{\"kind\":\"MAYOR\",\"name\":\"Bürgermeisterwahl\",\"hierarchy\":\"admin\"}")));
        for (int p = 1; p <= candidates; p++) {
            nominations.add(id(ok(admin.json("POST", "/api/setup/elections/" + election + "/nominations", candidate(p, p)))));
        }
        ok(admin.json("POST", "/api/setup/days/" + day + "/stations", """
                {"stationKey":"R1","name":"Rathaus","street":"Marktplatz 1","postalCode":"85560",
                 "city":"Teststadt","stepFree":true,"areaKey":"%s","areaHierarchy":"admin"}""".formatted(ags)));
    }

    public long day() {
        return day;
    }

    public long election() {
        return election;
    }

    /** The id of candidate K{@code number} (as created, whatever its ballot position now). */
    public long nomination(int number) {
        return nominations.get(number - 1);
    }

    /** Adds a polling district; its id. */
    public long addUnit(String key) {
        return id(ok(admin.json("POST", "/api/setup/days/" + day + "/units", unit(key, null))));
    }

    /** Enters a report of this town's election as {@code clerk}, waiting for approval; its id. */
    public long enter(HttpSession clerk, long unitId, String votes) {
        return enterIn(election, clerk, unitId, votes);
    }

    /** Enters a report of another election of this town's day (a referendum beside the mayor's), waiting for approval; its id. */
    public long enterIn(long electionId, HttpSession clerk, long unitId, String votes) {
        var entered = DemoReports.submitGivingReasons(clerk, "/api/entry/elections/" + electionId + "/reports", report(unitId, votes));
        if (entered.statusCode() != 201) {
            throw new AssertionError("report not taken: " + entered.statusCode() + " " + entered.body());
        }
        return Responses.reportId(entered.body());
    }

    /** Enters a report of this town's election as {@code clerk} and confirms it as {@code approver}. */
    public void confirm(HttpSession clerk, HttpSession approver, String report) {
        var entered = DemoReports.submitGivingReasons(clerk, "/api/entry/elections/" + election + "/reports", report);
        if (entered.statusCode() != 201) {
            throw new AssertionError("report not taken: " + entered.statusCode() + " " + entered.body());
        }
        ok(approver.json("POST", "/api/entry/reports/" + Responses.reportId(entered.body()) + "/approve", null));
    }

    /** The body of a polling district at R1; {@code countedWith}: the district it is counted with, or null. */
    public String unit(String key, String countedWith) {
        return """
                {"kind":"POLLING","officialKey":"%s","name":"Bezirk %s","pollingStationKey":"R1","areas":{"admin":"%s"}%s}"""
                .formatted(key, key, ags, countedWith == null ? "" : ",\"countedWithKey\":\"" + countedWith + "\"");
    }

    /** The body of candidate K{@code number} at a ballot position. */
    public static String candidate(int number, int ballotPosition) {
        return """
                {"voteKind":"CANDIDATE","ballotPosition":%d,"shortName":"K%d","name":"Kandidat %d","groupKind":"INDEPENDENT"}"""
                .formatted(ballotPosition, number, number);
    }

    /**
     * The values of a report as {@link #report} has them, with K1 and K2's votes, for calls of the
     * entry service without HTTP.
     */
    public static java.util.Map<String, String> values(long k1, long k2) {
        return java.util.Map.of("A1", "100", "A2", "0", "A3", "0", "A", "100", "B", "50", "B1", "0", "C", "0", "D", "50",
                "D1", Long.toString(k1), "D2", Long.toString(k2));
    }

    /** The body of a report of this town's mayoral election for a unit: 100 voters on the roll, 50 votes. */
    public static String report(long unitId, String votes) {
        return "{\"unitId\":" + unitId + ",\"values\":{\"A1\":\"100\",\"A2\":\"0\",\"A3\":\"0\",\"A\":\"100\","
                + "\"B\":\"50\",\"B1\":\"0\",\"C\":\"0\",\"D\":\"50\"," + votes + "}}";
    }
}
