package de.wahlwerk.core.seats.municipal;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.seats.Contender;
import de.wahlwerk.core.seats.Lot;
import de.wahlwerk.core.seats.SeatOutcome;
import de.wahlwerk.core.seats.Tie;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Hare/Niemeyer majority clause ({@link MajorityRule#REMAINDER_SEAT_FIRST}), NKWG Niedersachsen
 * § 36 Abs. 3: the list with more than half of the valid votes but not more than half of the seats
 * "wird … von den nach Zahlenbruchteilen zu vergebenden Sitzen … vorab ein weiterer Sitz zugeteilt.
 * Die weiteren zu vergebenden Sitze werden nach Absatz 2 Sätze 4 und 5 zugeteilt" — it takes the
 * first remainder seat, the other remainder seats go to the other lists in the order of their
 * remainders, equal remainders at the cut → lot (§ 36 Abs. 2 S. 5). Hessen KWG § 22 Abs. 4 gives the
 * remainder seats "abweichend von Abs. 3" in the same way (the majority list "erhielt vorab einen zusätzlichen
 * Sitz", BVerwG press release 32/2010; equal remainders → lot, § 22 Abs. 3 S. 4).
 *
 * <p>Such a list never holds a remainder seat of its own: with a quota above n/2 its whole seats
 * plus one are already more than half. So "vorab" moves it to the head of the remainder order and
 * the list with the smallest remainder that had one loses it. Exact in integers: remainders
 * {@code v·n mod V} share the denominator V.
 */
final class RemainderSeatFirst {

    private RemainderSeatFirst() {}

    /** Seats per list after the clause for {@code party}, or the lot among the other lists at the cut. */
    static SeatOutcome<Map<String, Integer>> apply(String party, List<Contender> contenders, int seats, Lot lot,
            String paragraph) {
        long total = contenders.stream().mapToLong(Contender::votes).sum();
        Map<String, Integer> whole = new LinkedHashMap<>();
        Map<String, Long> remainder = new LinkedHashMap<>();
        int given = 0;
        for (Contender c : contenders) {
            long product = Math.multiplyExact(c.votes(), (long) seats);
            whole.put(c.id(), Math.toIntExact(product / total));
            remainder.put(c.id(), product % total);
            given += whole.get(c.id());
        }
        int remainderSeats = seats - given;
        if (remainderSeats < 1) {
            throw new IllegalStateException(paragraph + ": no seat is left to be given by remainders");
        }
        List<String> others = new ArrayList<>(contenders.stream().map(Contender::id).filter(id -> !id.equals(party))
                .toList());
        others.sort(Comparator.comparing((String id) -> remainder.get(id)).reversed());
        int left = remainderSeats - 1; // the first one goes to the majority list
        Map<String, Integer> after = new LinkedHashMap<>(whole);
        after.merge(party, 1, Integer::sum);
        if (left > 0 && left < others.size()) {
            long cut = remainder.get(others.get(left - 1));
            List<String> tied = others.stream().filter(id -> remainder.get(id) == cut).toList();
            long above = others.stream().filter(id -> remainder.get(id) > cut).count();
            int contested = left - (int) above;
            if (tied.size() > contested) {
                Optional<List<String>> drawn = lot.order(tied);
                if (drawn.isEmpty()) {
                    return new SeatOutcome.LotRequired<>(CouncilMajority.LOT_KEY,
                            new Tie(tied, contested, Rational.of(cut, total)), paragraph + ": equal remainders among the other lists, lot");
                }
                others.stream().filter(id -> remainder.get(id) > cut).forEach(id -> after.merge(id, 1, Integer::sum));
                drawn.get().subList(0, contested).forEach(id -> after.merge(id, 1, Integer::sum));
                return new SeatOutcome.Decided<>(after);
            }
        }
        others.subList(0, Math.min(left, others.size())).forEach(id -> after.merge(id, 1, Integer::sum));
        return new SeatOutcome.Decided<>(after);
    }
}
