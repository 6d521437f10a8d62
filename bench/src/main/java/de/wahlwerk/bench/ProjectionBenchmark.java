package de.wahlwerk.bench;

import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.projection.Observation;
import de.wahlwerk.core.projection.Projection;
import de.wahlwerk.core.projection.ProjectionInput;
import de.wahlwerk.core.projection.ProjectionUnit;
import de.wahlwerk.core.projection.Projector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The projection (Hochrechnung) of the whole country half-way through the night: 60,000 polling
 * districts matched to the previous election and 30,000 postal districts, 29 lists, half of the
 * districts reported. The national replay's page thread spent most of its samples in such fits
 * (docs/PERFORMANCE.md), which is why this is measured on its own.
 *
 * <p>Run (after the reactor build described in docs/TALLY.md, which gives {@code cp-nocore.txt}):
 * {@code java -cp "$CP" org.openjdk.jmh.Main ProjectionBenchmark -f 1 -wi 3 -i 5 -prof gc}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ProjectionBenchmark {

    static final int LISTS = 29;

    @Param({"90000"})
    int units;

    ProjectionInput input;

    @Setup(Level.Trial)
    public void setUp() {
        Random rnd = new Random(7);
        double[] popularity = new double[LISTS];
        for (int g = 0; g < LISTS; g++) {
            popularity[g] = g < 6 ? 10 + rnd.nextInt(20) : rnd.nextDouble() * 2;
        }
        List<ProjectionUnit> list = new ArrayList<>(units);
        List<Observation> previousPostal = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            boolean postal = i % 3 == 2;
            Observation previous = observation(rnd, popularity, postal, 1.0);
            Observation current = i % 2 == 0 ? observation(rnd, popularity, postal, 0.9 + rnd.nextDouble() * 0.2) : null;
            if (postal) {
                previousPostal.add(previous);
            }
            list.add(new ProjectionUnit("U" + i, postal ? UnitKind.POSTAL : UnitKind.POLLING, current, postal ? null : previous));
        }
        input = new ProjectionInput(list, Observation.sum(previousPostal));
    }

    private static Observation observation(Random rnd, double[] popularity, boolean postal, double swing) {
        long voters = 300 + rnd.nextInt(700);
        double weights = 0;
        double[] w = new double[LISTS];
        for (int g = 0; g < LISTS; g++) {
            w[g] = popularity[g] * (0.5 + rnd.nextDouble()) * (g == 3 ? swing : 1);
            weights += w[g];
        }
        Map<String, Long> votes = new TreeMap<>();
        for (int g = 0; g < LISTS; g++) {
            long v = Math.round(voters * 0.98 * w[g] / weights);
            if (v > 0) {
                votes.put("P" + g, v);
            }
        }
        return new Observation(postal ? 0 : voters * 100 / (60 + rnd.nextInt(30)), voters, votes);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Optional<Projection> projectTheCountry() {
        return new Projector(0.9).project(input);
    }
}
