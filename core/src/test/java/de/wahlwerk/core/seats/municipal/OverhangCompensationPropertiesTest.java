package de.wahlwerk.core.seats.municipal;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.seats.Apportioner;
import de.wahlwerk.core.seats.Apportionment;
import de.wahlwerk.core.seats.Contender;
import de.wahlwerk.core.seats.Lots;
import de.wahlwerk.core.seats.Method;
import de.wahlwerk.core.seats.SeatOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The growth loop shared by NRW KWahlG § 33 Abs. 3, GKWG § 10 Abs. 4 and KomWG BW § 25 Abs. 2
 * (ADR 0110) on random councils: without a cap the final size covers every list and is the
 * smallest size that does; with a cap it never exceeds base + cap × Überhang; the body is always
 * the share plus the uncovered seats.
 */
class OverhangCompensationPropertiesTest {

    record Case(int base, List<Contender> contenders, Map<String, Integer> won) {}

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<List<Long>> votes = Arbitraries.longs().between(500, 50_000).list().ofMinSize(2).ofMaxSize(6);
        return Combinators.combine(Arbitraries.integers().between(3, 60), votes,
                Arbitraries.integers().between(0, 1000).list().ofSize(6)).as((base, v, w) -> {
                    List<Contender> cs = new java.util.ArrayList<>();
                    Map<String, Integer> won = new LinkedHashMap<>();
                    int left = base;
                    for (int i = 0; i < v.size(); i++) {
                        String id = "L" + i;
                        cs.add(Contender.of(id, v.get(i)));
                        int n = Math.min(left, w.get(i) % Math.min(5, base / 2 + 1));
                        won.put(id, n);
                        left -= n;
                    }
                    return new Case(base, cs, won);
                });
    }

    private static boolean covers(Apportionment a, Case c) {
        return c.contenders().stream().allMatch(x -> a.seatsOf(x.id()) >= c.won().get(x.id()));
    }

    @Property(tries = 150)
    void withoutCapTheSmallestCoveringSizeIsFound(@ForAll("cases") Case c) {
        var outcome = OverhangCompensation.grow(Method.WEBSTER, c.base(), c.contenders(), c.won(), OptionalInt.empty(),
                Lots.none());
        if (!(outcome instanceof SeatOutcome.Decided<OverhangCompensation.Result> d)) {
            return; // a lot decides; covered by the unit tests
        }
        var r = d.result();
        var last = r.steps().getLast().apportionment();
        assertThat(covers(last, c)).isTrue();
        assertThat(r.capReached()).isFalse();
        assertThat(r.uncoveredOverhang()).isEmpty();
        assertThat(r.houseSize()).isEqualTo(r.proportionalSize());
        if (r.proportionalSize() > c.base()) {
            var before = Apportioner.apportion(Method.WEBSTER, r.proportionalSize() - 1, c.contenders());
            assertThat(before instanceof Apportionment.Decided && covers(before, c)).isFalse();
        }
        assertThat(r.steps()).extracting(OverhangCompensation.Step::size).doesNotHaveDuplicates();
    }

    @Property(tries = 150)
    void withACapTheGrowthStopsAndUncoveredSeatsAreKept(@ForAll("cases") Case c) {
        var outcome = OverhangCompensation.grow(Method.WEBSTER, c.base(), c.contenders(), c.won(), OptionalInt.of(2),
                Lots.none());
        if (!(outcome instanceof SeatOutcome.Decided<OverhangCompensation.Result> d)) {
            return;
        }
        var r = d.result();
        assertThat(r.proportionalSize()).isLessThanOrEqualTo(c.base() + 2 * r.totalInitialOverhang());
        int uncovered = r.uncoveredOverhang().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(r.houseSize()).isEqualTo(r.proportionalSize() + uncovered);
        c.contenders().forEach(x -> assertThat(r.seats().get(x.id())).isGreaterThanOrEqualTo(c.won().get(x.id())));
        assertThat(uncovered > 0).isEqualTo(r.capReached());
    }

    @Property(tries = 150)
    void nrwStartsAtTheFormulaSizeAndGrowsOnlyAsFarAsNeeded(@ForAll("cases") Case c) {
        var outcome = OverhangCompensation.grow(Method.WEBSTER, c.base(), c.contenders(), c.won(), OptionalInt.empty(),
                Enlargement.NRW_FORMULA, Lots.none());
        if (!(outcome instanceof SeatOutcome.Decided<OverhangCompensation.Result> d)) {
            return;
        }
        var r = d.result();
        assertThat(covers(r.steps().getLast().apportionment(), c)).isTrue();
        assertThat(r.houseSize()).isEqualTo(r.proportionalSize());
        if (r.initialOverhang().isEmpty()) {
            assertThat(r.proportionalSize()).isEqualTo(c.base());
            return;
        }
        long total = c.contenders().stream().mapToLong(Contender::votes).sum();
        int formula = Math.max(c.base() + 1,
                OverhangCompensation.formulaSize(c.contenders(), c.won(), r.initialOverhang().keySet(), total));
        // the second size tried is the formula's; beyond it only as far as needed to cover every list
        assertThat(r.steps().get(1).size()).isEqualTo(formula);
        assertThat(r.proportionalSize()).isGreaterThanOrEqualTo(formula);
        if (r.proportionalSize() > formula) {
            var before = Apportioner.apportion(Method.WEBSTER, r.proportionalSize() - 1, c.contenders());
            assertThat(before instanceof Apportionment.Decided && covers(before, c)).isFalse();
        }
    }
}
