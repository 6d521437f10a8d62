package de.wahlwerk.core.seats.municipal;

import de.wahlwerk.core.seats.Apportioner;
import de.wahlwerk.core.seats.Apportionment;
import de.wahlwerk.core.seats.Contender;
import de.wahlwerk.core.seats.Lots;
import de.wahlwerk.core.seats.MajorityClause;
import de.wahlwerk.core.seats.SeatOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a Land's municipal majority clause ({@link MajorityRule}) to a decided list
 * apportionment. Shared by {@link CouncilElection}, the command line and the server, which also
 * apportion list totals without candidates.
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
     *                     allocated again (KomWG § 21 Abs. 1 S. 5 Hs. 2)
     */
    public record Applied(MajorityClause.Result clause, Optional<Apportionment> redistribution) {}

    public static SeatOutcome<Applied> apply(MunicipalLaw law, List<Contender> contenders, Apportionment.Decided a,
            Lots lots) {
        MajorityClause.Result grown = MajorityClause.grow(a.seats(), contenders);
        if (grown.party().isEmpty() || law.majorityRule() == MajorityRule.NONE) {
            return new SeatOutcome.Decided<>(new Applied(MajorityClause.Result.unchanged(a.seats()), Optional.empty()));
        }
        if (law.majorityRule() == MajorityRule.GROW) {
            // GKWG § 10 Abs. 5: further seats until one more than half; the body grows by the difference
            return new SeatOutcome.Decided<>(new Applied(grown, Optional.empty()));
        }
        // KomWG § 21 Abs. 1 S. 5: "zunächst ein weiterer Sitz; danach noch zu vergebende Sitze
        // werden wieder nach Sätzen 2 bis 4 zugeteilt" — one seat more for the majority list, the rest
        // again by d'Hondt among the others (ties: lot, Satz 4)
        String party = grown.party().get();
        int house = a.seats().values().stream().mapToInt(Integer::intValue).sum();
        int majoritySeats = a.seatsOf(party) + 1;
        List<Contender> others = contenders.stream().filter(c -> !c.id().equals(party)).toList();
        Apportionment rest = Apportioner.apportion(law.method(), house - majoritySeats, others, lots.get(LOT_KEY),
                law.exhaustion());
        if (rest instanceof Apportionment.LotRequired l) {
            return new SeatOutcome.LotRequired<>(LOT_KEY, l.tie(), "KomWG § 21 Abs. 1 S. 4 and 5: lot");
        }
        Map<String, Integer> seats = new LinkedHashMap<>();
        for (Contender c : contenders) {
            seats.put(c.id(), c.id().equals(party) ? majoritySeats : rest.seatsOf(c.id()));
        }
        return new SeatOutcome.Decided<>(new Applied(
                new MajorityClause.Result(Optional.of(party), 1, house, seats), Optional.of(rest)));
    }
}
