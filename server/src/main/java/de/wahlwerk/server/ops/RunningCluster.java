package de.wahlwerk.server.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads PostgreSQL's own {@code postmaster.pid} to learn whether a cluster is already running and
 * on which port (line 1: process id, line 4: port).
 */
final class RunningCluster {

    private RunningCluster() {}

    /** The port of the running postmaster of this data directory, or null if none runs. */
    static Integer port(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return null;
            }
            long pid = Long.parseLong(lines.get(0).trim());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Integer.parseInt(lines.get(3).trim()) : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }
}
