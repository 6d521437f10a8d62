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
