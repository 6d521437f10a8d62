package de.wahlwerk.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The node runs on G1 (ADR 0012) unless the operator names another collector; naming two makes
 * the JVM refuse to start, so both the launcher and the replay's nodes leave theirs out then.
 */
class CollectorChoiceTest {

    @Test
    void theReplaysNodesRunOnG1UnlessTheirOptionsNameACollector() {
        assertThat(ServerProcess.jvmOptions(List.of(), "4g", "/tmp/gc.log")).containsExactly("-XX:+UseG1GC", "-Xms4g",
                "-Xmx4g", "-XX:+AlwaysPreTouch", "-XX:MaxGCPauseMillis=50", "-XX:+UseTransparentHugePages", "-Xlog:gc*:file=/tmp/gc.log:uptime");
        assertThat(ServerProcess.jvmOptions(List.of("-XX:+AlwaysPreTouch"), "6g", "/tmp/gc.log"))
                .startsWith("-XX:+UseG1GC").endsWith("-XX:+AlwaysPreTouch");
        assertThat(ServerProcess.jvmOptions(List.of("-XX:+UseShenandoahGC", "-XX:+AlwaysPreTouch"), "4g", "/tmp/gc.log"))
                .filteredOn(o -> o.matches("-XX:\\+Use\\w+GC")).containsExactly("-XX:+UseShenandoahGC");
    }

    @Test
    void theLauncherStartsG1UnlessTheJavaOptionsNameACollector() throws Exception {
        assertThat(launcherCommand(Map.of())).contains(" -XX:+UseG1GC -jar ").endsWith(" --wahlwerk.demo=true")
                .as("the node runs from the extracted jar (ADR 0015)").contains("/server/target/app/wahlwerk-server.jar ");
        assertThat(launcherCommand(Map.of("JAVA_TOOL_OPTIONS", "-Xss1m -XX:+UseZGC"))).doesNotContain("GC");
        assertThat(launcherCommand(Map.of("JDK_JAVA_OPTIONS", "-XX:+UseParallelGC"))).doesNotContain("GC");
        assertThat(launcherCommand(Map.of("JAVA_TOOL_OPTIONS", "-XX:MaxGCPauseMillis=20")))
                .as("a collector's setting is no collector").contains(" -XX:+UseG1GC -jar ");
    }

    @Test
    void anElectionNightHeapIsFixedTouchedAtStartAndAimsAtShortPauses() throws Exception {
        // The same options as the replay's nodes (ADR 0012), so what the replay measured is what an operator runs.
        List<String> replay = ServerProcess.jvmOptions(List.of(), "6g", "/tmp/gc.log").subList(1, 6);
        assertThat(launcherCommand(Map.of("WAHLWERK_HEAP", "6g")))
                .contains(" -XX:+UseG1GC " + String.join(" ", replay) + " -jar ");
        assertThat(launcherCommand(Map.of())).as("the demo keeps the JVM's default heap").doesNotContain("-Xm");
    }

    @Test
    void aHeapSizeTheJvmWouldNotTakeIsRefusedBeforeAnythingStarts() throws Exception {
        for (String wrong : List.of("6", "6 g", "-6g", "6gb", "sechs")) {
            Process p = launcher(Map.of("WAHLWERK_HEAP", wrong));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(wrong).isEqualTo(2);
            assertThat(out).as(wrong).contains("WAHLWERK_HEAP").contains("8g");
        }
    }

    /** What {@code ./wahlwerk start --print-command --demo} prints (neither builds nor starts anything). */
    private static String launcherCommand(Map<String, String> env) throws Exception {
        Process p = launcher(env);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    private static Process launcher(Map<String, String> env) throws Exception {
        Path launcher = Path.of("..", "wahlwerk").toAbsolutePath().normalize();
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "start", "--print-command", "--demo")
                .redirectErrorStream(true);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("WAHLWERK_HEAP");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        return pb.start();
    }
}
