package de.wahlwerk.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the published election results that tests reproduce (../shared/data).
 *
 * <p>They are not ours to commit, so a fresh clone may not have them: tests then skip with a
 * message saying where the files were looked for. CI sets {@code WAHLWERK_FIXTURES} and fails
 * before the build if the folder is missing, so there every such test runs.
 */
public final class Fixtures {

    private Fixtures() {}

    /** The fixtures folder, or {@code null} when it does not exist. */
    public static Path root() {
        String configured = System.getenv("WAHLWERK_FIXTURES");
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty("wahlwerk.fixtures");
        }
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("WAHLWERK_FIXTURES_DEFAULT");
        }
        if (configured == null || configured.isBlank()) {
            configured = "../../shared/data";
        }
        Path p = Path.of(configured).toAbsolutePath().normalize();
        return Files.isDirectory(p) ? p : null;
    }

    /** A file below the fixtures folder; skips the calling test if it is not there. */
    public static Path file(String relative) {
        Path root = root();
        assumeTrue(root != null,
                "Skipped: election data fixtures not found (set WAHLWERK_FIXTURES to the shared/data folder)");
        Path p = root.resolve(relative);
        assumeTrue(Files.isRegularFile(p), "Skipped: fixture file missing: " + p);
        return p;
    }
}
