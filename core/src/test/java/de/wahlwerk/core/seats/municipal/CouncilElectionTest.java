package de.wahlwerk.core.seats.municipal;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.seats.Lot;
import de.wahlwerk.core.seats.Lots;
import de.wahlwerk.core.seats.SeatOutcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Candidate ranking, tie rules and exhaustion per Land on small constructed elections. */
class CouncilElectionTest {

    private static CouncilList list(String id, long... votes) {
        List<CouncilCandidate> c = new ArrayList<>();
        for (int i = 0; i < votes.length; i++) {
            c.add(new CouncilCandidate(id + (i + 1), votes[i]));
        }
        return CouncilList.ofCandidates(id, c);
    }

    private static List<String> names(List<CouncilCandidate> c) {
        return c.stream().map(CouncilCandidate::name).toList();
    }

    @Test
    void badenWuerttembergBreaksEqualVotesByListOrder() {
        // A: 60 votes → with B 40 and 3 seats, SLS: A 60, B 40, A 20, B 13.3 → A 2, B 1
        var lists = List.of(list("A", 10, 25, 25), list("B", 40));
        CouncilResult r = CouncilElection.allocate(MunicipalLaw.BADEN_WUERTTEMBERG, 3, lists, Lots.none()).orElseThrow();
        assertThat(r.list("A").seats()).isEqualTo(2);
        assertThat(names(r.list("A").elected())).containsExactly("A2", "A3");
        assertThat(names(r.list("A").substitutes())).containsExactly("A1");

        // one seat for A: A2 and A3 tie on 25 → the earlier list position (KomWG § 26 Abs. 1)
        CouncilResult one = CouncilElection.allocate(MunicipalLaw.BADEN_WUERTTEMBERG, 2, lists, Lots.none()).orElseThrow();
        assertThat(names(one.list("A").elected())).containsExactly("A2");
        assertThat(names(one.list("A").substitutes())).containsExactly("A3", "A1");
    }

    @Test
    void bayernDecidesEqualCandidateVotesAtTheLastSeatByLot() {
        var lists = List.of(list("A", 10, 25, 25), list("B", 40));
        SeatOutcome<CouncilResult> stop = CouncilElection.allocate(MunicipalLaw.BAYERN, 2, lists, Lots.none());
        assertThat(stop).isInstanceOfSatisfying(SeatOutcome.LotRequired.class, l -> {
            assertThat(l.decision()).isEqualTo("liste:A");
            assertThat(l.tie().tied()).containsExactly("A2", "A3");
            assertThat(l.tie().contestedSeats()).isEqualTo(1);
        });
        CouncilResult r = CouncilElection.allocate(MunicipalLaw.BAYERN, 2, lists,
                Lots.none().with("liste:A", Lot.of("A3", "A2"))).orElseThrow();
        assertThat(names(r.list("A").elected())).containsExactly("A3");
        assertThat(names(r.list("A").substitutes())).containsExactly("A2", "A1");
        // with both elected the tie does not matter and needs no lot
        assertThat(CouncilElection.allocate(MunicipalLaw.BAYERN, 3, lists, Lots.none()))
                .isInstanceOf(SeatOutcome.Decided.class);
    }

    @Test
    void bayernDecidesEqualListQuotientsByTheNextCandidatesVotes() {
        // A and B both 30 list votes, one seat: A's best candidate 20, B's best 16 → A (Art. 35 Abs. 2)
        var lists = List.of(list("A", 20, 10), list("B", 14, 16));
        CouncilResult r = CouncilElection.allocate(MunicipalLaw.BAYERN, 1, lists, Lots.none()).orElseThrow();
        assertThat(r.list("A").seats()).isEqualTo(1);
        assertThat(r.list("B").seats()).isZero();
        // equal again → lot
        var equal = List.of(list("A", 20, 10), list("B", 10, 20));
        assertThat(CouncilElection.allocate(MunicipalLaw.BAYERN, 1, equal, Lots.none()))
                .isInstanceOfSatisfying(SeatOutcome.LotRequired.class, l -> {
                    assertThat(l.decision()).isEqualTo("sitze");
                    assertThat(l.tie().tied()).containsExactlyInAnyOrder("A", "B");
                });
        CouncilResult drawn = CouncilElection.allocate(MunicipalLaw.BAYERN, 1, equal,
                Lots.none().with("sitze", Lot.of("B", "A"))).orElseThrow();
        assertThat(drawn.list("B").seats()).isEqualTo(1);
        // Hessen has no such rule: straight to the lot
        assertThat(CouncilElection.allocate(MunicipalLaw.HESSEN, 1, lists, Lots.none()))
                .isInstanceOf(SeatOutcome.LotRequired.class);
    }

