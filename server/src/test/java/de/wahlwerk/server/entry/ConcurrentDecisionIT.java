package de.wahlwerk.server.entry;

import static de.wahlwerk.server.support.Responses.ok;
import static de.wahlwerk.server.support.Responses.reportId;
import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.security.TestAccounts;
import de.wahlwerk.server.support.AllAtOnce;
import de.wahlwerk.server.support.DemoReports;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import de.wahlwerk.server.support.TestTown;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two people deciding on the same quick report at the same moment: exactly one decision counts,
 * the other gets 409 naming who decided what meanwhile; never a 5xx, never two decisions, one
 * audit entry per real change. Many rounds, each on a district of its own, so that the requests
 * really overlap.
 */
class ConcurrentDecisionIT extends IntegrationTest {

    private static final String AGS = "09175997";
    private static final String VOTES = "\"D1\":\"30\",\"D2\":\"20\"";

    private TestTown town;
    private HttpSession clerk;
    private TestAccounts.Account firstApprover;
    private TestAccounts.Account secondApprover;
    private HttpSession first;
    private HttpSession second;
    private int units;

    @BeforeEach
    void town() {
        town = new TestTown(signedIn(accounts, Role.ADMIN, null, null), AGS, "Gleichzeitig entschieden", 2);
        clerk = signedIn(accounts, Role.CLERK, "admin", AGS);
        firstApprover = accounts.create(Role.APPROVER, "admin", AGS);
        secondApprover = accounts.create(Role.APPROVER, "admin", AGS);
        first = login(firstApprover);
        second = login(secondApprover);
    }

    @Test
    void approvalAgainstRejectionExactlyOneWins() throws Exception {
        for (int round = 0; round < 20; round++) {
            long report = enter(TestTown.report(newUnit(), VOTES));
            List<HttpResponse<String>> answers = decideAtOnce(report, "reject");
            HttpResponse<String> approval = answers.get(0);
            HttpResponse<String> rejection = answers.get(1);
            assertOneWon(answers);
            if (approval.statusCode() == 200) {
                assertThat(status(report)).isEqualTo("CONFIRMED");
                assertThat(approval.body()).contains("\"status\":\"CONFIRMED\"");
                assertThat(rejection.body()).contains("inzwischen von " + firstApprover.username() + " bestätigt");
            } else {
                assertThat(status(report)).isEqualTo("REJECTED");
                // The winner's answer is the version as its transaction decided it.
                assertThat(rejection.body()).contains("\"status\":\"REJECTED\"").contains("Zahlen unleserlich");
                assertThat(approval.body()).contains("inzwischen von " + secondApprover.username() + " zurückgewiesen")
                        .contains("Zahlen unleserlich");
            }
            assertThat(decisionsAudited(report)).as("audit entries of the decision on report " + report).isEqualTo(1);
        }
    }

    @Test
    void twoApprovalsConfirmOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            long report = enter(TestTown.report(newUnit(), VOTES));
            List<HttpResponse<String>> answers = decideAtOnce(report, "approve");
            assertOneWon(answers);
            String winner = answers.get(0).statusCode() == 200 ? firstApprover.username() : secondApprover.username();
            assertThat(answers.get(0).statusCode() == 200 ? answers.get(1).body() : answers.get(0).body())
                    .contains("inzwischen von " + winner + " bestätigt");
            assertThat(status(report)).isEqualTo("CONFIRMED");
            assertThat(decisionsAudited(report)).isEqualTo(1);
        }
    }

    /**
     * A correction waiting for approval while the next correction of the same district arrives
     * (which replaces a waiting one): the approval either comes first and counts, or finds its
     * version replaced; the district always has exactly one confirmed version.
     */
    @Test
    void approvalAgainstANewerCorrectionLeavesOneConfirmedVersion() throws Exception {
        HttpSession otherClerk = signedIn(accounts, Role.CLERK, "admin", AGS);
        for (int round = 0; round < 10; round++) {
            long unit = newUnit();
            long original = enter(TestTown.report(unit, VOTES));
            ok(second.json("POST", "/api/entry/reports/" + original + "/approve", null));
            long correction = enter(correction(unit, "\"D1\":\"31\",\"D2\":\"19\""));
            List<HttpResponse<String>> answers = AllAtOnce.together(
                    () -> first.json("POST", "/api/entry/reports/" + correction + "/approve", null),
                    () -> DemoReports.submitGivingReasons(otherClerk, reports(), correction(unit, "\"D1\":\"32\",\"D2\":\"18\"")));
            HttpResponse<String> approval = answers.get(0);
            HttpResponse<String> newer = answers.get(1);
            assertThat(approval.statusCode()).as(approval.body()).isIn(200, 409);
            assertThat(newer.statusCode()).as(newer.body()).isEqualTo(201);
            long newest = reportId(newer.body());
            assertThat(status(newest)).isEqualTo("PENDING");
            if (approval.statusCode() == 200) {
                assertThat(status(correction)).isEqualTo("CONFIRMED");
                assertThat(status(original)).isEqualTo("SUPERSEDED");
            } else {
                assertThat(approval.body()).contains("durch eine neuere Fassung ersetzt");
                assertThat(status(correction)).isEqualTo("SUPERSEDED");
                assertThat(status(original)).isEqualTo("CONFIRMED");
            }
            assertThat(jdbc.sql("select count(*) from quick_report where unit_id = :u and status = 'CONFIRMED'")
                    .param("u", unit).query(Long.class).single()).as("confirmed versions of the district").isEqualTo(1);
        }
    }

    /** The first approver approves, the second decides ("approve" or "reject"), both at the same moment. */
    private List<HttpResponse<String>> decideAtOnce(long report, String secondDecision) throws Exception {
        String path = "/api/entry/reports/" + report + "/";
        return AllAtOnce.together(() -> first.json("POST", path + "approve", null),
                () -> second.json("POST", path + secondDecision,
                        secondDecision.equals("reject") ? "{\"reason\":\"Zahlen unleserlich\"}" : null));
    }

    private void assertOneWon(List<HttpResponse<String>> answers) {
        for (HttpResponse<String> a : answers) {
            assertThat(a.statusCode()).as(a.body()).isIn(200, 409);
        }
        assertThat(answers.stream().filter(a -> a.statusCode() == 200).count()).as("decisions that won").isEqualTo(1);
    }

    private long newUnit() {
        return town.addUnit("%03d".formatted(++units));
    }

    private long enter(String report) {
        HttpResponse<String> r = DemoReports.submitGivingReasons(clerk, reports(), report);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return reportId(r.body());
    }

    private String reports() {
        return "/api/entry/elections/" + town.election() + "/reports";
    }

    private static String correction(long unit, String votes) {
        String report = TestTown.report(unit, votes);
        return report.substring(0, report.length() - 1) + ",\"correctionReason\":\"Zahlen vertauscht\"}";
    }

    private HttpSession login(TestAccounts.Account a) {
        HttpSession s = session();
        s.login(a.username(), TestAccounts.PASSWORD, a.code());
        return s;
    }

    private String status(long report) {
        return jdbc.sql("select status from quick_report where id = :r").param("r", report).query(String.class).single();
    }

    private long decisionsAudited(long report) {
        return jdbc.sql("""
                select count(*) from audit_log where entity = 'quick_report' and entity_id = :r
                and action in ('confirm-report', 'reject-report')""").param("r", Long.toString(report)).query(Long.class).single();
    }
}
