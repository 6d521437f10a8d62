package de.wahlwerk.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The read phases' pinning (ADR 0700): the listener on its core, the collector's pause workers on
 * both, the rest on the other; and the listener's CPU and wait as the kernel counts them.
 */
class CpuPinningTest {

    @Test
    void theListenerGetsItsCoreThePauseWorkersBothAndTheRestTheOther() {
        CpuPinning pinning = new CpuPinning("1", "0");
        assertThat(pinning.cpusFor("wahlwerk-public")).isEqualTo("1"); // comm is cut at 15 characters
        assertThat(pinning.cpusFor("GC Thread#0")).isEqualTo("1,0");
        assertThat(pinning.cpusFor("GC Thread#1")).isEqualTo("1,0");
        for (String other : List.of("G1 Conc#0", "G1 Refine#0", "G1 Main Marker", "VM Thread", "wahlwerk-pages", "http-nio-8080-")) {
            assertThat(pinning.cpusFor(other)).as(other).isEqualTo("0");
        }
    }

    @Test
    void deviceInterruptsLeaveThePublicCoreAndGetTheirCoresBack(@org.junit.jupiter.api.io.TempDir java.nio.file.Path irq) throws Exception {
        // /proc/irq/N/smp_affinity_list as the kernel shows it: the disk on both cores, the timer on
        // core 0 only, a network queue on core 1, and an entry that is no such file (skipped).
        java.nio.file.Path disk = write(irq.resolve("36"), "0-1");
        java.nio.file.Path timer = write(irq.resolve("0"), "0");
        java.nio.file.Path network = write(irq.resolve("42"), "1");
        java.nio.file.Files.createDirectories(irq.resolve("7/smp_affinity_list"));
        java.nio.file.Files.createDirectories(irq.resolve("default_smp_affinity"));
        CpuPinning pinning = new CpuPinning("1", "0");

        int[] movedAndKept = pinning.moveInterrupts(irq);

        assertThat(movedAndKept).containsExactly(2, 0);
        assertThat(java.nio.file.Files.readString(disk)).isEqualTo("0");
        assertThat(java.nio.file.Files.readString(network)).isEqualTo("0");
        assertThat(java.nio.file.Files.readString(timer).strip()).as("not on the public core: left alone").isEqualTo("0");
        pinning.restoreInterrupts();
        assertThat(java.nio.file.Files.readString(disk).strip()).isEqualTo("0-1");
        assertThat(java.nio.file.Files.readString(network).strip()).isEqualTo("1");
    }

    @Test
    void cpuListsAreRead() {
        assertThat(CpuPinning.cores("0-1")).containsExactly(0, 1);
        assertThat(CpuPinning.cores("1")).containsExactly(1);
        assertThat(CpuPinning.cores("0,2-4\n")).containsExactly(0, 2, 3, 4);
        assertThat(CpuPinning.cores("")).isEmpty();
    }

    private static java.nio.file.Path write(java.nio.file.Path dir, String cores) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        return java.nio.file.Files.writeString(dir.resolve("smp_affinity_list"), cores + "\n");
    }

    @Test
    void theListenersCpuTimeIsReadFromTheKernelForThreadsOfItsName() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        // The kernel knows the thread's name only once it runs (the JVM names it from inside).
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        Thread busy = Thread.ofPlatform().name(CpuPinning.PUBLIC_THREADS + "-test").start(() -> {
            running.countDown();
            long x = 0;
            while (!stop.get()) {
                x += System.nanoTime() % 7;
            }
            if (x == 42) {
                System.out.print("");
            }
        });
        try {
            running.await();
            List<Long> me = List.of(ProcessHandle.current().pid());
            ListenerTime before = ListenerTime.of(me);
            Thread.sleep(300);
            ListenerTime used = ListenerTime.of(me).since(before);
            if (!java.nio.file.Files.exists(java.nio.file.Path.of("/proc/self/schedstat"))) {
                return; // not Linux, or a kernel without schedstat: nothing to read
            }
            assertThat(before).as("the thread named like the listener is found").isNotEqualTo(ListenerTime.UNKNOWN);
            assertThat(used.cpuNanos()).as("a spinning thread's CPU in 300 ms").isGreaterThan(50_000_000L);
            assertThat(used.waitNanos()).isNotNegative();
        } finally {
            stop.set(true);
            busy.join();
        }
        assertThat(ListenerTime.UNKNOWN.since(new ListenerTime(1, 1))).isEqualTo(ListenerTime.UNKNOWN);
    }
}
