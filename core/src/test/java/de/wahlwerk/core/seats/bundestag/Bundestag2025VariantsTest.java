package de.wahlwerk.core.seats.bundestag;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.seats.Lot;
import de.wahlwerk.core.seats.Lots;
import de.wahlwerk.core.seats.SeatOutcome;
import de.wahlwerk.core.seats.bundestag.ConstituencyOutcome.Status;
import de.wahlwerk.core.seats.bundestag.ThresholdDecision.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Synthetic cases of ELECTORAL_LAW.md § 2.4 that the 2025 data do not contain. */
class Bundestag2025VariantsTest {

    /** Two Länder; X, Y large parties, Z small, M a minority party. 1,000,000 valid second votes. */
    private static List<LandList> lists(long zA) {
        return List.of(
                LandList.of("A", "X", 300_000), LandList.of("A", "Y", 150_000), LandList.of("A", "Z", zA),
                LandList.of("A", "M", 10_000),
                LandList.of("B", "X", 200_000), LandList.of("B", "Y", 300_000 - zA), LandList.of("B", "Z", 20_000));
    }

    private static Constituency wk(String nr, String land, long valid, ConstituencyCandidate... c) {
        return new Constituency(nr, land, valid, List.of(c));
    }

    private static ConstituencyCandidate p(String party, long votes) {
        return ConstituencyCandidate.ofParty(party + "-cand", party, votes);
    }

