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

    /** Where the kernel keeps each interrupt's cores ({@code /proc/irq/N/smp_affinity_list}). */
    static final Path IRQ_ROOT = Path.of("/proc/irq");

    /** The interrupts moved off the public core, with the cores they had before (restored at exit). */
    private final java.util.Map<Path, String> movedInterrupts = new java.util.LinkedHashMap<>();

    /**
     * Pins the node's threads (public listener apart), every PostgreSQL process and this process,
     * and moves the devices' interrupts off the public core. Threads started later inherit the core
     * of the thread that starts them.
     */
    void apply(List<Long> nodePids) throws IOException, InterruptedException {
        int[] interrupts = moveInterrupts(IRQ_ROOT);
        if (!movedInterrupts.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::restoreInterrupts, "restore-interrupts"));
        }
        System.out.printf("Device interrupts: %d moved from CPU %s to CPU %s (restored at the end), %d the kernel keeps where they are%n",
                interrupts[0], publicCpu, otherCpus, interrupts[1]);
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

    /**
     * Moves every device interrupt that may go to the public core to the other cores, as an
     * operator does for a core kept for one task (docs/OPERATIONS.md): on the VM of session 25 the
     * disk's completions all went to the listener's core, a few hundred a second while reports were
     * confirmed. Needs root; an interrupt the kernel does not let move (or a reader without the
     * right) stays. Returns {moved, kept}.
     */
    int[] moveInterrupts(Path irqRoot) {
        java.util.Set<Integer> publicCores = cores(publicCpu);
        int moved = 0;
        int kept = 0;
        List<Path> lists;
        try (Stream<Path> s = Files.list(irqRoot)) {
            lists = s.map(d -> d.resolve("smp_affinity_list")).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException none) {
            return new int[] {0, 0}; // not Linux
        }
        for (Path list : lists) {
            try {
                String before = Files.readString(list).strip();
                if (java.util.Collections.disjoint(cores(before), publicCores)) {
                    continue;
                }
                Files.writeString(list, otherCpus);
                movedInterrupts.put(list, before);
                moved++;
            } catch (IOException | RuntimeException refused) {
                kept++; // a per-core interrupt, or no right to move it
            }
        }
        return new int[] {moved, kept};
    }

    /** Gives the moved interrupts their cores back. */
    void restoreInterrupts() {
        movedInterrupts.forEach((list, before) -> {
            try {
                Files.writeString(list, before);
            } catch (IOException gone) {
                // the device went away meanwhile
            }
        });
        movedInterrupts.clear();
    }

    /** The cores of a kernel CPU list such as {@code 0-1,4}. */
    static java.util.Set<Integer> cores(String list) {
        java.util.Set<Integer> cores = new java.util.TreeSet<>();
        for (String part : list.strip().split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] range = part.split("-");
            int from = Integer.parseInt(range[0].strip());
            int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
            for (int c = from; c <= to; c++) {
                cores.add(c);
            }
        }
        return cores;
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