    @Test
    void exhaustedListVacantInBayernRedistributedInSaarland() {
        // A wins 4 of 5 seats by votes but has only 2 candidates
        var lists = List.of(list("A", 400, 400), list("B", 80, 120, 100));
        CouncilResult by = CouncilElection.allocate(MunicipalLaw.BAYERN, 5, lists, Lots.none()).orElseThrow();
        assertThat(by.list("A").seats()).isEqualTo(4);
        assertThat(by.list("A").vacant()).isEqualTo(2);
        assertThat(by.list("B").seats()).isEqualTo(1);

        CouncilResult sl = CouncilElection.allocate(MunicipalLaw.SAARLAND, 5, lists, Lots.none()).orElseThrow();
        assertThat(sl.list("A").seats()).isEqualTo(2);
        assertThat(sl.list("B").seats()).isEqualTo(3);
        assertThat(sl.list("A").vacant()).isZero();
        // closed lists: list order, votes irrelevant
        assertThat(names(sl.list("B").elected())).containsExactly("B1", "B2", "B3");
    }

    @Test
    void municipalVectorsOfSection54() {
        // M1 Lauf (BW) 14 seats; M4 Hohenfels (Bayern 2008, then d'Hondt) is a method vector only;
        // M5 Brögbern (Niedersachsen) 11 seats Hare/Niemeyer
        var lauf = List.of(new CouncilList("A", 10_648, List.of()), new CouncilList("B", 8_578, List.of()),
                new CouncilList("C", 6_531, List.of()));
        var a = de.wahlwerk.core.seats.Apportioner.apportion(MunicipalLaw.BADEN_WUERTTEMBERG.method(), 14,
                lauf.stream().map(l -> de.wahlwerk.core.seats.Contender.of(l.id(), l.votes())).toList());
        assertThat(a.seats()).containsExactly(java.util.Map.entry("A", 6), java.util.Map.entry("B", 5),
                java.util.Map.entry("C", 3));
        var brb = de.wahlwerk.core.seats.Apportioner.apportion(MunicipalLaw.NIEDERSACHSEN.method(), 11, List.of(
                de.wahlwerk.core.seats.Contender.of("A", 1150), de.wahlwerk.core.seats.Contender.of("B", 870),
                de.wahlwerk.core.seats.Contender.of("C", 180)));
        assertThat(brb.seats().values()).containsExactly(6, 4, 1);
    }

    /** A list of {@code n} candidates with distinct votes adding up to {@code total} (first candidate most). */
    private static CouncilList listOf(String id, long total, int n) {
        List<CouncilCandidate> c = new ArrayList<>();
        long rest = (long) n * (n - 1) / 2;
        for (int i = 0; i < n; i++) {
            c.add(new CouncilCandidate(id + (i + 1), i == 0 ? total - rest : n - i));
        }
        return CouncilList.ofCandidates(id, c);
    }

