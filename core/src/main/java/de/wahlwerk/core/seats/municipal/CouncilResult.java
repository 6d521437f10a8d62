package de.wahlwerk.core.seats.municipal;

import de.wahlwerk.core.seats.Apportionment;
import java.util.List;

/**
 * @param law          the rules applied
 * @param apportionment seats per list with the calculation
 * @param lists        per list: elected candidates, substitutes, vacant seats
 */
public record CouncilResult(MunicipalLaw law, Apportionment apportionment, List<ListOutcome> lists) {

    public CouncilResult {
        lists = List.copyOf(lists);
    }

    public ListOutcome list(String id) {
        return lists.stream().filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no list " + id));
    }

    /**
     * @param seats       seats of the list
     * @param elected     elected candidates in rank order
     * @param substitutes Ersatzpersonen/Listennachfolger in rank order
     * @param vacant      seats that stay empty because the list has too few candidates
     */
    public record ListOutcome(String id, int seats, List<CouncilCandidate> elected, List<CouncilCandidate> substitutes,
            int vacant) {
        public ListOutcome {
            elected = List.copyOf(elected);
            substitutes = List.copyOf(substitutes);
        }
    }
}