    @Test
    void smallPartyWithThreeWinsTakesPartAndWithTwoDoesNot() {
        List<Constituency> three = List.of(
                wk("1", "B", 100, p("Z", 40), p("X", 30), p("Y", 30)),
                wk("2", "B", 100, p("Z", 40), p("X", 30), p("Y", 30)),
                wk("3", "B", 100, p("Z", 40), p("X", 30), p("Y", 30)));
        var votes = new BundestagVotes(1_000_000, lists(20_000), three, Set.of("M"));
        Bundestag2025Result r = Bundestag2025.allocate(votes, Lots.none()).orElseThrow();
        assertThat(reason(r, "Z")).isEqualTo(Reason.CONSTITUENCY_SEAT_EXEMPTION);
        assertThat(r.seatsPerParty()).containsKey("Z");

        var votes2 = new BundestagVotes(1_000_000, lists(20_000), three.subList(0, 2), Set.of("M"));
        Bundestag2025Result r2 = Bundestag2025.allocate(votes2, Lots.none()).orElseThrow();
        assertThat(reason(r2, "Z")).isEqualTo(Reason.BELOW_THRESHOLD);
        assertThat(r2.seatsPerParty()).doesNotContainKey("Z");
        // the winners of a party that takes no part get no seat, and their seats are not deducted
        assertThat(r2.constituencies()).allMatch(o -> o.status() == Status.PARTY_NOT_ADMITTED);
        assertThat(r2.seatsPerParty().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(630);
    }

    @Test
    void minorityPartyIsExemptButItsWinnerNeedsCoverage() {
        var votes = new BundestagVotes(1_000_000, lists(20_000),
                List.of(wk("1", "A", 100, p("M", 50), p("X", 50 - 1))), Set.of("M"));
        Bundestag2025Result r = Bundestag2025.allocate(votes, Lots.none()).orElseThrow();
        assertThat(reason(r, "M")).isEqualTo(Reason.NATIONAL_MINORITY);
        // Z (40,000, no Wahlkreis) is out; counted X 500,000 + Y 430,000 + M 10,000: 630 · 10/940 = 6.70 → 7
        assertThat(r.seatsPerParty().get("M")).isEqualTo(7);
        assertThat(r.constituency("1").status()).isEqualTo(Status.ELECTED_COVERED);
    }

    @Test
    void independentWinnerIsElectedAndDeducted() {
        var indep = ConstituencyCandidate.independent("Unabhängig", 60, Map.of("X", 40L, "Y", 15L));
        var votes = new BundestagVotes(1_000_000, lists(20_000),
                List.of(wk("1", "A", 100, indep, p("X", 40))), Set.of("M"));
        Bundestag2025Result r = Bundestag2025.allocate(votes, Lots.none()).orElseThrow();
        assertThat(r.constituency("1").status()).isEqualTo(Status.ELECTED_INDEPENDENT);
        assertThat(r.independentsElected()).hasSize(1);
        assertThat(r.seatsPerParty().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(629);
        assertThat(r.houseSize()).isEqualTo(630);
        // X's counted second votes in Land A are 300,000 − 40
        assertThat(r.unterverteilung().get("X").explanation().rows().getFirst().votes()).isEqualTo(299_960);
    }

    @Test
    void equalShareAtTheCutOffNeedsTheLotOfTheBundeswahlleiterin() {
        // give Y one winner more in Land A than its list has seats there, the last two tied on share
        int ySeatsInA = Bundestag2025.allocate(new BundestagVotes(1_000_000, lists(20_000), List.of(), Set.of("M")),
                Lots.none()).orElseThrow().landList("A", "Y").seats();
        List<Constituency> wks = new ArrayList<>();
        for (int i = 0; i < ySeatsInA - 1; i++) {
            wks.add(wk("a" + i, "A", 1000, p("Y", 600 + i), p("X", 300)));
        }
        wks.add(wk("t1", "A", 1000, p("Y", 500), p("X", 400)));
        wks.add(wk("t2", "A", 2000, p("Y", 1000), p("X", 900)));
        var votes = new BundestagVotes(1_000_000, lists(20_000), wks, Set.of("M"));
        SeatOutcome<Bundestag2025Result> outcome = Bundestag2025.allocate(votes, Lots.none());
        assertThat(outcome).isInstanceOfSatisfying(SeatOutcome.LotRequired.class, l -> {
            assertThat(l.decision()).isEqualTo("deckung:A:Y");
            assertThat(l.tie().tied()).containsExactlyInAnyOrder("t1", "t2");
            assertThat(l.tie().contestedSeats()).isEqualTo(1);
        });
        Bundestag2025Result r = Bundestag2025.allocate(votes, Lots.none().with("deckung:A:Y", Lot.of("t2", "t1")))
                .orElseThrow();
        assertThat(r.landList("A", "Y").seats()).isEqualTo(ySeatsInA);
        assertThat(r.constituency("t2").status()).isEqualTo(Status.ELECTED_COVERED);
        assertThat(r.constituency("t1").status()).isEqualTo(Status.NOT_COVERED);
    }

    @Test
    void equalFirstVotesNeedTheLotOfTheKreiswahlleiter() {
        var votes = new BundestagVotes(1_000_000, lists(20_000),
                List.of(wk("7", "A", 100, p("X", 45), p("Y", 45), p("Z", 10))), Set.of("M"));
        assertThat(Bundestag2025.allocate(votes, Lots.none())).isInstanceOfSatisfying(SeatOutcome.LotRequired.class,
                l -> assertThat(l.decision()).isEqualTo("wahlkreis:7"));
        var r = Bundestag2025.allocate(votes, Lots.none().with("wahlkreis:7", Lot.of("Y-cand", "X-cand"))).orElseThrow();
        assertThat(r.constituency("7").winner().candidate().party()).hasValue("Y");
        assertThat(r.constituency("7").winner().byLot()).isTrue();
    }

    @Test
    void exhaustedListLeavesSeatsVacant() {
        List<LandList> withNames = new ArrayList<>(lists(20_000));
        withNames.set(3, new LandList("A", "M", 10_000, Optional.of(List.of("M1", "M2", "M-cand"))));
        var votes = new BundestagVotes(1_000_000, withNames,
                List.of(wk("1", "A", 100, p("M", 50), p("X", 49))), Set.of("M"));
        Bundestag2025Result r = Bundestag2025.allocate(votes, Lots.none()).orElseThrow();
        LandListResult m = r.landList("A", "M");
        assertThat(m.seats()).isEqualTo(7);
        assertThat(m.covered()).isEqualTo(1);
        // the Wahlkreis winner "M-cand" is skipped on the list (§ 6 Abs. 4 S. 2)
        assertThat(m.electedFromList()).containsExactly("M1", "M2");
        assertThat(m.vacant()).isEqualTo(4);
    }

    @Test
    void majorityClauseGrowsTheHouse() {
        var votes = new BundestagVotes(100, List.of(LandList.of("A", "X", 52), LandList.of("A", "Y", 48)), List.of(),
                Set.of());
        Bundestag2025Result r = Bundestag2025.allocate(4, votes, Lots.none()).orElseThrow();
        // Sainte-Laguë gives 2:2; X has more than half of the votes, so it gets 3 of now 5 seats (§ 4 Abs. 4)
        assertThat(r.oberverteilung().seats()).containsEntry("X", 2).containsEntry("Y", 2);
        assertThat(r.majorityClause().party()).hasValue("X");
        assertThat(r.seatsPerParty()).containsEntry("X", 3).containsEntry("Y", 2);
        assertThat(r.houseSize()).isEqualTo(5);
    }

    private static Reason reason(Bundestag2025Result r, String party) {
        return r.threshold().stream().filter(t -> t.party().equals(party)).findFirst().orElseThrow().reason();
    }
}
