package de.wahlwerk.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcPausesTest {

    /** Lines as JDK 25's G1 writes them with -Xlog:gc*:file=…:uptime (from a replay's log). */
    private static final List<String> BEFORE = List.of(
            "[0.327s] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 17M->3M(384M) 2.500ms",
            "[0.327s] GC(0) User=0.01s Sys=0.00s Real=0.00s");
    private static final List<String> NIGHT = List.of(
            "[684.766s] GC(231) Pause Young (Mixed) (G1 Evacuation Pause)",
            "[684.766s] GC(231) Using 2 workers of 2 for evacuation",
            "[685.607s] GC(231)   Evacuate Collection Set: 839.54ms",
            "[685.607s] GC(231) Eden regions: 450->0(1)",
            "[685.607s] GC(231) Pause Young (Mixed) (G1 Evacuation Pause) 3100M->1414M(3536M) 841.539ms",
            "[685.607s] GC(231) User=0.44s Sys=1.19s Real=0.84s",
            "[686.001s] GC(232) Pause Remark 1500M->1400M(3536M) 12.000ms",
            "[686.001s] GC(232) User=0.02s Sys=0.01s Real=0.01s",
            "[686.100s] GC(232) Pause Cleanup 1400M->1400M(3536M) 0.400ms",
            "[686.100s] GC(232) User=0.00s Sys=0.00s Real=0.00s",
            "[690.000s] GC(233) Pause Young (Normal) (G1 Evacuation Pause) 2000M->1500M(3536M) 60.000ms",
            "[690.000s] GC(233) User=0.10s Sys=0.02s Real=0.06s");

    @Test
    void countsEveryPauseWithItsLengthAndTheWorkersCpu() {
        GcPauses p = GcPauses.parse(NIGHT);

        // The phase line "Evacuate Collection Set: 839.54ms" is part of a pause, not one of its own.
        assertThat(p.millis()).containsExactly(0.4, 12.0, 60.0, 841.539);
        assertThat(p.totalMillis()).isCloseTo(913.939, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.quantile(0.5)).isEqualTo(12.0);
        assertThat(p.quantile(1)).isEqualTo(841.539);
        assertThat(p.longerThan(50)).isEqualTo(2);
        assertThat(p.longerThan(100)).isEqualTo(1);
        assertThat(p.userSeconds()).isCloseTo(0.56, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.sysSeconds()).isCloseTo(1.22, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.describe(10)).startsWith("4 pauses, 0.9 s in all (9.1 % of 10 s); p50 12.0 ms")
                .contains("2 longer than 50 ms, 1 longer than 100 ms").endsWith("user 0.6 s, kernel 1.2 s");
    }

    @Test
    void readsOnlyWhatWasLoggedAfterTheOffset(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("node1-gc.log");
        Files.write(log, BEFORE, StandardCharsets.UTF_8);
        long nightStarts = Files.size(log);
        Files.write(log, NIGHT, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        assertThat(GcPauses.read(log, nightStarts).millis()).hasSize(4).doesNotContain(2.5);
        assertThat(GcPauses.read(log, 0).millis()).hasSize(5).contains(2.5);
    }

    @Test
    void anEmptyPartHasNoPauses() {
        GcPauses p = GcPauses.parse(List.of());
        assertThat(p.quantile(0.99)).isZero();
        assertThat(p.describe(0)).startsWith("0 pauses, 0.0 s in all (0.0 % of 0 s)");
    }
}