    @Test
    void sachsenMajorityClauseGivesOneMoreSeatAndReallocatesTheRest() {
        // KomWG § 21 Abs. 1 S. 5: A has 51 % of the valid votes; d'Hondt with 10 seats gives A 5, B 3, C 2
        // (highest averages 5100, 2600, 2550, 2300, 1700, 1300, 1275, 1150, 1020, 866.7).
        // A gets one further seat first; the 4 remaining seats go again by d'Hondt: B 2600, C 2300, B 1300, C 1150.
        var lists = List.of(listOf("A", 5_100, 8), listOf("B", 2_600, 4), listOf("C", 2_300, 4));
        CouncilResult r = CouncilElection.allocate(MunicipalLaw.SACHSEN, 10, lists, Lots.none()).orElseThrow();
        assertThat(r.apportionment().seats()).containsExactly(java.util.Map.entry("A", 5), java.util.Map.entry("B", 3),
                java.util.Map.entry("C", 2));
        assertThat(r.lists().stream().map(CouncilResult.ListOutcome::seats)).containsExactly(6, 2, 2);
        assertThat(r.majority().clause().party()).contains("A");
        assertThat(r.houseSize()).isEqualTo(10);
        assertThat(r.list("A").elected()).hasSize(6);
        assertThat(r.majority().redistribution()).isPresent();

        // 49 %: the clause does not apply
        var minority = List.of(listOf("A", 4_900, 8), listOf("B", 2_700, 4), listOf("C", 2_400, 4));
        CouncilResult none = CouncilElection.allocate(MunicipalLaw.SACHSEN, 10, minority, Lots.none()).orElseThrow();
        assertThat(none.majority().clause().party()).isEmpty();
        assertThat(none.lists().stream().mapToInt(CouncilResult.ListOutcome::seats).sum()).isEqualTo(10);
        // Bayern has no majority clause: A keeps 5 of 10 (SLS)
        CouncilResult by = CouncilElection.allocate(MunicipalLaw.BAYERN, 10, lists, Lots.none()).orElseThrow();
        assertThat(by.list("A").seats()).isEqualTo(5);
        assertThat(by.majority().clause().party()).isEmpty();
    }

    @Test
    void sachsenMajorityClauseTieAmongTheOthersNeedsALot() {
        // A 51 % with 4 seats → d'Hondt 510, 255, 245, 245: A 2, B 1, C 1 (A's third quotient 170 is out)
        // A holds 2 = half → one more (3); one seat left for B and C with 245 each → lot "sitze:mehrheit"
        var lists = List.of(listOf("A", 510, 4), listOf("B", 245, 2), listOf("C", 245, 2));
        assertThat(CouncilElection.allocate(MunicipalLaw.SACHSEN, 4, lists, Lots.none()))
                .isInstanceOfSatisfying(SeatOutcome.LotRequired.class, l -> {
                    assertThat(l.decision()).isEqualTo(CouncilMajority.LOT_KEY);
                    assertThat(l.tie().tied()).containsExactlyInAnyOrder("B", "C");
                    assertThat(l.tie().contestedSeats()).isEqualTo(1);
                });
        CouncilResult r = CouncilElection.allocate(MunicipalLaw.SACHSEN, 4, lists,
                Lots.none().with(CouncilMajority.LOT_KEY, Lot.of("C", "B"))).orElseThrow();
        assertThat(r.lists().stream().map(CouncilResult.ListOutcome::seats)).containsExactly(3, 0, 1);
    }

    @Test
    void schleswigHolsteinMajorityClauseGrowsTheBody() {
        // GKWG § 10 Abs. 5, shaped like Lägerdorf 2023 (GfL 50.1 %, 17 seats; exact votes not published
        // with the text): SLS gives 8 / 6 / 3; GfL receives 2 further seats, the body grows to 19.
        var lists = List.of(listOf("GfL", 5_010, 12), listOf("SPD", 3_400, 8), listOf("FW", 1_590, 5));
        CouncilResult r = CouncilElection.allocate(MunicipalLaw.SCHLESWIG_HOLSTEIN, 17, lists, Lots.none())
                .orElseThrow();
        assertThat(r.apportionment().seats().values()).containsExactly(8, 6, 3);
        assertThat(r.lists().stream().map(CouncilResult.ListOutcome::seats)).containsExactly(10, 6, 3);
        assertThat(r.houseSize()).isEqualTo(19);
        assertThat(r.majority().clause().extraSeats()).isEqualTo(2);
        // closed list: the two further seats go to the next on the list
        assertThat(names(r.list("GfL").elected())).hasSize(10).startsWith("GfL1", "GfL2");
        // exactly half the votes is not "more than half": no clause
        var half = List.of(listOf("GfL", 5_000, 12), listOf("SPD", 3_400, 8), listOf("FW", 1_600, 5));
        assertThat(CouncilElection.allocate(MunicipalLaw.SCHLESWIG_HOLSTEIN, 17, half, Lots.none()).orElseThrow()
                .houseSize()).isEqualTo(17);
    }

