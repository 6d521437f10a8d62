package de.wahlwerk.server.entry;

import static de.wahlwerk.server.support.Responses.ok;
import static de.wahlwerk.server.support.Responses.reportId;
import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.support.AllAtOnce;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import de.wahlwerk.server.support.TestTown;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The "far from tonight's average" warning (W004) compares a report with the confirmed reports so
 * far: it stays silent below ten of them (the default minimum), and a confirmation counts for the
 * very next report, also when many reports arrive at the same moment and share one reading of the
 * new confirmations ({@link ConfirmedSums}).
 */
class AverageSoFarIT extends IntegrationTest {

    private static final String AGS = "09175998";
    private static final String USUAL = "\"D1\":\"30\",\"D2\":\"20\"";
    /** K1 with every vote: 100 % against an average of 60 %, beyond the 20 points of the default threshold. */
    private static final String FAR = "\"D1\":\"50\",\"D2\":\"0\"";

    private int units;

    @Test
    void aConfirmationCountsForTheNextReportsAtOnce() throws Exception {
        TestTown town = new TestTown(signedIn(accounts, Role.ADMIN, null, null), AGS, "Durchschnitt bisher", 2);
        HttpSession clerk = signedIn(accounts, Role.CLERK, "admin", AGS);
        HttpSession approver = signedIn(accounts, Role.APPROVER, "admin", AGS);
        for (int i = 0; i < 9; i++) {
            town.confirm(clerk, approver, TestTown.report(newUnit(town), USUAL));
        }
        HttpResponse<String> ninth = submit(clerk, town, TestTown.report(newUnit(town), FAR));
        assertThat(ninth.statusCode()).as("with nine confirmed reports, no average yet: " + ninth.body()).isEqualTo(201);
        ok(approver.json("POST", "/api/entry/reports/" + reportId(ninth.body()) + "/reject", "{\"reason\":\"Probe\"}"));

        // The tenth confirmation, then at once a report far from the average: it must see the tenth.
        long tenth = town.enter(clerk, newUnit(town), USUAL);
        ok(approver.json("POST", "/api/entry/reports/" + tenth + "/approve", null));
        HttpResponse<String> next = submit(clerk, town, TestTown.report(newUnit(town), FAR));
        assertThat(next.statusCode()).as(next.body()).isEqualTo(400);
        assertThat(next.body()).contains("warning.W004");

        // The eleventh confirmation, then sixteen far reports at once, each of them checked against it too.
        town.confirm(clerk, approver, TestTown.report(newUnit(town), USUAL));
        List<Callable<HttpResponse<String>>> reports = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            HttpSession c = signedIn(accounts, Role.CLERK, "admin", AGS);
            String body = TestTown.report(newUnit(town), FAR);
            reports.add(() -> submit(c, town, body));
        }
        @SuppressWarnings("unchecked")
        List<HttpResponse<String>> answers = AllAtOnce.together(reports.toArray(new Callable[0]));
        for (HttpResponse<String> a : answers) {
            assertThat(a.statusCode()).as(a.body()).isEqualTo(400);
            // 11 confirmed: K1 had 330 of 550 votes, 60.0 %.
            assertThat(a.body()).contains("warning.W004").contains("60,0");
        }
    }

    private long newUnit(TestTown town) {
        return town.addUnit("%03d".formatted(++units));
    }

    private static HttpResponse<String> submit(HttpSession clerk, TestTown town, String report) {
        return clerk.json("POST", "/api/entry/elections/" + town.election() + "/reports", report);
    }
}
