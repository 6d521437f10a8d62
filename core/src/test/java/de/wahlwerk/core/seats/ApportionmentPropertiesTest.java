package de.wahlwerk.core.seats;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.arith.Rational;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Laws every correct implementation must obey, checked on random inputs (small numbers make ties likely). */
class ApportionmentPropertiesTest {

    @Provide
    Arbitrary<List<Contender>> contenders() {
        return Arbitraries.oneOf(
                        Arbitraries.longs().between(0, 12),
                        Arbitraries.longs().between(0, 2_000_000))
                .list().ofMinSize(1).ofMaxSize(9)
                .map(votes -> {
                    List<Contender> list = new ArrayList<>();
                    for (int i = 0; i < votes.size(); i++) {
                        list.add(Contender.of("L" + i, votes.get(i)));
                    }
                    return list;
                });
    }

    @Provide
    Arbitrary<Method> divisorMethods() {
        return Arbitraries.of(Method.WEBSTER, Method.DHONDT);
    }

    @Property(tries = 400)
    void iterativeSearchEqualsHighestAverages(@ForAll("divisorMethods") Method method,
            @ForAll @IntRange(min = 0, max = 60) int seats, @ForAll("contenders") List<Contender> contenders) {
        Apportionment ha = Apportioner.apportion(method, seats, contenders);
        Apportionment it = Apportioner.iterative(method, seats, contenders, Lot.none());
        if (contenders.stream().allMatch(c -> c.votes() == 0)) {
            return; // nobody can be given a seat; the formulations report this differently
        }
        assertThat(it.seats()).isEqualTo(ha.seats());
        assertThat(it.getClass()).isEqualTo(ha.getClass());
        if (ha instanceof Apportionment.LotRequired l && it instanceof Apportionment.LotRequired m) {
            assertThat(m.tie().tied()).containsExactlyInAnyOrderElementsOf(l.tie().tied());
            assertThat(m.tie().contestedSeats()).isEqualTo(l.tie().contestedSeats());
            assertThat(m.tie().value()).isEqualTo(l.tie().value());
        }
    }

    @Property(tries = 400)
    void decidedResultsFillTheHouseAndTiesLeaveFewerThanTied(@ForAll Method method,
            @ForAll @IntRange(min = 0, max = 60) int seats, @ForAll("contenders") List<Contender> contenders) {
        Apportionment a = Apportioner.apportion(method, seats, contenders);
        int sum = a.seats().values().stream().mapToInt(Integer::intValue).sum();
        boolean anyVotes = contenders.stream().anyMatch(c -> c.votes() > 0);
        switch (a) {
            case Apportionment.Decided d -> assertThat(sum).isEqualTo(anyVotes ? seats : 0);
            case Apportionment.LotRequired l -> {
                assertThat(sum + l.tie().contestedSeats()).isEqualTo(seats);
                assertThat(l.tie().contestedSeats()).isBetween(1, l.tie().tied().size() - 1);
                // any complete lot decides it, and the first drawn win
                List<String> drawn = new ArrayList<>(l.tie().tied()).reversed();
                Apportionment decided = Apportioner.apportion(method, seats, contenders, new Lot(drawn));
                assertThat(decided).isInstanceOf(Apportionment.Decided.class);
                for (String id : l.tie().tied()) {
                    int extra = drawn.indexOf(id) < l.tie().contestedSeats() ? 1 : 0;
                    assertThat(decided.seatsOf(id)).isEqualTo(l.seatsOf(id) + extra);
                }
            }
        }
    }

    /** The order in which lists are passed (ballot order, file order) never changes anyone's seats. */
    @Property(tries = 400)
    void seatsDoNotDependOnTheOrderOfTheLists(@ForAll Method method, @ForAll @IntRange(min = 0, max = 60) int seats,
            @ForAll("contenders") List<Contender> contenders, @ForAll java.util.Random random) {
        List<Contender> shuffled = new ArrayList<>(contenders);
        java.util.Collections.shuffle(shuffled, random);
        Apportionment a = Apportioner.apportion(method, seats, contenders);
        Apportionment b = Apportioner.apportion(method, seats, shuffled);
        assertThat(b.getClass()).isEqualTo(a.getClass());
        assertThat(b.seats()).isEqualTo(a.seats());
        if (a instanceof Apportionment.LotRequired l && b instanceof Apportionment.LotRequired m) {
            assertThat(m.tie().tied()).containsExactlyInAnyOrderElementsOf(l.tie().tied());
        }
    }

