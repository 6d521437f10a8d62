package de.wahlwerk.bench.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts the public read path on a core of its own for the read phases (issue 6): the node's public
 * listener threads and wrk on {@code publicCpu}, every other thread of the node, PostgreSQL and
 * this replay client on the rest. This is how a deployment keeps the crowd off the entry path's
 * cores (docs/OPERATIONS.md); on a shared machine without it, wrk and the confirmations take CPU
 * from each other and the phases measure the machine, not the read path. Linux only ({@code taskset}).
 */
final class CpuPinning {

    /** Thread name prefix of the node's public listener (Netty event loops, {@code PublicListener}). */
    static final String PUBLIC_THREADS = "wahlwerk-public";
    /**
     * Thread name prefix of the collector's parallel workers. They run only while the JVM is
     * stopped for a collection, when the listener waits too and its core is idle; kept to the other
     * core they took twice as long for the same pause, which every reader then waited out. An
     * operator does not pin a JVM's threads one by one either. (G1's concurrent threads, "G1 Conc",
     * "G1 Refine", run beside the listener and stay on the other core.)
     */
    static final String PAUSE_WORKERS = "GC Thread#";

    private final String publicCpu;
    private final String otherCpus;

    CpuPinning(String publicCpu, String otherCpus) {
        this.publicCpu = publicCpu;
        this.otherCpus = otherCpus;
    }

    /** The public core's number, or -1 if the public read path has several. */
    int publicCore() {
        return publicCpu.matches("\\d+") ? Integer.parseInt(publicCpu) : -1;
    }

    /** The command line of wrk for the read phases: pinned to the public core. */
    List<String> wrk(List<String> command) {
        return Stream.concat(Stream.of("taskset", "-c", publicCpu), command.stream()).toList();
    }

    /**
     * Pins the node's threads (public listener apart), every PostgreSQL process and this process.
     * Threads started later inherit the core of the thread that starts them.
     */
    void apply(List<Long> nodePids) throws IOException, InterruptedException {
        int onPublic = 0;
        int onOther = 0;
        int onBoth = 0;
        for (long pid : nodePids) {
            for (Path task : tasks(pid)) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                } catch (IOException ended) {
                    continue; // the thread ended meanwhile
                }
                String cpus = cpusFor(name);
                if (cpus.equals(publicCpu)) {
                    onPublic++;
                } else if (cpus.equals(otherCpus)) {
                    onOther++;
                } else {
                    onBoth++;
                }
                taskset(cpus, task.getFileName().toString());
            }
        }
        List<ProcessHandle> postgres = CpuShares.postgresProcesses();
        for (ProcessHandle p : postgres) {
            for (Path task : tasks(p.pid())) {
                taskset(otherCpus, task.getFileName().toString());
            }
        }
        for (Path task : tasks(ProcessHandle.current().pid())) {
            taskset(otherCpus, task.getFileName().toString());
        }
        System.out.printf("CPU pinning: %d public listener threads and wrk on CPU %s; %d other node threads, %d PostgreSQL"
                + " processes and the replay client on CPU %s; the collector's %d pause workers on both%n", onPublic, publicCpu,
                onOther, postgres.size(), otherCpus, onBoth);
    }

    /** The cores a node thread of this name may use. */
    String cpusFor(String threadName) {
        if (threadName.startsWith(PUBLIC_THREADS)) {
            return publicCpu;
        }
        return threadName.startsWith(PAUSE_WORKERS) ? publicCpu + "," + otherCpus : otherCpus;
    }

    private static List<Path> tasks(long pid) {
        try (Stream<Path> s = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return s.toList();
        } catch (IOException ended) {
            return List.of(); // the process ended meanwhile (a PostgreSQL back end)
        }
    }

    private static void taskset(String cpus, String tid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("taskset", "-p", "-c", cpus, tid).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor(); // a thread that ended meanwhile fails here, harmlessly
    }
}
