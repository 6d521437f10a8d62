package de.wahlwerk.core.projection;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.model.UnitKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Replays Göttingen 2025 (2021 as previous election) in seeded random reporting orders and
 * measures the projection against the final result: mean absolute error of the projected
 * second-vote shares (percentage points, averaged over the 16 parties and the orders) and how often
 * the final share lies inside the 90 % interval. Prints the table and writes it to
 * {@code core/target/projection-evaluation.txt}; docs/PROJECTION.md quotes it.
 */
class GoettingenEvaluationTest {

    static final int ORDERS = 100;
    static final long SEED = 20250223L;
    static final double[] FRACTIONS = {0.10, 0.25, 0.50};
    static final List<String> BIG = List.of("CDU", "SPD", "GRUENE", "AFD", "LINKE", "FDP", "BSW");

    @Test
    void replayInRandomOrders() throws Exception {
        Goettingen g = Goettingen.load();
        int n = g.finalUnits.size();
        Projection truthProjection = new Projector(0.9).project(g.partial(IntStream.range(0, n).boxed().toList(), n))
                .orElseThrow();
        Map<String, Rational> truth = new java.util.TreeMap<>();
        truthProjection.shares().forEach((party, e) -> truth.put(party, e.value()));
        assertThat(truth).hasSize(16);
        Projector projector = new Projector(0.9);
        Random rnd = new Random(SEED);
        double[] absError = new double[FRACTIONS.length];
        double[] absErrorBig = new double[FRACTIONS.length];
        double[] turnoutError = new double[FRACTIONS.length];
        int[] turnoutInside = new int[FRACTIONS.length];
        int[] inside = new int[FRACTIONS.length];
        int[] intervals = new int[FRACTIONS.length];
        int[] noInterval = new int[FRACTIONS.length];
        double[] width = new double[FRACTIONS.length];
        int[] noPostalYet = new int[FRACTIONS.length];
        double trueTurnout = Projector.toDouble(truthProjection.turnout().value());
        for (int run = 0; run < ORDERS; run++) {
            List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
            Collections.shuffle(order, rnd);
            for (int f = 0; f < FRACTIONS.length; f++) {
                int reported = (int) Math.ceil(FRACTIONS[f] * n);
                if (order.subList(0, reported).stream().noneMatch(i -> g.finalUnits.get(i).kind() == UnitKind.POSTAL)) {
                    noPostalYet[f]++;
                }
                Projection p = projector.project(g.partial(order, reported)).orElseThrow();
                for (var e : truth.entrySet()) {
                    Estimate est = p.shares().get(e.getKey());
                    double t = Projector.toDouble(e.getValue());
                    double err = Math.abs(Projector.toDouble(est.value()) - t) * 100;
                    absError[f] += err;
                    if (BIG.contains(e.getKey())) {
                        absErrorBig[f] += err;
                    }
                    if (est.interval() == null) {
                        noInterval[f]++;
                    } else {
                        intervals[f]++;
                        width[f] += (est.interval().high() - est.interval().low()) * 100;
                        if (est.interval().contains(t)) {
                            inside[f]++;
                        }
                    }
                }
                turnoutError[f] += Math.abs(Projector.toDouble(p.turnout().value()) - trueTurnout) * 100;
                if (p.turnout().interval() != null && p.turnout().interval().contains(trueTurnout)) {
                    turnoutInside[f]++;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Göttingen BTW 2025 (2021 as previous), %d units, %d seeded orders (seed %d)%n",
                n, ORDERS, SEED));
        out.append("| reported | units | MAE all 16 parties (pp) | MAE 7 largest (pp) | 90 % interval coverage | mean interval width (pp) | no interval | orders without a postal district yet | turnout MAE (pp) | turnout coverage |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        double[] mae = new double[FRACTIONS.length];
        double[] coverage = new double[FRACTIONS.length];
        int allInside = 0;
        int allIntervals = 0;
        for (int f = 0; f < FRACTIONS.length; f++) {
            mae[f] = absError[f] / (ORDERS * truth.size());
            coverage[f] = (double) inside[f] / intervals[f];
            allInside += inside[f];
            allIntervals += intervals[f];
            out.append(String.format(Locale.ROOT, "| %.0f %% | %d | %.3f | %.3f | %.1f %% | %.2f | %d | %d | %.3f | %.0f %% |%n",
                    FRACTIONS[f] * 100, (int) Math.ceil(FRACTIONS[f] * n), mae[f], absErrorBig[f] / (ORDERS * BIG.size()),
                    coverage[f] * 100, width[f] / intervals[f], noInterval[f], noPostalYet[f], turnoutError[f] / ORDERS,
                    100.0 * turnoutInside[f] / ORDERS));
        }
        double overall = (double) allInside / allIntervals;
        out.append(String.format(Locale.ROOT, "overall coverage: %.1f %% of %d intervals%n", overall * 100, allIntervals));
        System.out.print(out);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/projection-evaluation.txt"), out);

        assertThat(overall).as("coverage of the 90 % intervals").isGreaterThanOrEqualTo(0.85);
        assertThat(mae[0]).as("error shrinks from 10 % to 50 % reported").isGreaterThan(mae[2]);
        assertThat(mae[1]).isGreaterThan(mae[2]);
    }
}
