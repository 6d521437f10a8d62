package de.wahlwerk.server.results;

import static de.wahlwerk.server.support.Responses.reportId;
import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.model.Hierarchy;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.core.tally.AreaSnapshot;
import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.setup.DemoElection;
import de.wahlwerk.server.support.DemoReports;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Confirmed reports flow into the live tally at once; the tally equals a from-scratch sum of the
 * confirmed versions in the database, a rebuilt tally (a second node) equals the incremental one,
 * and the internal results page shows it with the comparison to the previous election.
 */
class LiveResultsIT extends IntegrationTest {

    @Autowired
    JsonMapper json;

    @Autowired
    LiveTallies tallies;

    @Test
    void confirmedReportsReachTheTallyAndEveryNodeAgrees() throws Exception {
        long day = jdbc.sql("select id from election_day where name = :n").param("n", DemoElection.DAY_NAME).query(Long.class).single();
        long election = jdbc.sql("select id from election where election_day_id = :d and name = 'Bundestagswahl 2025'")
                .param("d", day).query(Long.class).single();
        var before = tallies.tally(election); // built now, then kept current incrementally

        HttpSession clerk = demoTownStaff(Role.CLERK);
        HttpSession approver = demoTownStaff(Role.APPROVER);
        // Units no other test of the shared demo uses, so that the test order does not matter.
        List<String> units = List.of("0203", "0204", "0303", "0403", "0503", "0603", "0808", "BW-03", "BW-11");
        for (String key : units) {
            if (key.equals("0808")) {
                continue; // counted with 0807: it is reported through its neighbour
            }
            long unit = jdbc.sql("select id from reporting_unit where election_day_id = :d and official_key = :k")
                    .param("d", day).param("k", key).query(Long.class).single();
            boolean counted = jdbc.sql("select count(*) from quick_report where unit_id = :u and status = 'CONFIRMED'")
                    .param("u", unit).query(Long.class).single() > 0;
            if (counted) {
                continue; // another test confirmed it already; its version counts
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("unitId", unit);
            body.put("values", new DemoReports(jdbc).values(key));
            clerk.get("/admin");
            var r = clerk.json("POST", "/api/entry/elections/" + election + "/reports", json.writeValueAsString(body));
            assertThat(r.statusCode()).as(key + " " + r.body()).isEqualTo(201);
            long report = reportId(r.body());
            approver.get("/admin");
            assertThat(approver.json("POST", "/api/entry/reports/" + report + "/approve", null).statusCode()).isEqualTo(200);
        }

        // An approval applies its confirmation at once only if the tally writer is free; otherwise
        // the tally's background thread does it moments later. Wait for that here.
        tallies.catchUp();
        var town = tallies.tally(election).snapshot(new AreaRef(new Hierarchy("admin"), DemoElection.AGS));
        // From scratch: the sum of B over the versions that count, straight from the database.
        long expectedVoters = sumOverConfirmed(election, "B");
        long expectedSpd = sumOverConfirmed(election, "F1");
        assertThat(town.all().voters()).isEqualTo(expectedVoters).isPositive();
        assertThat(town.all().votes(VoteKind.SECOND, "SPD")).isEqualTo(expectedSpd);
        long confirmedUnits = jdbc.sql("select count(distinct unit_id) from quick_report where election_id = :e and status = 'CONFIRMED'")
                .param("e", election).query(Long.class).single();
        assertThat(town.unitsReported()).isGreaterThanOrEqualTo(confirmedUnits);
        assertThat(town.unitsExpected()).isEqualTo(80);

        // A second node builds its tally from the database and arrives at exactly the same state.
        List<AreaSnapshot> incremental = tallies.tally(election).snapshots();
        tallies.forget(election);
        assertThat(tallies.tally(election).snapshots()).containsExactlyInAnyOrderElementsOf(incremental);

        // The internal page shows it, with the comparison against 2021 and drill-down to the districts.
        HttpSession observer = demoTownStaff(Role.OBSERVER);
        var page = observer.get("/admin/results/elections/" + election + "/areas/admin/" + DemoElection.AGS);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Veränderung").contains("SPD").contains(DemoElection.AGS + "-1")
                .doesNotContain("keine vollständigen Vergleichswerte");
        var constituency = observer.get("/admin/results/elections/" + election + "/areas/bundestag/301");
        assertThat(constituency.statusCode()).isEqualTo(200);
        assertThat(observer.get("/admin/results/elections/" + election + "/areas/admin/nope").statusCode()).isEqualTo(404);
    }

    private long sumOverConfirmed(long election, String letter) {
        long sum = 0;
        for (String text : jdbc.sql("select values_text from quick_report where election_id = :e and status = 'CONFIRMED'")
                .param("e", election).query(String.class).list()) {
            for (String line : text.split("\n")) {
                if (line.startsWith(letter + "=") && line.length() > letter.length() + 1) {
                    sum += Long.parseLong(line.substring(letter.length() + 1));
                }
            }
        }
        return sum;
    }
}
