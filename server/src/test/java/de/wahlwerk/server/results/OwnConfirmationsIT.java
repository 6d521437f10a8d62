package de.wahlwerk.server.results;

import static de.wahlwerk.server.support.Responses.ok;
import static de.wahlwerk.server.support.Responses.reportId;
import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.support.DemoReports;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import de.wahlwerk.server.support.TestTown;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An approver who opens the results right after approving sees the report just approved, even
 * when the tally's writer is busy (the publisher catching up on a busy night) and the confirmation
 * reaches the tally only moments later on the tally's own thread. Other sessions do not queue for
 * the writer: their reads show the tally as it is.
 */
class OwnConfirmationsIT extends IntegrationTest {

    private static final String AGS = "09175996";
    /** How long the test holds the tally's writer at most (the approver's read waits for it). */
    private static final long HOLD_MS = 1_500;

    @Autowired
    LiveTallies tallies;

    @Autowired
    JsonMapper json;

    @Test
    void anApproverSeesTheirOwnConfirmationAtOnceWhileTheWriterIsBusy() throws Exception {
        TestTown town = new TestTown(signedIn(accounts, Role.ADMIN, null, null), AGS, "Eigene Bestätigung", 2);
        long unit = town.addUnit("001");
        HttpSession clerk = signedIn(accounts, Role.CLERK, "admin", AGS);
        HttpSession approver = signedIn(accounts, Role.APPROVER, "admin", AGS);
        HttpSession observer = signedIn(accounts, Role.OBSERVER, "admin", AGS);
        var entered = DemoReports.submitGivingReasons(clerk, "/api/entry/elections/" + town.election() + "/reports",
                TestTown.report(unit, "\"D1\":\"30\",\"D2\":\"20\""));
        assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
        String results = "/api/results/elections/" + town.election() + "/areas/admin/" + AGS;
        assertThat(unitsReported(ok(approver.json("GET", results, null)).body())).isZero();
        settled(town.election());

        ReentrantLock writer = (ReentrantLock) ReflectionTestUtils.getField(tallies, "writer");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread busy = Thread.ofPlatform().name("test-busy-writer").start(() -> {
            writer.lock();
            try {
                held.countDown();
                release.await(HOLD_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                writer.unlock();
            }
        });
        try {
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            ok(approver.json("POST", "/api/entry/reports/" + reportId(entered.body()) + "/approve", null));

            // Someone else's read does not wait for the writer: it shows the tally as it is.
            var other = ok(observer.json("GET", results, null));
            assertThat(busy.isAlive()).as("the writer still busy after the observer's read").isTrue();
            assertThat(unitsReported(other.body())).isZero();

            // The approver's own read includes the approval, without anyone calling catchUp here.
            var own = ok(approver.json("GET", results, null));
            JsonNode area = json.readTree(own.body());
            assertThat(area.get("unitsReported").asInt()).as("districts reported, read by the approver").isEqualTo(1);
            assertThat(area.get("parts").get("ALL").get("voters").asLong()).isEqualTo(50);
            String page = approver.get("/admin/results/elections/" + town.election() + "/areas/admin/" + AGS).body();
            assertThat(page).as("the results page of the approver").contains("1 von 1 Bezirken bestätigt");
        } finally {
            release.countDown();
            busy.join();
        }
    }

    private int unitsReported(String body) {
        return json.readTree(body).get("unitsReported").asInt();
    }

    /**
     * Waits until the setup notifications of the town (heard on the listener's thread) have made the
     * tally be built anew: a tally built while the writer is held would include the approval anyway.
     */
    private void settled(long election) throws InterruptedException {
        var before = tallies.tally(election);
        for (int round = 0; round < 50; round++) {
            Thread.sleep(200);
            var now = tallies.tally(election);
            if (now == before) {
                return;
            }
            before = now;
        }
    }
}
