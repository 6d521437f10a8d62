package de.wahlwerk.bench.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code ./wahlwerk replay}: starts fresh Wahlwerk nodes (or uses a running one) and replays the
 * Bundestag 2025 election night against them. See docs/PERFORMANCE.md.
 *
 * <pre>
 *   --states 04,10        only these states (kerg2 keys); default all 16
 *   --polling N --postal N  districts nationwide (60000 / 30000)
 *   --seed N --compress F --clients N --corrections F
 *   --rehearsal N         before the night, N reports entered and approved on a rehearsal copy that is
 *                         then wiped, as on the afternoon of election day (default 2000; 0: none)
 *   --nodes N             start N nodes (default 1) on one database (they share node 1's embedded cluster)
 *   --database-url URL    external PostgreSQL for the nodes instead
 *   --kill-at F           kill -9 node 1 when F of the districts are confirmed, and start it again
 *   --pg-restart-at F     restart the (embedded) PostgreSQL when F of the districts are confirmed
 *   --wrk C               public load meanwhile: wrk with C connections on node 1's federal JSON
 *   --read-phases C       wrk (C connections, --read-seconds S, default 10) on node 1's public listener
 *                         before the night, while reports are confirmed (at --read-during-at 0.3) and after it,
 *                         each --read-repeats N times in a row (default 3; medians compared), every run
 *                         followed by a paced run of --read-paced C connections (default 8; 0: none) that
 *                         each wait 1 ms after every answer: the p99 of a read path that is not saturated
 *   --read-nginx false    with --read-phases: no nginx on the node's static snapshot as the yardstick (its runs,
 *                         saturating and paced, alternate with the app's where nginx is installed; the app's
 *                         throughput and p99 against nginx's compare the states apart from the VM's own changes)
 *   --pin-public CPU      with --read-phases: node 1's public listener and wrk on CPU (e.g. 1), everything
 *                         else (node, PostgreSQL, replay client) and the devices' interrupts that may move on
 *                         --pin-other (default 0)
 *   --snapshots-in-memory true   the nodes' static snapshots on tmpfs (/dev/shm), not on the disk
 *   --url URL --admin U --password P --totp SECRET   replay against a running node instead
 *   --plan-only true      only split the districts and print the arrival curve (length, busiest minute); no node
 * </pre>
 */
public final class ReplayMain {

