package de.wahlwerk.server.setup;

import static de.wahlwerk.server.support.Responses.id;
import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.security.TestAccounts;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The setup REST API: create and edit everything, field-level errors for bad input, scopes, audit. */
class SetupApiIT extends IntegrationTest {

    HttpSession admin;
    String adminName;

    @BeforeEach
    void signIn() {
        var a = accounts.create(Role.ADMIN, null, null);
        adminName = a.username();
        admin = session();
        admin.login(a.username(), TestAccounts.PASSWORD, a.code());
    }

    @Test
    void createsAndEditsAWholeElectionWithAuditTrail() {
        String suffix = Long.toString(System.nanoTime());
        long audit = audits();
        long day = id(admin.json("POST", "/api/setup/days", """
                {"name":"Kommunalwahl %s","date":"2026-03-08","pollsClose":"18:00","scopeHierarchy":"admin","scopeKey":"09175132"}
                """.formatted(suffix)).body());
        long town = id(post("/api/setup/days/" + day + "/areas",
                "{\"hierarchy\":\"admin\",\"level\":\"MUNICIPALITY\",\"officialKey\":\"09175132\",\"name\":\"Vaterstetten\"}"));
        post("/api/setup/days/" + day + "/areas",
                "{\"hierarchy\":\"admin\",\"level\":\"CITY_DISTRICT\",\"officialKey\":\"09175132-1\",\"name\":\"Baldham\",\"parentKey\":\"09175132\"}");
        post("/api/setup/days/" + day + "/stations", """
                {"stationKey":"1","name":"Grundschule Baldham","street":"Schulstraße 1","postalCode":"85598","city":"Vaterstetten",
                 "stepFree":true,"chairName":"Eva Beispiel","chairPhone":"08106 1234","areaKey":"09175132"}""");
        long unit = id(post("/api/setup/days/" + day + "/units", """
                {"kind":"POLLING","officialKey":"0101","name":"Baldham 1","pollingStationKey":"1","areas":{"admin":"09175132-1"}}"""));
        long election = id(post("/api/setup/days/" + day + "/elections", """
                {"kind":"MUNICIPAL_COUNCIL","name":"Gemeinderatswahl","seats":30,"votesPerVoter":30,"maxVotesPerCandidate":3}"""));
        long nomination = id(post("/api/setup/elections/" + election + "/nominations", """
                {"voteKind":"CUMULATIVE","ballotPosition":1,"shortName":"CSU","name":"Christlich-Soziale Union","groupKind":"PARTY"}"""));
        long candidate = id(post("/api/setup/nominations/" + nomination + "/candidates", """
                {"listPosition":1,"familyName":"Beispiel","givenNames":"Eva","profession":"Lehrerin","yearOfBirth":1975,"place":"Vaterstetten"}"""));

        var edit = admin.json("PUT", "/api/setup/units/" + unit, """
                {"kind":"POLLING","officialKey":"0101","name":"Baldham-Nord","pollingStationKey":"1","areas":{"admin":"09175132-1"}}""");
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
        assertThat(edit.body()).contains("Baldham-Nord");
        assertThat(admin.json("GET", "/api/setup/candidates/" + candidate, null).body()).contains("Lehrerin");
        assertThat(admin.json("GET", "/api/setup/areas/" + town, null).body()).contains("Vaterstetten");

        // Every change is in the audit log with before and after.
        assertThat(audits()).isEqualTo(audit + 9);
        String before = jdbc.sql("select before_json from audit_log where entity = 'reporting_unit' and action = 'update' "
                + "and entity_id = :id").param("id", String.valueOf(unit)).query(String.class).single();
        assertThat(before).contains("Baldham 1");
    }

