package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.ops.WahlwerkProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot writer rests nine times as long as its last generation took (at most 10 s), so the
 * static mirror costs at most a tenth of a core; rounds in between coalesce, and the newest state
 * is always the one written last.
 */
class SnapshotPacingTest {

    private static final long MS = 1_000_000L;

    @TempDir
    Path dataDir;

    @Test
    void theWriterRestsNineTimesItsLastGenerationAtMostTenSeconds() {
        assertThat(Snapshots.restNanos(0, 0)).isZero();
        assertThat(Snapshots.restNanos(100 * MS, 0)).isEqualTo(900 * MS);
        assertThat(Snapshots.restNanos(100 * MS, 400 * MS)).isEqualTo(500 * MS);
        assertThat(Snapshots.restNanos(100 * MS, 2_000 * MS)).isZero();
        assertThat(Snapshots.restNanos(3_000 * MS, 0)).isEqualTo(10_000 * MS);
    }

    @Test
    void roundsDuringTheRestCoalesceAndTheNewestIsWritten() throws Exception {
        Snapshots snapshots = new Snapshots(new WahlwerkProperties(dataDir, null, false, null, null), null);
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
        Thread.sleep(Snapshots.restNanos(snapshots.lastGenerationNanos(), 0) / MS + 50);
    }

    private static void awaitIndex(Path index, String text) throws Exception {
        long until = System.nanoTime() + 30_000 * MS;
        while (!(Files.isRegularFile(index) && (text == null || Files.readString(index).equals(text))) && System.nanoTime() < until) {
            Thread.sleep(5);
        }
    }
}
