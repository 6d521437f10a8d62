package de.wahlwerk.bench.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * nginx serving the node's static snapshot ({@code public/current}) as the yardstick of the read
 * phases: one worker, sendfile, pre-compressed files and the app's headers, as in
 * {@code bench/wrk/public-read.sh}, on the read path's core. Its runs alternate with the app's, so
 * a VM that slows down for a minute slows both: the app's share of nginx's throughput shows what
 * the state of the night does to the app, apart from what the machine does to everything (this
 * project's VMs differed by a quarter between two idle minutes).
 */
final class ReferenceNginx implements AutoCloseable {

    private final Process process;
    private final String base;

    private ReferenceNginx(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    String base() {
        return base;
    }

    /** Starts nginx on a free port with {@code snapshots/current} as its root; its files live in {@code work}. */
    static ReferenceNginx start(Path snapshots, Path work, CpuPinning pinning) throws IOException, InterruptedException {
        int port = ReplayMain.freePort();
        Path dir = Files.createDirectories(work.resolve("nginx"));
        Path conf = dir.resolve("nginx.conf").toAbsolutePath();
        Files.writeString(conf, config(snapshots.resolve("current").toAbsolutePath(), dir.toAbsolutePath(), port));
        List<String> command = new ArrayList<>(List.of("nginx", "-c", conf.toString()));
        Process p = new ProcessBuilder(pinning == null ? command : pinning.wrk(command)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile()).start();
        String base = "http://127.0.0.1:" + port;
        for (int i = 0; i < 50 && p.isAlive(); i++) {
            try (var s = new java.net.Socket("127.0.0.1", port)) {
                System.out.println("Reference: nginx (one worker, sendfile, gzip_static) on " + base + ", root " + snapshots.resolve("current"));
                // Also when the replay ends by an exception: nginx is a process of its own.
                Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
                return new ReferenceNginx(p, base);
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        p.destroy();
        throw new IllegalStateException("nginx did not start; see " + dir.resolve("nginx.out") + " and " + dir.resolve("nginx-error.log"));
    }

    /** The configuration of bench/wrk/public-read.sh too (resource {@code reference-nginx.conf}). */
    static String config(Path root, Path dir, int port) throws IOException {
        try (var in = ReferenceNginx.class.getResourceAsStream("/reference-nginx.conf")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("@ROOT@", root.toString())
                    .replace("@DIR@", dir.toString()).replace("@PORT@", Integer.toString(port));
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: nginx's master stops its worker
        process.waitFor();
    }
}
