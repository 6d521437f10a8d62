package de.wahlwerk.core.seats.municipal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wahlwerk.core.seats.Lot;
import de.wahlwerk.core.seats.Lots;
import de.wahlwerk.core.seats.SeatOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * District winners, Reserveliste and Überhang/Ausgleich: NRW KWahlG § 33 Abs. 2–3 and
 * Schleswig-Holstein GKWG § 10 Abs. 2–4. No official case with votes and Wahlbezirk winners is in
 * shared/data, so the cases are constructed; each expected number is derived in the comment from
 * the Sainte-Laguë quotients votes / (s + ½) computed exactly.
 */
class DirectMandateCouncilTest {

    private static CouncilList list(String id, long votes, int candidates) {
        List<CouncilCandidate> c = new ArrayList<>();
        for (int i = 1; i <= candidates; i++) {
            c.add(new CouncilCandidate(id + i, 0));
        }
        return new CouncilList(id, votes, c);
    }

    private static List<String> names(String id, int... positions) {
        List<String> n = new ArrayList<>();
        for (int p : positions) {
            n.add(id + p);
        }
        return n;
    }

    private static final List<CouncilList> NRW_LISTS = List.of(list("A", 4020, 14), list("B", 3180, 10),
            list("C", 1800, 6), list("D", 1000, 4));

    @Test
    void nrwOverhangMandatesEnlargeTheCouncilUntilEveryPartyIsCovered() {
        // KWahlG NRW § 33 Abs. 3: 20 seats, A wins all 10 Wahlbezirke.
        // SLS at 20 (20th quotient 514.29 = C 1800/3.5, next 489.23 = B 3180/6.5): A 8, B 6, C 4, D 2 → A 2 Überhang.
        // 21: B 7; 22: A 9 (4020/8.5 = 472.9); 23: B 8 (3180/7.5 = 424); 24: A 10 (4020/9.5 = 423.16, next 400 =
        // C 1800/4.5 = D 1000/2.5) → A 10, B 8, C 4, D 2: covered at 24, i.e. 4 Ausgleichsmandate.
        var winners = Map.of("A", names("A", 1, 2, 3, 5, 6, 7, 8, 9, 11, 12));
        var r = DirectMandateCouncil.allocate(DirectMandateLaw.NORDRHEIN_WESTFALEN, 20, NRW_LISTS, winners, 0,
                Lots.none()).orElseThrow();
        assertThat(r.compensation().steps()).extracting(OverhangCompensation.Step::size)
                .containsExactly(20, 21, 22, 23, 24);
        assertThat(r.compensation().steps().getFirst().uncovered()).containsExactly("A");
        assertThat(r.compensation().initialOverhang()).isEqualTo(Map.of("A", 2));
        assertThat(r.compensation().compensationSeats()).isEqualTo(4);
        assertThat(r.compensation().capReached()).isFalse();
        assertThat(r.houseSize()).isEqualTo(24);
        assertThat(r.compensation().seats()).containsExactly(Map.entry("A", 10), Map.entry("B", 8),
                Map.entry("C", 4), Map.entry("D", 2));
        // A's seats are all district seats; the list gives none and its other candidates are Listennachfolger
        assertThat(r.list("A").fromList()).isEmpty();
        assertThat(r.list("A").substitutes()).containsExactly("A4", "A10", "A13", "A14");
        // B has no district winner: 8 from the list in list order
        assertThat(r.list("B").fromList()).containsExactlyElementsOf(names("B", 1, 2, 3, 4, 5, 6, 7, 8));
    }

