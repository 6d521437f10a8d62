package de.wahlwerk.core.seats.landtag;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.seats.Lot;
import de.wahlwerk.core.seats.Lots;
import de.wahlwerk.core.seats.SeatOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The special cases of the Landtag Bayern rules as implemented (see {@link LandtagBayern}; article
 * numbers LWG Art. 42–44 [UNV]) on small constructed Wahlkreise.
 */
class LandtagBayernRulesTest {

    private static Map<String, Long> votes(Object... pairs) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return m;
    }

    @Test
    void partyBelowFivePercentLandWideGetsNoSeatEvenWithAStimmkreis() {
        // D has 4.9 % of the Gesamtstimmen in the Land and wins a Stimmkreis: not admitted, no seat
        var wk = new WahlkreisVotes("Oberpfalz", 10, votes("A", 5_000, "B", 3_000, "C", 1_510, "D", 490),
                Map.of("A", 3, "D", 1));
        LandtagBayernResult r = LandtagBayern.allocate(List.of(wk), Lots.none()).orElseThrow();
        assertThat(r.admitted()).containsOnlyKeys("A", "B", "C");
        assertThat(r.seatsPerParty()).doesNotContainKey("D");
        assertThat(r.houseSize()).isEqualTo(10);
        // exactly 5 % is enough ("mindestens fünf vom Hundert")
        var five = new WahlkreisVotes("Oberpfalz", 10, votes("A", 5_000, "B", 2_900, "C", 1_600, "D", 500), Map.of());
        assertThat(LandtagBayern.allocate(List.of(five), Lots.none()).orElseThrow().admitted()).containsKey("D");
    }

    @Test
    void overhangIsKeptAndTheWahlkreisGrowsUntilEveryPartyIsCovered() {
        // Hare/Niemeyer at 10 seats: A 4, B 3, C 3 (quotas 4.0, 3.1, 2.9); A won 6 Stimmkreise → overhang 2.
        // The Wahlkreis grows until A's share covers 6: 11 → A 5, 12 → A 5, 13 → A 5 (quotas 5.2, 4.03, 3.77),
        // 14 → quotas 5.6, 4.34, 4.06: A 6, B 4, C 4 — B and C receive compensation seats.
        var wk = new WahlkreisVotes("Schwaben", 10, votes("A", 4_000, "B", 3_100, "C", 2_900), Map.of("A", 6));
        LandtagBayernResult r = LandtagBayern.allocate(List.of(wk), Lots.none()).orElseThrow();
        var w = r.wahlkreise().getFirst();
        assertThat(w.overhang()).containsEntry("A", 2);
        assertThat(w.seats()).isEqualTo(14);
        assertThat(r.seatsPerParty()).containsExactly(Map.entry("A", 6), Map.entry("B", 4), Map.entry("C", 4));
        assertThat(r.houseSize()).isEqualTo(14);
    }

    @Test
    void equalRemaindersInAWahlkreisNeedALot() {
        // 5 seats, A = B = C: quotas 1 2/3 each → 1 each, two remainder seats for three equal remainders
        var wk = new WahlkreisVotes("Oberfranken", 5, votes("A", 1_000, "B", 1_000, "C", 1_000), Map.of());
        assertThat(LandtagBayern.allocate(List.of(wk), Lots.none()))
                .isInstanceOfSatisfying(SeatOutcome.LotRequired.class, l -> {
                    assertThat(l.decision()).isEqualTo("wahlkreis:Oberfranken:5");
                    assertThat(l.tie().tied()).containsExactlyInAnyOrder("A", "B", "C");
                    assertThat(l.tie().contestedSeats()).isEqualTo(2);
                });
        LandtagBayernResult r = LandtagBayern.allocate(List.of(wk),
                Lots.none().with("wahlkreis:Oberfranken:5", Lot.of("C", "A", "B"))).orElseThrow();
        assertThat(r.seatsPerParty()).containsExactly(Map.entry("A", 2), Map.entry("B", 1), Map.entry("C", 2));
    }
}
