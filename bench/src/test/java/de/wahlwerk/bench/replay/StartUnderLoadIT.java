package de.wahlwerk.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A node that takes a crowd from its first moment starts and serves, as a node restarted in a
 * failover must: the clients' retries and the public readers arrive while it is still loading its
 * classes and rebuilding its tallies.
 *
 * <p>Started from the fat jar, Spring Boot's nested-jar loader deadlocked here in about one start in
 * three on the 2-core CI machine (spring-projects/spring-boot#51463): a virtual request thread held
 * the jar's lock without a carrier while both carriers were pinned by threads waiting for it inside
 * class loading. The node runs from the extracted jar since (ADR 0015); this test fails, with a
 * thread dump beside the node's log, if a start hangs again.
 *
 * <p>The same deadlock was seen once more in the JDK's own class loader (the jar's monitor and
 * the {@code Cleaner}'s list). Its precondition, request threads loading classes under a crowd,
 * is gone since the node loads its classes before its port opens (ADR 0016): this test also fails
 * when a start still loads more than {@link #LATE_CLASSES} classes from its jars after that.
 */
@org.junit.jupiter.api.condition.DisabledIfSystemProperty(named = "wahlwerk.replay", matches = "false",
        disabledReason = "switched off with -Dwahlwerk.replay=false")
class StartUnderLoadIT {

    static final Path WORK = Path.of("target/start-under-load");
    /** Staff pages (templates, messages), static files from the jar, the public site and the API. */
    static final List<String> PATHS = List.of("/login", "/css/wahlwerk.css", "/js/wahlwerk.js", "/wahlen/",
            "/wahlen/1/", "/anmelden/1", "/q/unbekannt", "/api/setup/days", "/setup/ungueltig");
    static final int CLIENTS = 150;
    static final int STARTS = 3;
    /**
     * Classes a node may still load from its jars once its port is open. Before the preload
     * (ADR 0016) it loaded about a thousand under this crowd.
     */
    static final int LATE_CLASSES = 10;

    @Test
    void aNodeStartedIntoACrowdStartsAndAnswers() throws Exception {
        assumeTrue(Files.isRegularFile(ReplayIT.JAR), "Skipped: " + ReplayIT.JAR + " not built (run ./mvnw verify from the root)");
        ReplayMain.deleteRecursively(WORK);
        // The demo election: the first start creates it, the later ones rebuild its tallies and
        // pages while the crowd is there (where the deadlock was seen: main loading a class for
        // the rebuild).
        Map<String, String> env = Map.of("WAHLWERK_DATA_DIR", WORK.resolve("data").toAbsolutePath().toString(),
                "WAHLWERK_DEMO", "true");
        int port = ReplayMain.freePort();
        try {
            for (int start = 1; start <= STARTS; start++) {
                startIntoCrowd(start, port, env);
            }
        } finally {
            new ClusterRestart(WORK.resolve("data")).stop();
        }
    }

    private static void startIntoCrowd(int start, int port, Map<String, String> env) throws Exception {
        Path log = WORK.resolve("node-start" + start + ".log");
        ServerProcess node = new ServerProcess(ReplayIT.JAR, port, env, log, "1g");
        AtomicBoolean crowd = new AtomicBoolean(true);
        AtomicLong answered = new AtomicLong();
        List<Thread> clients = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int c = 0; c < CLIENTS; c++) {
            int first = c;
            // From before the node listens: connection refused until it does, then at once.
            clients.add(Thread.ofVirtual().start(() -> {
                for (int i = first; crowd.get(); i++) {
                    HttpRequest req = HttpRequest.newBuilder(URI.create(node.base() + PATHS.get(i % PATHS.size())))
                            .timeout(Duration.ofSeconds(5)).build();
                    try {
                        http.send(req, HttpResponse.BodyHandlers.discarding());
                        answered.incrementAndGet();
                    } catch (java.io.IOException e) {
                        sleepQuietly(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        try {
            try {
                node.start(150);
            } catch (IllegalStateException hung) {
                throw new AssertionError("start " + start + " did not finish under load; thread dump: " + dump(node, start), hung);
            }
            Thread.sleep(8_000);
            crowd.set(false);
            for (Thread t : clients) {
                t.join(Duration.ofSeconds(10));
            }
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(node.base() + "/login"))
                    .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as("the sign-in page after start %d", start).isEqualTo(200);
            assertThat(answered.get()).as("answers to the crowd during start %d", start).isGreaterThan(1_000);
            // The crowd found the classes loaded (ADR 0016): what a request thread still loads from
            // the jars under a crowd is what the deadlock of the two pinned carriers needs.
            java.time.Instant open = ClassLoadLog.portOpened(node.log());
            assertThat(open).as("'Tomcat started' in %s", node.log()).isNotNull();
            List<String> late = ClassLoadLog.loadedFromJarsAfter(node.classLog(), ReplayIT.JAR.getParent(), open);
            assertThat(late).as("classes loaded from the jars after the port opened in start %d (%s): not in %s;"
                    + " run bench/tools/preload-classes.sh", start, node.classLog(), "startup/preload-classes.txt")
                    .hasSizeLessThanOrEqualTo(LATE_CLASSES);
            System.out.printf("Start %d under load: %,d answers, %d classes loaded from the jars after the port opened%n",
                    start, answered.get(), late.size());
        } catch (java.net.http.HttpTimeoutException hung) {
            throw new AssertionError("node hung after start " + start + "; thread dump: " + dump(node, start), hung);
        } finally {
            crowd.set(false);
            http.shutdownNow(); // no wait for answers a hung node would never give
            node.close(); // a hung node is killed after 30 s; its database is stopped by the caller
        }
    }

    /** The node's threads as JSON beside its log, for the next person who sees this fail. */
    private static Path dump(ServerProcess node, int start) {
        Path file = WORK.resolve("threads-start" + start + ".json").toAbsolutePath();
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            new ProcessBuilder(jcmd.toString(), Long.toString(node.pid()), "Thread.dump_to_file", "-format=json", file.toString())
                    .inheritIO().start().waitFor(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.out.println("no thread dump: " + e);
        }
        return file;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
