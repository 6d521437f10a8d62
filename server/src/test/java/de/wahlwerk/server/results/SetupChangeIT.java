package de.wahlwerk.server.results;

import static de.wahlwerk.server.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.model.Hierarchy;
import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.support.DemoReports;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import de.wahlwerk.server.support.Responses;
import de.wahlwerk.server.support.TestTown;
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
    LiveTallies tallies;

    @Test
    void aDistrictAddedOrCountedWithItsNeighbourChangesTheExpectedReportsAtOnce() {
        HttpSession admin = signedIn(accounts, Role.ADMIN, null, null);
        TestTown town = new TestTown(admin, AGS, "Strukturänderung", 2);
        long election = town.election();
        town.addUnit("001");
        assertThat(tallies.tally(election).snapshot(TOWN).unitsExpected()).isEqualTo(1);

        long second = town.addUnit("002");
        assertThat(tallies.tally(election).snapshot(TOWN).unitsExpected()).as("after a district was added").isEqualTo(2);

        ok(admin.json("PUT", "/api/setup/units/" + second, town.unit("002", "001")));
        // Counted with 001: its numbers arrive in 001's report, which then covers both districts.
        assertThat(tallies.tally(election).structure().units().stream().filter(u -> u.key().equals("002")).findFirst()
                .orElseThrow().countedWith()).as("after district 002 is counted with 001").isEqualTo("001");

        // A district whose own report is confirmed cannot be counted with a neighbour afterwards
        // (its numbers would count twice, and the tally could not be built from the reports).
        long third = town.addUnit("003");
        HttpSession clerk = signedIn(accounts, Role.CLERK, "admin", AGS);
        clerk.get("/admin");
        HttpSession approver = signedIn(accounts, Role.APPROVER, "admin", AGS);
        approver.get("/admin");
        town.confirm(clerk, approver, TestTown.report(third, "\"D1\":\"30\",\"D2\":\"20\""));
        var refused = admin.json("PUT", "/api/setup/units/" + third, town.unit("003", "001"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("countedWithKey").contains("schon eine Schnellmeldung bestätigt");
        tallies.catchUp(); // the approval's own catch-up may have gone to the tally's background thread
        assertThat(tallies.tally(election).snapshot(TOWN).unitsReported()).isEqualTo(1);
    }

    /**
     * A district's report holds its votes by the ballot of its areas: with a report waiting or
     * confirmed, the district can no longer be made a postal district or moved to other areas
     * (its votes would be read against another ballot); its name can still be put right.
     */
    @Test
    void aDistrictWithAReportKeepsItsKindAndItsAreas() {
        Waiting w = waitingReport("Bezirk mit Meldung", 2, "\"D1\":\"30\",\"D2\":\"20\"");
        HttpSession admin = w.admin();
        TestTown town = w.town();
        long unit = w.unit();
        String postal = town.unit("001", null).replace("\"kind\":\"POLLING\"", "\"kind\":\"POSTAL\"");

        var waiting = admin.json("PUT", "/api/setup/units/" + unit, postal);
        assertThat(waiting.statusCode()).as(waiting.body()).isEqualTo(400);
        assertThat(waiting.body()).contains("\"field\":\"kind\"").contains("wartet eine Schnellmeldung")
                .contains("zuerst ablehnen");

        ok(w.approver().json("POST", "/api/entry/reports/" + w.report() + "/approve", null));
        var confirmed = admin.json("PUT", "/api/setup/units/" + unit, postal);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(400);
        assertThat(confirmed.body()).contains("\"field\":\"kind\"").contains("schon eine Schnellmeldung bestätigt");
        var moved = admin.json("PUT", "/api/setup/units/" + unit, town.unit("001", null)
                .replace("\"areas\":{\"admin\":\"" + AGS + "\"}", "\"areas\":{}"));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(400);
        assertThat(moved.body()).contains("\"field\":\"areas\"");

        // What does not touch the ballot stays editable.
        ok(admin.json("PUT", "/api/setup/units/" + unit, town.unit("001", null).replace("Bezirk 001", "Bezirk 001 (Rathaus)")));
        tallies.catchUp();
        assertThat(tallies.tally(town.election()).snapshot(TOWN).unitsReported()).isEqualTo(1);
    }

    /**
     * Districts counted together send one report, which cannot be split: a postal district is not
     * counted with a polling district, and a district others are counted with keeps its kind. Before,
     * such a pair was stored, and the live tally, which refuses it, stopped the whole election's
     * public pages.
     */
    @Test
    void onlyDistrictsOfOneKindAndTheSameAreasAreCountedTogether() {
        HttpSession admin = signedIn(accounts, Role.ADMIN, null, null);
        TestTown town = new TestTown(admin, AGS, "Gemeinsame Auszählung", 2);
        long first = town.addUnit("001");
        long second = town.addUnit("002");

        var postal = admin.json("PUT", "/api/setup/units/" + second,
                town.unit("002", "001").replace("\"kind\":\"POLLING\"", "\"kind\":\"POSTAL\""));
        assertThat(postal.statusCode()).as(postal.body()).isEqualTo(400);
        assertThat(postal.body()).contains("\"field\":\"countedWithKey\"").contains("andere Art von Bezirk");

        ok(admin.json("PUT", "/api/setup/units/" + second, town.unit("002", "001")));
        var host = admin.json("PUT", "/api/setup/units/" + first,
                town.unit("001", null).replace("\"kind\":\"POLLING\"", "\"kind\":\"POSTAL\""));
        assertThat(host.statusCode()).as(host.body()).isEqualTo(400);
        assertThat(host.body()).contains("\"field\":\"kind\"").contains("wird mit diesem Bezirk zusammen ausgezählt");

        assertThat(tallies.tally(town.election()).structure().units().stream().filter(u -> u.key().equals("002"))
                .findFirst().orElseThrow().countedWith()).as("the tally builds with the pair").isEqualTo("001");
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

    /**
     * Votes of a confirmed report belong to their ballot position: a nomination holding such votes
     * cannot move to another position (the tally would meet votes for a position its ballot no
     * longer has and could not be built from the reports); one without votes still can, and
     * before any report every one can. Its name may change at any time.
     */
    @Test
    void aNominationWithConfirmedVotesKeepsItsBallotPosition() {
        HttpSession admin = signedIn(accounts, Role.ADMIN, null, null);
        TestTown town = new TestTown(admin, AGS, "Stimmzettel", 3);
        long unit = town.addUnit("001");
        String nominations = "/api/setup/nominations/";
        ok(admin.json("PUT", nominations + town.nomination(1), TestTown.candidate(1, 4)));
        ok(admin.json("PUT", nominations + town.nomination(1), TestTown.candidate(1, 1)));

        HttpSession clerk = signedIn(accounts, Role.CLERK, "admin", AGS);
        HttpSession approver = signedIn(accounts, Role.APPROVER, "admin", AGS);
        town.confirm(clerk, approver, TestTown.report(unit, "\"D1\":\"30\",\"D2\":\"20\",\"D3\":\"0\""));
        var refused = admin.json("PUT", nominations + town.nomination(1), TestTown.candidate(1, 4));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"ballotPosition\"").contains("„K1“ auf Platz 1")
                .contains("schon Stimmen in bestätigten Schnellmeldungen");
        assertThat(ok(admin.json("GET", nominations + town.nomination(1), null)).body()).contains("\"ballotPosition\":1");
        // K3 got no votes: its position is free to change; a new name changes no position.
        ok(admin.json("PUT", nominations + town.nomination(3), TestTown.candidate(3, 4)));
        ok(admin.json("PUT", nominations + town.nomination(2), TestTown.candidate(2, 2).replace("Kandidat 2", "Kandidatin 2")));
        assertThat(tallies.tally(town.election()).snapshot(TOWN).unitsReported()).isEqualTo(1);
    }

    /**
     * A report waiting for its second person holds its votes by ballot position as well: approved
     * after its nomination moved, it would confirm votes for a position the ballot no longer has.
     * The move waits until the report is decided; the approval then counts.
     */
    @Test
    void aNominationWithPendingVotesKeepsItsBallotPositionUntilTheyAreDecided() {
        Waiting w = waitingReport("Stimmzettel mit offener Meldung", 3, "\"D1\":\"30\",\"D2\":\"20\",\"D3\":\"0\"");
        HttpSession admin = w.admin();
        TestTown town = w.town();

        String nominations = "/api/setup/nominations/";
        var refused = admin.json("PUT", nominations + town.nomination(1), TestTown.candidate(1, 4));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"ballotPosition\"").contains("„K1“ auf Platz 1")
                .contains("noch auf ihre Bestätigung warten").contains("zuerst bestätigen oder ablehnen");
        // K3 got no votes in the waiting report: its position is free to change.
        ok(admin.json("PUT", nominations + town.nomination(3), TestTown.candidate(3, 4)));

        ok(w.approver().json("POST", "/api/entry/reports/" + w.report() + "/approve", null));
        tallies.catchUp();
        assertThat(tallies.tally(town.election()).snapshot(TOWN).unitsReported()).isEqualTo(1);
        assertThat(ok(admin.json("GET", nominations + town.nomination(1), null)).body()).contains("\"ballotPosition\":1");
    }

    /**
     * In a council election reports hold a candidate's personal votes by list position (D1_2 …):
     * a candidate with such votes, waiting for approval or confirmed, keeps the list position (moved,
     * the votes would belong to whoever stands there then); one without votes can still move.
     */
    @Test
    void aCandidateWithPersonalVotesKeepsItsListPosition() {
        HttpSession admin = signedIn(accounts, Role.ADMIN, null, null);
        TestTown town = new TestTown(admin, AGS, "Listenplätze", 1);
        long unit = town.addUnit("001");
        long election = Responses.id(ok(admin.json("POST", "/api/setup/days/" + town.day() + "/elections",
                "{\"kind\":\"MUNICIPAL_COUNCIL\",\"name\":\"Stadtratswahl\",\"seats\":2,\"votesPerVoter\":2,"
                        + "\"maxVotesPerCandidate\":2}")));
        long[][] candidates = new long[3][3];
        for (int list = 1; list <= 2; list++) {
            long n = Responses.id(ok(admin.json("POST", "/api/setup/elections/" + election + "/nominations",
                    "{\"voteKind\":\"CUMULATIVE\",\"ballotPosition\":" + list + ",\"shortName\":\"L" + list
                            + "\",\"name\":\"Liste " + list + "\",\"groupKind\":\"VOTERS_ASSOCIATION\"}")));
            for (int c = 1; c <= 2; c++) {
                candidates[list][c] = Responses.id(ok(admin.json("POST", "/api/setup/nominations/" + n + "/candidates",
                        candidate(list, c, c))));
            }
        }
        String path = "/api/setup/candidates/";
        ok(admin.json("PUT", path + candidates[1][1], candidate(1, 1, 3))); // no report yet: free to move
        ok(admin.json("PUT", path + candidates[1][1], candidate(1, 1, 1)));

        HttpSession clerk = signedIn(accounts, Role.CLERK, "admin", AGS);
        HttpSession approver = signedIn(accounts, Role.APPROVER, "admin", AGS);
        var entered = DemoReports.submitGivingReasons(clerk, "/api/entry/elections/" + election + "/reports",
                TestTown.report(unit, "\"D1\":\"30\",\"D1_1\":\"20\",\"D1_2\":\"10\",\"D2\":\"20\","
                        + "\"D2_1\":\"20\",\"D2_2\":\"0\""));
        assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
        var waiting = admin.json("PUT", path + candidates[1][1], candidate(1, 1, 3));
        assertThat(waiting.statusCode()).as(waiting.body()).isEqualTo(400);
        assertThat(waiting.body()).contains("\"field\":\"listPosition\"").contains("auf Listenplatz 1")
                .contains("noch auf ihre Bestätigung warten");
        // The second candidate of list 2 got no personal votes: free to move.
        ok(admin.json("PUT", path + candidates[2][2], candidate(2, 2, 3)));

        ok(approver.json("POST", "/api/entry/reports/" + Responses.reportId(entered.body()) + "/approve", null));
        var confirmed = admin.json("PUT", path + candidates[1][2], candidate(1, 2, 3));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(400);
        assertThat(confirmed.body()).contains("\"field\":\"listPosition\"").contains("auf Listenplatz 2")
                .contains("schon persönliche Stimmen in bestätigten Schnellmeldungen");
        assertThat(ok(admin.json("GET", path + candidates[1][2], null)).body()).contains("\"listPosition\":2");
        // Other details of a candidate with votes may still be corrected.
        ok(admin.json("PUT", path + candidates[1][2], candidate(1, 2, 2).replace("Kandidat2", "Kandidatin2")));
    }

    /** The body of candidate {@code number} of list {@code list} at a list position. */
    private static String candidate(int list, int number, int listPosition) {
        return "{\"listPosition\":" + listPosition + ",\"familyName\":\"Kandidat" + number + "\",\"givenNames\":\"L" + list + "\"}";
    }

    /** A town's administrator, the town, its district 001 and the approver of the report of 001 waiting for approval. */
    private record Waiting(HttpSession admin, TestTown town, long unit, HttpSession approver, long report) {}

    /** A town with {@code candidates} candidates and one district, whose report with these votes waits for approval. */
    private Waiting waitingReport(String name, int candidates, String votes) {
        HttpSession admin = signedIn(accounts, Role.ADMIN, null, null);
        TestTown town = new TestTown(admin, AGS, name, candidates);
        long unit = town.addUnit("001");
        HttpSession clerk = signedIn(accounts, Role.CLERK, "admin", AGS);
        HttpSession approver = signedIn(accounts, Role.APPROVER, "admin", AGS);
        var entered = DemoReports.submitGivingReasons(clerk, "/api/entry/elections/" + town.election() + "/reports",
                TestTown.report(unit, votes));
        assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
        return new Waiting(admin, town, unit, approver, Responses.reportId(entered.body()));
    }
}
