package de.wahlwerk.core.seats.direct;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.seats.Lot;
import de.wahlwerk.core.seats.SeatOutcome;
import de.wahlwerk.core.seats.Tie;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Direct election of a Bürgermeister or Landrat (ELECTORAL_LAW.md § 6). Equal votes that matter
 * (admission to the Stichwahl, the winner of the Stichwahl or of a relative-majority ballot)
 * are decided by lot; lot key {@link #LOT}.
 */
public final class MayorElection {

    public static final String LOT = "los";

    private MayorElection() {}

    /** First round: more than half of the valid votes (plus the Land's quorum of eligible voters) elects. */
    public static SeatOutcome<MayorOutcome> firstRound(MayorLaw law, List<CandidateVotes> votes, long eligible, Lot lot) {
        long valid = votes.stream().mapToLong(CandidateVotes::votes).sum();
        List<CandidateVotes> sorted = sorted(votes);
        if (!sorted.isEmpty()) {
            CandidateVotes top = sorted.getFirst();
            if (2 * top.votes() > valid && meetsQuorum(law, top.votes(), eligible)) {
                return new SeatOutcome.Decided<>(new MayorOutcome.Elected(top.candidate(), top.votes(),
                        Rational.of(top.votes(), valid), false));
            }
        }
        if (law.round2() == MayorLaw.Round2.NEW_BALLOT) {
            return new SeatOutcome.Decided<>(new MayorOutcome.NewBallot());
        }
        // Stichwahl of the two with the most votes; a tie for a place needs the lot
        var top = best(sorted, 2, lot, "Stichwahl admission: equal votes, lot");
        return switch (top) {
            case SeatOutcome.Decided<Picked>(Picked p) ->
                    new SeatOutcome.Decided<>(new MayorOutcome.Runoff(p.names(), p.byLot()));
            case SeatOutcome.LotRequired<Picked> l -> new SeatOutcome.LotRequired<>(l.decision(), l.tie(), l.reason());
        };
    }

    /**
     * Stichwahl (or Sachsen's second ballot): the most votes win; Brandenburg additionally requires
     * 15 % of the eligible voters, otherwise the council elects.
     */
    public static SeatOutcome<MayorOutcome> secondRound(MayorLaw law, List<CandidateVotes> votes, long eligible, Lot lot) {
        long valid = votes.stream().mapToLong(CandidateVotes::votes).sum();
        var top = best(sorted(votes), 1, lot, "equal votes in the decisive round, lot");
        if (top instanceof SeatOutcome.LotRequired<Picked> l) {
            return new SeatOutcome.LotRequired<>(l.decision(), l.tie(), l.reason());
        }
        Picked p = top.orElseThrow();
        String name = p.names().getFirst();
        long v = votes.stream().filter(c -> c.candidate().equals(name)).findFirst().orElseThrow().votes();
        if (!meetsQuorum(law, v, eligible)) {
            return new SeatOutcome.Decided<>(new MayorOutcome.CouncilElects());
        }
        return new SeatOutcome.Decided<>(new MayorOutcome.Elected(name, v, Rational.of(v, valid), p.byLot()));
    }

    private static boolean meetsQuorum(MayorLaw law, long votes, long eligible) {
        return law.eligibleQuorum().signum() == 0
                || Rational.of(votes).compareTo(law.eligibleQuorum().multiply(eligible)) >= 0;
    }

    private static List<CandidateVotes> sorted(List<CandidateVotes> votes) {
        List<CandidateVotes> s = new ArrayList<>(votes);
        s.sort(Comparator.comparingLong(CandidateVotes::votes).reversed());
        return s;
    }

    private record Picked(List<String> names, boolean byLot) {}

    private static SeatOutcome<Picked> best(List<CandidateVotes> sorted, int places, Lot lot, String reason) {
        if (sorted.size() <= places) {
            return new SeatOutcome.Decided<>(new Picked(sorted.stream().map(CandidateVotes::candidate).toList(), false));
        }
        long cut = sorted.get(places - 1).votes();
        if (sorted.get(places).votes() != cut) {
            return new SeatOutcome.Decided<>(
                    new Picked(sorted.subList(0, places).stream().map(CandidateVotes::candidate).toList(), false));
        }
        List<String> above = sorted.stream().filter(c -> c.votes() > cut).map(CandidateVotes::candidate).toList();
        List<String> tied = sorted.stream().filter(c -> c.votes() == cut).map(CandidateVotes::candidate).toList();
        Optional<List<String>> drawn = lot.order(tied);
        if (drawn.isEmpty()) {
            return new SeatOutcome.LotRequired<>(LOT, new Tie(tied, places - above.size(), Rational.of(cut)), reason);
        }
        List<String> names = new ArrayList<>(above);
        names.addAll(drawn.get().subList(0, places - above.size()));
        return new SeatOutcome.Decided<>(new Picked(names, true));
    }
}
