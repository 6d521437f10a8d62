package de.wahlwerk.server.results;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Before a published result exists, seats follow the confirmed quick reports as they arrive. */
class LiveSeatsIT extends IntegrationTest {

    @Test
    void seatsFollowTheConfirmedReportsIfCountingStoppedNow() {
        HttpSession admin = LiveReports.login(accounts, session(), Role.ADMIN, null, null);
        long day = LiveReports.id(admin.json("POST", "/api/setup/days", """
                {"name":"Gemeinderat live %d","date":"2020-03-15","pollsClose":"18:00","scopeHierarchy":"admin","scopeKey":"09175132"}"""
                .formatted(System.nanoTime())).body());
        admin.json("POST", "/api/setup/days/" + day + "/areas",
                "{\"hierarchy\":\"admin\",\"level\":\"MUNICIPALITY\",\"officialKey\":\"09175132\",\"name\":\"Vaterstetten\"}");
        long[] units = new long[2];
        for (int i = 0; i < 2; i++) {
            units[i] = LiveReports.id(admin.json("POST", "/api/setup/days/" + day + "/units", "{\"kind\":\"POSTAL\",\"officialKey\":\"BW-" + (i + 1)
                    + "\",\"name\":\"Briefwahl " + (i + 1) + "\",\"areas\":{\"admin\":\"09175132\"}}").body());
        }
        long election = LiveReports.id(admin.json("POST", "/api/setup/days/" + day + "/elections",
                "{\"kind\":\"MUNICIPAL_COUNCIL\",\"name\":\"Gemeinderatswahl\",\"seats\":2,\"votesPerVoter\":2,\"maxVotesPerCandidate\":2}").body());
        for (int list = 1; list <= 2; list++) {
            long n = LiveReports.id(admin.json("POST", "/api/setup/elections/" + election + "/nominations", "{\"voteKind\":\"CUMULATIVE\",\"ballotPosition\":"
                    + list + ",\"shortName\":\"L" + list + "\",\"name\":\"Liste " + list + "\",\"groupKind\":\"VOTERS_ASSOCIATION\"}").body());
            admin.json("POST", "/api/setup/nominations/" + n + "/candidates",
                    "{\"listPosition\":1,\"familyName\":\"Eins\",\"givenNames\":\"L" + list + "\"}");
        }
        assertThat(admin.json("GET", "/api/results/elections/" + election + "/seats", null).body())
                .contains("NEEDS_INPUT");

        HttpSession clerk = LiveReports.login(accounts, session(), Role.CLERK, "admin", "09175132");
        HttpSession approver = LiveReports.login(accounts, session(), Role.APPROVER, "admin", "09175132");
        // First unit: 25 ballots, 40 votes for L1, 10 for L2 → both seats to L1 under any divisor method.
        confirm(clerk, approver, election, units[0], 25, 40, 10);
        String first = approver.json("GET", "/api/results/elections/" + election + "/seats", null).body();
        assertThat(first).contains("DECIDED").contains("\"format\":\"live\"");
        assertThat(LiveReports.seats(first, "L1")).isEqualTo(2);
        assertThat(LiveReports.seats(first, "L2")).isZero();
        // A district added after the tally was built: its report still reaches the results.
        long late = LiveReports.id(admin.json("POST", "/api/setup/days/" + day + "/units",
                "{\"kind\":\"POSTAL\",\"officialKey\":\"BW-3\",\"name\":\"Briefwahl 3\",\"areas\":{\"admin\":\"09175132\"}}").body());
        confirm(clerk, approver, election, late, 1, 1, 0);
        String withLate = approver.json("GET", "/api/results/elections/" + election + "/seats", null).body();
        assertThat(withLate).contains("\"party\":\"L1\",\"votes\":41");
        // Second unit: with 42 : 40 L1 keeps one seat and L2 gets one.
        confirm(clerk, approver, election, units[1], 20, 1, 30);
        String second = approver.json("GET", "/api/results/elections/" + election + "/seats", null).body();
        assertThat(LiveReports.seats(second, "L1")).isEqualTo(1);
        assertThat(LiveReports.seats(second, "L2")).isEqualTo(1);
    }

    private void confirm(HttpSession clerk, HttpSession approver, long election, long unit, int ballots, int l1, int l2) {
        String values = "{\"B\":\"" + ballots + "\",\"B1\":\"" + ballots + "\",\"C\":\"0\",\"D\":\"" + (l1 + l2)
                + "\",\"D1\":\"" + l1 + "\",\"D1_1\":\"" + l1 + "\",\"D2\":\"" + l2 + "\",\"D2_1\":\"" + l2 + "\"}";
        LiveReports.confirm(clerk, approver, election, unit, values);
    }
}
