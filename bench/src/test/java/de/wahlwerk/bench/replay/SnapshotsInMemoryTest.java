package de.wahlwerk.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --snapshots-in-memory true}: the nodes' public folder is a link to a tmpfs folder others can read. */
class SnapshotsInMemoryTest {

    @Test
    void thePublicFolderLinksToAFolderInMemoryThatNginxMayRead(@TempDir Path work) throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/dev/shm")), "no /dev/shm on this system");
        Path publicFolder = work.resolve("data/public");

        ReplayMain.snapshotsInMemory(publicFolder);

        Path target = Files.readSymbolicLink(publicFolder);
        try {
            assertThat(target.getParent()).isEqualTo(Path.of("/dev/shm"));
            assertThat(Files.isDirectory(publicFolder)).isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rwxr-xr-x");
            Files.writeString(publicFolder.resolve("probe.txt"), "x");
            assertThat(target.resolve("probe.txt")).exists();
        } finally {
            ReplayMain.deleteRecursively(target); // the shutdown hook would, at the end of the test run
        }
    }
}
