package de.wahlwerk.bench.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time of the nodes' public listener threads and their time runnable but waiting for a core,
 * from the kernel's {@code /proc/<pid>/task/<tid>/schedstat} (Linux; nanoseconds). A read run whose
 * p99 rose while its listener waited for its core was slowed by something else on that core, not by
 * the listener's own work.
 */
record ListenerTime(long cpuNanos, long waitNanos) {

    static final ListenerTime UNKNOWN = new ListenerTime(-1, -1);

    /** The sums over every node's listener threads now; {@link #UNKNOWN} where /proc cannot tell. */
    static ListenerTime of(List<Long> nodePids) {
        long cpu = 0;
        long wait = 0;
        boolean any = false;
        for (long pid : nodePids) {
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        if (!Files.readString(task.resolve("comm")).startsWith(CpuPinning.PUBLIC_THREADS)) {
                            continue;
                        }
                        String[] f = Files.readString(task.resolve("schedstat")).trim().split("\\s+");
                        cpu += Long.parseLong(f[0]);
                        wait += Long.parseLong(f[1]);
                        any = true;
                    } catch (IOException | RuntimeException ended) {
                        // the thread ended meanwhile, or the kernel keeps no schedstat
                    }
                }
            } catch (IOException notLinux) {
                return UNKNOWN;
            }
        }
        return any ? new ListenerTime(cpu, wait) : UNKNOWN;
    }

    /** What was used and waited between {@code before} and this; {@link #UNKNOWN} if either is. */
    ListenerTime since(ListenerTime before) {
        return cpuNanos < 0 || before.cpuNanos < 0 ? UNKNOWN : new ListenerTime(cpuNanos - before.cpuNanos, waitNanos - before.waitNanos);
    }
}
