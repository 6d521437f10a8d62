package de.wahlwerk.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CpuSharesTest {

    /** A line of /proc/<pid>/stat whose command name holds a space and a parenthesis. */
    private static final String STAT = "4242 (postgres: a) b) S 4200 4242 4242 0 -1 4194560 1000 0 0 0 "
            + "120 30 900 77 20 0 1 0 5000 230000000 40000 18446744073709551615";

    @Test
    void readsOwnTimesAndThoseOfReapedChildren() {
        assertThat(CpuShares.cpuTicks(STAT, false)).isEqualTo(150);
        assertThat(CpuShares.cpuTicks(STAT, true)).isEqualTo(150 + 977);
        assertThat(CpuShares.parent(STAT)).isEqualTo(4200);
    }

    @Test
    void theCpuOfAChildThatEndedStaysCounted() throws Exception {
        Path self = Path.of("/proc/self/stat");
        Assumptions.assumeTrue(Files.isReadable(self), "no /proc: not Linux");
        ProcessHandle me = ProcessHandle.current();
        String before = Files.readString(Path.of("/proc", Long.toString(me.pid()), "stat"));
        // a child that burns about 0.3 s of CPU, then ends and is waited for
        Process child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done").start();
        child.waitFor();
        String after = Files.readString(Path.of("/proc", Long.toString(me.pid()), "stat"));
        long children = (CpuShares.cpuTicks(after, true) - CpuShares.cpuTicks(after, false))
                - (CpuShares.cpuTicks(before, true) - CpuShares.cpuTicks(before, false));
        assertThat(children).as("the ended child's ticks, now the parent's").isPositive();
        assertThat(CpuShares.postgresSeconds(java.util.List.of(me)))
                .as("a process whose parent is not among those given counts its ended children")
                .isGreaterThanOrEqualTo(CpuShares.cpuTicks(after, true) / 100.0);
    }
}
