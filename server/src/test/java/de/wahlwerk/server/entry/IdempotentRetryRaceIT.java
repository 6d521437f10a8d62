package de.wahlwerk.server.entry;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.setup.UnitLock;
import de.wahlwerk.server.support.HeldOpen;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import de.wahlwerk.server.support.TestTown;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A client that gets no answer in time sends its submission again with the same Idempotency-Key,
 * possibly while the first is still being stored. The retry must wait for the first and get its
 * answer (the same report), not a conflict from the unique key, and nothing may be stored twice.
 */
class IdempotentRetryRaceIT extends IntegrationTest {

    private static final String AGS = "09175993";

    @Autowired
    EntryService entry;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aRetryWhileTheFirstSubmissionIsStillOpenGetsTheFirstAnswer() throws Exception {
        HttpSession admin = signedIn(accounts, Role.ADMIN, null, null);
        TestTown town = new TestTown(admin, AGS, "Wiederholte Meldung", 2);
        long unit = town.addUnit("001");
        HttpSession clerk = signedIn(accounts, Role.CLERK, "admin", AGS);
        String key = "retry-" + System.nanoTime();
        Map<String, String> values = TestTown.values(30, 20);

        var retry = HeldOpen.race(transactions, accounts.create(Role.CLERK, null, null), Role.CLERK,
                () -> entry.submit(new Submission(town.election(), unit, values, Map.of(), null, Submission.Channel.API, key),
                        "first attempt"),
                jdbc, UnitLock.KEYS, () -> clerk.send(HttpRequest.newBuilder(URI.create(clerk.base()
                                + "/api/entry/elections/" + town.election() + "/reports"))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .header("X-CSRF-TOKEN", clerk.csrf()).header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(TestTown.report(unit, "\"D1\":\"30\",\"D2\":\"20\"")))
                        .build()));

        HttpResponse<String> answer = retry.answer();
        assertThat(retry.waited()).as("the retry waited for the first submission's lock").isTrue();
        assertThat(answer.statusCode()).as("the retry, after the first committed: " + answer.body()).isEqualTo(200);
        long stored = jdbc.sql("select id from quick_report where unit_id = :u").param("u", unit).query(Long.class).single();
        assertThat(answer.body()).as("the first submission's report").contains("\"reportId\":" + stored);
    }
}
