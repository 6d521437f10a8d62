package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.ops.WahlwerkProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Once {@value Snapshots#KEEP} generations exist, the writer turns the oldest into the next one and
 * writes only what changed. The files are hard links shared with the newer generations, so this
 * checks that every kept generation still holds exactly what it held when it was current, and the
 * newest exactly the newest state (changed and added files, with their gzip twins).
 */
class SnapshotRecyclingTest {

    @TempDir
    Path dataDir;

    @Test
    void everyKeptGenerationKeepsItsOwnFilesWhileTheOldestIsRecycled() throws Exception {
        // No catch-up here: every generation on disk is one this test wrote.
        Snapshots snapshots = new Snapshots(new WahlwerkProperties(dataDir, null, false, null, null), null,
                SnapshotPacing.BURST_MILLIS * 1_000_000L, 0);
        Map<Long, Map<String, String>> expected = new HashMap<>();
        Map<String, String> now = new HashMap<>();
        try {
            for (int i = 0; i < 20; i++) {
                now.put("gebiet/" + i + ".html", "<p>" + i + "</p>");
            }
            for (int round = 1; round <= 9; round++) {
                // Each round changes one file, adds one in a new folder and keeps the rest.
                now.put("gebiet/" + round + ".html", "<p>" + round + " in Runde " + round + "</p>");
                now.put("neu/" + round + "/seite.html", "<p>neu " + round + "</p>");
                now.forEach((path, text) -> snapshots.put(PublicReadFilter.PREFIX + path, PublishedPage.of(text, "text/html;charset=UTF-8")));
                long before = snapshots.generation();
                snapshots.commit();
                awaitGeneration(snapshots, before + 1);
                expected.put(snapshots.generation(), new HashMap<>(now));
                // Every generation still on disk holds what it held when it was written.
                try (Stream<Path> gens = Files.list(dataDir.resolve("public"))) {
                    for (Path g : gens.filter(p -> p.getFileName().toString().startsWith("g-")).toList()) {
                        long number = Long.parseLong(g.getFileName().toString().substring(2));
                        assertThat(contents(g.resolve("wahlen"))).as("generation %d after round %d", number, round)
                                .isEqualTo(expected.get(number));
                    }
                }
            }
            assertThat(contents(dataDir.resolve("public/current/wahlen"))).isEqualTo(now);
        } finally {
            snapshots.destroy();
        }
    }

    /**
     * After a burst of changes the older kept generations lag behind by all of it. Once the writer
     * has been quiet, it brings them up to date, so that the next change writes only itself and
     * not everything since the oldest kept generation.
     */
    @Test
    void afterAQuietSpellEveryKeptGenerationHoldsTheCurrentState() throws Exception {
        Snapshots snapshots = new Snapshots(new WahlwerkProperties(dataDir, null, false, null, null), null,
                SnapshotPacing.BURST_MILLIS * 1_000_000L, 200);
        Map<String, String> now = new HashMap<>();
        try {
            for (int round = 1; round <= Snapshots.KEEP + 2; round++) {
                for (int i = 0; i < 20; i++) {
                    now.put("gebiet/" + i + ".html", "<p>" + i + " in Runde " + round + "</p>");
                }
                now.forEach((path, text) -> snapshots.put(PublicReadFilter.PREFIX + path, PublishedPage.of(text, "text/html;charset=UTF-8")));
                long before = snapshots.generation();
                snapshots.commit();
                awaitGeneration(snapshots, before + 1);
            }
            long written = snapshots.generation();
            long until = System.nanoTime() + 30_000_000_000L;
            while (snapshots.generation() < written + Snapshots.KEEP - 1 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            Thread.sleep(500); // and no further generation once all are current
            assertThat(snapshots.generation()).isEqualTo(written + Snapshots.KEEP - 1);
            try (Stream<Path> gens = Files.list(dataDir.resolve("public"))) {
                List<Path> kept = gens.filter(p -> p.getFileName().toString().startsWith("g-")).toList();
                assertThat(kept).hasSize(Snapshots.KEEP);
                for (Path g : kept) {
                    assertThat(contents(g.resolve("wahlen"))).as(g.getFileName().toString()).isEqualTo(now);
                }
            }
        } finally {
            snapshots.destroy();
        }
    }

    /** Relative path → text of every plain file; each gzip twin must hold the same text. */
    private static Map<String, String> contents(Path dir) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(p).toString();
                if (name.endsWith(".gz")) {
                    continue;
                }
                String text = Files.readString(p);
                try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(p.resolveSibling(p.getFileName() + ".gz")))) {
                    assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).as(name + ".gz").isEqualTo(text);
                }
                files.put(name, text);
            }
        }
        return files;
    }

    private static void awaitGeneration(Snapshots snapshots, long n) throws InterruptedException {
        long until = System.nanoTime() + 30_000_000_000L;
        while (snapshots.generation() < n && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(snapshots.generation()).isEqualTo(n);
    }
}
