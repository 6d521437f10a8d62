package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The manifest kept up to date file by file is byte for byte the one built anew from the whole state. */
class ManifestLinesTest {

    private static final String BASE = "/wahlen/7/";

    @Test
    void aManifestKeptUpToDateEqualsOneBuiltAnewAfterEveryChange() {
        Random random = new Random(16);
        // Names that sort between a file and its .gz twin ('-' < '.'), umlauts, the unlisted files.
        List<String> names = new ArrayList<>(List.of("index.html", "index.html-alt", "gemeinde/Bürgerschaft.html",
                "open-data/votemanager.csv", "public-key.pem", "SHA256SUMS", "SHA256SUMS.sig", "a", "a.gz.html"));
        for (int i = 0; i < 60; i++) {
            names.add("area/" + random.nextInt(1000) + (random.nextBoolean() ? ".html" : ".json"));
        }
        Map<String, PublishedPage> state = new HashMap<>();
        ManifestLines lines = new ManifestLines(BASE);
        for (int round = 0; round < 200; round++) {
            for (int change = random.nextInt(8); change >= 0; change--) {
                String name = names.get(random.nextInt(names.size()));
                String path = (random.nextInt(5) == 0 ? "/wahlen/8/" : BASE) + name; // another election's too
                switch (random.nextInt(4)) {
                    case 0 -> state.remove(path);
                    default -> state.put(path, PublishedPage.of("round " + round + " " + random.nextInt(), "text/plain"));
                }
            }
            lines.update(state);
            assertThat(new String(lines.bytes(), java.nio.charset.StandardCharsets.UTF_8)).as("round " + round)
                    .isEqualTo(new String(builtAnew(state), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void anUnchangedStateGivesTheSameBytesAndAnEmptyElectionAnEmptyManifest() {
        ManifestLines lines = new ManifestLines(BASE);
        lines.update(Map.of());
        assertThat(lines.bytes()).isEmpty();
        Map<String, PublishedPage> state = Map.of(BASE + "index.html", PublishedPage.of("<p>x</p>", "text/html"));
        lines.update(state);
        byte[] first = lines.bytes();
        lines.update(state);
        assertThat(lines.bytes()).isEqualTo(first).isEqualTo(builtAnew(state));
        assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8)).hasLineCount(2).contains("  index.html\n", "  index.html.gz\n");
    }

    /** What the writer did before: every listed file's two hashes, sorted, through {@link SnapshotManifest#build}. */
    private static byte[] builtAnew(Map<String, PublishedPage> state) {
        SortedMap<String, String> hashes = new TreeMap<>();
        state.forEach((path, page) -> {
            if (path.startsWith(BASE)) {
                String rel = path.substring(BASE.length());
                if (!SnapshotManifest.UNLISTED.contains(rel)) {
                    hashes.put(rel, page.sha256());
                    hashes.put(rel + ".gz", page.sha256Gzip());
                }
            }
        });
        return SnapshotManifest.build(hashes);
    }
}
