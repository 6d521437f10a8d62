package de.wahlwerk.core.seats.bundestag;

import de.wahlwerk.core.seats.Apportioner;
import de.wahlwerk.core.seats.Apportionment;
import de.wahlwerk.core.seats.Contender;
import de.wahlwerk.core.seats.Lots;
import de.wahlwerk.core.seats.Method;
import de.wahlwerk.core.seats.SeatOutcome;
import de.wahlwerk.core.seats.bundestag.Bundestag2021Result.ListClaim;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bundestag seat distribution under the BWG as amended by the law of 14.11.2020 (used in 2021):
 * 598 seats, Sitzkontingente of the Länder, overhang and compensation seats, up to three
 * overhang seats left unbalanced (§ 6 a.F.). The increase of § 6 Abs. 5 follows the procedure in
 * ELECTORAL_LAW.md § 3.2, which reproduces the Bundeswahlleiter's official 2021 result.
 *
 * <p>Not implemented here: the majority clause § 6 Abs. 7 a.F.; the deduction of independent
 * winners (§ 6 Abs. 1 S. 2, 3 a.F.) is taken off the whole of 598 and from the second votes, but
 * how a Land's contingent is reduced is not verified (none occurred in 2021).
 *
 * <p>Lot keys: {@code "wahlkreis:<nr>"}, {@code "sitzkontingente"}, {@code "erste:<land>"},
 * {@code "zweite:<n>"}, {@code "unterverteilung:<party>"}.
 */
public final class Bundestag2021 {

    public static final int BASE_SIZE = 598;
    /** § 6 Abs. 5 S. 4 a.F.: up to three overhang seats stay unconsidered. */
    public static final int UNBALANCED_OVERHANG_LIMIT = 3;

    private Bundestag2021() {}

