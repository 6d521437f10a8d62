package de.wahlwerk.core.seats.bundestag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The filling of a Landesliste's seats, one case per sentence of BWG § 6 Abs. 4 (2023) and § 48. */
class ListSeatsTest {

    private static final Optional<List<String>> LIST = Optional.of(List.of("A", "B", "C", "D", "E"));

    @Test
    void seatsGoToTheCandidatesInListOrderAndTheRestFollow() {
        // S. 1: in list order; § 48: the others are the successors, in the same order
        ListSeats.Filling f = ListSeats.fill(2, LIST, Set.of());
        assertThat(f.named()).isTrue();
        assertThat(f.elected()).containsExactly("A", "B");
        assertThat(f.vacant()).isZero();
        assertThat(f.substitutes()).containsExactly("C", "D", "E");
    }

    @Test
    void aCandidateElectedInAWahlkreisIsSkippedAndNotASuccessor() {
        // S. 2: B won a Wahlkreis and is elected there, so C takes the second list seat
        ListSeats.Filling f = ListSeats.fill(2, LIST, Set.of("B", "someone not on the list"));
        assertThat(f.elected()).containsExactly("A", "C");
        assertThat(f.substitutes()).containsExactly("D", "E");
    }

    @Test
    void anExhaustedListLeavesSeatsVacant() {
        // S. 3: 5 candidates, one elected in a Wahlkreis, 6 list seats: 4 filled, 2 vacant, no successor
        ListSeats.Filling f = ListSeats.fill(6, LIST, Set.of("D"));
        assertThat(f.elected()).containsExactly("A", "B", "C", "E");
        assertThat(f.vacant()).isEqualTo(2);
        assertThat(f.substitutes()).isEmpty();
    }

    @Test
    void noListSeatsLeaveEveryoneNotElectedAsSuccessor() {
        ListSeats.Filling f = ListSeats.fill(0, LIST, Set.of("A"));
        assertThat(f.elected()).isEmpty();
        assertThat(f.vacant()).isZero();
        assertThat(f.substitutes()).containsExactly("B", "C", "D", "E");
    }

    @Test
    void withoutCandidatesNobodyIsNamedAndNothingCountsAsVacant() {
        ListSeats.Filling f = ListSeats.fill(3, Optional.empty(), Set.of());
        assertThat(f.named()).isFalse();
        assertThat(f.elected()).isEmpty();
        assertThat(f.vacant()).isZero();
    }

    @Test
    void negativeListSeatsAreAProgrammingError() {
        assertThatThrownBy(() -> ListSeats.fill(-1, LIST, Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
