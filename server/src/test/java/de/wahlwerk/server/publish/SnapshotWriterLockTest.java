package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.ops.WahlwerkProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes started on one data directory: only one writes snapshot generations (the other would
 * reuse the same generation numbers and switch the same {@code current} link); when the writer
 * stops, the other takes over and continues the numbering.
 */
class SnapshotWriterLockTest {

    @TempDir
    Path dataDir;

    @Test
    void oneWriterPerFolderAndTheOtherTakesOverWhenItStops() throws Exception {
        Snapshots first = new Snapshots(new WahlwerkProperties(dataDir, null, false, null, null), null);
        Snapshots second = new Snapshots(new WahlwerkProperties(dataDir, null, false, null, null), null);
        try {
            first.put(PublicReadFilter.PREFIX + "index.html", PublishedPage.of("<p>eins</p>", "text/html;charset=UTF-8"));
            first.commit();
            awaitGeneration(first::generation, 1);
            assertThat(Files.readString(first.current().resolve("wahlen/index.html"))).isEqualTo("<p>eins</p>");

            second.put(PublicReadFilter.PREFIX + "index.html", PublishedPage.of("<p>zwei</p>", "text/html;charset=UTF-8"));
            second.commit();
            Thread.sleep(500); // the writer thread had time to write, had it owned the folder
            assertThat(second.generation()).isZero();
            assertThat(second.get(PublicReadFilter.PREFIX + "index.html").body()).asString().isEqualTo("<p>zwei</p>");
            assertThat(Files.readString(first.current().resolve("wahlen/index.html"))).isEqualTo("<p>eins</p>");
            assertThat(dataDir.resolve("public/g-000002")).doesNotExist();

            first.destroy();
            second.put(PublicReadFilter.PREFIX + "index.html", PublishedPage.of("<p>drei</p>", "text/html;charset=UTF-8"));
            second.commit();
            awaitGeneration(second::generation, 2);
            assertThat(Files.readString(second.current().resolve("wahlen/index.html"))).isEqualTo("<p>drei</p>");
        } finally {
            first.destroy();
            second.destroy();
        }
    }

    private static void awaitGeneration(LongSupplier generation, long expected) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (generation.getAsLong() != expected && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(generation.getAsLong()).isEqualTo(expected);
    }
}