    @Test
    void nrwZusatzmandatGivesOneMoreSeatAtTheSameSize() {
        // KWahlG NRW § 33 Abs. 4 (Innenministerium: a list with the absolute majority of the votes but not of the
        // seats gets a Zusatzmandat; the size stays, another list loses the seat).
        // A 5,100 of 10,000 votes (51 %), 10 seats, SLS highest averages v/(s + ½): 10200 A, 5800 B, 4000 C,
        // 3400 A, 2040 A, 1933.3 B, 1457.1 A, 1333.3 C, 1160 B, 1133.3 A → A 5, B 3, C 2: A holds exactly half.
        // A gets a sixth seat; the 4 others go again by SLS among B and C: 5800 B, 4000 C, 1933.3 B, 1333.3 C → 2 / 2.
        // (Ministry's wording: at divisor 1,000 B 2.9 is the only other list rounded up — B loses the seat.)
        var lists = List.of(listOf("A", 5_100, 8), listOf("B", 2_900, 4), listOf("C", 2_000, 4));
        CouncilResult r = CouncilElection.allocate(MunicipalLaw.NORDRHEIN_WESTFALEN, 10, lists, Lots.none())
                .orElseThrow();
        assertThat(r.apportionment().seats().values()).containsExactly(5, 3, 2);
        assertThat(r.lists().stream().map(CouncilResult.ListOutcome::seats)).containsExactly(6, 2, 2);
        assertThat(r.houseSize()).isEqualTo(10);
        assertThat(r.majority().clause().party()).contains("A");
        assertThat(r.majority().clause().extraSeats()).isEqualTo(1);
        // bound Reserveliste: the sixth seat goes to the sixth on the list
        assertThat(names(r.list("A").elected())).containsExactly("A1", "A2", "A3", "A4", "A5", "A6");
        assertThat(MunicipalLaw.NORDRHEIN_WESTFALEN.majorityParagraph()).isEqualTo("KWahlG NRW § 33 Abs. 4");

        // exactly half of the votes (5,000 of 10,000) is not "absolute Mehrheit": A keeps 5 of 10
        var half = List.of(listOf("A", 5_000, 8), listOf("B", 2_900, 4), listOf("C", 2_100, 4));
        CouncilResult none = CouncilElection.allocate(MunicipalLaw.NORDRHEIN_WESTFALEN, 10, half, Lots.none())
                .orElseThrow();
        assertThat(none.majority().clause().party()).isEmpty();
        assertThat(none.list("A").seats()).isEqualTo(5);

        // a majority of the votes that already has a majority of the seats: 6,000 / 2,600 / 1,400 →
        // 12000 A, 5200 B, 4000 A, 2800 C, 2400 A, 1733.3 B, 1714.3 A, 1333.3 A, 1090.9 A, 1040 B (next 933.3 C)
        // → A 6, B 3, C 1: nothing changes
        var clear = List.of(listOf("A", 6_000, 8), listOf("B", 2_600, 4), listOf("C", 1_400, 4));
        CouncilResult kept = CouncilElection.allocate(MunicipalLaw.NORDRHEIN_WESTFALEN, 10, clear, Lots.none())
                .orElseThrow();
        assertThat(kept.lists().stream().map(CouncilResult.ListOutcome::seats)).containsExactly(6, 3, 1);
        assertThat(kept.majority().clause().party()).isEmpty();
    }

