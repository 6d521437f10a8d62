package de.wahlwerk.core.seats.municipal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wahlwerk.core.seats.Lot;
import de.wahlwerk.core.seats.Lots;
import de.wahlwerk.core.seats.SeatOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Unechte Teilortswahl, Baden-Württemberg (GemO § 27 Abs. 2, KomWG § 25 Abs. 2, § 26 Abs. 2). No
 * official Teilortswahl result with candidate votes is in shared/data; the cases are constructed
 * and each number is derived in the comments from the Sainte-Laguë quotients v / (s + ½) (tables
 * in BW's "÷ 1, 3, 5" style show half of these values, same ranking).
 */
class TeilortswahlTest {

    private static List<CouncilCandidate> candidates(String prefix, long... votes) {
        List<CouncilCandidate> c = new ArrayList<>();
        for (int i = 0; i < votes.length; i++) {
            c.add(new CouncilCandidate(prefix + (i + 1), votes[i]));
        }
        return c;
    }

    private static TeilortList list(String id, Object... wohnbezirkAndCandidates) {
        Map<String, List<CouncilCandidate>> m = new LinkedHashMap<>();
        for (int i = 0; i < wohnbezirkAndCandidates.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<CouncilCandidate> c = (List<CouncilCandidate>) wohnbezirkAndCandidates[i + 1];
            m.put((String) wohnbezirkAndCandidates[i], c);
        }
        return new TeilortList(id, m);
    }

    private static List<String> names(List<CouncilCandidate> c) {
        return c.stream().map(CouncilCandidate::name).toList();
    }

    private static final Map<String, Integer> NORD_SUED = new LinkedHashMap<>();

    static {
        NORD_SUED.put("Nord", 4);
        NORD_SUED.put("Süd", 2);
    }

    private static final List<TeilortList> LISTS = List.of(
            list("A", "Nord", candidates("A-N", 300, 100, 50), "Süd", candidates("A-S", 500, 400)),
            list("B", "Nord", candidates("B-N", 900, 600, 400, 150), "Süd", candidates("B-S", 150, 50)));

    @Test
    void mehrsitzInAWohnbezirkIsKeptAndCompensatedByAnAusgleichssitz() {
        // § 25 Abs. 2 S. 1–4, Nord (4 seats): A 450 → 900, 300; B 2050 → 4100, 1366.7, 820, 585.7 → A 1, B 3.
        //                      Süd (2 seats): A 900 → 1800, 600; B 200 → 400 → A 2.
        // S. 5–6, whole municipality (6 seats): A 1350 → 2700, 900, 540; B 2250 → 4500, 1500, 900, 642.9, 500
        //   → 6th = 642.9 (B), next 540 (A): A 2, B 4. A holds 3 Wohnbezirk seats → 1 Mehrsitz.
        // Ausgleich: 7 seats → A's 540 is the 7th (next 500) → A 3, B 4: covered, 1 Ausgleichssitz, house 7.
        // § 26 Abs. 2 S. 4: B's further seat (4 − 3) goes by votes among B-N4 150, B-S1 150, B-S2 50: a tie → lot.
        SeatOutcome<Teilortswahl.Result> stop = Teilortswahl.allocate(NORD_SUED, LISTS, Lots.none());
        assertThat(stop).isInstanceOfSatisfying(SeatOutcome.LotRequired.class, l -> {
            assertThat(l.decision()).isEqualTo("liste:B");
            assertThat(l.tie().tied()).containsExactly("B-N4", "B-S1");
            assertThat(l.reason()).contains("§ 26 Abs. 2 S. 4");
        });
        var r = Teilortswahl.allocate(NORD_SUED, LISTS, Lots.none().with("liste:B", Lot.of("B-S1", "B-N4")))
                .orElseThrow();
        assertThat(r.wohnbezirke().get("Nord").seats()).containsExactly(Map.entry("A", 1), Map.entry("B", 3));
        assertThat(r.wohnbezirke().get("Süd").seats()).containsExactly(Map.entry("A", 2), Map.entry("B", 0));
        assertThat(r.overall().steps()).extracting(OverhangCompensation.Step::size).containsExactly(6, 7);
        assertThat(r.overall().initialOverhang()).isEqualTo(Map.of("A", 1));
        assertThat(r.overall().compensationSeats()).isEqualTo(1);
        assertThat(r.houseSize()).isEqualTo(7);

        var a = r.list("A");
        assertThat(a.seats()).isEqualTo(3);
        assertThat(names(a.byWohnbezirk().get("Nord").elected())).containsExactly("A-N1");
        assertThat(names(a.byWohnbezirk().get("Nord").substitutes())).containsExactly("A-N2", "A-N3");
        assertThat(names(a.byWohnbezirk().get("Süd").elected())).containsExactly("A-S1", "A-S2");
        assertThat(a.further()).isEmpty();
        var b = r.list("B");
        assertThat(b.seats()).isEqualTo(4);
        assertThat(names(b.byWohnbezirk().get("Nord").elected())).containsExactly("B-N1", "B-N2", "B-N3");
        assertThat(names(b.further())).containsExactly("B-S1");
        assertThat(names(b.substitutes())).containsExactly("B-N4", "B-S2");
    }

    @Test
    void equalVotesWithinAWohnbezirkGoByListOrder() {
        // § 26 Abs. 2 S. 2: Ost 1 seat; A's candidates A-O1 and A-O2 both 200 → A-O1 (named first) is elected.
        // Ost: A 400 → 800 vs B 100 → 200: A 1. West 1 seat: B 300 vs A 50 → B 1. Whole (2): A 450 → 900, B 400 → 800
        // → A 1, B 1 = the Wohnbezirk seats: no Mehrsitz.
        Map<String, Integer> seats = new LinkedHashMap<>();
        seats.put("Ost", 1);
        seats.put("West", 1);
        var lists = List.of(list("A", "Ost", candidates("A-O", 200, 200), "West", candidates("A-W", 50)),
                list("B", "Ost", candidates("B-O", 100), "West", candidates("B-W", 300)));
        var r = Teilortswahl.allocate(seats, lists, Lots.none()).orElseThrow();
        assertThat(names(r.list("A").byWohnbezirk().get("Ost").elected())).containsExactly("A-O1");
        assertThat(names(r.list("A").byWohnbezirk().get("Ost").substitutes())).containsExactly("A-O2");
        assertThat(r.overall().steps()).hasSize(1);
        assertThat(r.houseSize()).isEqualTo(2);
    }

    @Test
    void ausgleichssitzeAreCappedAtTwiceTheMehrsitze() {
        // W1 (3 seats) has candidates of A only (3 × 30 votes) → A 3; W2 (3 seats) B only (12 × 250) → B 3.
        // Whole (6): A 90 → 180; B 3000 → 6000, 2000, 1200, …, 3000/5.5 = 545 → B 6, A 0: 3 Mehrsitze.
        // Cap [UNV]: at most 6 Ausgleichssitze → 12 seats: B's 12th quotient 3000/11.5 = 260.9 > A's 180 → A 0, B 12.
        // A keeps its 3 seats uncovered; house = 12 + 3 = 15; B's 9 further seats go to B4…B12 (all 250: list order,
        // the group ends exactly at the last seat so no lot).
        Map<String, Integer> seats = new LinkedHashMap<>();
        seats.put("W1", 3);
        seats.put("W2", 3);
        var lists = List.of(list("A", "W1", candidates("A", 30, 30, 30)),
                list("B", "W2", candidates("B", 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250)));
        var r = Teilortswahl.allocate(seats, lists, Lots.none()).orElseThrow();
        assertThat(r.overall().initialOverhang()).isEqualTo(Map.of("A", 3));
        assertThat(r.overall().capReached()).isTrue();
        assertThat(r.overall().proportionalSize()).isEqualTo(12);
        assertThat(r.overall().uncoveredOverhang()).isEqualTo(Map.of("A", 3));
        assertThat(r.houseSize()).isEqualTo(15);
        assertThat(r.list("B").further()).hasSize(9);
        assertThat(r.list("B").vacant()).isZero();
    }

    @Test
    void equalHighestAveragesInAWohnbezirkNeedALot() {
        // § 25 Abs. 2 S. 4: Ost 1 seat, A 100 vs B 100 → lot "wohnbezirk:Ost"
        Map<String, Integer> seats = Map.of("Ost", 1);
        var lists = List.of(list("A", "Ost", candidates("A", 100)), list("B", "Ost", candidates("B", 100)));
        assertThat(Teilortswahl.allocate(seats, lists, Lots.none()))
                .isInstanceOfSatisfying(SeatOutcome.LotRequired.class,
                        l -> assertThat(l.decision()).isEqualTo("wohnbezirk:Ost"));
        var r = Teilortswahl.allocate(seats, lists, Lots.none().with("wohnbezirk:Ost", Lot.of("B", "A"))
                .with("sitze", Lot.of("B", "A"))).orElseThrow();
        assertThat(r.list("B").seats()).isEqualTo(1);
    }

    @Test
    void unknownWohnbezirkIsRefused() {
        assertThatThrownBy(() -> Teilortswahl.allocate(Map.of("Ost", 1),
                List.of(list("A", "Nirgendwo", candidates("A", 1))), Lots.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Nirgendwo");
    }
}
