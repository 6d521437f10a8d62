package de.wahlwerk.core.seats.municipal;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.seats.Apportioner;
import de.wahlwerk.core.seats.Apportionment;
import de.wahlwerk.core.seats.Contender;
import de.wahlwerk.core.seats.Lot;
import de.wahlwerk.core.seats.Lots;
import de.wahlwerk.core.seats.SeatOutcome;
import de.wahlwerk.core.seats.Tie;
import de.wahlwerk.core.seats.municipal.CouncilResult.ListOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Seats of a municipal council or Kreistag: lists by the Land's method, then each list's seats
 * to its candidates (by personal votes in open-list Länder, by list order otherwise); the others
 * are substitutes in the same order.
 *
 * <p>Lot keys: {@code "sitze"} (lists with equal claims; ids = list ids),
 * {@code "sitze:mehrheit"} (Sachsen's majority clause, see {@link CouncilMajority}) and
 * {@code "liste:<id>"} (candidates with equal votes; ids = candidate names).
 */
public final class CouncilElection {

    public static final String SEATS_LOT = "sitze";

    private CouncilElection() {}

    public static String listLotKey(String listId) {
        return "liste:" + listId;
    }

    public static SeatOutcome<CouncilResult> allocate(MunicipalLaw law, int seats, List<CouncilList> lists, Lots lots) {
        List<Contender> contenders = lists.stream()
                .map(l -> new Contender(l.id(), l.votes(), 0, l.candidates().size())).toList();
        Lot seatLot = lots.get(SEATS_LOT);
        Apportionment a = Apportioner.apportion(law.method(), seats, contenders, seatLot, law.exhaustion());
        if (a instanceof Apportionment.LotRequired l && law.listTieByCandidateVotes()) {
            // GLKrWG Art. 35 Abs. 2: first the votes of the candidates who would take the seat
            var byCandidates = orderByNextCandidate(l, lists, seatLot);
            if (byCandidates instanceof SeatOutcome.LotRequired<Lot> stop) {
                return new SeatOutcome.LotRequired<>(SEATS_LOT, stop.tie(), stop.reason());
            }
            a = Apportioner.apportion(law.method(), seats, contenders, byCandidates.orElseThrow(), law.exhaustion());
        }
        if (a instanceof Apportionment.LotRequired l) {
            return new SeatOutcome.LotRequired<>(SEATS_LOT, l.tie(), "tie between lists: lot (" + law + ")");
        }
        var majority = CouncilMajority.apply(law, contenders, (Apportionment.Decided) a, lots);
        if (majority instanceof SeatOutcome.LotRequired<CouncilMajority.Applied> stop) {
            return new SeatOutcome.LotRequired<>(stop.decision(), stop.tie(), stop.reason());
        }
        CouncilMajority.Applied applied = majority.orElseThrow();
        List<ListOutcome> outcomes = new ArrayList<>();
        for (CouncilList list : lists) {
            int s = applied.clause().seats().getOrDefault(list.id(), 0);
            var ranked = rank(law, list, s, lots.get(listLotKey(list.id())));
            if (ranked instanceof SeatOutcome.LotRequired<List<CouncilCandidate>> stop) {
                return new SeatOutcome.LotRequired<>(stop.decision(), stop.tie(), stop.reason());
            }
            List<CouncilCandidate> order = ranked.orElseThrow();
            int filled = Math.min(s, order.size());
            outcomes.add(new ListOutcome(list.id(), s, order.subList(0, filled), order.subList(filled, order.size()),
                    s - filled));
        }
        return new SeatOutcome.Decided<>(new CouncilResult(law, a, outcomes, applied));
    }

    /** Candidates in seat order; a tie that straddles the last seat needs a lot where the Land says so. */
    static SeatOutcome<List<CouncilCandidate>> rank(MunicipalLaw law, CouncilList list, int seats, Lot lot) {
        return rank(law.ranking(), law.candidateTie(), list, seats, lot, "GLKrWG Art. 36");
    }

    /** As above for a ranking and tie rule given directly; {@code rule} names the paragraph behind a lot. */
    static SeatOutcome<List<CouncilCandidate>> rank(Ranking ranking, CandidateTieRule tieRule, CouncilList list,
            int seats, Lot lot, String rule) {
        List<CouncilCandidate> order = new ArrayList<>(list.candidates());
        if (ranking == Ranking.LIST_ORDER) {
            return new SeatOutcome.Decided<>(order);
        }
        // stable sort: equal votes keep list order (BW KomWG § 26 Abs. 1, Sachsen KomWG § 21 Abs. 2)
        order.sort(Comparator.comparingLong(CouncilCandidate::votes).reversed());
        if (tieRule == CandidateTieRule.LOT) {
            // Bayern GLKrWG Art. 36: equal votes → lot. Groups of equal votes are ordered by the lot
            // when one is given; only a group that straddles the last seat must have one.
            int i = 0;
            while (i < order.size()) {
                int end = i;
                while (end < order.size() && order.get(end).votes() == order.get(i).votes()) {
                    end++;
                }
                if (end - i > 1) {
                    List<CouncilCandidate> group = order.subList(i, end);
                    List<String> names = group.stream().map(CouncilCandidate::name).toList();
                    Optional<List<String>> drawn = lot.order(names);
                    if (drawn.isPresent()) {
                        List<CouncilCandidate> sorted = drawn.get().stream()
                                .map(n -> group.stream().filter(c -> c.name().equals(n)).findFirst().orElseThrow())
                                .toList();
                        for (int k = 0; k < sorted.size(); k++) {
                            order.set(i + k, sorted.get(k));
                        }
                    } else if (i < seats && end > seats) {
                        return new SeatOutcome.LotRequired<>(listLotKey(list.id()),
                                new Tie(names, seats - i, Rational.of(order.get(i).votes())), rule);
                    }
                }
                i = end;
            }
        }
        return new SeatOutcome.Decided<>(order);
    }

    private static SeatOutcome<Lot> orderByNextCandidate(Apportionment.LotRequired l, List<CouncilList> lists,
            Lot userLot) {
        List<String> tied = l.tie().tied();
        List<long[]> votes = new ArrayList<>();
        for (String id : tied) {
            CouncilList list = lists.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            List<CouncilCandidate> sorted = new ArrayList<>(list.candidates());
            sorted.sort(Comparator.comparingLong(CouncilCandidate::votes).reversed());
            int next = l.seatsOf(id);
            votes.add(new long[] {next < sorted.size() ? sorted.get(next).votes() : 0});
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < tied.size(); i++) {
            idx.add(i);
        }
        idx.sort(Comparator.comparingLong((Integer i) -> votes.get(i)[0]).reversed());
        int contested = l.tie().contestedSeats();
        long boundary = votes.get(idx.get(contested - 1))[0];
        List<String> above = idx.stream().filter(i -> votes.get(i)[0] > boundary).map(tied::get).toList();
        List<String> atBoundary = idx.stream().filter(i -> votes.get(i)[0] == boundary).map(tied::get).toList();
        List<String> order = new ArrayList<>(above);
        if (above.size() + atBoundary.size() > contested) {
            Optional<List<String>> drawn = userLot.order(atBoundary);
            if (drawn.isEmpty()) {
                return new SeatOutcome.LotRequired<>(SEATS_LOT,
                        new Tie(atBoundary, contested - above.size(), Rational.of(boundary)),
                        "GLKrWG Art. 35 Abs. 2: equal candidate votes, lot");
            }
            order.addAll(drawn.get());
        } else {
            order.addAll(atBoundary);
        }
        idx.stream().map(tied::get).filter(id -> !order.contains(id)).forEach(order::add);
        return new SeatOutcome.Decided<>(new Lot(order));
    }
}
