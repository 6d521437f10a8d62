package de.wahlwerk.bench.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops and starts the PostgreSQL cluster a Wahlwerk node runs embedded in its data directory, as
 * a database restart by the operator (or a crash and restart) would: fast shutdown (SIGINT),
 * then the same postmaster command line again ({@code postmaster.opts}), under {@code unshare -U}
 * as the node started it, since PostgreSQL refuses to run as root.
 */
public final class ClusterRestart {

    private final Path cluster;

    /** @param dataDir the node's WAHLWERK_DATA_DIR */
    public ClusterRestart(Path dataDir) {
        this.cluster = dataDir.resolve("postgres").toAbsolutePath();
    }

    public long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(cluster.resolve("postmaster.pid")).get(0).strip());
    }

    /** Stops the cluster, waits {@code downMillis}, starts it again; returns when it accepts connections again. */
    public void restart(long downMillis) throws IOException, InterruptedException {
        List<String> command = command();
        long pid = postmasterPid();
        new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        Thread.sleep(downMillis);
        start(command);
    }

    /** Fast shutdown at the end of a run (the nodes share the cluster and none of them stops it after a kill -9). */
    public void stop() throws IOException, InterruptedException {
        if (!Files.exists(cluster.resolve("postmaster.pid"))) {
            return;
        }
        long pid = postmasterPid();
        new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    }

    private List<String> command() throws IOException {
        String opts = Files.readString(cluster.resolve("postmaster.opts")).strip();
        List<String> c = new ArrayList<>(List.of("unshare", "-U"));
        // postmaster.opts: the binary, then "-D" "dir" "-p" "port" … each quoted.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(opts);
        while (m.find()) {
            c.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return c;
    }

    private void start(List<String> command) throws IOException, InterruptedException {
        Path log = cluster.resolveSibling("postgres-restart.log");
        new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(cluster.resolve("postmaster.pid"))
                    && Files.readAllLines(cluster.resolve("postmaster.pid")).stream().anyMatch(l -> l.strip().equals("ready"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("PostgreSQL did not come back, see " + log);
    }
}
