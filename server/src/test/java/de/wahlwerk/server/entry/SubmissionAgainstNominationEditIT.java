package de.wahlwerk.server.entry;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.model.GroupKind;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.setup.BallotLock;
import de.wahlwerk.server.setup.NominationForm;
import de.wahlwerk.server.setup.NominationService;
import de.wahlwerk.server.support.DemoReports;
import de.wahlwerk.server.support.HeldOpen;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import de.wahlwerk.server.support.TestTown;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A report submitted while a nomination edit is in flight: the submission read the form before
 * it waited for the ballot lock, so it checked and stored the votes against the ballot as it was
 * before the edit (K1 at position 1), and after the edit's commit a report waited for approval
 * with votes for a position the ballot no longer had. It must read the form after the edit.
 */
class SubmissionAgainstNominationEditIT extends IntegrationTest {

    private static final String AGS = "09175994";

    @Autowired
    NominationService nominations;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aSubmissionWaitsForANominationEditAndIsCheckedAgainstTheNewBallot() throws Exception {
        HttpSession admin = signedIn(accounts, Role.ADMIN, null, null);
        TestTown town = new TestTown(admin, AGS, "Meldung gegen Stimmzettel", 2);
        long unit = town.addUnit("001");
        HttpSession clerk = signedIn(accounts, Role.CLERK, "admin", AGS);
        NominationForm moved = new NominationForm();
        moved.setVoteKind(VoteKind.CANDIDATE);
        moved.setBallotPosition(4);
        moved.setShortName("K1");
        moved.setName("Kandidat 1");
        moved.setGroupKind(GroupKind.INDEPENDENT);

        var submission = HeldOpen.race(transactions, accounts.create(Role.ADMIN, null, null), Role.ADMIN,
                () -> nominations.updateNomination(town.nomination(1), moved), jdbc, BallotLock.KEYS,
                () -> DemoReports.submitGivingReasons(clerk, "/api/entry/elections/" + town.election() + "/reports",
                        TestTown.report(unit, "\"D1\":\"30\",\"D2\":\"20\"")));
        HttpResponse<String> answer = submission.answer();
        assertThat(submission.waited()).as("the submission waited for the ballot lock").isTrue();
        assertThat(answer.statusCode()).as("the submission, after the edit committed: " + answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"D1\"").contains("kein Feld dieser Schnellmeldung");
        assertThat(jdbc.sql("select count(*) from quick_report where unit_id = :u").param("u", unit)
                .query(Long.class).single()).as("reports stored for the district").isZero();
    }
}