    /**
     * @param population German population per Land (Bevölkerung, § 6 Abs. 2 S. 1 a.F.), key = Land
     *                   as in {@link LandList#land()}, in the order the result should list them
     */
    public static SeatOutcome<Bundestag2021Result> allocate(BundestagVotes votes, Map<String, Long> population, Lots lots) {
        var plurality = Plurality.winners(votes.constituencies(), lots);
        if (!(plurality instanceof SeatOutcome.Decided<List<ConstituencyWinner>>(var winners))) {
            return lot(plurality);
        }
        List<ThresholdDecision> threshold = Threshold.decide(votes, winners);
        Set<String> admitted = threshold.stream().filter(ThresholdDecision::admitted)
                .map(ThresholdDecision::party).collect(Collectors.toSet());
        Set<String> listKeys = votes.lists().stream().map(l -> key(l.land(), l.party())).collect(Collectors.toSet());

        // § 6 Abs. 1 S. 2, 3 a.F.: winners who are independent or whose party has no list seats are
        // deducted, and their voters' second votes do not count
        Map<String, Integer> wk = new HashMap<>();
        Map<String, Set<String>> wkPersons = new HashMap<>();
        int deductedSeats = 0;
        Map<String, Long> deductedVotes = new HashMap<>();
        for (ConstituencyWinner w : winners) {
            String land = w.constituency().land();
            boolean partySeat = w.candidate().party().filter(admitted::contains)
                    .filter(p -> listKeys.contains(key(land, p))).isPresent();
            if (partySeat) {
                wk.merge(key(land, w.candidate().party().get()), 1, Integer::sum);
                wkPersons.computeIfAbsent(key(land, w.candidate().party().get()), k -> new HashSet<>())
                        .add(w.candidate().personOnList());
            } else {
                deductedSeats++;
                w.candidate().voterSecondVotes().forEach((p, n) -> deductedVotes.merge(key(land, p), n, Long::sum));
            }
        }

        // § 6 Abs. 2 S. 1 a.F.: Sitzkontingente by population
        List<Contender> laender = population.entrySet().stream().map(e -> Contender.of(e.getKey(), e.getValue())).toList();
        Apportionment kontingente = Apportioner.iterative(Method.WEBSTER, BASE_SIZE - deductedSeats, laender,
                lots.get("sitzkontingente"));
        if (kontingente instanceof Apportionment.LotRequired l) {
            return new SeatOutcome.LotRequired<>("sitzkontingente", l.tie(), "BWG § 6 Abs. 2 S. 3 a.F.");
        }

        // § 6 Abs. 2 S. 2 a.F.: each contingent to the eligible Landeslisten
        Map<String, List<Contender>> listsByLand = new LinkedHashMap<>();
        Map<String, List<Contender>> listsByParty = new LinkedHashMap<>();
        for (LandList l : votes.lists()) {
            if (admitted.contains(l.party())) {
                long counted = l.secondVotes() - deductedVotes.getOrDefault(key(l.land(), l.party()), 0L);
                listsByLand.computeIfAbsent(l.land(), x -> new ArrayList<>()).add(Contender.of(l.party(), counted));
                listsByParty.computeIfAbsent(l.party(), x -> new ArrayList<>()).add(Contender.of(l.land(), counted));
            }
        }
        Map<String, Apportionment> first = new LinkedHashMap<>();
        for (var e : listsByLand.entrySet()) {
            String lotKey = "erste:" + e.getKey();
            Apportionment a = Apportioner.iterative(Method.WEBSTER, kontingente.seatsOf(e.getKey()), e.getValue(),
                    lots.get(lotKey));
            if (a instanceof Apportionment.LotRequired l) {
                return new SeatOutcome.LotRequired<>(lotKey, l.tie(), "BWG § 6 Abs. 2 S. 3 a.F.");
            }
            first.put(e.getKey(), a);
        }

        // § 6 Abs. 4, 5 a.F.: Mindestsitzzahl per list, minimum claim per party
        Map<String, Integer> claim = new LinkedHashMap<>();
        Map<String, Integer> threat = new LinkedHashMap<>();
        Map<String, Integer> minimum = new HashMap<>();
        for (var e : listsByParty.entrySet()) {
            int sumMsz = 0;
            int sumSk = 0;
            int sumThreat = 0;
            for (Contender l : e.getValue()) {
                int w = wk.getOrDefault(key(l.id(), e.getKey()), 0);
                int sk = first.get(l.id()).seatsOf(e.getKey());
                int msz = Math.max(w, (w + sk + 1) / 2);
                minimum.put(key(l.id(), e.getKey()), msz);
                sumMsz += msz;
                sumSk += sk;
                sumThreat += Math.max(0, w - sk);
            }
            claim.put(e.getKey(), Math.max(sumMsz, sumSk));
            threat.put(e.getKey(), sumThreat);
        }
        List<Contender> parties = listsByParty.entrySet().stream()
                .map(e -> Contender.of(e.getKey(), e.getValue().stream().mapToLong(Contender::votes).sum())).toList();

        // § 6 Abs. 5, 6 a.F.: increase until every party's claim is met, up to three overhang seats unconsidered
        int base = BASE_SIZE - deductedSeats;
        int upper = base + claim.values().stream().mapToInt(Integer::intValue).sum() * 2 + 10;
        for (int n = base; n <= upper; n++) {
            String secondLot = "zweite:" + n;
            Apportionment second = Apportioner.iterative(Method.WEBSTER, n, parties, lots.get(secondLot));
            Set<String> tied = second instanceof Apportionment.LotRequired l ? Set.copyOf(l.tie().tied()) : Set.of();
            Map<String, Integer> lack = new LinkedHashMap<>();
            boolean ok = true;
            int totalLack = 0;
            for (Contender p : parties) {
                // with a pending lot, judge by the most favourable outcome for each tied party
                int seatsIfLucky = second.seatsOf(p.id()) + (tied.contains(p.id()) ? 1 : 0);
                int l = Math.max(0, claim.get(p.id()) - seatsIfLucky);
                lack.put(p.id(), l);
                totalLack += l;
                ok &= l <= threat.get(p.id());
            }
            if (!ok || totalLack > UNBALANCED_OVERHANG_LIMIT) {
                continue; // this size fails whatever the lot says
            }
            if (second instanceof Apportionment.LotRequired l) {
                return new SeatOutcome.LotRequired<>(secondLot, l.tie(), "BWG § 6 Abs. 2 S. 3 a.F.");
            }
            Map<String, Integer> seats = new LinkedHashMap<>();
            for (Contender p : parties) {
                seats.put(p.id(), second.seatsOf(p.id()) + lack.get(p.id()));
            }
            // § 6 Abs. 6 S. 2 a.F.: Unterverteilung, each list at least its Mindestsitzzahl
            Map<String, Apportionment> unter = new LinkedHashMap<>();
            for (var e : listsByParty.entrySet()) {
                String party = e.getKey();
                List<Contender> withMinimum = e.getValue().stream()
                        .map(c -> c.withMinimum(minimum.get(key(c.id(), party)))).toList();
                String lotKey = "unterverteilung:" + party;
                Apportionment a = Apportioner.apportion(Method.WEBSTER, seats.get(party), withMinimum, lots.get(lotKey));
                if (a instanceof Apportionment.LotRequired l) {
                    return new SeatOutcome.LotRequired<>(lotKey, l.tie(), "BWG § 6 Abs. 2 S. 3 a.F.");
                }
                unter.put(party, a);
            }
            // § 6 Abs. 6 a.F.: the Wahlkreis seats are deducted, the rest filled from the list in
            // its order, winners elected in a Wahlkreis skipped, seats beyond the candidates vacant
            Map<String, LandList> listOf = new HashMap<>();
            votes.lists().forEach(l -> listOf.put(key(l.land(), l.party()), l));
            List<ListClaim> claims = new ArrayList<>();
            for (var e : listsByParty.entrySet()) {
                for (Contender l : e.getValue()) {
                    String k = key(l.id(), e.getKey());
                    int finalSeats = unter.get(e.getKey()).seatsOf(l.id());
                    int constituencySeats = wk.getOrDefault(k, 0);
                    ListSeats.Filling filling = ListSeats.fill(Math.max(0, finalSeats - constituencySeats),
                            listOf.get(k).candidates(), wkPersons.getOrDefault(k, Set.of()));
                    claims.add(new ListClaim(l.id(), e.getKey(), constituencySeats,
                            first.get(l.id()).seatsOf(e.getKey()), minimum.get(k), finalSeats, filling));
                }
            }
            int house = seats.values().stream().mapToInt(Integer::intValue).sum() + deductedSeats;
            return new SeatOutcome.Decided<>(new Bundestag2021Result(house, threshold, kontingente, first, claims, n,
                    second, lack, unter, seats));
        }
        throw new IllegalStateException("no admissible house size up to " + upper);
    }

    private static String key(String land, String party) {
        return land + "\u0000" + party;
    }

    private static <T> SeatOutcome<T> lot(SeatOutcome<?> stopped) {
        if (stopped instanceof SeatOutcome.LotRequired<?> l) {
            return new SeatOutcome.LotRequired<>(l.decision(), l.tie(), l.reason());
        }
        throw new IllegalStateException("not a lot outcome: " + stopped);
    }
}
