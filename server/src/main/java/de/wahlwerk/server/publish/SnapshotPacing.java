package de.wahlwerk.server.publish;

/**
 * When the snapshot writer may write its next generation (ADR 0621). Signing a manifest and writing
 * a generation cost CPU: at national scale the signature alone hashes ten thousand entries, and a
 * generation after the set-up or the night's first report rewrites most pages. The writer has a
 * budget of CPU time: it earns a tenth of a core ({@code 1 / (REST_FACTOR + 1)} of the wall time),
 * keeps at most {@code burst}, and spends what each generation uses. Overdrawn, it rests until the
 * budget is back at zero, at most {@value #MAX_REST_MILLIS} ms; rounds that arrive meanwhile
 * coalesce.
 * <p>
 * A steady stream of generations on a busy night so gets a tenth of a core, as when the writer
 * rested nine times each generation; but an expensive generation after a quiet spell no longer
 * makes the next states wait nine times its cost (the first minute of a replayed night waited
 * 13-18 s for that). CPU time, not wall time: on a busy machine a write waits for a core, and
 * resting for that waiting too would leave the static mirror behind for nothing. Writer thread only.
 */
final class SnapshotPacing {

    static final int REST_FACTOR = 9;
    static final long MAX_REST_MILLIS = 10_000;
    /** What a quiet writer saves up: the set-up's last generation of a whole country. */
    static final long BURST_MILLIS = 2_000;
    private static final long MAX_REST = MAX_REST_MILLIS * 1_000_000L;

    private final long burst;
    private long budget;
    private long earnedUpTo;

    /** A writer with a full budget of {@code burstNanos} at {@code now} ({@link System#nanoTime}). */
    SnapshotPacing(long burstNanos, long now) {
        this.burst = burstNanos;
        this.budget = burstNanos;
        this.earnedUpTo = now;
    }

    /** How long to rest at {@code now} before the next generation. */
    long restNanos(long now) {
        earn(now);
        return budget >= 0 ? 0 : Math.min(-budget * (REST_FACTOR + 1), MAX_REST);
    }

    /** A generation ended at {@code now} and used {@code cpuNanos}. */
    void spent(long cpuNanos, long now) {
        // What the generation's own wall time earned counts before the cap (a writer with no burst
        // rests nine times, not ten times, its generation); no debt beyond one longest rest.
        budget = Math.max(Math.min(burst, budget + earned(now) - cpuNanos), -MAX_REST / (REST_FACTOR + 1));
    }

    private void earn(long now) {
        budget = Math.min(burst, budget + earned(now));
    }

    private long earned(long now) {
        long e = Math.max(0, now - earnedUpTo) / (REST_FACTOR + 1);
        earnedUpTo = Math.max(earnedUpTo, now);
        return e;
    }
}
