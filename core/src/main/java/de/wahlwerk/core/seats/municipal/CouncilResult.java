package de.wahlwerk.core.seats.municipal;

import de.wahlwerk.core.seats.Apportionment;
import de.wahlwerk.core.seats.MajorityClause;
import java.util.List;
import java.util.Optional;

/**
 * @param law          the rules applied
 * @param apportionment seats per list with the calculation
 * @param lists        per list: elected candidates, substitutes, vacant seats (seats after the majority clause)
 * @param majority     the Land's majority clause as applied (no party when it did not apply)
 */
public record CouncilResult(MunicipalLaw law, Apportionment apportionment, List<ListOutcome> lists,
        CouncilMajority.Applied majority) {

    public CouncilResult {
        lists = List.copyOf(lists);
    }

    public CouncilResult(MunicipalLaw law, Apportionment apportionment, List<ListOutcome> lists) {
        this(law, apportionment, lists,
                new CouncilMajority.Applied(MajorityClause.Result.unchanged(apportionment.seats()), Optional.empty()));
    }

    /** Size of the body: the statutory size, or larger after GKWG § 10 Abs. 5. */
    public int houseSize() {
        return majority.clause().houseSize();
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
