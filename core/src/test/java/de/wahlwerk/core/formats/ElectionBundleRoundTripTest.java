package de.wahlwerk.core.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: any valid bundle, written by the test-side writer, reads back equal — from a directory
 * and from a zip. Bundles are generated from the repetition number as seed, so a failure names a
 * reproducible case.
 */
class ElectionBundleRoundTripTest {

    private final ElectionBundleReader reader = new ElectionBundleReader();

    @RepeatedTest(300)
    void writtenBundleReadsBackEqual(RepetitionInfo info, @TempDir Path dir) throws Exception {
        long seed = info.getCurrentRepetition();
        ElectionBundle original = new BundleGenerator(seed).bundle();
        Map<String, String> files = BundleWriter.write(original);

        BundleWriter.toDirectory(files, dir);
        assertThat(reader.read(dir)).as("seed %d from directory", seed).isEqualTo(original);

        byte[] zip = BundleWriter.toZip(files, seed % 2 == 0 ? "" : "bundle/");
        assertThat(reader.readZip(new ByteArrayInputStream(zip), "bundle.zip")).as("seed %d from zip", seed)
                .isEqualTo(original);
        assertThat(Files.list(dir).count()).isEqualTo(6);
    }
}
