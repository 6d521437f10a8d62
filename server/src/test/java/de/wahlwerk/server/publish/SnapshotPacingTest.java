package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.ops.WahlwerkProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot writer keeps to a tenth of a core: on a steady stream of rounds it rests nine times
 * as long as its last generation took (at most 10 s), and rounds in between coalesce, the newest
 * state always written last. What it saved up while quiet lets it write the generation after a
 * quiet spell, and the next, without resting.
 */
class SnapshotPacingTest {

    private static final long MS = 1_000_000L;

    @TempDir
    Path dataDir;

    @Test
    void aBusyWriterRestsNineTimesItsLastGenerationAtMostTenSeconds() {
        SnapshotPacing p = new SnapshotPacing(0, 0);
        assertThat(p.restNanos(0)).isZero();
        // 100 ms of CPU in 100 ms of wall time: 90 ms overdrawn, rest 900 ms.
        p.spent(100 * MS, 100 * MS);
        assertThat(p.restNanos(100 * MS)).isEqualTo(900 * MS);
        assertThat(p.restNanos(500 * MS)).isEqualTo(500 * MS);
        assertThat(p.restNanos(1_000 * MS)).isZero();
        assertThat(p.restNanos(3_000 * MS)).as("nothing saved with no burst").isZero();
        p.spent(100 * MS, 3_000 * MS);
        assertThat(p.restNanos(3_000 * MS)).isEqualTo(1_000 * MS);
        // A generation of 3 s: at most 10 s of rest, and no debt left after it.
        SnapshotPacing q = new SnapshotPacing(0, 0);
        q.spent(3_000 * MS, 0);
        assertThat(q.restNanos(0)).isEqualTo(10_000 * MS);
        assertThat(q.restNanos(10_000 * MS)).isZero();
    }

    @Test
    void aQuietWriterWritesTheNextGenerationsAtOnce() {
        long burst = SnapshotPacing.BURST_MILLIS * MS;
        SnapshotPacing p = new SnapshotPacing(burst, 0);
        // The set-up's last generation and the first report's: together less than the burst.
        p.spent(burst / 2, 0);
        assertThat(p.restNanos(0)).isZero();
        p.spent(burst / 2 - 10 * MS, 0);
        assertThat(p.restNanos(0)).isZero();
        // Then the budget is spent and the writer rests as a busy one does.
        p.spent(100 * MS, 0);
        assertThat(p.restNanos(0)).isEqualTo(900 * MS);
        // Quiet again for long enough, it has the whole burst back, never more.
        assertThat(p.restNanos(60_000 * MS)).isZero();
        p.spent(burst, 60_000 * MS);
        assertThat(p.restNanos(60_000 * MS)).isZero();
        p.spent(1 * MS, 60_000 * MS);
        assertThat(p.restNanos(60_000 * MS)).isEqualTo(10 * MS);
    }

    @Test
    void roundsDuringTheRestCoalesceAndTheNewestIsWritten() throws Exception {
        // Nothing saved up: the writer paces itself from the first generation on.
        Snapshots snapshots = new Snapshots(new WahlwerkProperties(dataDir, null, false, null, null), null, 0, 0);
        try {
            // Every round changes every one of enough files that a generation takes measurable
            // time, also once the writer recycles old generations and writes only what changed.
            Path index = dataDir.resolve("public/current/wahlen/index.html");
            int warmUp = Snapshots.KEEP + 2;
            for (int round = -warmUp; round <= 0; round++) {
                changeEverything(snapshots, round);
                snapshots.commit();
                awaitIndex(index, "<p>" + round + "</p>");
                restOut(snapshots);
            }
            long took = snapshots.lastGenerationNanos();
            long before = snapshots.generation();
            // Rounds arrive every one and a half generations: a writer that did not rest would write
            // (nearly) each of them; one that rests nine times as long coalesces them.
            int rounds = 12;
            for (int round = 1; round <= rounds; round++) {
                changeEverything(snapshots, round);
                snapshots.commit();
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(took * 3 / 2);
            }
            awaitIndex(index, "<p>" + rounds + "</p>");
            assertThat(Files.readString(index)).isEqualTo("<p>" + rounds + "</p>");
            assertThat(Files.readString(index.resolveSibling("gebiet/7.html"))).isEqualTo("<p>7 in Runde " + rounds + "</p>");
            assertThat(snapshots.generation() - before).as("generations for %d rounds, one took %d ms", rounds, took / MS)
                    .isLessThan(rounds / 2);
        } finally {
            snapshots.destroy();
        }
    }

    private static void changeEverything(Snapshots snapshots, int round) {
        snapshots.put(PublicReadFilter.PREFIX + "index.html", PublishedPage.of("<p>" + round + "</p>", "text/html;charset=UTF-8"));
        for (int i = 0; i < 200; i++) {
            snapshots.put(PublicReadFilter.PREFIX + "gebiet/" + i + ".html",
                    PublishedPage.of("<p>" + i + " in Runde " + round + "</p>", "text/html;charset=UTF-8"));
        }
    }

    /** Waits until the writer's rest after its last generation is over. */
    private static void restOut(Snapshots snapshots) throws InterruptedException {
        Thread.sleep((SnapshotPacing.REST_FACTOR + 1) * snapshots.lastGenerationNanos() / MS + 50);
    }

    private static void awaitIndex(Path index, String text) throws Exception {
        long until = System.nanoTime() + 30_000 * MS;
        while (!(Files.isRegularFile(index) && (text == null || Files.readString(index).equals(text))) && System.nanoTime() < until) {
            Thread.sleep(5);
        }
    }
}
