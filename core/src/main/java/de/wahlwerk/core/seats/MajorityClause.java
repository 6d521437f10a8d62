package de.wahlwerk.core.seats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Majority clause that enlarges the body: a list with more than half of the votes of all
 * considered lists but not more than half of the seats gets further seats until it holds more
 * than half; the body grows by as many (BWG § 4 Abs. 4; BWG 2020 § 6 Abs. 7; Schleswig-Holstein
 * GKWG § 10 Abs. 5, e.g. Lägerdorf 2023: 17 → 19 seats).
 *
 * <p>The fixed-size variant of Sachsen (KomWG § 21 Abs. 1 S. 5) and NRW (KWahlG § 33 Abs. 4) is in
 * {@link de.wahlwerk.core.seats.municipal.CouncilMajority}.
 */
public final class MajorityClause {

    private MajorityClause() {}

    /**
     * @param party      the list that received extra seats, if the clause applied
     * @param extraSeats seats added to it (and to the body)
     * @param houseSize  size of the body afterwards
     * @param seats      seats per list afterwards
     */
    public record Result(Optional<String> party, int extraSeats, int houseSize, Map<String, Integer> seats) {
        public Result {
            seats = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seats));
        }

        /** The clause did not apply: the seats as they are. */
        public static Result unchanged(Map<String, Integer> seats) {
            return new Result(Optional.empty(), 0, seats.values().stream().mapToInt(Integer::intValue).sum(), seats);
        }
    }

    public static Result grow(Map<String, Integer> seats, List<Contender> contenders) {
        return grow(seats, contenders, 0, 0);
    }

    /**
     * @param seatsWithoutList seats held outside the lists (e.g. district winners without a list); they count
     *                         towards the size of the body the list needs more than half of
     * @param votesWithoutList valid votes not cast for a list (e.g. for independents); they count towards the
     *                         valid votes the list needs more than half of
     */
    public static Result grow(Map<String, Integer> seats, List<Contender> contenders, int seatsWithoutList,
            long votesWithoutList) {
        if (seatsWithoutList < 0 || votesWithoutList < 0) {
            throw new IllegalArgumentException("negative seats or votes without a list");
        }
        int house = seats.values().stream().mapToInt(Integer::intValue).sum() + seatsWithoutList;
        long total = contenders.stream().mapToLong(Contender::votes).sum() + votesWithoutList;
        for (Contender c : contenders) {
            int held = seats.getOrDefault(c.id(), 0);
            if (2 * c.votes() > total && 2 * held <= house) {
                // smallest k with 2(held + k) > house + k
                int extra = house - 2 * held + 1;
                Map<String, Integer> grown = new LinkedHashMap<>(seats);
                grown.put(c.id(), held + extra);
                return new Result(Optional.of(c.id()), extra, house + extra, grown);
            }
        }
        return new Result(Optional.empty(), 0, house, seats);
    }
}
