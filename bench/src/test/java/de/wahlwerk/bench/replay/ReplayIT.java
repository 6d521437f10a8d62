package de.wahlwerk.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.wahlwerk.core.Fixtures;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The election-night replay in its reduced CI form, against real server processes started from the
 * jar the reactor just built, sharing one PostgreSQL (node 2 joins node 1's embedded cluster):
 * <ul>
 *   <li>Bremen with clients spread over two nodes: both nodes' public JSON equals kerg2.csv;</li>
 *   <li>Saarland with node 1 killed (SIGKILL) in the middle and started again: clients retry
 *       with their idempotency keys, nothing lost, nothing doubled;</li>
 *   <li>Hamburg with PostgreSQL restarted in the middle: the node answers 503 meanwhile and
 *       recovers by itself.</li>
 * </ul>
 * Each run checks every constituency and state number against kerg2.csv exactly.
 */
@org.junit.jupiter.api.condition.DisabledIfSystemProperty(named = "wahlwerk.replay", matches = "false",
        disabledReason = "switched off with -Dwahlwerk.replay=false (about 3 minutes on a 2-core machine)")
class ReplayIT {

    static final Path JAR = Path.of("..", ServerProcess.EXTRACTED_JAR);
    static final Path WORK = Path.of("target/replay-it");
    static final PrintStream OUT = System.out;

    static ServerProcess node1;
    static ServerProcess node2;
    static final String NODE_HEAP = "2g";
    static ClusterRestart cluster;
    static String admin = "replay-admin";
    static String password = "replay-" + Long.toHexString(new java.security.SecureRandom().nextLong());
    static String totp;

    @BeforeAll
    static void nodes() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "Skipped: " + JAR + " not built (run ./mvnw verify from the root)");
        Fixtures.file("btw2025-kerg2/kerg2.csv");
        ReplayMain.deleteRecursively(WORK);
        Map<String, String> env = Map.of("WAHLWERK_DATA_DIR", WORK.resolve("data").toAbsolutePath().toString());
        // Two nodes with fixed, pre-touched heaps on the CI machine: 2 GB each, not the national 8 GB.
        node1 = new ServerProcess(JAR, ReplayMain.freePort(), env, WORK.resolve("node1.log"), NODE_HEAP);
        node1.start(300);
        // Before node 2 starts: every start renews the one-time link.
        totp = ServerProcess.createFirstAdministrator(node1.setupLink(), admin, password);
        node2 = new ServerProcess(JAR, ReplayMain.freePort(), env, WORK.resolve("node2.log"), NODE_HEAP);
        node2.start(300);
        cluster = new ClusterRestart(WORK.resolve("data"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (node2 != null) {
            node2.close();
        }
        if (node1 != null) {
            node1.close();
        }
        if (cluster != null) {
            cluster.stop();
        }
    }

    private static Replay replay(List<ServerProcess> nodes, String state) throws Exception {
        List<String> urls = new ArrayList<>();
        nodes.forEach(n -> urls.add(n.base()));
        // 3,000 polling and 1,500 postal districts nationwide: a twentieth of the real number, same shape.
        return new Replay(new Replay.Options(urls, admin, password, totp, Fixtures.file("btw2025-kerg2/kerg2.csv"),
                Set.of(state), 3_000, 1_500, 7, 900, 6, 0.05, false, nodes.stream().map(ServerProcess::publicBase).toList()), OUT);
    }

    @Test
    void twoNodesOnOneDatabaseConvergeOnTheOfficialNumbers() throws Exception {
        Replay replay = replay(List.of(node1, node2), "04");
        replay.snapshotsAt(WORK.resolve("data/public").toAbsolutePath());
        // A rehearsal before the night, wiped again: none of its reports may reach the night's numbers.
        replay.rehearseFirst(40);
        Replay.Result r = replay.run();
        assertThat(replay.rehearsed()).as("every district of the state, or 40").isEqualTo(Math.min(40, r.units()));
        assertThat(r.mismatches()).isEmpty();
        assertThat(r.comparedNumbers()).as("numbers compared on both nodes").isGreaterThan(2 * 3 * 10);
        assertThat(r.reports()).isEqualTo(r.units() + r.corrections());
        // The latency probe saw samples in every document it watches (the figures in PERFORMANCE.md).
        assertThat(List.of(r.visible(), r.visiblePage(), r.visibleSnapshot()))
                .allSatisfy(stats -> assertThat(stats.count()).isPositive());
        // Every timed request's answer told its wait for a turn (Server-Timing), which is part of its latency.
        assertThat(r.submitQueue().count()).isEqualTo(r.submit().count());
        assertThat(r.approveQueue().count()).isEqualTo(r.approve().count());
        assertThat(r.submitQueue().max()).isLessThanOrEqualTo(r.submit().max());
    }

    @Test
    void killedNodeLosesAndDoublesNothing() throws Exception {
        Replay replay = replay(List.of(node1), "10");
        replay.faultAt(0.4, () -> {
            try {
                node1.kill9();
                node1.start(300);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Replay.Result r = replay.run();
        assertThat(r.mismatches()).isEmpty();
        assertThat(r.retries()).as("clients retried while the node was down").isPositive();
        assertThat(r.reports()).isEqualTo(r.units() + r.corrections());
        // The restarted node took the retries with its classes loaded (ADR 0016): where this run
        // once hung, request threads loading classes had pinned both carriers.
        List<String> late = ClassLoadLog.loadedFromJarsAfter(node1.classLog(), JAR.getParent(),
                ClassLoadLog.portOpened(node1.log()));
        assertThat(late).as("classes the restarted node loaded from its jars after its port opened (%s);"
                + " run bench/tools/preload-classes.sh", node1.classLog()).hasSizeLessThanOrEqualTo(StartUnderLoadIT.LATE_CLASSES);
    }

    @Test
    void databaseRestartIsAnsweredWith503AndRecovered() throws Exception {
        Replay replay = replay(List.of(node2), "02");
        List<Integer> during = new ArrayList<>();
        Session s = new Session(node2.base());
        assertThat(s.login(admin, password, totp)).isTrue();
        replay.faultAt(0.4, () -> {
            try {
                Thread restart = Thread.ofPlatform().start(() -> {
                    try {
                        cluster.restart(8000);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(1000);
                // While the database is down, a request is answered clearly instead of hanging or a 500.
                Session.Answer a = s.json("GET", "/api/setup/days", null, Map.of());
                during.add(a.status());
                OUT.println("While PostgreSQL was down: " + a.status() + " " + a.body());
                restart.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Replay.Result r = replay.run();
        assertThat(r.mismatches()).isEmpty();
        assertThat(r.reports()).isEqualTo(r.units() + r.corrections());
        assertThat(during).containsExactly(503);
    }
}
