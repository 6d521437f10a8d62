package de.wahlwerk.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.Fixtures;
import de.wahlwerk.core.formats.Kerg2Reader;
import de.wahlwerk.core.formats.KergArea;
import de.wahlwerk.core.formats.KergResult;
import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.model.VoteKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Test;

/**
 * The districts of the replay add up to the official constituency result exactly, whatever the
 * seed and however many districts; the same seed gives the same districts; the national split has
 * the size of a real federal election.
 */
class UnitSplitterTest {

    static KergResult kerg;

    @BeforeContainer
    static void read() throws Exception {
        var root = Fixtures.root();
        kerg = root == null ? null : new Kerg2Reader().read(root.resolve("btw2025-kerg2/kerg2.csv"));
    }

    @Provide
    Arbitrary<Tuple.Tuple3<Integer, UnitSplitter.Share, Long>> splits() {
        int n = kerg == null ? 1 : kerg.constituencies().size();
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, n - 1),
                Arbitraries.integers().between(1, 400), Arbitraries.integers().between(1, 200), Arbitraries.longs())
                .as((c, p, q, seed) -> Tuple.of(c, new UnitSplitter.Share(p, q), seed));
    }

    @Property(tries = 60)
    void districtsAddUpExactlyToTheConstituency(@ForAll("splits") Tuple.Tuple3<Integer, UnitSplitter.Share, Long> t) {
        if (kerg == null) {
            Fixtures.file("btw2025-kerg2/kerg2.csv"); // skips with the fixtures message
        }
        KergArea c = kerg.constituencies().get(t.get1());
        List<SplitUnit> units = UnitSplitter.split(c, t.get2(), t.get3());
        assertThat(units).hasSize(t.get2().polling() + t.get2().postal());
        Counts k = c.counts();
        assertThat(units.stream().mapToLong(SplitUnit::eligible).sum()).isEqualTo(k.eligible());
        assertThat(units.stream().mapToLong(SplitUnit::voters).sum()).isEqualTo(k.voters());
        for (VoteKind kind : List.of(VoteKind.FIRST, VoteKind.SECOND)) {
            assertThat(units.stream().mapToLong(u -> u.invalid().get(kind)).sum()).isEqualTo(k.votes(kind).invalid());
            Map<Integer, Long> sum = new HashMap<>();
            units.forEach(u -> u.votes().get(kind).forEach((p, v) -> sum.merge(p, v, Long::sum)));
            k.votes(kind).perNomination().forEach((p, v) -> assertThat(sum.getOrDefault(p, 0L)).as(kind + " " + p)
                    .isEqualTo(v == null ? 0 : v));
        }
        for (SplitUnit u : units) {
            for (VoteKind kind : List.of(VoteKind.FIRST, VoteKind.SECOND)) {
                long ballots = u.invalid().get(kind) + u.votes().get(kind).values().stream().mapToLong(Long::longValue).sum();
                assertThat(ballots).as(u.key() + " " + kind).isEqualTo(u.voters());
                assertThat(u.votes().get(kind).values()).allMatch(v -> v >= 0);
            }
            if (u.kind() == UnitKind.POLLING) {
                assertThat(u.voters()).as(u.key()).isLessThanOrEqualTo(u.eligible() - u.eligibleWithCard() + u.votersWithCard());
                assertThat(u.votersWithCard()).isLessThanOrEqualTo(u.eligibleWithCard());
            } else {
                assertThat(u.eligible()).isZero();
            }
        }
    }

    @Property(tries = 10)
    void sameSeedSameDistricts(@ForAll("splits") Tuple.Tuple3<Integer, UnitSplitter.Share, Long> t) {
        if (kerg == null) {
            Fixtures.file("btw2025-kerg2/kerg2.csv");
        }
        KergArea c = kerg.constituencies().get(t.get1());
        assertThat(UnitSplitter.split(c, t.get2(), t.get3())).isEqualTo(UnitSplitter.split(c, t.get2(), t.get3()));
    }

    @Test
    void nationalSplitHasTheSizeOfAFederalElection() throws Exception {
        KergResult k = new Kerg2Reader().read(Fixtures.file("btw2025-kerg2/kerg2.csv"));
        var shares = UnitSplitter.shares(k.constituencies(), 60_000, 30_000);
        int polling = shares.values().stream().mapToInt(UnitSplitter.Share::polling).sum();
        int postal = shares.values().stream().mapToInt(UnitSplitter.Share::postal).sum();
        assertThat(polling).isBetween(59_800, 60_200);
        assertThat(postal).isBetween(29_800, 30_200);
        long sizes = 0;
        long eligibleMax = 0;
        for (KergArea c : k.constituencies()) {
            for (SplitUnit u : UnitSplitter.split(c, shares.get(c.key()), 2025)) {
                if (u.kind() == UnitKind.POLLING) {
                    sizes += u.eligible();
                    eligibleMax = Math.max(eligibleMax, u.eligible());
                }
            }
        }
        // About 1,000 eligible voters per polling district on average (60.5 million in 60,000), none huge.
        assertThat(sizes / polling).isBetween(900L, 1_100L);
        assertThat(eligibleMax).isLessThan(2_500L);
    }

    @Test
    void largestRemainderAddsUpAndFollowsTheWeights() {
        assertThat(Apportion.largestRemainder(10, new double[] {1, 1, 1})).containsExactly(4, 3, 3);
        assertThat(Apportion.largestRemainder(0, new double[] {1, 2})).containsExactly(0, 0);
        long[] rem = {5, 0, 2};
        assertThat(Apportion.draw(6, rem, new double[] {1, 100, 50})).containsExactly(4, 0, 2);
        assertThat(rem).containsExactly(1, 0, 0);
    }
}