    @Test
    void niedersachsenMajorityListTakesTheFirstRemainderSeat() {
        // NKWG § 36 Abs. 2: 10 seats, 5,100 / 2,900 / 2,000 of 10,000 → quotas 5.1 / 2.9 / 2.0 → whole seats 5/2/2,
        // the one remainder seat to B (0.9): 5/3/2. Abs. 3: A (51 %) holds 5 of 10 → "vorab" the remainder seat:
        // 6/2/2, size unchanged.
        var lists = List.of(listOf("A", 5_100, 8), listOf("B", 2_900, 4), listOf("C", 2_000, 4));
        CouncilResult r = CouncilElection.allocate(MunicipalLaw.NIEDERSACHSEN, 10, lists, Lots.none()).orElseThrow();
        assertThat(r.apportionment().seats().values()).containsExactly(5, 3, 2);
        assertThat(r.lists().stream().map(CouncilResult.ListOutcome::seats)).containsExactly(6, 2, 2);
        assertThat(r.majority().clause().party()).contains("A");
        assertThat(r.houseSize()).isEqualTo(10);
        // exactly half of the votes: no clause
        var half = List.of(listOf("A", 5_000, 8), listOf("B", 2_900, 4), listOf("C", 2_100, 4));
        assertThat(CouncilElection.allocate(MunicipalLaw.NIEDERSACHSEN, 10, half, Lots.none()).orElseThrow()
                .list("A").seats()).isEqualTo(5);
    }

    @Test
    void niedersachsenEqualRemaindersAfterTheMajoritySeatNeedALot() {
        // 12 seats, 5,100 / 2,450 / 2,450 → quotas 6.12 / 2.94 / 2.94 → whole 6/2/2, two remainder seats to B and C:
        // 6/3/3 (no lot: both tied lists get one). A holds 6 of 12 → takes the first remainder seat (7); one seat is
        // left for B and C with equal remainders 0.94 → lot "sitze:mehrheit" (§ 36 Abs. 2 S. 5).
        var lists = List.of(listOf("A", 5_100, 8), listOf("B", 2_450, 4), listOf("C", 2_450, 4));
        assertThat(CouncilElection.allocate(MunicipalLaw.NIEDERSACHSEN, 12, lists, Lots.none()))
                .isInstanceOfSatisfying(SeatOutcome.LotRequired.class, l -> {
                    assertThat(l.decision()).isEqualTo(CouncilMajority.LOT_KEY);
                    assertThat(l.tie().tied()).containsExactlyInAnyOrder("B", "C");
                    assertThat(l.tie().contestedSeats()).isEqualTo(1);
                    assertThat(l.tie().value()).isEqualTo(de.wahlwerk.core.arith.Rational.of(94, 100));
                });
        CouncilResult r = CouncilElection.allocate(MunicipalLaw.NIEDERSACHSEN, 12, lists,
                Lots.none().with(CouncilMajority.LOT_KEY, Lot.of("C", "B"))).orElseThrow();
        assertThat(r.lists().stream().map(CouncilResult.ListOutcome::seats)).containsExactly(7, 2, 3);
    }

    @Test
    void hessenMajorityClauseGivesTheRemainderSeatToTheMajorityListAsInTheCaseOfHessVgh1988() {
        // Hess. VGH 27.5.1988 – 6 UE 3410/86 (openjur.de/u/288973.html): 2 seats, joint list SPD/GRÜNE 23 and CDU/FDP
        // 20 of 43 votes; "der zweite Sitz [wurde] dem gemeinsamen Wahlvorschlag SPD/GRÜNE gemäß § 22 Abs. 4 KWG
        // zugeteilt". KWG § 22 Abs. 3: quotas 46/43 = 1.07 and 40/43 = 0.93 → whole seats 1/0, the remainder seat to
        // CDU/FDP (0.93): 1/1. § 22 Abs. 4: SPD/GRÜNE (23 > 21.5) holds 1 of 2, not more than half → it takes the
        // remainder seat: 2/0, size unchanged.
        var lists = List.of(listOf("SPD/GRÜNE", 23, 2), listOf("CDU/FDP", 20, 2));
        CouncilResult r = CouncilElection.allocate(MunicipalLaw.HESSEN, 2, lists, Lots.none()).orElseThrow();
        assertThat(r.apportionment().seats().values()).containsExactly(1, 1);
        assertThat(r.lists().stream().map(CouncilResult.ListOutcome::seats)).containsExactly(2, 0);
        assertThat(r.majority().clause().party()).contains("SPD/GRÜNE");
        assertThat(r.houseSize()).isEqualTo(2);
        assertThat(MunicipalLaw.HESSEN.majorityParagraph()).isEqualTo("KWG § 22 Abs. 4");
    }

