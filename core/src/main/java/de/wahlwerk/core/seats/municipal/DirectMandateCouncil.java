package de.wahlwerk.core.seats.municipal;

import de.wahlwerk.core.seats.Contender;
import de.wahlwerk.core.seats.Exhaustion;
import de.wahlwerk.core.seats.Lots;
import de.wahlwerk.core.seats.SeatOutcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Council with district winners and Reservelisten (NRW KWahlG § 33, Schleswig-Holstein GKWG
 * §§ 9, 10): the district winners are elected first; the size less the winners without a list is
 * apportioned over the list votes; a list's share less its district winners is filled from its
 * list in list order, skipping its district winners; Überhang/Mehrsitze make the body grow (see
 * {@link OverhangCompensation}); then the Land's majority clause is applied to that distribution
 * ({@link CouncilMajority}: NRW § 33 Abs. 4 Zusatzmandat at fixed size, GKWG § 10 Abs. 5 grows the body).
 *
 * <p>Input: the lists (votes and candidates in list order) and, per list id, the names of its
 * district winners ({@code winners}); {@code otherWinners} counts winners without a list
 * (independents, parties without Reserveliste). Lot keys: {@code "sitze"}, {@code "sitze:<n>"},
 * {@code "sitze:mehrheit"} (NRW's Zusatzmandat: the other lists' seats allocated again).
 */
public final class DirectMandateCouncil {

    private DirectMandateCouncil() {}

    /**
     * @param id             list id
     * @param seats          seats of the list in the final body (district + list seats)
     * @param districtWinners its district winners (elected first)
     * @param fromList       elected from the list, in list order
     * @param substitutes    the rest of the list, in list order (Listennachfolger)
     * @param vacant         list seats left empty because the list is exhausted
     */
    public record ListOutcome(String id, int seats, List<String> districtWinners, List<String> fromList,
            List<String> substitutes, int vacant) {
        public ListOutcome {
            districtWinners = List.copyOf(districtWinners);
            fromList = List.copyOf(fromList);
            substitutes = List.copyOf(substitutes);
        }
    }

    /**
     * @param law          the rules applied
     * @param statutorySize the size by law before deduction
     * @param otherWinners district winners without a list (deducted from the size)
     * @param compensation the apportionment at each size tried, overhang and compensation seats
     * @param lists        per list
     */
    public record Result(DirectMandateLaw law, int statutorySize, int otherWinners,
            OverhangCompensation.Result compensation, CouncilMajority.Applied majority, List<ListOutcome> lists) {
        public Result {
            lists = List.copyOf(lists);
        }

        /** Final seats per list: after overhang, compensation and the majority clause. */
        public Map<String, Integer> seats() {
            return majority.clause().seats();
        }

        /** All members: list seats plus the winners without a list. */
        public int houseSize() {
            return seats().values().stream().mapToInt(Integer::intValue).sum() + otherWinners;
        }

        public ListOutcome list(String id) {
            return lists.stream().filter(l -> l.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no list " + id));
        }
    }

    /** As {@link #allocate(DirectMandateLaw, int, List, Map, int, long, Lots)} with no votes outside the lists. */
    public static SeatOutcome<Result> allocate(DirectMandateLaw law, int seats, List<CouncilList> lists,
            Map<String, List<String>> winners, int otherWinners, Lots lots) {
        return allocate(law, seats, lists, winners, otherWinners, 0, lots);
    }

    /**
     * @param votesWithoutList valid votes of candidates without a list (independents, parties without
     *                         Reserveliste/Listenwahlvorschlag): only the majority clause counts them ("mehr als die
     *                         Hälfte der … gültigen Stimmen")
     */
    public static SeatOutcome<Result> allocate(DirectMandateLaw law, int seats, List<CouncilList> lists,
            Map<String, List<String>> winners, int otherWinners, long votesWithoutList, Lots lots) {
        if (otherWinners < 0 || otherWinners > seats) {
            throw new IllegalArgumentException("winners without a list: " + otherWinners + " of " + seats + " seats");
        }
        Set<String> ids = new HashSet<>();
        lists.forEach(l -> ids.add(l.id()));
        for (String id : winners.keySet()) {
            if (!ids.contains(id)) {
                throw new IllegalArgumentException("district winners for " + id
                        + ", which has no list: count them as winners without a list");
            }
        }
        List<Contender> contenders = lists.stream().map(l -> Contender.of(l.id(), l.votes())).toList();
        Map<String, Integer> won = new LinkedHashMap<>();
        winners.forEach((id, names) -> won.put(id, names.size()));
        // NRW § 33 Abs. 2 S. 1 / GKWG § 10 Abs. 2: the size less the winners without a list
        int base = seats - otherWinners;
        var grown = OverhangCompensation.grow(law.method(), base, contenders, won, law.maxExtraPerOverhang(),
                law.enlargement(), lots);
        if (grown instanceof SeatOutcome.LotRequired<OverhangCompensation.Result> l) {
            return new SeatOutcome.LotRequired<>(l.decision(), l.tie(), law.paragraph() + ": " + l.reason());
        }
        OverhangCompensation.Result c = grown.orElseThrow();
        // NRW § 33 Abs. 4 / GKWG § 10 Abs. 5 ("bei der Verteilung der Sitze nach den Absätzen 2 bis 4"): on the
        // distribution after overhang and compensation; district winners keep their seats
        List<Contender> withWinners = contenders.stream()
                .map(k -> k.withMinimum(Math.min(won.getOrDefault(k.id(), 0), c.seats().get(k.id())))).toList();
        var clause = CouncilMajority.apply(law.majorityRule(), law.method(), Exhaustion.REDISTRIBUTE,
                law.majorityParagraph(), withWinners, c.seats(), otherWinners, votesWithoutList, lots);
        if (clause instanceof SeatOutcome.LotRequired<CouncilMajority.Applied> l) {
            return new SeatOutcome.LotRequired<>(l.decision(), l.tie(), l.reason());
        }
        CouncilMajority.Applied majority = clause.orElseThrow();
        List<ListOutcome> out = new ArrayList<>();
        for (CouncilList list : lists) {
            List<String> direct = winners.getOrDefault(list.id(), List.of());
            int s = majority.clause().seats().get(list.id());
            List<String> rest = list.candidates().stream().map(CouncilCandidate::name)
                    .filter(n -> !direct.contains(n)).toList();
            int listSeats = s - direct.size();
            int filled = Math.min(listSeats, rest.size());
            out.add(new ListOutcome(list.id(), s, direct, rest.subList(0, filled), rest.subList(filled, rest.size()),
                    listSeats - filled));
        }
        return new SeatOutcome.Decided<>(new Result(law, seats, otherWinners, c, majority, out));
    }
}