    @Test
    void bulkUnitsAreAllOrNothingWithOneAuditEntryEach() {
        String suffix = Long.toString(System.nanoTime());
        long day = id(admin.json("POST", "/api/setup/days", """
                {"name":"Bulk %s","date":"2026-03-08","pollsClose":"18:00","scopeHierarchy":"admin","scopeKey":"09175132"}
                """.formatted(suffix)).body());
        post("/api/setup/days/" + day + "/areas",
                "{\"hierarchy\":\"admin\",\"level\":\"MUNICIPALITY\",\"officialKey\":\"09175132\",\"name\":\"Vaterstetten\"}");
        post("/api/setup/days/" + day + "/stations", """
                {"stationKey":"1","name":"Grundschule","street":"Schulstraße 1","postalCode":"85598","city":"Vaterstetten",
                 "stepFree":true,"areaKey":"09175132"}""");
        StringBuilder many = new StringBuilder("[");
        for (int i = 1; i <= 300; i++) {
            many.append(i == 1 ? "" : ",").append("""
                    {"kind":"%s","officialKey":"B%d","name":"Bezirk %d","pollingStationKey":%s,"areas":{"admin":"09175132"}}"""
                    .formatted(i % 3 == 0 ? "POSTAL" : "POLLING", i, i, i % 3 == 0 ? "null" : "\"1\""));
        }
        long audit = audits();
        var created = admin.json("POST", "/api/setup/days/" + day + "/units/bulk", many.append("]").toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"created\":300");
        assertThat(audits()).isEqualTo(audit + 300);

        // One bad district (unknown station, third in the batch) rejects the whole batch, naming it.
        var bad = admin.json("POST", "/api/setup/days/" + day + "/units/bulk", """
                [{"kind":"POLLING","officialKey":"C1","name":"C1","pollingStationKey":"1","areas":{"admin":"09175132"}},
                 {"kind":"POLLING","officialKey":"C2","name":"C2","pollingStationKey":"1","areas":{"admin":"09175132"}},
                 {"kind":"POLLING","officialKey":"C3","name":"C3","pollingStationKey":"nope","areas":{"admin":"09175132"}}]""");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"units[2].pollingStationKey\"");
        var blank = admin.json("POST", "/api/setup/days/" + day + "/units/bulk", """
                [{"kind":"POLLING","officialKey":"","name":"D1","pollingStationKey":"1","areas":{"admin":"09175132"}}]""");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("units[0].officialKey");
        assertThat(jdbc.sql("select count(*) from reporting_unit where election_day_id = :d").param("d", day)
                .query(Long.class).single()).isEqualTo(300);
        assertThat(audits()).isEqualTo(audit + 300);
    }

    @Test
    void badInputGetsFieldErrorsAndStoresNothing() {
        long days = count("election_day");
        var missing = admin.json("POST", "/api/setup/days", "{\"name\":\"\",\"scopeKey\":\"kein key\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"name\"").contains("\"field\":\"date\"").contains("\"field\":\"scopeKey\"")
                .contains("Bitte ausfüllen.");

        var text = admin.json("POST", "/api/setup/days", "{\"name\":\"X\",\"date\":\"morgen\",\"scopeKey\":\"1\"}");
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(text.body()).contains("\"field\":\"date\"");

        var notJson = admin.json("POST", "/api/setup/days", "{name: ");
        assertThat(notJson.statusCode()).isEqualTo(400);

        long demoDay = jdbc.sql("select id from election_day where name = :n").param("n", DemoElection.DAY_NAME)
                .query(Long.class).single();
        var overflow = admin.json("POST", "/api/setup/days/" + demoDay + "/elections",
                "{\"kind\":\"BUNDESTAG\",\"name\":\"Y\",\"seats\":99999999999999}");
        assertThat(overflow.statusCode()).isEqualTo(400);
        assertThat(overflow.body()).contains("\"field\":\"seats\"");

        var negative = admin.json("POST", "/api/setup/days/" + demoDay + "/elections",
                "{\"kind\":\"BUNDESTAG\",\"name\":\"Y\",\"seats\":-5}");
        assertThat(negative.body()).contains("\"field\":\"seats\"").contains("mindestens 1");

        var unknownEnum = admin.json("POST", "/api/setup/days/" + demoDay + "/elections",
                "{\"kind\":\"KAISERWAHL\",\"name\":\"Y\"}");
        assertThat(unknownEnum.statusCode()).isEqualTo(400);
        assertThat(unknownEnum.body()).contains("\"field\":\"kind\"");

        var unknownParent = admin.json("POST", "/api/setup/days/" + demoDay + "/areas",
                "{\"hierarchy\":\"admin\",\"level\":\"CITY_DISTRICT\",\"officialKey\":\"X1\",\"name\":\"X\",\"parentKey\":\"nope\"}");
        assertThat(unknownParent.statusCode()).isEqualTo(400);
        assertThat(unknownParent.body()).contains("\"field\":\"parentKey\"").contains("nope");

        var duplicateUnit = admin.json("POST", "/api/setup/days/" + demoDay + "/units",
                "{\"kind\":\"POSTAL\",\"officialKey\":\"BW-01\",\"name\":\"Doppelt\",\"areas\":{\"admin\":\"09999001-1\"}}");
        assertThat(duplicateUnit.statusCode()).isEqualTo(400);
        assertThat(duplicateUnit.body()).contains("\"field\":\"officialKey\"").contains("BW-01");

        var unknownUnit = admin.json("GET", "/api/setup/units/123456789", null);
        assertThat(unknownUnit.statusCode()).isEqualTo(404);
        var wrongId = admin.json("GET", "/api/setup/units/abc", null);
        assertThat(wrongId.statusCode()).isEqualTo(400);

        assertThat(count("election_day")).isEqualTo(days);
        assertThat(jdbc.sql("select count(*) from election where name = 'Y'").query(Long.class).single()).isZero();
    }

    @Test
    void rolesHoldOnlyWithinTheirScope() {
        long demoDay = jdbc.sql("select id from election_day where name = :n").param("n", DemoElection.DAY_NAME)
                .query(Long.class).single();
        long unit = jdbc.sql("select id from reporting_unit where election_day_id = :d and official_key = '0101'")
                .param("d", demoDay).query(Long.class).single();
        String edit = "{\"kind\":\"POLLING\",\"officialKey\":\"0101\",\"name\":\"Altstadt 1\",\"pollingStationKey\":\"W01\","
                + "\"areas\":{\"admin\":\"09999001-1\",\"bundestag\":\"301\"}}";

        // An administrator of another town neither sees Musterstadt nor can change it.
        var other = signedIn(accounts, Role.ADMIN, "admin", "03159016");
        assertThat(other.json("GET", "/api/setup/days/" + demoDay, null).statusCode()).isEqualTo(404);
        assertThat(other.json("PUT", "/api/setup/units/" + unit, edit).statusCode()).isIn(403, 404);
        assertThat(other.json("GET", "/api/setup/days", null).body()).doesNotContain(DemoElection.DAY_NAME);

        // Musterstadt's own administrator may; an administrator of one city district only its units.
        var own = signedIn(accounts, Role.ADMIN, "admin", DemoElection.AGS);
        assertThat(own.json("PUT", "/api/setup/units/" + unit, edit).statusCode()).isEqualTo(200);
        var district = signedIn(accounts, Role.ADMIN, "admin", DemoElection.AGS + "-8");
        assertThat(district.json("PUT", "/api/setup/units/" + unit, edit).statusCode()).isEqualTo(403);
        var units = district.json("GET", "/api/setup/days/" + demoDay + "/units", null).body();
        assertThat(units).contains("\"officialKey\":\"0801\"").doesNotContain("\"officialKey\":\"0101\"");

        // An observer of the town reads but cannot write; a clerk cannot create anything.
        var observer = signedIn(accounts, Role.OBSERVER, "admin", DemoElection.AGS);
        assertThat(observer.json("GET", "/api/setup/days/" + demoDay + "/units", null).statusCode()).isEqualTo(200);
        assertThat(observer.json("PUT", "/api/setup/units/" + unit, edit).statusCode()).isEqualTo(403);
        var clerk = signedIn(accounts, Role.CLERK, "admin", DemoElection.AGS);
        assertThat(clerk.json("POST", "/api/setup/days/" + demoDay + "/areas", "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void uiFormShowsErrorsAtTheFieldAndKeepsInput() {
        admin.get("/admin/setup/days/new");
        var r = admin.post("/admin/setup/days", java.util.Map.of("name", "Entwurf mit Fehler", "date", "", "pollsClose", "18:00",
                "scopeHierarchy", "admin", "scopeKey", "mit leerzeichen"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Es wurde nichts gespeichert").contains("aria-invalid=\"true\"")
                .contains("value=\"Entwurf mit Fehler\"").contains("Schlüssel: Ziffern");
        assertThat(jdbc.sql("select count(*) from election_day where name = 'Entwurf mit Fehler'").query(Long.class).single())
                .isZero();
    }

    private String post(String path, String json) {
        var r = admin.json("POST", path, json);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(201);
        return r.body();
    }

    /** This test's own audit entries: the publisher and other tests write theirs meanwhile. */
    private long audits() {
        return jdbc.sql("select count(*) from audit_log where actor = :a").param("a", adminName).query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
