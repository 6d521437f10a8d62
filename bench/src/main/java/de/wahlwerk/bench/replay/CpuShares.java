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
        // PostgreSQL: its live processes (the nodes' pools keep their back ends for the night).
        double pg = postgresProcesses().stream()
                .mapToDouble(p -> seconds(p.info().totalCpuDuration().orElse(Duration.ZERO))).sum();
        double client = seconds(ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        return new Reading(busy / TICKS, total / TICKS, client, pg);
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
