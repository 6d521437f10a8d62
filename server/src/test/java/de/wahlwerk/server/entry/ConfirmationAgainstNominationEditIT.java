package de.wahlwerk.server.entry;

import static de.wahlwerk.server.support.Responses.reportId;
import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.security.RoleGrant;
import de.wahlwerk.server.security.Scope;
import de.wahlwerk.server.security.StaffPrincipal;
import de.wahlwerk.server.setup.BallotLock;
import de.wahlwerk.server.support.DemoReports;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import de.wahlwerk.server.support.TestTown;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
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
        var entered = DemoReports.submitGivingReasons(clerk, "/api/entry/elections/" + town.election() + "/reports",
                TestTown.report(unit, "\"D1\":\"30\",\"D2\":\"20\""));
        assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
        long report = reportId(entered.body());
        var approver = accounts.create(Role.APPROVER, null, null);

        CountDownLatch confirmed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread approval = Thread.ofPlatform().name("test-approval").start(() -> {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    new StaffPrincipal(approver.id(), approver.username(), "Test APPROVER",
                            List.of(new RoleGrant(Role.APPROVER, Scope.INSTALLATION))), null, List.of()));
            try {
                transactions.executeWithoutResult(status -> {
                    entry.approve(report);
                    confirmed.countDown();
                    try {
                        commit.await(30, TimeUnit.SECONDS); // confirmed, not yet committed
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Throwable t) {
                failed.set(t);
            } finally {
                confirmed.countDown();
                SecurityContextHolder.clearContext();
            }
        });
        HttpResponse<String> answer;
        boolean waitedForTheBallot;
        try {
            assertThat(confirmed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(failed.get()).as("the approval").isNull();
            // K1 holds 30 votes of the report being confirmed: from ballot position 1 to 4.
            CompletableFuture<HttpResponse<String>> edit = CompletableFuture.supplyAsync(
                    () -> admin.json("PUT", "/api/setup/nominations/" + town.nomination(1), TestTown.candidate(1, 4)));
            waitedForTheBallot = eventually(() -> edit.isDone() || waitingForTheBallotLock(), 5_000)
                    && !edit.isDone();
            commit.countDown();
            approval.join(10_000);
            answer = edit.get(30, TimeUnit.SECONDS);
        } finally {
            commit.countDown();
            approval.join(10_000);
        }
        assertThat(failed.get()).as("the approval").isNull();
        assertThat(jdbc.sql("select status from quick_report where id = :r").param("r", report).query(String.class)
                .single()).isEqualTo("CONFIRMED");
        assertThat(answer.statusCode()).as("the edit, after the confirmation committed: " + answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"ballotPosition\"")
                .contains("schon Stimmen in bestätigten Schnellmeldungen");
        assertThat(jdbc.sql("select ballot_position from nomination where id = :n").param("n", town.nomination(1))
                .query(Integer.class).single()).as("ballot position of K1").isEqualTo(1);
        assertThat(waitedForTheBallot).as("the edit waited for the ballot lock").isTrue();
    }

    /** Someone waits for an election's ballot lock (pg_locks shows a two-key advisory lock as classid, objid). */
    private boolean waitingForTheBallotLock() {
        return jdbc.sql("""
                select count(*) from pg_locks where locktype = 'advisory' and not granted
                and classid::bigint = :keys and objsubid = 2""").param("keys", BallotLock.KEYS)
                .query(Long.class).single() > 0;
    }

    private static boolean eventually(BooleanSupplier condition, long millis) throws InterruptedException {
        for (long until = System.currentTimeMillis() + millis; System.currentTimeMillis() < until; ) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
