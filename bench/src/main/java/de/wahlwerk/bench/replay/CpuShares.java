package de.wahlwerk.bench.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where the machine's CPU went during the night: the node(s), this replay client, PostgreSQL and
 * the rest. The client, the server and the database share the same cores here, so a cost per
 * district only means something next to what the others used (Linux /proc; zeros elsewhere).
 */
final class CpuShares {

    /** One reading: machine busy and total seconds, client and PostgreSQL CPU seconds. */
    record Reading(double busy, double total, double client, double postgres) {
    }

    private static final double TICKS = 100.0; // USER_HZ on Linux

    static Reading read() {
        double busy = 0;
        double total = 0;
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            for (int i = 1; i < f.length && i <= 8; i++) {
                long v = Long.parseLong(f[i]);
                total += v;
                if (i != 4 && i != 5) { // idle and iowait are not work
                    busy += v;
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Reading(0, 0, 0, 0);
        }
        double pg = postgresSeconds(postgresProcesses());
        double client = seconds(ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        return new Reading(busy / TICKS, total / TICKS, client, pg);
    }

    /**
     * PostgreSQL's CPU so far: its live processes, and the back ends that have ended, which the
     * kernel adds to the postmaster's "children" times once it reaps them. Without the ended ones the
     * figure fell during a national night (-1.9 ms per district): pooled connections are replaced
     * and the set-up's back ends end, taking their CPU with them.
     */
    static double postgresSeconds(List<ProcessHandle> postgres) {
        java.util.Set<Long> pids = new java.util.HashSet<>();
        postgres.forEach(p -> pids.add(p.pid()));
        double ticks = 0;
        for (ProcessHandle p : postgres) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
                boolean postmaster = !pids.contains(parent(stat));
                ticks += cpuTicks(stat, postmaster);
            } catch (IOException | RuntimeException ended) {
                // ended meanwhile: its postmaster counts it from now on
            }
        }
        return ticks / TICKS;
    }

    /**
     * User and system time of a process from its {@code /proc/<pid>/stat} line, in clock ticks;
     * with {@code reapedChildren}, also that of its children that have ended and been waited for.
     */
    static long cpuTicks(String stat, boolean reapedChildren) {
        String[] f = afterName(stat);
        // fields 14-17 of proc(5): utime, stime, cutime, cstime; f[0] is field 3 (state)
        long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return reapedChildren ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own;
    }

    static long parent(String stat) {
        return Long.parseLong(afterName(stat)[1]);
    }

    /** The fields after the command name, which may hold spaces and parentheses itself. */
    private static String[] afterName(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    }

    /** Every PostgreSQL process on the machine (the embedded cluster's postmaster and back ends). */
    static List<ProcessHandle> postgresProcesses() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false)).toList();
    }

    /** Prints the shares between two readings; {@code nodes} holds each node's CPU seconds in the same span. */
    static void print(Reading from, Reading to, List<Double> nodes, int districts) {
        double busy = to.busy() - from.busy();
        double total = to.total() - from.total();
        if (total <= 0) {
            return;
        }
        double node = nodes.stream().mapToDouble(Double::doubleValue).sum();
        double client = to.client() - from.client();
        double pg = to.postgres() - from.postgres();
        double rest = busy - node - client - pg;
        System.out.printf("Machine CPU during the night: %.0f %% busy (%.0f of %.0f core-seconds); per district: node %.1f ms,"
                        + " PostgreSQL %.1f ms, replay client %.1f ms, rest (system, others) %.1f ms%n",
                100 * busy / total, busy, total, ms(node, districts), ms(pg, districts), ms(client, districts),
                ms(rest, districts));
    }

    private static double ms(double seconds, int districts) {
        return 1000 * seconds / districts;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private CpuShares() {
    }
}
