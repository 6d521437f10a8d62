package de.wahlwerk.bench.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Wahlwerk node started from the server jar as its own process, as an operator would start it
 * (from the extracted jar, ADR 0015: a node killed and restarted takes the clients' load at once):
 * own port and data directory (embedded PostgreSQL) or an external database. The replay reads the
 * first-administrator link from its console, and the fault runs kill it with SIGKILL and start it
 * again on the same data.
 */
public final class ServerProcess implements AutoCloseable {

    /** The node's jar, extracted by the build (ADR 0015), relative to the repository's root. */
    public static final String EXTRACTED_JAR = "server/target/app/wahlwerk-server.jar";

    private static final Pattern READY = Pattern.compile("(Wahlwerk läuft|Wahlwerk is running): (\\S+)");
    private static final Pattern SETUP = Pattern.compile("(https?://\\S+/setup/[A-Za-z0-9_-]+)");

    /**
     * Heap of each node. A national night holds every district's confirmed counts several times
     * (tally, projection, open-data rows) plus the national open-data files: at 2 GB the node ran
     * out of memory at 58 % of 90,000 districts, at 4 GB G1 paused for up to 1.6 s and once
     * collected the full heap; at 8 GB the longest pause was 0.6 s (docs/PERFORMANCE.md, sessions
     * 15 and 16). Fixed and touched at start since session 18, as an election night's node runs
     * (ADR 0012): the machine must have it free. Override with WAHLWERK_REPLAY_HEAP.
     */
    static final String HEAP = System.getenv().getOrDefault("WAHLWERK_REPLAY_HEAP", "8g");
    /** Further JVM options for every node (WAHLWERK_REPLAY_NODE_JVM, separated by spaces), e.g. {@code -XX:+AlwaysPreTouch}. */
    static final List<String> NODE_JVM = java.util.Arrays.stream(System.getenv().getOrDefault("WAHLWERK_REPLAY_NODE_JVM", "").split("\\s+"))
            .filter(o -> !o.isEmpty()).toList();

    private final Path jar;
    private final String heap;
    private final int port;
    private final Map<String, String> env;
    private final Path log;
    private Process process;
    private volatile String setupLink;

    public ServerProcess(Path jar, int port, Map<String, String> env, Path log) {
        this(jar, port, env, log, HEAP);
    }

    /** A node with a heap of its own size ({@code heap} as for {@code -Xmx}). */
    public ServerProcess(Path jar, int port, Map<String, String> env, Path log, String heap) {
        this.heap = heap;
        this.jar = jar;
        this.port = port;
        this.env = new LinkedHashMap<>(env);
        this.log = log;
        // The lean public listener of each node on a port of its own (two nodes share a machine),
        // the same one after a restart.
        try {
            this.env.putIfAbsent("WAHLWERK_PUBLIC_PORT", Integer.toString(ReplayMain.freePort()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String base() {
        return "http://localhost:" + port;
    }

    /** The node's public listener (what the crowd reads on election night). */
    public String publicBase() {
        return "http://127.0.0.1:" + env.get("WAHLWERK_PUBLIC_PORT");
    }

    /**
     * The node's JVM options: the launcher's collector (ADR 0012) unless {@code extra} names one
     * (the JVM refuses two); the heap as the launcher's {@code WAHLWERK_HEAP} sets it for an
     * election night (fixed, touched at start, a 50 ms pause goal, in transparent huge pages: ADR 0012); the GC log; then
     * {@code extra}, whose options win over these (the JVM takes the last of each).
     */
    static List<String> jvmOptions(List<String> extra, String heap, String gcLog) {
        return jvmOptions(extra, heap, gcLog, null);
    }

    /** As above, and the classes the node loads, with the UTC time of each, in {@code classLog} (if not null). */
    static List<String> jvmOptions(List<String> extra, String heap, String gcLog, String classLog) {
        List<String> options = new ArrayList<>();
        if (extra.stream().noneMatch(o -> o.matches("-XX:\\+Use\\w+GC"))) {
            options.add("-XX:+UseG1GC");
        }
        options.addAll(List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+AlwaysPreTouch", "-XX:MaxGCPauseMillis=50",
                "-XX:+UseTransparentHugePages", "-Xlog:gc*:file=" + gcLog + ":uptime"));
        if (classLog != null) {
            options.add("-Xlog:class+load:file=" + classLog + ":utctime");
        }
        options.addAll(extra);
        return options;
    }

    /** Where the node's collector logs (beside its log). */
    public Path gcLog() {
        return log.toAbsolutePath().resolveSibling(log.getFileName().toString().replace(".log", "") + "-gc.log");
    }

    /**
     * Where the node logs each class it loads (beside its log): a class loaded from the jars after
     * the port opened is one the crowd waited for (ADR 0016, {@link ClassLoadLog}).
     */
    public Path classLog() {
        return log.toAbsolutePath().resolveSibling(log.getFileName().toString().replace(".log", "") + "-classes.log");
    }

    /** The node's log (its console). */
    public Path log() {
        return log;
    }

    /** Starts the node and waits until it says it is ready (at most {@code timeoutSeconds}). */
    public void start(int timeoutSeconds) throws IOException, InterruptedException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A GC log beside the node's log: a national night slowed down near its heap's limit once,
        // and without the log the cause (allocation stalls?) could not be told.
        String gcLog = gcLog().toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin));
        cmd.addAll(jvmOptions(NODE_JVM, heap, gcLog, classLog().toString()));
        cmd.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("SERVER_PORT", Integer.toString(port));
        Files.createDirectories(log.toAbsolutePath().getParent()); // before the start: the GC log goes there too
        process = pb.start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Process p = process;
        Thread.ofPlatform().daemon().name("node-" + port + "-console").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter w = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND))) {
                String line;
                while ((line = r.readLine()) != null) {
                    w.println(line);
                    w.flush();
                    Matcher s = SETUP.matcher(line);
                    if (s.find()) {
                        setupLink = s.group(1);
                    }
                    if (READY.matcher(line).find()) {
                        ready.complete(line);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("node on port " + port + " ended, see " + log));
        });
        try {
            ready.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("node on port " + port + " did not start, see " + log, e);
        }
        // The link line follows the ready line on the console.
        Thread.sleep(300);
    }

    /** The first-administrator link printed at start (null when an administrator exists). */
    public String setupLink() {
        return setupLink;
    }

    public long pid() {
        return process.pid();
    }

    /** CPU time the node's JVM has used so far, in seconds (load-independent cost measure on a shared machine). */
    public double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(-1.0);
    }

    /** Resident memory of the node in MiB (Linux /proc), or -1. */
    public long rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** SIGKILL (destroyForcibly on Linux), as a power cut or the OOM killer would end it: no shutdown hook runs. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Creates the first administrator through the one-time link, as a person would: chosen name and
     * password, second factor with the secret shown on the page. Returns the secret.
     */
    public static String createFirstAdministrator(String link, String username, String password) {
        String base = link.substring(0, link.indexOf("/setup/"));
        String path = link.substring(base.length());
        Session s = new Session(base);
        Session.Answer page = s.get(path);
        Matcher m = Pattern.compile("name=\"secret\" value=\"([A-Z2-7]+)\"").matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("setup page without secret: " + page.status());
        }
        String secret = m.group(1);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("username", username);
        f.put("displayName", "Wahlleitung (Replay)");
        f.put("password", password);
        f.put("passwordRepeat", password);
        f.put("secret", secret);
        f.put("code", Totp.code(secret));
        Session.Answer done = s.form(path, f);
        if (done.status() != 302) {
            throw new IllegalStateException("first administrator not created: " + done.status());
        }
        return secret;
    }
}
