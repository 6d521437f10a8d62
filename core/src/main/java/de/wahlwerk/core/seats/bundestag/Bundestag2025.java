package de.wahlwerk.core.seats.bundestag;

import de.wahlwerk.core.seats.Apportioner;
import de.wahlwerk.core.seats.Apportionment;
import de.wahlwerk.core.seats.Contender;
import de.wahlwerk.core.seats.Lots;
import de.wahlwerk.core.seats.MajorityClause;
import de.wahlwerk.core.seats.Method;
import de.wahlwerk.core.seats.SeatOutcome;
import de.wahlwerk.core.seats.bundestag.ConstituencyOutcome.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bundestag seat distribution under the BWG as amended on 8.6.2023 (BGBl. 2023 I Nr. 147), with
 * the Grundmandatsklausel kept in force by BVerfG, Urteil v. 30.7.2024 – 2 BvF 1/23 — the law of
 * the 2025 election. No overhang and no compensation: Wahlkreis winners need second-vote coverage.
 *
 * <p>Lot keys: {@code "wahlkreis:<nr>"}, {@code "oberverteilung"}, {@code "unterverteilung:<party>"},
 * {@code "deckung:<land>:<party>"}.
 */
public final class Bundestag2025 {

    /** § 1 Abs. 1 BWG. */
    public static final int HOUSE_SIZE = 630;

    private Bundestag2025() {}

    public static SeatOutcome<Bundestag2025Result> allocate(BundestagVotes votes, Lots lots) {
        return allocate(HOUSE_SIZE, votes, lots);
    }

