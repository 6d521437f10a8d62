package de.wahlwerk.core.seats.municipal;

import de.wahlwerk.core.seats.Apportioner;
import de.wahlwerk.core.seats.Apportionment;
import de.wahlwerk.core.seats.Contender;
import de.wahlwerk.core.seats.Exhaustion;
import de.wahlwerk.core.seats.Lots;
import de.wahlwerk.core.seats.Method;
import de.wahlwerk.core.seats.SeatOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Baden-Württemberg council with unechte Teilortswahl (GemO § 27 Abs. 2; KomWG § 25 Abs. 2,
 * § 26 Abs. 2).
 *
 * <ol>
 * <li>Per Wohnbezirk, its seats (Hauptsatzung) go to the lists by Sainte-Laguë/Schepers over the
 *     votes of each list's candidates for that Wohnbezirk; equal highest averages → lot
 *     (KomWG § 25 Abs. 2 S. 1–4) [V-SEC: statute text, Wolters Kluwer].</li>
 * <li>All seats of the municipality go to the lists by their Gesamtstimmenzahl; the Wohnbezirk seats
 *     count towards them (S. 5–6) [V-SEC].</li>
 * <li>A list with more Wohnbezirk seats than its share keeps them (Mehrsitze); the body grows by
 *     Ausgleichssitze until the shares cover them, at most twice as many Ausgleichssitze as
 *     Mehrsitze (S. 7 ff.) [UNV: the source text breaks off at "Wurden einem Wahlvorschlag in den
 *     Wohnbezirken insgesamt mehr Sitze zu…"; the growth rule and the cap are our reading, the
 *     same as {@link OverhangCompensation}].</li>
 * <li>Within a list, each Wohnbezirk's seats go to its candidates for that Wohnbezirk by personal
 *     votes, equal votes → list order (KomWG § 26 Abs. 2 S. 1–2); the further seats of step 3 go to
 *     the list's candidates not yet elected, of any Wohnbezirk, by votes, equal votes → lot
 *     (S. 4); the others are Ersatzpersonen by votes, per Wohnbezirk (S. 3) and overall (S. 5)
 *     [V-SEC: statute text, anwalt24.de].</li>
 * </ol>
 * A list with fewer candidates in a Wohnbezirk than seats won there leaves the rest vacant
 * (as {@link MunicipalLaw#BADEN_WUERTTEMBERG}, [UNV]).
 *
 * <p>Lot keys: {@code "wohnbezirk:<name>"} (list ids), {@code "sitze"}, {@code "sitze:<n>"} (list
 * ids), {@code "liste:<id>"} (candidate names, further seats).
 */
public final class Teilortswahl {

    /**
     * KomWG § 25 Abs. 2 S. 7 ff.: at most this many further seats per Mehrsitz [UNV]. The only model found is the
     * Schleswig-Holstein wording of 2008 (GKWG § 10 Abs. 4), which counted the Mehrsitz list's own further seats
     * (OVG Schleswig 2 LB 28/09) and which S-H has since dropped (docs/SEATS.md, third pass): check this first.
     */
    public static final int MAX_AUSGLEICH_PER_MEHRSITZ = 2;

    private Teilortswahl() {}

    public static String wohnbezirkLotKey(String wohnbezirk) {
        return "wohnbezirk:" + wohnbezirk;
    }

    /**
     * @param id          list id
     * @param seats       all seats of the list
     * @param byWohnbezirk per Wohnbezirk: its seats there, the elected and the Ersatzpersonen for it
     * @param further     elected to the further seats (Ausgleichssitze; § 26 Abs. 2 S. 4), in rank order
     * @param substitutes Ersatzpersonen for the further seats, by votes (S. 5)
     * @param vacant      seats left empty because the list had too few candidates
     */
    public record ListOutcome(String id, int seats, Map<String, WohnbezirkSeats> byWohnbezirk,
            List<CouncilCandidate> further, List<CouncilCandidate> substitutes, int vacant) {
        public ListOutcome {
            byWohnbezirk = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byWohnbezirk));
            further = List.copyOf(further);
            substitutes = List.copyOf(substitutes);
        }
    }

    public record WohnbezirkSeats(int seats, List<CouncilCandidate> elected, List<CouncilCandidate> substitutes) {
        public WohnbezirkSeats {
            elected = List.copyOf(elected);
            substitutes = List.copyOf(substitutes);
        }
    }

    /**
     * @param wohnbezirke  the apportionment of each Wohnbezirk's seats (KomWG § 25 Abs. 2 S. 1–4)
     * @param overall      the apportionment over the Gesamtstimmenzahlen at each size, Mehrsitze, Ausgleichssitze
     * @param lists        per list
     */
    public record Result(Map<String, Apportionment> wohnbezirke, OverhangCompensation.Result overall,
            List<ListOutcome> lists) {
        public Result {
            wohnbezirke = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(wohnbezirke));
            lists = List.copyOf(lists);
        }

        public int houseSize() {
            return overall.houseSize();
        }

        public ListOutcome list(String id) {
            return lists.stream().filter(l -> l.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no list " + id));
        }
    }

    /**
     * @param wohnbezirkSeats seats per Wohnbezirk as fixed in the Hauptsatzung (GemO § 27 Abs. 2 S. 2);
     *                        their sum is the size of the council
     */
    public static SeatOutcome<Result> allocate(Map<String, Integer> wohnbezirkSeats, List<TeilortList> lists,
            Lots lots) {
        for (TeilortList l : lists) {
            for (String w : l.byWohnbezirk().keySet()) {
                if (!wohnbezirkSeats.containsKey(w)) {
                    throw new IllegalArgumentException("list " + l.id() + " names an unknown Wohnbezirk " + w);
                }
            }
        }
        // 1. each Wohnbezirk (§ 25 Abs. 2 S. 1–4)
        Map<String, Apportionment> byWohnbezirk = new LinkedHashMap<>();
        Map<String, Integer> won = new LinkedHashMap<>();
        for (var e : wohnbezirkSeats.entrySet()) {
            String w = e.getKey();
            List<Contender> contenders = lists.stream().filter(l -> !l.byWohnbezirk().getOrDefault(w, List.of()).isEmpty())
                    .map(l -> new Contender(l.id(), l.votesIn(w), 0, l.byWohnbezirk().get(w).size())).toList();
            if (contenders.isEmpty()) {
                throw new IllegalArgumentException("no candidates for Wohnbezirk " + w);
            }
            Apportionment a = Apportioner.apportion(Method.WEBSTER, e.getValue(), contenders,
                    lots.get(wohnbezirkLotKey(w)), Exhaustion.VACANT);
            if (a instanceof Apportionment.LotRequired l) {
                return new SeatOutcome.LotRequired<>(wohnbezirkLotKey(w), l.tie(), "KomWG § 25 Abs. 2 S. 4");
            }
            byWohnbezirk.put(w, a);
            a.seats().forEach((id, s) -> won.merge(id, s, Integer::sum));
        }
        // 2./3. whole municipality, Mehrsitze and Ausgleichssitze (§ 25 Abs. 2 S. 5 ff.)
        int size = wohnbezirkSeats.values().stream().mapToInt(Integer::intValue).sum();
        List<Contender> all = lists.stream().map(l -> Contender.of(l.id(), l.votes())).toList();
        var grown = OverhangCompensation.grow(Method.WEBSTER, size, all, won,
                OptionalInt.of(MAX_AUSGLEICH_PER_MEHRSITZ), lots);
        if (grown instanceof SeatOutcome.LotRequired<OverhangCompensation.Result> l) {
            return new SeatOutcome.LotRequired<>(l.decision(), l.tie(), "KomWG § 25 Abs. 2: " + l.reason());
        }
        OverhangCompensation.Result overall = grown.orElseThrow();
        // 4. persons (§ 26 Abs. 2)
        List<ListOutcome> out = new ArrayList<>();
        for (TeilortList list : lists) {
            Map<String, WohnbezirkSeats> seatsHere = new LinkedHashMap<>();
            List<CouncilCandidate> rest = new ArrayList<>();
            int vacant = 0;
            for (var e : list.byWohnbezirk().entrySet()) {
                Apportionment a = byWohnbezirk.get(e.getKey());
                int s = a.seatsOf(list.id());
                List<CouncilCandidate> order = new ArrayList<>(e.getValue());
                order.sort(Comparator.comparingLong(CouncilCandidate::votes).reversed()); // stable: list order (S. 2)
                int filled = Math.min(s, order.size());
                vacant += s - filled;
                seatsHere.put(e.getKey(), new WohnbezirkSeats(s, order.subList(0, filled),
                        order.subList(filled, order.size())));
                rest.addAll(order.subList(filled, order.size()));
            }
            int total = overall.seats().getOrDefault(list.id(), 0);
            int further = total - won.getOrDefault(list.id(), 0);
            // S. 4: the further seats by votes among those not yet elected, equal votes → lot; the
            // candidates are taken Wohnbezirk by Wohnbezirk in list order so that the lot is the only tie-break
            List<CouncilCandidate> restInListOrder = list.candidates().stream().filter(rest::contains).toList();
            var ranked = CouncilElection.rank(Ranking.PERSONAL_VOTES, CandidateTieRule.LOT,
                    new CouncilList(list.id(), 0, restInListOrder), further, lots.get(CouncilElection.listLotKey(list.id())),
                    "KomWG § 26 Abs. 2 S. 4");
            if (ranked instanceof SeatOutcome.LotRequired<List<CouncilCandidate>> stop) {
                return new SeatOutcome.LotRequired<>(stop.decision(), stop.tie(), stop.reason());
            }
            List<CouncilCandidate> order = ranked.orElseThrow();
            int filled = Math.min(further, order.size());
            vacant += further - filled;
            out.add(new ListOutcome(list.id(), total, seatsHere, order.subList(0, filled),
                    order.subList(filled, order.size()), vacant));
        }
        return new SeatOutcome.Decided<>(new Result(byWohnbezirk, overall, out));
    }
}
