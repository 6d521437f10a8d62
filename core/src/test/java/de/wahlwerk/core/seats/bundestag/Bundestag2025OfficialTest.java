package de.wahlwerk.core.seats.bundestag;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.Fixtures;
import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.seats.Lots;
import de.wahlwerk.core.seats.bundestag.ConstituencyOutcome.Status;
import de.wahlwerk.core.seats.bundestag.ThresholdDecision.Reason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the official final result of the Bundestag election of 23.2.2025 from the
 * Bundeswahlleiterin's kerg2.csv (btw2025-kerg2): seats per party, per Landesliste, and for each
 * of the 299 Wahlkreise whether its winner got the seat (column "Gewählt" of the same file).
 */
class Bundestag2025OfficialTest {

    private static Kerg2TestReader.Kerg2 kerg;
    private static Bundestag2025Result result;

    @BeforeAll
    static void compute() throws Exception {
        kerg = Kerg2TestReader.read(Fixtures.file("btw2025-kerg2/kerg2.csv"), Set.of("SSW"));
        result = Bundestag2025.allocate(kerg.votes(), Lots.none()).orElseThrow();
    }

    @Test
    void seatsPerPartyAsOfficiallyAnnounced() {
        // official final result (Bundeswahlleiterin, 14.3.2025; ELECTORAL_LAW.md § 2.3 [V-OFF S2])
        Map<String, Integer> official = new LinkedHashMap<>();
        official.put("CDU", 164);
        official.put("AfD", 152);
        official.put("SPD", 120);
        official.put("GRÜNE", 85);
        official.put("Die Linke", 64);
        official.put("CSU", 44);
        official.put("SSW", 1);
        assertThat(result.seatsPerParty()).containsExactlyInAnyOrderEntriesOf(official);
        assertThat(result.houseSize()).isEqualTo(630);
        assertThat(result.independentsElected()).isEmpty();
        assertThat(result.majorityClause().party()).isEmpty();
    }

    @Test
    void thresholdDecisions() {
        Map<String, Reason> reasons = result.threshold().stream()
                .collect(Collectors.toMap(ThresholdDecision::party, ThresholdDecision::reason));
        assertThat(reasons).containsEntry("CDU", Reason.FIVE_PERCENT).containsEntry("Die Linke", Reason.FIVE_PERCENT)
                .containsEntry("CSU", Reason.FIVE_PERCENT) // 5.970 % of the national total
                .containsEntry("SSW", Reason.NATIONAL_MINORITY)
                .containsEntry("BSW", Reason.BELOW_THRESHOLD).containsEntry("FDP", Reason.BELOW_THRESHOLD);
        ThresholdDecision bsw = result.threshold().stream().filter(t -> t.party().equals("BSW")).findFirst().orElseThrow();
        // BSW missed 5 % by 9,529 votes (§ 2.3.1): 2,472,947 < 2,482,475.6
        assertThat(bsw.secondVotes()).isEqualTo(2_472_947L);
        assertThat(Rational.of(kerg.votes().validSecondVotes()).divide(20).subtract(Rational.of(bsw.secondVotes()))
                .floor().longValue()).isEqualTo(9_528L); // 9,528.6 → "missed by 9,529 votes"
    }

    @Test
    void oberverteilungDivisorSpan() {
        // § 2.3.2: admissible divisor interval (68 063.064, 68 138.575], round divisor 68 100
        var span = result.oberverteilung().explanation().divisor().orElseThrow();
        assertThat(span.lowExclusive()).isEqualTo(Rational.of(11_196_374L).divide(Rational.parse("164.5")));
        assertThat(span.highInclusive()).isEqualTo(Rational.of(2_964_028L).divide(Rational.parse("43.5")));
        assertThat(span.chosen()).isEqualTo(Rational.of(68_100));
        // the Anfangsdivisor yields 631 seats, so the procedure raises it (§ 2.3.2)
        var steps = result.oberverteilung().explanation().divisorSearch();
        assertThat(steps.getFirst().divisor()).isEqualTo(Rational.of(42_833_356L, 630));
        assertThat(steps.getFirst().seats()).isEqualTo(631);
        assertThat(steps.getLast().seats()).isEqualTo(630);
    }

