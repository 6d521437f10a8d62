package de.wahlwerk.core.seats.bundestag;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.seats.Lots;
import de.wahlwerk.core.seats.bundestag.ConstituencyOutcome.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Persons elected from the Landeslisten under both laws, on small synthetic elections worked out by
 * hand. Wahlkreis candidates are named by their party (as the server does) and carry the person,
 * which is how the list recognises them.
 */
class BundestagListCandidatesTest {

    private static ConstituencyCandidate candidate(String party, String person, long votes) {
        return new ConstituencyCandidate(party, Optional.of(party), votes, Map.of(), Optional.of(person));
    }

    private static Constituency wk(String nr, long valid, ConstituencyCandidate... c) {
        return new Constituency(nr, "A", valid, List.of(c));
    }

    private static LandList list(String party, long votes, String... candidates) {
        return new LandList("A", party, votes, Optional.of(List.of(candidates)));
    }

    /**
     * 2023 law, 4 seats, one Land, X and Y 50 : 50 second votes → 2 : 2 (no majority clause: not more
     * than half). X wins three Wahlkreise with 60, 55 and 51 % — the first two are covered, the third
     * is not (§ 6 Abs. 1); Y wins one.
     */
    @Test
    void bundestag2025CoveredWinnersAreSkippedUncoveredOnesStayOnTheList() {
        var votes = new BundestagVotes(100,
                List.of(list("X", 50, "X-w3", "X-w1", "X1"), list("Y", 50, "Y1", "Y-w", "Y2")),
                List.of(wk("1", 100, candidate("X", "X-w1", 60), candidate("Y", "Y-a", 40)),
                        wk("2", 100, candidate("X", "X-w2", 55), candidate("Y", "Y-b", 45)),
                        wk("3", 100, candidate("X", "X-w3", 51), candidate("Y", "Y-c", 49)),
                        wk("4", 100, candidate("Y", "Y-w", 70), candidate("X", "X-d", 30))),
                Set.of());
        Bundestag2025Result r = Bundestag2025.allocate(4, votes, Lots.none()).orElseThrow();
        assertThat(r.seatsPerParty()).containsEntry("X", 2).containsEntry("Y", 2);
        assertThat(r.constituency("3").status()).isEqualTo(Status.NOT_COVERED);

        LandListResult x = r.landList("A", "X");
        assertThat(x.covered()).isEqualTo(2);
        assertThat(x.listSeats()).isZero();
        assertThat(x.electedFromList()).isEmpty();
        // X-w1 is elected in Wahlkreis 1 and skipped (§ 6 Abs. 4 S. 2); X-w3, not elected in
        // Wahlkreis 3, keeps the first place among the successors
        assertThat(x.filling().substitutes()).containsExactly("X-w3", "X1");

        LandListResult y = r.landList("A", "Y");
        assertThat(y.covered()).isEqualTo(1);
        assertThat(y.electedFromList()).containsExactly("Y1");
        assertThat(y.filling().substitutes()).containsExactly("Y2");
        assertThat(y.vacant()).isZero();
    }

    /** 2023 law: the list seats left after coverage, with the winner on the list and the list too short. */
    @Test
    void bundestag2025ExhaustedListAfterSkippingTheWinner() {
        // 6 seats, X 50 : Y 50 → 3 : 3; Y wins Wahlkreis 1 (covered) and has the winner and one more on the list
        var votes = new BundestagVotes(100, List.of(list("X", 50, "X1", "X2", "X3", "X4"), list("Y", 50, "Y-w", "Y1")),
                List.of(wk("1", 100, candidate("Y", "Y-w", 60), candidate("X", "X-a", 40))), Set.of());
        Bundestag2025Result r = Bundestag2025.allocate(6, votes, Lots.none()).orElseThrow();
        LandListResult y = r.landList("A", "Y");
        assertThat(y.seats()).isEqualTo(3);
        assertThat(y.listSeats()).isEqualTo(2);
        assertThat(y.electedFromList()).containsExactly("Y1");
        assertThat(y.vacant()).isEqualTo(1);
        assertThat(r.landList("A", "X").electedFromList()).containsExactly("X1", "X2", "X3");
        assertThat(r.landList("A", "X").filling().substitutes()).containsExactly("X4");
    }

    /**
     * 2020 law: one Land of 598 seats; X 598,000, Y 400,000, Z 2,000 of 1,000,000 second votes. Z
     * wins three Wahlkreise (Grundmandatsklausel) but its contingent is 1 seat (2,000 / 1,000,000 × 598
     * = 1.196): Mindestsitzzahl max(3, ⌈(3 + 1) / 2⌉) = 3, two seats of overhang stay unbalanced
     * (≤ 3), so Z has 3 seats, all Wahlkreis seats, and no list seat. Y wins one Wahlkreis.
     */
    @Test
    void bundestag2021AllWinnersElectedListFilledAfterThem() {
        var votes = new BundestagVotes(1_000_000,
                List.of(new LandList("A", "X", 598_000, Optional.empty()), list("Y", 400_000, "Y1", "Y-w", "Y2"),
                        list("Z", 2_000, "Z-w1", "Z1", "Z-w2")),
                List.of(wk("1", 100, candidate("Z", "Z-w1", 40), candidate("X", "X-a", 35), candidate("Y", "Y-a", 25)),
                        wk("2", 100, candidate("Z", "Z-w2", 40), candidate("X", "X-b", 35), candidate("Y", "Y-b", 25)),
                        wk("3", 100, candidate("Z", "Z-w3", 40), candidate("X", "X-c", 35), candidate("Y", "Y-c", 25)),
                        wk("4", 100, candidate("Y", "Y-w", 50), candidate("X", "X-d", 50 - 1))),
                Set.of());
        Bundestag2021Result r = Bundestag2021.allocate(votes, Map.of("A", 1_000L), Lots.none()).orElseThrow();

        Bundestag2021Result.ListClaim z = claim(r, "Z");
        assertThat(z.constituencySeats()).isEqualTo(3);
        assertThat(z.firstSeats()).isEqualTo(1);
        assertThat(z.finalSeats()).isEqualTo(3);
        assertThat(z.filling().elected()).isEmpty();
        // the winners are elected in their Wahlkreise and skipped; Z1 is the only successor
        assertThat(z.filling().substitutes()).containsExactly("Z1");

        Bundestag2021Result.ListClaim y = claim(r, "Y");
        assertThat(y.constituencySeats()).isEqualTo(1);
        assertThat(y.listSeats()).isEqualTo(y.finalSeats() - 1);
        // Y-w is skipped; the list has two more names for far more list seats: the rest stay vacant
        assertThat(y.filling().elected()).containsExactly("Y1", "Y2");
        assertThat(y.filling().vacant()).isEqualTo(y.finalSeats() - 1 - 2).isPositive();

        // X gave no candidates: nobody named, nothing counted as vacant
        assertThat(claim(r, "X").filling().named()).isFalse();
        assertThat(claim(r, "X").filling().vacant()).isZero();
    }

    private static Bundestag2021Result.ListClaim claim(Bundestag2021Result r, String party) {
        return r.lists().stream().filter(l -> l.party().equals(party)).findFirst().orElseThrow();
    }
}
