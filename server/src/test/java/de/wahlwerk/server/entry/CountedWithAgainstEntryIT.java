package de.wahlwerk.server.entry;

import static de.wahlwerk.server.support.Responses.reportId;
import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.setup.UnitLock;
import de.wahlwerk.server.support.DemoReports;
import de.wahlwerk.server.support.HeldOpen;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import de.wahlwerk.server.support.TestTown;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A district set to "counted with a neighbour" (§ 68 Abs. 2 BWO) while a report of its own is
 * being entered or confirmed: the edit checked for a report of the district, found none (the
 * other transaction had not committed yet) and set it, and the district then had a report of its
 * own as well, counted twice, or one the live tally cannot place. Here the entry or confirmation
 * is held open just before its commit while the edit arrives: the edit must wait for it and then
 * be refused.
 */
class CountedWithAgainstEntryIT extends IntegrationTest {

    private static final String AGS = "09175993";

    @Autowired
    EntryService entry;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aDistrictEditWaitsForASubmissionInFlightAndIsThenRefused() throws Exception {
        Districts d = districts("Zusammen ausgezählt gegen Erfassung");
        Map<String, String> values = new HashMap<>(TestTown.values(30, 20));
        Map<String, String> reasons = new HashMap<>();
        for (int w = 1; w <= 20; w++) {
            reasons.put("W%03d".formatted(w), "Test");
        }
        var clerk = accounts.create(Role.CLERK, null, null);
        var edit = HeldOpen.race(transactions, clerk, Role.CLERK, () -> entry.submit(
                new Submission(d.town().election(), d.unit(), values, reasons, null, Submission.Channel.API, null),
                clerk.username()), jdbc, UnitLock.KEYS, () -> countWithNeighbour(d));
        HttpResponse<String> answer = edit.answer();
        assertThat(answer.statusCode()).as("the edit, after the submission committed: " + answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"countedWithKey\"")
                .contains("wartet eine Schnellmeldung auf ihre Bestätigung");
        assertCountedOnItsOwn(d.unit());
        assertThat(edit.waited()).as("the edit waited for the unit's lock").isTrue();
    }

    @Test
    void aDistrictEditWaitsForAnApprovalInFlightAndIsThenRefused() throws Exception {
        Districts d = districts("Zusammen ausgezählt gegen Bestätigung");
        long report = enter(d);
        var edit = HeldOpen.race(transactions, accounts.create(Role.APPROVER, null, null), Role.APPROVER,
                () -> entry.approve(report), jdbc, UnitLock.KEYS, () -> countWithNeighbour(d));
        HttpResponse<String> answer = edit.answer();
        assertThat(jdbc.sql("select status from quick_report where id = :r").param("r", report).query(String.class)
                .single()).isEqualTo("CONFIRMED");
        assertThat(answer.statusCode()).as("the edit, after the confirmation committed: " + answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"countedWithKey\"").contains("schon eine Schnellmeldung bestätigt");
        assertCountedOnItsOwn(d.unit());
        assertThat(edit.waited()).as("the edit waited for the unit's lock").isTrue();
    }

    /** Should a district still come to be counted with its neighbour while a report of its own waits, that report is not confirmed. */
    @Test
    void aReportOfADistrictCountedWithItsNeighbourIsNotConfirmed() {
        Districts d = districts("Zusammen ausgezählt vor Bestätigung");
        long report = enter(d);
        // Not through the district edit, which refuses this: as an import or a direct change might leave it.
        jdbc.sql("update reporting_unit set counted_with_unit_id = :n where id = :u").param("n", d.neighbour())
                .param("u", d.unit()).update();
        HttpSession approver = signedIn(accounts, Role.APPROVER, "admin", AGS);
        var refused = approver.json("POST", "/api/entry/reports/" + report + "/approve", null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("Bezirk 002 wird mit Bezirk 001 ausgezählt").contains("ablehnen");
        assertThat(jdbc.sql("select status from quick_report where id = :r").param("r", report).query(String.class)
                .single()).isEqualTo("PENDING");
    }

    /** A town of its own with districts 001 (the neighbour) and 002 (the one to be counted with it). */
    private record Districts(HttpSession admin, TestTown town, long neighbour, long unit) {}

    private Districts districts(String name) {
        HttpSession admin = signedIn(accounts, Role.ADMIN, null, null);
        TestTown town = new TestTown(admin, AGS, name, 2);
        long neighbour = town.addUnit("001");
        return new Districts(admin, town, neighbour, town.addUnit("002"));
    }

    /** The edit under test: district 002 counted with 001. */
    private static HttpResponse<String> countWithNeighbour(Districts d) {
        return d.admin().json("PUT", "/api/setup/units/" + d.unit(), d.town().unit("002", "001"));
    }

    /** A report of district 002, entered and waiting for approval; its id. */
    private long enter(Districts d) {
        HttpSession clerk = signedIn(accounts, Role.CLERK, "admin", AGS);
        var entered = DemoReports.submitGivingReasons(clerk, "/api/entry/elections/" + d.town().election() + "/reports",
                TestTown.report(d.unit(), "\"D1\":\"30\",\"D2\":\"20\""));
        assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
        return reportId(entered.body());
    }

    private void assertCountedOnItsOwn(long unit) {
        assertThat(jdbc.sql("select count(*) from reporting_unit where id = :u and counted_with_unit_id is not null")
                .param("u", unit).query(Long.class).single()).as("district 002 counted with its neighbour").isZero();
    }
}
