package de.wahlwerk.bench;

import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.tally.ApplyOutcome;
import de.wahlwerk.core.tally.LatestReport;
import de.wahlwerk.core.tally.Tally;
import de.wahlwerk.core.tally.TallyEvent;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-memory tally at national size (see {@link NationalStructure}): applying one confirmed
 * report (a correction of a unit in a fully reported tally, the usual election-night case after
 * the first hour) and rebuilding the whole tally from 90,000 latest reports (a node's restart).
 *
 * <p>Run: {@code java -cp "bench/target/classes:core/target/classes:$(cat bench/target/cp-nocore.txt)"
 * org.openjdk.jmh.Main TallyBenchmark -f 1 -wi 3 -i 5 -t 1 -prof gc} after a reactor build (see
 * docs/TALLY.md for building {@code cp-nocore.txt}; the shared ~/.m2 core jar may be another
 * worktree's).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TallyBenchmark {

    NationalStructure national;
    List<LatestReport> reports;
    Counts[] alternatives;
    Tally tally;
    long sequence;
    int next;
    Random rnd;

    @Setup(Level.Trial)
    public void setUp() {
        national = new NationalStructure();
        rnd = new Random(42);
        reports = national.allReports(rnd);
        alternatives = new Counts[64];
        for (int i = 0; i < alternatives.length; i++) {
            alternatives[i] = NationalStructure.randomCounts(rnd, false);
        }
        tally = Tally.rebuild(national.structure, reports, 0);
    }

    /** One correction: delta into 2 hierarchies × 4–5 ancestors, new immutable snapshots for them. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ApplyOutcome applyOneReport() {
        // Polling units only (index not ≡ 5 mod 6), spread over the whole country.
        int u = (next = (next + 7919) % NationalStructure.UNITS) % 6 == 5 ? (next + 1) % NationalStructure.UNITS : next;
        Counts c = alternatives[(int) (sequence & 63)];
        return tally.apply(new TallyEvent.ReportConfirmed(++sequence, national.unitKeys.get(u), c));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    public Tally rebuildFromAllReports() {
        return Tally.rebuild(national.structure, reports, 90_000);
    }
}