    @Test
    void hessenMajorityListFirstThenEqualRemaindersOfTheOthersNeedALot() {
        // Shaped after BVerwG press release 32/2010 (Frankfurt am Main, Magistrat 18.5.2006, 14 seats): the joint list
        // CDU/Grüne "erhielt vorab einen zusätzlichen Sitz nach der sog. Mehrheitsklausel des § 22 Abs. 4" → 8, SPD 3,
        // Linke, FDP, FAG 1 each, "der letzte Sitz war zwischen FAG und BFF verlost worden". The release gives no votes;
        // we assume 48/22/6/6/4/4 (the factions' sizes, BFF with 4). § 22 Abs. 3: quotas ×14/90 = 7.47/3.42/0.93/0.93/
        // 0.62/0.62 → whole 7/3/0/0/0/0, four remainder seats to Linke, FDP, FAG, BFF: 7/3/1/1/1/1. Abs. 4: CDU/Grüne
        // (48 of 90) holds 7 of 14 → first remainder seat to it (8); three are left: Linke, FDP, then FAG and BFF tie
        // at 0.62 for one seat → lot "sitze:mehrheit" (§ 22 Abs. 3 S. 4), exactly as published.
        var lists = List.of(listOf("CDU/Grüne", 48, 9), listOf("SPD", 22, 5), listOf("Linke", 6, 3),
                listOf("FDP", 6, 3), listOf("FAG", 4, 2), listOf("BFF", 4, 2));
        assertThat(CouncilElection.allocate(MunicipalLaw.HESSEN, 14, lists, Lots.none()))
                .isInstanceOfSatisfying(SeatOutcome.LotRequired.class, l -> {
                    assertThat(l.decision()).isEqualTo(CouncilMajority.LOT_KEY);
                    assertThat(l.tie().tied()).containsExactlyInAnyOrder("FAG", "BFF");
                    assertThat(l.tie().contestedSeats()).isEqualTo(1);
                    assertThat(l.tie().value()).isEqualTo(de.wahlwerk.core.arith.Rational.of(56, 90));
                    assertThat(l.reason()).startsWith("KWG § 22 Abs. 4");
                });
        CouncilResult r = CouncilElection.allocate(MunicipalLaw.HESSEN, 14, lists,
                Lots.none().with(CouncilMajority.LOT_KEY, Lot.of("FAG", "BFF"))).orElseThrow();
        assertThat(r.apportionment().seats().values()).containsExactly(7, 3, 1, 1, 1, 1);
        assertThat(r.lists().stream().map(CouncilResult.ListOutcome::seats)).containsExactly(8, 3, 1, 1, 1, 0);
        // exactly half of the votes: no clause (§ 22 Abs. 4 "mehr als die Hälfte")
        var half = List.of(listOf("A", 45, 9), listOf("B", 22, 5), listOf("C", 23, 5));
        assertThat(CouncilElection.allocate(MunicipalLaw.HESSEN, 14, half, Lots.none()).orElseThrow()
                .majority().clause().party()).isEmpty();
    }

    @Test
    void thueringenHasNoThresholdAndUsesHareNiemeyer() {
        // ThürKWG § 22 Abs. 1 Hare/Niemeyer; the 5 % clause of § 22 Abs. 2 was declared void by the ThürVerfGH
        // (11.4.2008, VerfGH 22/05). 20 seats, 6,000 / 3,600 / 400 of 10,000: C has 4 % and quota 0.8 → whole seats
        // 12/7/0, the one remainder seat to C (0.8 > 0.2 of B, 0 of A): 12/7/1.
        var lists = List.of(listOf("A", 6_000, 20), listOf("B", 3_600, 10), listOf("C", 400, 3));
        CouncilResult r = CouncilElection.allocate(MunicipalLaw.THUERINGEN, 20, lists, Lots.none()).orElseThrow();
        assertThat(r.lists().stream().map(CouncilResult.ListOutcome::seats)).containsExactly(12, 7, 1);
    }
}
