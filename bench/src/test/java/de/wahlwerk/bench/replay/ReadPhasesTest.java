package de.wahlwerk.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading wrk's summary: requests per second, the 50th and 99th percentile in any unit, errors. */
class ReadPhasesTest {

    private static final String OUTPUT = """
            Running 10s test @ http://127.0.0.1:18082/wahlen/1/bundestag/99.json
              1 threads and 32 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     2.10ms    1.05ms  41.20ms   91.00%
                Req/Sec    15.21k     1.10k   17.00k    70.00%
              Latency Distribution
                 50%  812.00us
                 75%    2.01ms
                 90%    3.33ms
                 99%    1.20s
              151234 requests in 10.00s, 1.10GB read
              Socket errors: connect 0, read 2, write 0, timeout 3
              Non-2xx or 3xx responses: 7
            Requests/sec:  15123.40
            Transfer/sec:    112.61MB
            """;

    @Test
    void readsThroughputPercentilesInMillisecondsAndErrors() {
        ReadPhases.Phase p = ReadPhases.parse("before", OUTPUT);
        assertThat(p.requestsPerSecond()).isEqualTo(15123.40);
        assertThat(p.p50()).isEqualTo(0.812, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.p99()).isEqualTo(1200.0);
        assertThat(p.non2xx()).isEqualTo(7);
        assertThat(p.socketErrors()).isEqualTo(5);
    }

    @Test
    void outputWithoutASummaryIsAnError() {
        assertThatThrownBy(() -> ReadPhases.parse("before", "unable to connect to 127.0.0.1:1 Connection refused"))
                .hasMessageContaining("Requests/sec");
    }

    @Test
    void theMedianOfAStateIsItsMiddleRunOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(ReadPhases.median(new double[] {70_000, 50_000, 90_000})).isEqualTo(70_000);
        assertThat(ReadPhases.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(ReadPhases.median(new double[] {1.5})).isEqualTo(1.5);
    }

    @Test
    void theReadPathIsWarmWhenTwoRunsInARowAgreeWithinFivePercent() {
        assertThat(ReadPhases.steady(Double.NaN, 60_000)).isFalse();
        assertThat(ReadPhases.steady(60_000, 66_000)).as("10 % faster: still warming up").isFalse();
        assertThat(ReadPhases.steady(66_000, 64_000)).isTrue();
        assertThat(ReadPhases.steady(64_000, 60_000)).as("6 % slower").isFalse();
    }

    @Test
    void theAppIsComparedWithTheNginxRunRightAfterItAndThePacedRunsAreLeftOut() {
        var phases = java.util.List.of(
                phase("before", 40_000), phase("before" + ReadPhases.NGINX, 80_000), phase("before" + ReadPhases.PACED, 5_000),
                phase("before", 30_000), phase("before" + ReadPhases.NGINX, 50_000), phase("before" + ReadPhases.PACED, 5_000),
                phase("before", 45_000), phase("before" + ReadPhases.NGINX, 100_000),
                phase("after", 30_000), phase("after" + ReadPhases.NGINX, 60_000));
        var shares = ReadPhases.sharesOfReference(phases);
        assertThat(shares.keySet()).containsExactly("before", "after");
        assertThat(shares.get("before")).as("median of 0.5, 0.6, 0.45").isEqualTo(0.5);
        assertThat(shares.get("after")).isEqualTo(0.5);
    }

    @Test
    void p99IsComparedWithNginxsOfTheSameKindRightAfterIt() {
        String paced = ReadPhases.PACED;
        String nginx = ReadPhases.NGINX;
        var phases = java.util.List.of(
                phase("before", 1, 0.40), phase("before" + nginx, 1, 1.00), phase("before" + paced, 1, 0.20), phase("before" + paced + nginx, 1, 0.10),
                phase("before", 1, 0.60), phase("before" + nginx, 1, 1.00), phase("before" + paced, 1, 0.30), phase("before" + paced + nginx, 1, 0.20),
                phase("while", 1, 0.90), phase("while" + nginx, 1, 2.00), phase("while" + paced, 1, 0.20),
                phase("while" + paced + nginx, 1, 0.25));
        var saturating = ReadPhases.ratiosToReference(phases, ReadPhases.APP_SATURATING, ReadPhases.Phase::p99);
        assertThat(saturating).containsExactly(java.util.Map.entry("before", 0.5), java.util.Map.entry("while", 0.45));
        var pacedRatios = ReadPhases.ratiosToReference(phases, ReadPhases.APP_PACED, ReadPhases.Phase::p99);
        assertThat(pacedRatios.get("before" + paced)).as("median of 2.0 and 1.5").isEqualTo(1.75);
        assertThat(pacedRatios.get("while" + paced)).isEqualTo(0.8);
        assertThat(ReadPhases.sharesOfReference(phases)).as("throughput: the paced runs are left out").containsOnlyKeys("before", "while");
    }

    private static ReadPhases.Phase phase(String name, double rps) {
        return new ReadPhases.Phase(name, rps, 0.1, 1.0, 0, 0);
    }

    private static ReadPhases.Phase phase(String name, double rps, double p99) {
        return new ReadPhases.Phase(name, rps, 0.1, p99, 0, 0);
    }
}