    @Property(tries = 300)
    void divisorResultIsReproducedByItsChosenDivisor(@ForAll("divisorMethods") Method method,
            @ForAll @IntRange(min = 1, max = 60) int seats, @ForAll("contenders") List<Contender> contenders) {
        Apportionment a = Apportioner.apportion(method, seats, contenders);
        if (!(a instanceof Apportionment.Decided) || a.explanation().divisor().isEmpty()) {
            return;
        }
        var span = a.explanation().divisor().get();
        assertThat(span.chosen()).isGreaterThan(span.lowExclusive());
        assertThat(span.chosen().compareTo(span.highInclusive())).isLessThanOrEqualTo(0);
        for (Contender c : contenders) {
            Rational q = Rational.of(c.votes()).divide(span.chosen());
            BigInteger rounded = method == Method.WEBSTER ? q.roundHalfUp() : q.floor();
            assertThat(rounded.intValueExact()).as(c.id()).isEqualTo(a.seatsOf(c.id()));
        }
    }

    @Property(tries = 300)
    void hamiltonStaysWithinQuota(@ForAll @IntRange(min = 0, max = 60) int seats,
            @ForAll("contenders") List<Contender> contenders) {
        Apportionment a = Apportioner.apportion(Method.HAMILTON, seats, contenders);
        long total = contenders.stream().mapToLong(Contender::votes).sum();
        if (total == 0) {
            return;
        }
        for (Contender c : contenders) {
            Rational share = Rational.of(c.votes()).multiply(seats).divide(total);
            int s = a.seatsOf(c.id());
            assertThat(BigInteger.valueOf(s)).isBetween(share.floor(), share.ceil());
        }
    }

    @Property(tries = 200)
    void divisorMethodsAreHouseMonotone(@ForAll("divisorMethods") Method method,
            @ForAll @IntRange(min = 0, max = 40) int seats, @ForAll("contenders") List<Contender> contenders) {
        Apportionment small = Apportioner.apportion(method, seats, contenders);
        Apportionment large = Apportioner.apportion(method, seats + 1, contenders);
        for (Contender c : contenders) {
            assertThat(large.seatsOf(c.id())).isGreaterThanOrEqualTo(small.seatsOf(c.id()));
        }
    }

    @Property(tries = 200)
    void capacityRedistributesOrLeavesVacant(@ForAll Method method, @ForAll @IntRange(min = 1, max = 30) int seats,
            @ForAll("contenders") List<Contender> contenders, @ForAll @IntRange(min = 0, max = 5) int cap) {
        List<Contender> capped = new ArrayList<>(contenders);
        capped.set(0, contenders.get(0).withCapacity(cap));
        Apportionment vacant = Apportioner.apportion(method, seats, capped, Lot.none(), Exhaustion.VACANT);
        Apportionment unlimited = Apportioner.apportion(method, seats, contenders);
        assertThat(vacant.seats()).isEqualTo(unlimited.seats());
        int expectedVacant = Math.max(0, unlimited.seatsOf("L0") - cap);
        assertThat(vacant.explanation().rows().getFirst().vacant()).isEqualTo(expectedVacant);

        Apportionment redistributed = Apportioner.apportion(method, seats, capped);
        assertThat(redistributed.seatsOf("L0")).isLessThanOrEqualTo(cap);
    }

    /**
     * Vote monotonicity of divisor methods: a list that gains votes, all other votes unchanged,
     * never loses a seat, and no other list gains one (Hare/Niemeyer does not guarantee this).
     */
    @Property(tries = 300)
    void divisorMethodsAreVoteMonotone(@ForAll("divisorMethods") Method method,
            @ForAll @IntRange(min = 0, max = 40) int seats, @ForAll("contenders") List<Contender> contenders,
            @ForAll @IntRange(min = 1, max = 500_000) int extra) {
        List<Contender> more = new ArrayList<>(contenders);
        more.set(0, Contender.of("L0", contenders.getFirst().votes() + extra));
        Apportionment before = Apportioner.apportion(method, seats, contenders);
        Apportionment after = Apportioner.apportion(method, seats, more);
        if (before.isDecided() && after.isDecided()) {
            assertThat(after.seatsOf("L0")).isGreaterThanOrEqualTo(before.seatsOf("L0"));
            for (Contender c : contenders.subList(1, contenders.size())) {
                assertThat(after.seatsOf(c.id())).isLessThanOrEqualTo(before.seatsOf(c.id()));
            }
        }
    }

    /** Negative votes, blank or duplicate ids and negative seat numbers are refused with a message naming them. */
    @org.junit.jupiter.api.Test
    void badInputIsRefusedWithAClearMessage() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Contender.of("CSU", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CSU").hasMessageContaining("-1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Contender.of(" ", 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Apportioner.apportion(Method.WEBSTER, -1,
                        List.of(Contender.of("A", 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative number of seats");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Apportioner.apportion(Method.DHONDT, 3,
                        List.of(Contender.of("A", 1), Contender.of("A", 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate contender id A");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new de.wahlwerk.core.seats.municipal.CouncilCandidate(
                        "Huber", -3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Huber");
    }
}
