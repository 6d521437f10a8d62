package de.wahlwerk.core.seats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The margins of the explanation rows are exact: with {@code votesToGain} more votes the contender
 * wins one more seat outright, with one vote fewer it does not; with {@code votesToLose} fewer
 * votes it loses its last seat, with one fewer than that it keeps it (or ties for it).
 */
class MarginsPropertiesTest {

    @Provide
    Arbitrary<List<Long>> votes() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 40), Arbitraries.longs().between(0, 500_000))
                .list().ofMinSize(2).ofMaxSize(7);
    }

    @Property(tries = 300)
    void marginsAreExact(@ForAll("votes") List<Long> votes, @ForAll @IntRange(min = 1, max = 40) int seats,
            @ForAll Method method) {
        List<Contender> cs = contenders(votes, -1, 0);
        Apportionment a = Apportioner.apportion(method, seats, cs);
        if (!a.isDecided()) {
            return;
        }
        for (int i = 0; i < cs.size(); i++) {
            var row = a.explanation().rows().get(i);
            assertThat(row.margin()).as("margin present").isPresent();
            var m = row.margin().orElseThrow();
            int s = row.seats();
            String id = row.id();
            if (m.votesToGain().isPresent()) {
                long g = m.votesToGain().getAsLong();
                assertThat(g).isPositive();
                Apportionment more = Apportioner.apportion(method, seats, contenders(votes, i, g));
                assertThat(more.isDecided() && more.seatsOf(id) >= s + 1 || !more.isDecided() && more.seatsOf(id) >= s + 1)
                        .as("%s %s: +%d votes gives seat %d (%s)", method, id, g, s + 1, votes).isTrue();
                Apportionment less = Apportioner.apportion(method, seats, contenders(votes, i, g - 1));
                assertThat(less.isDecided() && less.seatsOf(id) >= s + 1)
                        .as("%s %s: +%d votes is not yet enough (%s)", method, id, g - 1, votes).isFalse();
            }
            if (m.votesToLose().isPresent()) {
                long l = m.votesToLose().getAsLong();
                assertThat(l).isPositive().isLessThanOrEqualTo(votes.get(i));
                Apportionment fewer = Apportioner.apportion(method, seats, contenders(votes, i, -l));
                assertThat(fewer.seatsOf(id)).as("%s %s: −%d votes loses the seat (%s)", method, id, l, votes)
                        .isLessThanOrEqualTo(s - 1);
                if (l > 1) {
                    Apportionment keep = Apportioner.apportion(method, seats, contenders(votes, i, -(l - 1)));
                    assertThat(keep.isDecided() && keep.seatsOf(id) <= s - 1)
                            .as("%s %s: −%d votes still keeps or ties (%s)", method, id, l - 1, votes).isFalse();
                }
            }
        }
    }

    private static List<Contender> contenders(List<Long> votes, int changed, long delta) {
        List<Contender> cs = new ArrayList<>();
        for (int i = 0; i < votes.size(); i++) {
            cs.add(Contender.of("L" + i, votes.get(i) + (i == changed ? delta : 0)));
        }
        return cs;
    }
}
