package de.wahlwerk.server.entry;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.setup.BallotLock;
import de.wahlwerk.server.support.HeldOpen;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import de.wahlwerk.server.support.TestTown;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A nomination edit that would move the votes of a report being confirmed at that very moment:
 * the edit checked for confirmed votes, found none (the confirmation had not committed yet) and
 * moved the nomination, and the confirmation then committed votes for a ballot position nobody
 * holds any more, which the live tally cannot place. Here the confirmation is held open just
 * before its commit while the edit arrives: the edit must wait for it and then be refused.
 */
class ConfirmationAgainstNominationEditIT extends IntegrationTest {

    private static final String AGS = "09175995";

    @Autowired
    EntryService entry;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void anEditWaitsForAConfirmationInFlightAndIsThenRefused() throws Exception {
        HttpSession admin = signedIn(accounts, Role.ADMIN, null, null);
        TestTown town = new TestTown(admin, AGS, "Stimmzettel gegen Bestätigung", 2);
        long unit = town.addUnit("001");
        HttpSession clerk = signedIn(accounts, Role.CLERK, "admin", AGS);
        long report = town.enter(clerk, unit, "\"D1\":\"30\",\"D2\":\"20\"");
        // K1 holds 30 votes of the report being confirmed: from ballot position 1 to 4.
        var edit = HeldOpen.race(transactions, accounts.create(Role.APPROVER, null, null), Role.APPROVER,
                () -> entry.approve(report), jdbc, BallotLock.KEYS,
                () -> admin.json("PUT", "/api/setup/nominations/" + town.nomination(1), TestTown.candidate(1, 4)));
        HttpResponse<String> answer = edit.answer();
        assertThat(jdbc.sql("select status from quick_report where id = :r").param("r", report).query(String.class)
                .single()).isEqualTo("CONFIRMED");
        assertThat(answer.statusCode()).as("the edit, after the confirmation committed: " + answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"ballotPosition\"")
                .contains("schon Stimmen in bestätigten Schnellmeldungen");
        assertThat(jdbc.sql("select ballot_position from nomination where id = :n").param("n", town.nomination(1))
                .query(Integer.class).single()).as("ballot position of K1").isEqualTo(1);
        assertThat(edit.waited()).as("the edit waited for the ballot lock").isTrue();
    }
}