    @Test
    void nrwWithoutOverhangKeepsTheSizeAndSkipsDistrictWinnersOnTheList() {
        // § 33 Abs. 2: 20 seats; A wins 8 Wahlbezirke, B 2. SLS at 20: A 8, B 6, C 4, D 2 → covered, no Ausgleich.
        // B's 6 seats: its winners B2 and B5 first, then 4 from the list skipping them: B1, B3, B4, B6.
        var winners = Map.of("A", names("A", 1, 2, 3, 4, 5, 6, 7, 8), "B", names("B", 2, 5));
        var r = DirectMandateCouncil.allocate(DirectMandateLaw.NORDRHEIN_WESTFALEN, 20, NRW_LISTS, winners, 0,
                Lots.none()).orElseThrow();
        assertThat(r.compensation().steps()).hasSize(1);
        assertThat(r.houseSize()).isEqualTo(20);
        assertThat(r.list("B").districtWinners()).containsExactly("B2", "B5");
        assertThat(r.list("B").fromList()).containsExactly("B1", "B3", "B4", "B6");
        assertThat(r.list("B").substitutes()).containsExactly("B7", "B8", "B9", "B10");
    }

    @Test
    void nrwWinnerWithoutReservelisteIsDeductedFromTheSize() {
        // § 33 Abs. 2 S. 1 (bereinigte Gremiengröße): 20 seats, one independent wins a Wahlbezirk → 19 apportioned.
        // SLS at 19 (19th quotient 536 = A 4020/7.5, next 514.29 = C 1800/3.5): A 8, B 6, C 3, D 2; house 19 + 1 = 20.
        var r = DirectMandateCouncil.allocate(DirectMandateLaw.NORDRHEIN_WESTFALEN, 20, NRW_LISTS,
                Map.of("A", names("A", 1, 2, 3, 4, 5, 6, 7, 8)), 1, Lots.none()).orElseThrow();
        assertThat(r.compensation().baseSize()).isEqualTo(19);
        assertThat(r.compensation().seats()).containsExactly(Map.entry("A", 8), Map.entry("B", 6),
                Map.entry("C", 3), Map.entry("D", 2));
        assertThat(r.houseSize()).isEqualTo(20);
    }

    private static final List<CouncilList> SH_LISTS = List.of(list("A", 2000, 8), list("B", 3500, 10),
            list("C", 4500, 12));

    @Test
    void schleswigHolsteinCapsTheFurtherSeatsAtTwiceTheMehrsitze() {
        // GKWG § 10 Abs. 4 (cap [UNV]): 11 seats, A wins 5 Wahlkreise with 20 % of the votes.
        // SLS at 11: A 2, B 4, C 5 → 3 Mehrsitze → at most 6 further seats → size 17: A 3, B 6, C 8
        // (cut 600 = 4500/7.5; A's 4th quotient 2000/3.5 = 571.4 falls short), A keeps its 5: 2 uncovered.
        // Without the cap (NRW) the body grows to 23: A 5 (2000/4.5 = 444.4), B 8, C 10.
        var winners = Map.of("A", names("A", 1, 2, 3, 4, 5));
        var sh = DirectMandateCouncil.allocate(DirectMandateLaw.SCHLESWIG_HOLSTEIN, 11, SH_LISTS, winners, 0,
                Lots.none()).orElseThrow();
        assertThat(sh.compensation().initialOverhang()).isEqualTo(Map.of("A", 3));
        assertThat(sh.compensation().proportionalSize()).isEqualTo(17);
        assertThat(sh.compensation().capReached()).isTrue();
        assertThat(sh.compensation().uncoveredOverhang()).isEqualTo(Map.of("A", 2));
        assertThat(sh.compensation().seats()).containsExactly(Map.entry("A", 5), Map.entry("B", 6), Map.entry("C", 8));
        assertThat(sh.houseSize()).isEqualTo(19);

        var nrw = DirectMandateCouncil.allocate(DirectMandateLaw.NORDRHEIN_WESTFALEN, 11, SH_LISTS, winners, 0,
                Lots.none()).orElseThrow();
        assertThat(nrw.compensation().seats()).containsExactly(Map.entry("A", 5), Map.entry("B", 8),
                Map.entry("C", 10));
        assertThat(nrw.houseSize()).isEqualTo(23);
    }

