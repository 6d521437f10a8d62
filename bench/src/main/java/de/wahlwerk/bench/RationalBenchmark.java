package de.wahlwerk.bench;

import de.wahlwerk.core.arith.Rational;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a plausibility check of one report does with exact fractions: for each of 30 lists, its
 * share in the report and in the sum of the reports confirmed so far (millions of votes), their
 * distance and a comparison with the limit. Run as {@code ProjectionBenchmark} says.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RationalBenchmark {

    static final Rational LIMIT = Rational.of(1, 10);

    long[] votes = new long[30];
    long[] reference = new long[30];
    long valid;
    long referenceValid;

    @org.openjdk.jmh.annotations.Setup
    public void setUp() {
        java.util.Random rnd = new java.util.Random(1);
        for (int i = 0; i < votes.length; i++) {
            votes[i] = rnd.nextInt(300);
            reference[i] = 1_000_000L + rnd.nextInt(5_000_000);
            valid += votes[i];
            referenceValid += reference[i];
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int sharesOfOneReport() {
        int far = 0;
        for (int i = 0; i < votes.length; i++) {
            Rational d = Rational.of(votes[i], valid).subtract(Rational.of(reference[i], referenceValid));
            if ((d.signum() < 0 ? d.negate() : d).compareTo(LIMIT) > 0) {
                far++;
            }
        }
        return far;
    }
}
