package de.wahlwerk.core.seats.municipal;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.seats.Apportioner;
import de.wahlwerk.core.seats.Apportionment;
import de.wahlwerk.core.seats.Contender;
import de.wahlwerk.core.seats.Lots;
import de.wahlwerk.core.seats.SeatOutcome;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fixed-size majority clauses on random councils with a list of more than half of the votes:
 * NKWG § 36 Abs. 3 (Hare/Niemeyer, first remainder seat) and KWahlG NRW § 33 Abs. 4 (Zusatzmandat,
 * Sainte-Laguë): the size stays, the majority list gains exactly one seat, the others lose one in
 * total; under Hare/Niemeyer the list then holds more than half and the losing list is one that had
 * a remainder seat.
 */
class CouncilMajorityPropertiesTest {

    record Council(int seats, List<Contender> lists) {}

    @Provide
    Arbitrary<Council> councils() {
        return Combinators.combine(Arbitraries.integers().between(5, 60),
                Arbitraries.longs().between(1, 20_000).list().ofMinSize(1).ofMaxSize(6),
                Arbitraries.longs().between(1, 5_000)).as((seats, others, extra) -> {
                    long sum = others.stream().mapToLong(Long::longValue).sum();
                    List<Contender> lists = new ArrayList<>();
                    lists.add(Contender.of("M", sum + extra)); // more than half of all votes
                    for (int i = 0; i < others.size(); i++) {
                        lists.add(Contender.of("L" + i, others.get(i)));
                    }
                    return new Council(seats, lists);
                });
    }

    @Property(tries = 300)
    void oneSeatMovesToTheMajorityListAndTheSizeStays(@ForAll("councils") Council c) {
        for (MunicipalLaw law : List.of(MunicipalLaw.NIEDERSACHSEN, MunicipalLaw.NORDRHEIN_WESTFALEN)) {
            Apportionment a = Apportioner.apportion(law.method(), c.seats(), c.lists(), Lots.none().get("sitze"),
                    law.exhaustion());
            if (!(a instanceof Apportionment.Decided d)) {
                continue;
            }
            var outcome = CouncilMajority.apply(law, c.lists(), d, Lots.none());
            if (!(outcome instanceof SeatOutcome.Decided<CouncilMajority.Applied> applied)) {
                continue; // a lot among the others; covered by the unit tests
            }
            var after = applied.result().clause().seats();
            assertThat(after.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(c.seats());
            if (2 * d.seatsOf("M") > c.seats()) {
                assertThat(applied.result().clause().party()).isEmpty();
                assertThat(after).isEqualTo(d.seats());
                continue;
            }
            assertThat(after.get("M")).isEqualTo(d.seatsOf("M") + 1);
            if (law == MunicipalLaw.NIEDERSACHSEN) {
                assertThat(2 * after.get("M")).isGreaterThan(c.seats());
                // exactly one other list loses exactly one seat, nobody else changes
                long losers = c.lists().stream().filter(l -> !l.id().equals("M"))
                        .filter(l -> after.get(l.id()) == d.seatsOf(l.id()) - 1).count();
                long unchanged = c.lists().stream().filter(l -> !l.id().equals("M"))
                        .filter(l -> after.get(l.id()) == d.seatsOf(l.id())).count();
                assertThat(losers).isEqualTo(1);
                assertThat(losers + unchanged).isEqualTo(c.lists().size() - 1);
            }
        }
    }
}