    @Test
    void equalQuotientsAtTheFinalSizeNeedALotUnderTheSizeKey() {
        // Two equal lists of 1000 and 3 seats: base 3 → 1.5 each: tie for the 3rd seat at the statutory size
        // → lot "sitze"; a tie at an enlarged size is keyed "sitze:<n>" (OverhangCompensation.lotKey).
        var lists = List.of(list("A", 1000, 4), list("B", 1000, 4));
        SeatOutcome<DirectMandateCouncil.Result> stop = DirectMandateCouncil.allocate(
                DirectMandateLaw.NORDRHEIN_WESTFALEN, 3, lists, Map.of("A", names("A", 1)), 0, Lots.none());
        assertThat(stop).isInstanceOfSatisfying(SeatOutcome.LotRequired.class, l -> {
            assertThat(l.decision()).isEqualTo("sitze");
            assertThat(l.tie().tied()).containsExactlyInAnyOrder("A", "B");
        });
        var r = DirectMandateCouncil.allocate(DirectMandateLaw.NORDRHEIN_WESTFALEN, 3, lists,
                Map.of("A", names("A", 1)), 0, Lots.none().with("sitze", Lot.of("B", "A"))).orElseThrow();
        assertThat(r.compensation().seats()).containsExactly(Map.entry("A", 1), Map.entry("B", 2));
        // A wins 2 districts: at 3 the lot decides whether A is covered (A 2 : B 1) or not → lot "sitze" first;
        // drawn B: 3 gives A 1, B 2 (A short by one) → 4 gives 2 : 2 → covered with one Ausgleichsmandat
        var two = Map.of("A", names("A", 1, 2));
        assertThat(DirectMandateCouncil.allocate(DirectMandateLaw.NORDRHEIN_WESTFALEN, 3, lists, two, 0, Lots.none()))
                .isInstanceOfSatisfying(SeatOutcome.LotRequired.class, l -> assertThat(l.decision()).isEqualTo("sitze"));
        var drawnB = DirectMandateCouncil.allocate(DirectMandateLaw.NORDRHEIN_WESTFALEN, 3, lists, two, 0,
                Lots.none().with("sitze", Lot.of("B", "A"))).orElseThrow();
        assertThat(drawnB.compensation().seats()).containsExactly(Map.entry("A", 2), Map.entry("B", 2));
        assertThat(drawnB.houseSize()).isEqualTo(4);
        var drawnA = DirectMandateCouncil.allocate(DirectMandateLaw.NORDRHEIN_WESTFALEN, 3, lists, two, 0,
                Lots.none().with("sitze", Lot.of("A", "B"))).orElseThrow();
        assertThat(drawnA.houseSize()).isEqualTo(3);
        assertThat(OverhangCompensation.lotKey(3, 4)).isEqualTo("sitze:4");
    }

    @Test
    void aTieAtAnEnlargedSizeNeedsALotOnlyWhereItDecidesTheCoverage() {
        // A 1000, B 1000, C 100; 3 seats; A wins 3 districts. Quotients v/(s+½): A, B 2000; A, B 666.7; A, B 400;
        // A, B 285.7; C 200.
        // 3: A 1, B 1 + one seat tied at 666.7 → A is short by at least 1 either way: no lot, grow.
        // 4: A 2, B 2 → short. 5: A 2, B 2 + one seat tied at 400: A covered only if it wins → lot "sitze:5".
        var lists = List.of(list("A", 1000, 5), list("B", 1000, 5), list("C", 100, 2));
        var three = Map.of("A", names("A", 1, 2, 3));
        var stop = DirectMandateCouncil.allocate(DirectMandateLaw.NORDRHEIN_WESTFALEN, 3, lists, three, 0,
                Lots.none());
        assertThat(stop).isInstanceOfSatisfying(SeatOutcome.LotRequired.class, l -> {
            assertThat(l.decision()).isEqualTo("sitze:5");
            assertThat(l.tie().tied()).containsExactlyInAnyOrder("A", "B");
        });
        // drawn A: covered at 5 (A 3, B 2); drawn B: 6 gives A 3, B 3 (next 285.7 > C 200)
        var a = DirectMandateCouncil.allocate(DirectMandateLaw.NORDRHEIN_WESTFALEN, 3, lists, three, 0,
                Lots.none().with("sitze:5", Lot.of("A", "B"))).orElseThrow();
        assertThat(a.compensation().seats()).containsExactly(Map.entry("A", 3), Map.entry("B", 2), Map.entry("C", 0));
        var b = DirectMandateCouncil.allocate(DirectMandateLaw.NORDRHEIN_WESTFALEN, 3, lists, three, 0,
                Lots.none().with("sitze:5", Lot.of("B", "A"))).orElseThrow();
        assertThat(b.compensation().seats()).containsExactly(Map.entry("A", 3), Map.entry("B", 3), Map.entry("C", 0));
        assertThat(b.compensation().steps()).extracting(OverhangCompensation.Step::size).containsExactly(3, 4, 5, 6);
        // the lot pending at 3 was not needed: A's Überhang there is 3 − 1 − 1 (even with the contested seat)
        assertThat(b.compensation().initialOverhang()).isEqualTo(Map.of("A", 1));
    }