    private ReplayMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("Aufruf: ./wahlwerk replay [--states 04,10] [--compress 40] [--clients 32] … (siehe docs/PERFORMANCE.md)");
                System.exit(2);
            }
            a.put(args[i].substring(2), args[++i]);
        }
        String fixtures = System.getenv().getOrDefault("WAHLWERK_FIXTURES", "../shared/data");
        Path kerg2 = Path.of(a.getOrDefault("kerg2", fixtures + "/btw2025-kerg2/kerg2.csv"));
        if (!Files.isRegularFile(kerg2)) {
            System.err.println("kerg2.csv nicht gefunden: " + kerg2 + " (WAHLWERK_FIXTURES setzen oder --kerg2 DATEI)");
            System.exit(2);
        }
        Set<String> states = new TreeSet<>();
        if (a.containsKey("states")) {
            for (String s : a.get("states").split(",")) {
                states.add(s.strip());
            }
        }
        if (Boolean.parseBoolean(a.getOrDefault("plan-only", "false"))) {
            new Replay(options(a, List.of(), null, null, null, kerg2, states, null), System.out).printPlan();
            return;
        }
        List<ServerProcess> nodes = new ArrayList<>();
        Path work = Path.of(a.getOrDefault("work", "target/replay"));
        ClusterRestart cluster = a.containsKey("url") || a.containsKey("database-url") ? null
                : new ClusterRestart(work.resolve("data"));
        String user;
        String password;
        String totp;
        List<String> urls = new ArrayList<>();
        if (a.containsKey("url")) {
            urls.add(a.get("url"));
            user = a.get("admin");
            password = a.get("password");
            totp = a.get("totp");
        } else {
            int count = Integer.parseInt(a.getOrDefault("nodes", "1"));
            String db = a.get("database-url");
            String adminUser = "replay-admin";
            String adminPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            String totpSecret = null;
            deleteRecursively(work);
            if (Boolean.parseBoolean(a.getOrDefault("snapshots-in-memory", "false"))) {
                snapshotsInMemory(work.resolve("data/public"));
            }
            for (int i = 0; i < count; i++) {
                Map<String, String> env = new LinkedHashMap<>();
                // One data directory: a second node shares the first node's embedded cluster (one database).
                env.put("WAHLWERK_DATA_DIR", work.resolve("data").toAbsolutePath().toString());
                if (db != null) {
                    env.put("SPRING_DATASOURCE_URL", db);
                    env.put("SPRING_DATASOURCE_USERNAME", a.getOrDefault("database-user", "postgres"));
                    env.put("SPRING_DATASOURCE_PASSWORD", a.getOrDefault("database-password", ""));
                }
                ServerProcess node = new ServerProcess(Path.of(a.getOrDefault("jar", ServerProcess.EXTRACTED_JAR)),
                        a.containsKey("port") ? Integer.parseInt(a.get("port")) + i : freePort(), env, work.resolve("node" + (i + 1) + ".log"));
                System.out.printf("Starting node %d on %s …%n", i + 1, node.base());
                node.start(300);
                nodes.add(node);
                urls.add(node.base());
                if (i == 0) {
                    // Before a second node starts: every start renews the one-time link.
                    String link = node.setupLink();
                    if (link == null) {
                        System.err.println("Kein Einrichtungs-Link: die Datenbank hat schon einen Administrator. Mit --url/--admin/--password/--totp gegen sie laufen lassen.");
                        System.exit(2);
                    }
                    totpSecret = ServerProcess.createFirstAdministrator(link, adminUser, adminPassword);
                }
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> nodes.forEach(n -> {
                try {
                    n.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            })));
            user = adminUser;
            password = adminPassword;
            totp = totpSecret;
        }
        Replay.Options options = options(a, urls, user, password, totp, kerg2, states,
                nodes.isEmpty() ? null : nodes.stream().map(ServerProcess::publicBase).toList());
        Replay replay = new Replay(options, System.out);
        replay.rehearseFirst(Integer.parseInt(a.getOrDefault("rehearsal", "2000")));
        if (!nodes.isEmpty()) {
            replay.snapshotsAt(work.resolve("data/public").toAbsolutePath());
        }
        long[] maxRss = new long[nodes.size()];
        Thread memory = Thread.ofPlatform().daemon().start(() -> {
            while (true) {
                for (int i = 0; i < nodes.size(); i++) {
                    maxRss[i] = Math.max(maxRss[i], nodes.get(i).rssMiB());
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        if (a.containsKey("kill-at") && !nodes.isEmpty()) {
            ServerProcess victim = nodes.get(0);
            replay.faultAt(Double.parseDouble(a.get("kill-at")), () -> {
                try {
                    System.out.println("kill -9 " + victim.pid() + " (node 1), starting it again …");
                    victim.kill9();
                    long t = System.nanoTime();
                    victim.start(300);
                    System.out.printf("node 1 back after %.1f s%n", (System.nanoTime() - t) / 1e9);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        if (a.containsKey("pg-restart-at") && cluster != null) {
            replay.faultAt(Double.parseDouble(a.get("pg-restart-at")), () -> {
                try {
                    System.out.println("PostgreSQL: fast shutdown, 8 s down, start again …");
                    cluster.restart(8000);
                    System.out.println("PostgreSQL is back");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        Process[] wrk = new Process[1];
        double[] cpuAtNight = new double[nodes.size()];
        long[] gcLogAtNight = new long[nodes.size()];
        CpuShares.Reading[] sharesAtNight = {null};
        ClientCollector.Reading[] clientGcAtNight = {null};
        java.util.function.LongConsumer cpu = e -> {
            sharesAtNight[0] = CpuShares.read();
            clientGcAtNight[0] = ClientCollector.read();
            for (int i = 0; i < nodes.size(); i++) {
                cpuAtNight[i] = nodes.get(i).cpuSeconds();
                gcLogAtNight[i] = sizeOf(nodes.get(i).gcLog());
            }
        };
        replay.onNight(cpu);
        if (a.containsKey("wrk")) {
            // Public load while the night runs: wrk on the federal JSON of node 1 (see bench/wrk/).
            String connections = a.get("wrk");
            replay.onNight(election -> {
                cpu.accept(election);
                try {
                    String url = urls.get(0) + "/wahlen/" + election + "/bundestag/99.json";
                    wrk[0] = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d3600s", "--latency", url)
                            .redirectErrorStream(true).redirectOutput(Path.of("target/replay-wrk.txt").toFile()).start();
                    System.out.println("Public load: wrk -t2 -c" + connections + " " + url + " (output in target/replay-wrk.txt)");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        List<ReadPhases.Phase> reads = new ArrayList<>();
        ReferenceNginx[] nginx = {null};
        long[] electionId = {-1};
        String readUrl = nodes.isEmpty() ? null : nodes.get(0).publicBase();
        int readConnections = Integer.parseInt(a.getOrDefault("read-phases", "0"));
        int readSeconds = Integer.parseInt(a.getOrDefault("read-seconds", "10"));
        int readRepeats = Integer.parseInt(a.getOrDefault("read-repeats", "3"));
        ReadPhases.pacedConnections = Integer.parseInt(a.getOrDefault("read-paced", "8"));
        if (readConnections > 0) {
            // Issue 6: read throughput and p99 before the first report, while reports are confirmed,
            // and with all reported. The same federal JSON on node 1's public listener each time.
            if (readUrl == null || a.containsKey("kill-at") || a.containsKey("pg-restart-at") || a.containsKey("wrk")) {
                System.err.println("--read-phases braucht einen gestarteten Knoten und keine Fehlerinjektion oder --wrk.");
                System.exit(2);
            }
            CpuPinning pinning = a.containsKey("pin-public") ? new CpuPinning(a.get("pin-public"), a.getOrDefault("pin-other", "0")) : null;
            replay.onNight(election -> {
                cpu.accept(election);
                electionId[0] = election;
                try {
                    ReadPhases.nodePids = nodes.stream().map(ServerProcess::pid).toList();
                    if (pinning != null) {
                        pinning.apply(ReadPhases.nodePids);
                        ReadPhases.pinning = pinning;
                    }
                    if (Boolean.parseBoolean(a.getOrDefault("read-nginx", "true"))) {
                        if (new ProcessBuilder("sh", "-c", "command -v nginx").start().waitFor() == 0) {
                            nginx[0] = ReferenceNginx.start(work.resolve("data/public"), work, pinning);
                            ReadPhases.reference = nginx[0].base();
                        } else {
                            System.out.println("Reference: nginx not installed, read phases without it (Debian: nginx-light)");
                        }
                    }
                    ReadPhases.warmUp(readUrl + "/wahlen/" + election + "/bundestag/99.json", readConnections, readSeconds);
                    reads.addAll(ReadPhases.measure("0 reported (before the night)",
                            readUrl + "/wahlen/" + election + "/bundestag/99.json", readConnections, readSeconds, readRepeats));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            replay.faultAt(Double.parseDouble(a.getOrDefault("read-during-at", "0.3")), () -> {
                try {
                    reads.addAll(ReadPhases.measure("while reports are confirmed",
                            readUrl + "/wahlen/" + electionId[0] + "/bundestag/99.json", readConnections, readSeconds, readRepeats));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        Replay.Result r = replay.run();
        CpuShares.Reading sharesAtEnd = CpuShares.read();
        ClientCollector.Reading clientGcAtEnd = ClientCollector.read();
        List<Double> nodeCpuAtEnd = nodes.stream().map(ServerProcess::cpuSeconds).toList();
        if (readConnections > 0) {
            reads.addAll(ReadPhases.measure("all reported (after the night)",
                    readUrl + "/wahlen/" + electionId[0] + "/bundestag/99.json", readConnections, readSeconds, readRepeats));
            ReadPhases.print(reads);
        }
        if (nginx[0] != null) {
            nginx[0].close();
        }
        if (wrk[0] != null) {
            // SIGINT makes wrk print its summary.
            new ProcessBuilder("kill", "-INT", Long.toString(wrk[0].pid())).start().waitFor();
            wrk[0].waitFor();
            System.out.println(Files.readString(Path.of("target/replay-wrk.txt")));
        }
        memory.interrupt();
        print(r, nodes, maxRss);
        for (int i = 0; i < nodes.size(); i++) {
            double used = nodes.get(i).cpuSeconds() - cpuAtNight[i];
            System.out.printf("Node %d CPU during the night and checks: %.1f s, %.1f ms per district%n", i + 1, used,
                    1000 * used / r.units());
            try {
                // A node restarted by a fault run starts a new log: then the part is read from its beginning.
                Path gcLog = nodes.get(i).gcLog();
                long from = sizeOf(gcLog) < gcLogAtNight[i] ? 0 : gcLogAtNight[i];
                System.out.printf("Node %d collector during the night and checks: %s%n", i + 1,
                        GcPauses.read(gcLog, from).describe(r.wallMillis() / 1000.0));
            } catch (java.io.IOException e) {
                System.out.printf("Node %d collector: its log could not be read (%s)%n", i + 1, e.getMessage());
            }
        }
        if (clientGcAtNight[0] != null) {
            System.out.printf("Replay client collector during the night and checks: %s%n",
                    ClientCollector.describe(clientGcAtNight[0], clientGcAtEnd));
        }
        if (sharesAtNight[0] != null) {
            List<Double> used = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                used.add(nodeCpuAtEnd.get(i) - cpuAtNight[i]);
            }
            CpuShares.print(sharesAtNight[0], sharesAtEnd, used, r.units());
        }
        System.out.printf("Load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        nodes.forEach(n -> {
            try {
                n.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (cluster != null) {
            // After a kill -9 the embedded cluster has no owner any more: stop it.
            cluster.stop();
        }
        System.exit(r.mismatches().isEmpty() ? 0 : 1);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    static void print(Replay.Result r, List<ServerProcess> nodes, long[] maxRss) {
        System.out.println();
        System.out.printf("Districts %d, reports entered %d (corrections %d), retries %d%n", r.units(), r.reports(),
                r.corrections(), r.retries());
        System.out.printf("Night wall time %.1f s, %.1f confirmed districts/s%n", r.wallMillis() / 1000.0,
                r.units() / (r.wallMillis() / 1000.0));
        System.out.println("Submission latency:          " + r.submit());
        System.out.println("  of it waiting for a turn:  " + r.submitQueue() + " (the node's Server-Timing, ADR 0011)");
        System.out.println("  the rest:                  " + r.submitBeyondQueue());
        System.out.println("Approval latency:            " + r.approve());
        System.out.println("  of it waiting for a turn:  " + r.approveQueue());
        System.out.println("  the rest:                  " + r.approveBeyondQueue());
        System.out.println("Later than planned:          " + r.late());
        System.out.println("Confirmed → public JSON:     " + r.visible());
        System.out.println("Confirmed → public page:     " + r.visiblePage());
        if (r.visibleSnapshot().count() > 0) {
            System.out.println("Confirmed → static snapshot: " + r.visibleSnapshot());
        }
        for (int i = 0; i < nodes.size(); i++) {
            System.out.printf("Node %d memory: %d MiB resident now, %d MiB at most%n", i + 1, nodes.get(i).rssMiB(), maxRss[i]);
        }
        if (!r.seats().isEmpty()) {
            System.out.println("Seats: " + r.seats());
        }
        System.out.printf("Numbers compared with kerg2.csv: %d, mismatches: %d%n", r.comparedNumbers(), r.mismatches().size());
        r.mismatches().stream().limit(30).forEach(m -> System.out.println("  MISMATCH " + m));
        System.out.println(r.mismatches().isEmpty() ? "REPLAY PASSED" : "REPLAY FAILED");
    }

    static int freePort() throws java.io.IOException {
        try (var s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Replay.Options options(Map<String, String> a, List<String> urls, String user, String password,
            String totp, Path kerg2, Set<String> states, List<String> publicNodes) {
        return new Replay.Options(urls, user, password, totp, kerg2, states,
                Integer.parseInt(a.getOrDefault("polling", "60000")), Integer.parseInt(a.getOrDefault("postal", "30000")),
                Long.parseLong(a.getOrDefault("seed", "2025")), Double.parseDouble(a.getOrDefault("compress", "40")),
                Integer.parseInt(a.getOrDefault("clients", "32")), Double.parseDouble(a.getOrDefault("corrections", "0.01")),
                true, publicNodes);
    }

    /**
     * The nodes' static snapshots in memory (tmpfs under /dev/shm, linked from {@code public}), as
     * docs/OPERATIONS.md advises for an election night: on disk, each generation's rewritten files
     * and the blocks they free made a few hundred disk interrupts a second, which the VM of session 25
     * delivered to the public listener's core and the kernel does not let move. Removed at exit.
     */
    static void snapshotsInMemory(Path publicFolder) throws java.io.IOException {
        Path shm = Path.of("/dev/shm");
        if (!Files.isDirectory(shm)) {
            System.err.println("--snapshots-in-memory braucht /dev/shm (Linux); die Snapshots bleiben auf der Platte.");
            return;
        }
        // Readable by all, as the data directory's folder is: the reference nginx's workers run as
        // another user, and a temporary folder's default (owner only) answered them 403.
        Path memory = Files.createTempDirectory(shm, "wahlwerk-replay-public-");
        Files.setPosixFilePermissions(memory, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(publicFolder.getParent());
        Files.createSymbolicLink(publicFolder, memory);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                deleteRecursively(memory);
            } catch (java.io.IOException e) {
                System.err.println("Snapshots in " + memory + " nicht gelöscht: " + e.getMessage());
            }
        }, "snapshots-in-memory"));
        System.out.println("Static snapshots in memory: " + publicFolder + " -> " + memory);
    }

    static void deleteRecursively(Path p) throws java.io.IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