    @Test
    void seatsPerLandesliste() {
        // ELECTORAL_LAW.md § 2.3.3 (per-Land table; Land totals, and the seat distribution the
        // Bundeswahlleiterin published with the final result)
        String[] parties = {"CDU", "AfD", "SPD", "GRÜNE", "Die Linke", "CSU", "SSW"};
        String table = """
                Schleswig-Holstein 8 5 5 4 2 - 1 25
                Hamburg 3 2 3 3 2 - - 13
                Niedersachsen 21 13 17 8 6 - - 65
                Bremen 1 1 1 1 1 - - 5
                Nordrhein-Westfalen 47 26 31 19 13 - - 136
                Hessen 15 9 10 7 4 - - 45
                Rheinland-Pfalz 11 7 7 4 2 - - 31
                Baden-Württemberg 29 19 13 12 6 - - 79
                Bayern - 22 14 14 7 44 - 101
                Saarland 2 2 2 1 1 - - 8
                Berlin 5 4 4 5 6 - - 24
                Brandenburg 4 8 4 2 3 - - 21
                Mecklenburg-Vorpommern 3 5 2 1 2 - - 13
                Sachsen 7 14 3 2 4 - - 30
                Sachsen-Anhalt 4 7 2 1 2 - - 16
                Thüringen 4 8 2 1 3 - - 18
                """;
        int checked = 0;
        for (String line : table.strip().split("\n")) {
            String[] f = line.strip().split(" ");
            String land = f[0];
            int sum = 0;
            for (int p = 0; p < parties.length; p++) {
                String party = parties[p];
                if (f[p + 1].equals("-")) {
                    assertThat(result.landLists()).noneMatch(l -> l.land().equals(land) && l.party().equals(party));
                    continue;
                }
                LandListResult l = result.landList(land, parties[p]);
                assertThat(l.seats()).as("%s %s", parties[p], land).isEqualTo(Integer.parseInt(f[p + 1]));
                sum += l.seats();
                checked++;
            }
            assertThat(sum).as("seats of %s", land).isEqualTo(Integer.parseInt(f[8]));
        }
        assertThat(checked).isEqualTo(result.landLists().size()).isEqualTo(15 + 4 * 16 + 1 + 1);
    }

    @Test
    void everyWahlkreisAsInTheGewaehltColumn() {
        assertThat(result.constituencies()).hasSize(299);
        int mismatches = 0;
        for (ConstituencyOutcome o : result.constituencies()) {
            String wk = o.winner().constituency().number();
            String official = kerg.gewaehlt().get(wk);
            String ours = o.elected() ? o.winner().candidate().party().orElseThrow() : "–";
            if (!official.equals(ours)) {
                mismatches++;
            }
            assertThat(ours).as("Wahlkreis %s %s", wk, kerg.constituencyNames().get(wk)).isEqualTo(official);
        }
        assertThat(mismatches).isZero();
        List<String> uncovered = result.constituencies().stream().filter(o -> o.status() == Status.NOT_COVERED)
                .map(o -> o.winner().constituency().number()).sorted().toList();
        // § 2.3.5: the 23 winners without a seat
        assertThat(uncovered).containsExactly("001", "014", "054", "058", "071", "151", "169", "181", "182", "183",
                "185", "202", "204", "206", "218", "243", "251", "259", "274", "275", "277", "282", "290");
        Map<String, Long> coveredPerParty = result.constituencies().stream().filter(ConstituencyOutcome::elected)
                .collect(Collectors.groupingBy(o -> o.winner().candidate().party().orElseThrow(), Collectors.counting()));
        assertThat(coveredPerParty).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CDU", 128L, "AfD", 42L, "SPD", 44L, "GRÜNE", 12L, "Die Linke", 6L, "CSU", 44L));
    }

    @Test
    void hessenCdUCutOff() {
        // § 2.3.6 sensitivity: Hessen CDU has 15 seats for 20 winners; Groß-Gerau (30.3465 %) misses the
        // cut at 30.4350 %
        LandListResult hessen = result.landList("Hessen", "CDU");
        assertThat(hessen.covered()).isEqualTo(15);
        assertThat(hessen.listSeats()).isZero();
        assertThat(hessen.rankedWinners()).hasSize(20);
        assertThat(hessen.rankedWinners().get(15).constituency().number()).isEqualTo("183");
        assertThat(result.constituency("183").coverageRank()).hasValue(16);
        // Bremen SPD: 1 seat for 2 winners
        assertThat(result.landList("Bremen", "SPD").rankedWinners().getFirst().constituency().number()).isEqualTo("055");
    }
}