    @Test
    void districtWinnersOfAPartyWithoutListAreRefused() {
        assertThatThrownBy(() -> DirectMandateCouncil.allocate(DirectMandateLaw.NORDRHEIN_WESTFALEN, 20, NRW_LISTS,
                Map.of("X", List.of("X1")), 0, Lots.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X");
    }

    private static final List<CouncilList> MAJORITY_LISTS = List.of(list("A", 5100, 14), list("B", 2900, 10),
            list("C", 2000, 6));

    // SLS highest averages v/(s + ½) of MAJORITY_LISTS (Σ 10,000 votes, A 51 %):
    // A 10200, 3400, 2040, 1457.1, 1133.3, 927.3, 784.6, 680, 600, 536.8, 485.7, 443.5
    // B 5800, 1933.3, 1160, 828.6, 644.4, 527.3, 446.2, 386.7
    // C 4000, 1333.3, 800, 571.4, 444.4, 363.6

    @Test
    void nrwZusatzmandatWithoutOverhangKeepsTheSize() {
        // § 33 Abs. 2: 20 seats, the 20th average is 527.3 (B) → A 10, B 6, C 4; A wins 9 Wahlbezirke, B 1: covered.
        // § 33 Abs. 4: A (51 % of the votes) holds 10 of 20 = not more than half → one more seat for A (11);
        // the other 9 go again by SLS among B and C: 5800, 4000, 1933.3, 1333.3, 1160, 828.6, 800, 644.4, 571.4
        // → B 5, C 4; 20 members as before.
        var winners = Map.of("A", names("A", 1, 2, 3, 4, 5, 6, 7, 8, 9), "B", names("B", 3));
        var r = DirectMandateCouncil.allocate(DirectMandateLaw.NORDRHEIN_WESTFALEN, 20, MAJORITY_LISTS, winners, 0,
                Lots.none()).orElseThrow();
        assertThat(r.compensation().seats()).containsExactly(Map.entry("A", 10), Map.entry("B", 6), Map.entry("C", 4));
        assertThat(r.seats()).containsExactly(Map.entry("A", 11), Map.entry("B", 5), Map.entry("C", 4));
        assertThat(r.majority().clause().party()).contains("A");
        assertThat(r.majority().redistribution()).isPresent();
        assertThat(r.houseSize()).isEqualTo(20);
        // A: 9 district seats + 2 from the list (A10, A11), in list order skipping the winners
        assertThat(r.list("A").fromList()).containsExactly("A10", "A11");
        // B: its winner B3 and 4 from the list
        assertThat(r.list("B").fromList()).containsExactly("B1", "B2", "B4", "B5");

        // § 33 Abs. 4 counts all valid votes: with 300 votes for independents A has 5,100 of 10,300 (49.5 %) → no
        // Zusatzmandat
        var r2 = DirectMandateCouncil.allocate(DirectMandateLaw.NORDRHEIN_WESTFALEN, 20, MAJORITY_LISTS, winners, 0,
                300, Lots.none()).orElseThrow();
        assertThat(r2.majority().clause().party()).isEmpty();
        assertThat(r2.seats()).isEqualTo(r2.compensation().seats());
    }

    @Test
    void nrwZusatzmandatAfterCompensationKeepsTheOtherListsDistrictWinners() {
        // § 33 Abs. 3: 20 seats → A 10, B 6, C 4, but B wins 7 Wahlbezirke (A 3): 1 Überhang. 21: 485.7 (A) → A 11;
        // 22: 446.2 (B) → B 7: covered at 22 (A 11, B 7, C 4).
        // § 33 Abs. 4 then at the size 22: A holds 11 of 22 → A 12; the other 10 seats by SLS among B and C with
        // B's 7 district seats kept: B starts at 7, the 3 seats left go to C (4000, 1333.3, 800 against B's 386.7)
        // → B 7, C 3. (Without keeping B's winners SLS would give B 6, C 4 — below B's 7 district seats.)
        var winners = Map.of("A", names("A", 1, 2, 3), "B", names("B", 1, 2, 3, 4, 5, 6, 7));
        var r = DirectMandateCouncil.allocate(DirectMandateLaw.NORDRHEIN_WESTFALEN, 20, MAJORITY_LISTS, winners, 0,
                Lots.none()).orElseThrow();
        assertThat(r.compensation().initialOverhang()).isEqualTo(Map.of("B", 1));
        assertThat(r.compensation().seats()).containsExactly(Map.entry("A", 11), Map.entry("B", 7), Map.entry("C", 4));
        assertThat(r.seats()).containsExactly(Map.entry("A", 12), Map.entry("B", 7), Map.entry("C", 3));
        assertThat(r.houseSize()).isEqualTo(22);
        assertThat(r.list("B").fromList()).isEmpty();
        assertThat(r.list("C").fromList()).containsExactly("C1", "C2", "C3");
    }

    @Test
    void schleswigHolsteinMajorityClauseFollowsTheMehrsitze() {
        // GKWG § 10 Abs. 5 applies to "der Verteilung der Sitze nach den Absätzen 2 bis 4", i.e. after the Mehrsitze.
        // 10 seats: the 10th average is 1133.3 (A) → A 5, B 3, C 2; B wins 4 Wahlkreise (A 5): 1 Mehrsitz,
        // cap 10 + 2 = 12. 11: 927.3 (A) → A 6; 12: 828.6 (B) → B 4: covered at 12 (A 6, B 4, C 2).
        // A (51 %) holds 6 of 12 = not more than half → further seats until one more than half: 7 of 13.
        var winners = Map.of("A", names("A", 1, 2, 3, 4, 5), "B", names("B", 1, 2, 3, 4));
        var r = DirectMandateCouncil.allocate(DirectMandateLaw.SCHLESWIG_HOLSTEIN, 10, MAJORITY_LISTS, winners, 0,
                Lots.none()).orElseThrow();
        assertThat(r.compensation().seats()).containsExactly(Map.entry("A", 6), Map.entry("B", 4), Map.entry("C", 2));
        assertThat(r.majority().clause().extraSeats()).isEqualTo(1);
        assertThat(r.seats()).containsExactly(Map.entry("A", 7), Map.entry("B", 4), Map.entry("C", 2));
        assertThat(r.houseSize()).isEqualTo(13);
        assertThat(r.majority().redistribution()).isEmpty();
        // a winner without a list counts towards the seats: 11 statutory seats, 1 independent winner → the same 10
        // list seats and the same steps, but A's 6 are 6 of 13 members → 2 further seats (8 of 15)
        var withIndependent = DirectMandateCouncil.allocate(DirectMandateLaw.SCHLESWIG_HOLSTEIN, 11, MAJORITY_LISTS,
                winners, 1, 0, Lots.none()).orElseThrow();
        assertThat(withIndependent.compensation().seats()).isEqualTo(r.compensation().seats());
        assertThat(withIndependent.majority().clause().extraSeats()).isEqualTo(2);
        assertThat(withIndependent.houseSize()).isEqualTo(15);
    }
}
