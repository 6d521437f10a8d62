package de.wahlwerk.core.seats.bundestag;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.Fixtures;
import de.wahlwerk.core.seats.Lots;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Back-test of the 2020 law on the official final result of 26.9.2021 (btw2021-kerg, before the
 * Berlin repeat election): 736 seats.
 */
class Bundestag2021OfficialTest {

    /**
     * German population per Land on 31.5.2021, as published by the Bundeswahlleiter with the
     * Sitzkontingente (press release 9.9.2021, "btw21-sitzkontingente"; values as mirrored in
     * anuejn/bundestagswahlrechtsreform data_cleaned/einwohnerdaten/2021.json).
     */
    static final Map<String, Long> POPULATION_2021 = new LinkedHashMap<>();

    static {
        POPULATION_2021.put("Schleswig-Holstein", 2_659_792L);
        POPULATION_2021.put("Mecklenburg-Vorpommern", 1_532_412L);
        POPULATION_2021.put("Hamburg", 1_537_766L);
        POPULATION_2021.put("Niedersachsen", 7_207_587L);
        POPULATION_2021.put("Bremen", 548_941L);
        POPULATION_2021.put("Brandenburg", 2_397_701L);
        POPULATION_2021.put("Sachsen-Anhalt", 2_056_177L);
        POPULATION_2021.put("Berlin", 2_942_960L);
        POPULATION_2021.put("Nordrhein-Westfalen", 15_415_642L);
        POPULATION_2021.put("Sachsen", 3_826_905L);
        POPULATION_2021.put("Hessen", 5_222_158L);
        POPULATION_2021.put("Thüringen", 1_996_822L);
        POPULATION_2021.put("Rheinland-Pfalz", 3_610_865L);
        POPULATION_2021.put("Bayern", 11_328_866L);
        POPULATION_2021.put("Baden-Württemberg", 9_313_413L);
        POPULATION_2021.put("Saarland", 865_191L);
    }

    private static Bundestag2021Result result;

    @BeforeAll
    static void compute() throws Exception {
        var kerg = Kerg2TestReader.read(Fixtures.file("btw2021-kerg/kerg2021_2.csv"), Set.of("SSW"));
        result = Bundestag2021.allocate(kerg.votes(), POPULATION_2021, Lots.none()).orElseThrow();
    }

    @Test
    void sitzkontingenteAsPublished() {
        // Sitzkontingente 2021 (same press release; ELECTORAL_LAW.md § 8.4)
        Map<String, Integer> official = Map.ofEntries(Map.entry("Schleswig-Holstein", 22),
                Map.entry("Mecklenburg-Vorpommern", 13), Map.entry("Hamburg", 13), Map.entry("Niedersachsen", 59),
                Map.entry("Bremen", 5), Map.entry("Brandenburg", 20), Map.entry("Sachsen-Anhalt", 17),
                Map.entry("Berlin", 24), Map.entry("Nordrhein-Westfalen", 127), Map.entry("Sachsen", 32),
                Map.entry("Hessen", 43), Map.entry("Thüringen", 16), Map.entry("Rheinland-Pfalz", 30),
                Map.entry("Bayern", 93), Map.entry("Baden-Württemberg", 77), Map.entry("Saarland", 7));
        assertThat(result.sitzkontingente().seats()).containsExactlyInAnyOrderEntriesOf(official);
    }

    @Test
    void officialSeatDistribution() {
        // amtliches Endergebnis 2021 (Bundeswahlleiter, 15.10.2021): 736 seats
        assertThat(result.houseSize()).isEqualTo(736);
        assertThat(result.seatsPerParty()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SPD", 206, "CDU", 152, "GRÜNE", 118, "FDP", 92, "AfD", 83, "CSU", 45, "DIE LINKE", 39, "SSW", 1));
        // Appendix B: the second distribution at 733 seats, CSU keeps 3 unbalanced overhang seats
        assertThat(result.increasedSize()).isEqualTo(733);
        assertThat(result.unbalancedOverhang()).containsEntry("CSU", 3);
        // DIE LINKE (4.9 %) entered through three Wahlkreise (Grundmandatsklausel)
        assertThat(result.threshold()).anySatisfy(t -> {
            assertThat(t.party()).isEqualTo("DIE LINKE");
            assertThat(t.reason()).isEqualTo(ThresholdDecision.Reason.CONSTITUENCY_SEAT_EXEMPTION);
            assertThat(t.constituencyWins()).isEqualTo(3);
        });
    }

    @Test
    void everyListHoldsItsWahlkreisSeats() {
        int constituencySeats = 0;
        for (var l : result.lists()) {
            assertThat(l.finalSeats()).as("%s %s", l.party(), l.land()).isGreaterThanOrEqualTo(l.minimumSeats());
            assertThat(l.listSeats()).isGreaterThanOrEqualTo(0);
            constituencySeats += l.constituencySeats();
        }
        assertThat(constituencySeats).isEqualTo(299);
        // CSU: 45 Wahlkreise in Bayern, all seats are Wahlkreis seats (official: 45 direct mandates)
        assertThat(result.lists()).filteredOn(l -> l.party().equals("CSU")).singleElement()
                .satisfies(l -> assertThat(l.constituencySeats()).isEqualTo(45).isEqualTo(l.finalSeats()));
    }
}