    public static SeatOutcome<Bundestag2025Result> allocate(int houseSize, BundestagVotes votes, Lots lots) {
        // § 6 Abs. 3 S. 1: plurality per Wahlkreis, lot on equal votes
        var plurality = Plurality.winners(votes.constituencies(), lots);
        if (!(plurality instanceof SeatOutcome.Decided<List<ConstituencyWinner>>(var winners))) {
            return relay(plurality);
        }

        // § 6 Abs. 2: winners nominated by voters are elected; § 4 Abs. 1 S. 2: their seats are
        // deducted; § 4 Abs. 2 S. 2 Nr. 1: the second votes of their voters do not count
        List<ConstituencyWinner> independents = winners.stream().filter(w -> w.candidate().isIndependent()).toList();
        Map<String, Long> deducted = new HashMap<>();
        for (ConstituencyWinner w : independents) {
            w.candidate().voterSecondVotes().forEach((party, n) ->
                    deducted.merge(key(w.constituency().land(), party), n, Long::sum));
        }

        // § 4 Abs. 2 S. 2 Nr. 2, S. 3 with BVerfG 2 BvF 1/23: threshold and exemptions
        List<ThresholdDecision> threshold = Threshold.decide(votes, winners);
        Set<String> admitted = threshold.stream().filter(ThresholdDecision::admitted)
                .map(ThresholdDecision::party).collect(Collectors.toSet());

        Map<String, List<Contender>> listsByParty = new LinkedHashMap<>();
        for (LandList l : votes.lists()) {
            if (admitted.contains(l.party())) {
                long counted = l.secondVotes() - deducted.getOrDefault(key(l.land(), l.party()), 0L);
                listsByParty.computeIfAbsent(l.party(), p -> new ArrayList<>()).add(Contender.of(l.land(), counted));
            }
        }
        List<Contender> parties = listsByParty.entrySet().stream()
                .map(e -> Contender.of(e.getKey(), e.getValue().stream().mapToLong(Contender::votes).sum()))
                .toList();

        // § 4 Abs. 2 S. 1, § 5: Oberverteilung by Sainte-Laguë/Schepers, iterative procedure
        int partySeats = houseSize - independents.size();
        Apportionment ober = Apportioner.iterative(Method.WEBSTER, partySeats, parties, lots.get("oberverteilung"));
        if (ober instanceof Apportionment.LotRequired l) {
            return new SeatOutcome.LotRequired<>("oberverteilung", l.tie(), "BWG § 5 Abs. 3 S. 2");
        }
        // § 4 Abs. 4: majority clause, the Bundestag grows by the extra seats
        MajorityClause.Result majority = MajorityClause.grow(ober.seats(), parties);
        Map<String, Integer> seatsPerParty = majority.seats();

        // § 4 Abs. 3: Unterverteilung to the Landeslisten, again § 5
        Map<String, Apportionment> unter = new LinkedHashMap<>();
        for (var e : listsByParty.entrySet()) {
            String party = e.getKey();
            String lotKey = "unterverteilung:" + party;
            Apportionment a = Apportioner.iterative(Method.WEBSTER, seatsPerParty.get(party), e.getValue(), lots.get(lotKey));
            if (a instanceof Apportionment.LotRequired l) {
                return new SeatOutcome.LotRequired<>(lotKey, l.tie(), "BWG § 5 Abs. 3 S. 2");
            }
            unter.put(party, a);
        }

        // § 6 Abs. 1: second-vote coverage per Landesliste; § 6 Abs. 4: the rest from the list
        Map<String, List<ConstituencyWinner>> partyWinnersByList = new LinkedHashMap<>();
        for (ConstituencyWinner w : winners) {
            w.candidate().party().ifPresent(p ->
                    partyWinnersByList.computeIfAbsent(key(w.constituency().land(), p), k -> new ArrayList<>()).add(w));
        }
        Map<ConstituencyWinner, Integer> rankOf = new HashMap<>();
        Map<ConstituencyWinner, Boolean> coveredOf = new HashMap<>();
        List<LandListResult> landLists = new ArrayList<>();
        for (LandList l : votes.lists()) {
            if (!admitted.contains(l.party())) {
                continue;
            }
            int seats = unter.get(l.party()).seatsOf(l.land());
            List<ConstituencyWinner> own = partyWinnersByList.getOrDefault(key(l.land(), l.party()), List.of());
            var ranking = SecondVoteCoverage.rank(l.land(), l.party(), seats, own,
                    lots.get(SecondVoteCoverage.lotKey(l.land(), l.party())));
            if (!(ranking instanceof SeatOutcome.Decided<List<ConstituencyWinner>>(var ranked))) {
                return relay(ranking);
            }
            int covered = Math.min(seats, ranked.size());
            for (int i = 0; i < ranked.size(); i++) {
                rankOf.put(ranked.get(i), i + 1);
                coveredOf.put(ranked.get(i), i < covered);
            }
            // § 6 Abs. 4 S. 2: only the winners elected under Abs. 1 (covered) are skipped on the list
            Set<String> electedInWk = ranked.subList(0, covered).stream().map(w -> w.candidate().personOnList())
                    .collect(Collectors.toSet());
            ListSeats.Filling filling = ListSeats.fill(seats - covered, l.candidates(), electedInWk);
            landLists.add(new LandListResult(l.land(), l.party(), seats, ranked, covered, seats - covered, filling));
        }

        List<ConstituencyOutcome> outcomes = new ArrayList<>();
        Set<String> listKeys = votes.lists().stream().map(l -> key(l.land(), l.party())).collect(Collectors.toSet());
        for (ConstituencyWinner w : winners) {
            Status status;
            if (w.candidate().isIndependent()) {
                status = Status.ELECTED_INDEPENDENT;
            } else if (!admitted.contains(w.candidate().party().get())) {
                status = Status.PARTY_NOT_ADMITTED;
            } else if (!listKeys.contains(key(w.constituency().land(), w.candidate().party().get()))) {
                status = Status.NO_LAND_LIST;
            } else {
                status = coveredOf.get(w) ? Status.ELECTED_COVERED : Status.NOT_COVERED;
            }
            Integer rank = rankOf.get(w);
            outcomes.add(new ConstituencyOutcome(w, status, rank == null ? OptionalInt.empty() : OptionalInt.of(rank)));
        }
        return new SeatOutcome.Decided<>(new Bundestag2025Result(majority.houseSize() + independents.size(),
                threshold, independents, ober, majority, unter, landLists, outcomes, seatsPerParty));
    }

    private static String key(String land, String party) {
        return land + "\u0000" + party;
    }

    private static <T> SeatOutcome<T> relay(SeatOutcome<?> stopped) {
        if (stopped instanceof SeatOutcome.LotRequired<?> l) {
            return new SeatOutcome.LotRequired<>(l.decision(), l.tie(), l.reason());
        }
        throw new IllegalStateException("not a lot outcome: " + stopped);
    }
}
