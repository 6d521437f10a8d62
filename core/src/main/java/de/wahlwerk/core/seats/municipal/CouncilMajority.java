package de.wahlwerk.core.seats.municipal;

import de.wahlwerk.core.seats.Apportioner;
import de.wahlwerk.core.seats.Apportionment;
import de.wahlwerk.core.seats.Contender;
import de.wahlwerk.core.seats.Exhaustion;
import de.wahlwerk.core.seats.Lots;
import de.wahlwerk.core.seats.MajorityClause;
import de.wahlwerk.core.seats.Method;
import de.wahlwerk.core.seats.SeatOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a Land's municipal majority clause ({@link MajorityRule}) to a decided list
 * apportionment. Shared by {@link CouncilElection}, {@link DirectMandateCouncil}, the command line
 * and the server, which also apportion list totals without candidates.
 *
 * <p>Lot key of the second apportionment under {@link MajorityRule#ONE_MORE_FIXED}:
 * {@value #LOT_KEY} (ids = the other lists).
 */
public final class CouncilMajority {

    public static final String LOT_KEY = "sitze:mehrheit";

    private CouncilMajority() {}

    /**
     * @param clause       party, extra seats, size of the body and seats per list afterwards
     *                     (no party when the clause did not apply)
     * @param redistribution under {@link MajorityRule#ONE_MORE_FIXED}: the other lists' seats
     *                     allocated again (KomWG § 21 Abs. 1 S. 5 Hs. 2; KWahlG NRW § 33 Abs. 4)
     */
    public record Applied(MajorityClause.Result clause, Optional<Apportionment> redistribution) {}

    public static SeatOutcome<Applied> apply(MunicipalLaw law, List<Contender> contenders, Apportionment.Decided a,
            Lots lots) {
        return apply(law.majorityRule(), law.method(), law.exhaustion(), law.majorityParagraph(), contenders,
                a.seats(), 0, 0, lots);
    }

    /**
     * @param contenders       the lists; under {@link MajorityRule#ONE_MORE_FIXED} a contender's
     *                         {@link Contender#minimumSeats()} (its district winners) is kept when the other
     *                         lists' seats are allocated again
     * @param seats            seats per list before the clause
     * @param seatsWithoutList seats outside the lists (winners without a list): part of the body
     * @param votesWithoutList valid votes not cast for a list: part of the valid votes
     */
    static SeatOutcome<Applied> apply(MajorityRule rule, Method method, Exhaustion exhaustion, String paragraph,
            List<Contender> contenders, Map<String, Integer> seats, int seatsWithoutList, long votesWithoutList,
            Lots lots) {
        MajorityClause.Result grown = MajorityClause.grow(seats, contenders, seatsWithoutList, votesWithoutList);
        if (grown.party().isEmpty() || rule == MajorityRule.NONE) {
            return new SeatOutcome.Decided<>(new Applied(MajorityClause.Result.unchanged(seats), Optional.empty()));
        }
        if (rule == MajorityRule.GROW) {
            // GKWG § 10 Abs. 5: further seats until one more than half; the body grows by the difference
            return new SeatOutcome.Decided<>(new Applied(grown, Optional.empty()));
        }
        String party = grown.party().get();
        int listSeats = seats.values().stream().mapToInt(Integer::intValue).sum();
        if (rule == MajorityRule.REMAINDER_SEAT_FIRST) {
            // NKWG § 36 Abs. 3, KWG Hessen § 22 Abs. 4: the first seat by remainders to the majority list, the others by
            // remainders
            var r = RemainderSeatFirst.apply(party, contenders, listSeats, lots.get(LOT_KEY), paragraph);
            if (r instanceof SeatOutcome.LotRequired<Map<String, Integer>> l) {
                return new SeatOutcome.LotRequired<>(l.decision(), l.tie(), l.reason());
            }
            return new SeatOutcome.Decided<>(new Applied(new MajorityClause.Result(Optional.of(party), 1,
                    listSeats + seatsWithoutList, r.orElseThrow()), Optional.empty()));
        }
        // KomWG § 21 Abs. 1 S. 5: "zunächst ein weiterer Sitz; danach noch zu vergebende Sitze werden wieder nach
        // Sätzen 2 bis 4 zugeteilt"; KWahlG NRW § 33 Abs. 4 (Zusatzmandat, size unchanged, per the Innenministerium's
        // description): one seat more for the majority list, the rest again by the Land's method among the others
        // (ties: lot). District winners of the others keep their seats (their minimum).
        int majoritySeats = seats.getOrDefault(party, 0) + 1;
        List<Contender> others = contenders.stream().filter(c -> !c.id().equals(party)).toList();
        int kept = others.stream().mapToInt(Contender::minimumSeats).sum();
        if (kept > listSeats - majoritySeats) {
            throw new IllegalStateException(paragraph + ": every seat of the other lists is a district seat, so no seat"
                    + " is left for the further seat of " + party + " — not settled by the text we verified");
        }
        Apportionment rest = Apportioner.apportion(method, listSeats - majoritySeats, others, lots.get(LOT_KEY),
                exhaustion);
        if (rest instanceof Apportionment.LotRequired l) {
            return new SeatOutcome.LotRequired<>(LOT_KEY, l.tie(), paragraph + ": lot among the other lists");
        }
        Map<String, Integer> after = new LinkedHashMap<>();
        for (Contender c : contenders) {
            after.put(c.id(), c.id().equals(party) ? majoritySeats : rest.seatsOf(c.id()));
        }
        return new SeatOutcome.Decided<>(new Applied(
                new MajorityClause.Result(Optional.of(party), 1, listSeats + seatsWithoutList, after), Optional.of(rest)));
    }
}
