package de.wahlwerk.core.seats.bundestag;

import de.wahlwerk.core.seats.Apportionment;
import java.util.List;
import java.util.Map;

/**
 * Seat calculation of a Bundestag election under the BWG as amended in 2020 (election 2021).
 *
 * @param houseSize           final size (598 + overhang and compensation seats)
 * @param threshold           threshold decision per party (§ 6 Abs. 3 a.F.)
 * @param sitzkontingente     598 seats to the Länder by German population (§ 6 Abs. 2 S. 1 a.F.)
 * @param firstDistribution   per Land: its contingent to the eligible Landeslisten (§ 6 Abs. 2 S. 2 a.F.)
 * @param lists               per Landesliste: Wahlkreis seats, first-distribution seats, Mindestsitzzahl
 * @param increasedSize       the increased total of § 6 Abs. 5 a.F. before unbalanced overhang
 * @param secondDistribution  the increased total to the parties (§ 6 Abs. 6 S. 1 a.F.)
 * @param unbalancedOverhang  overhang seats left without compensation (at most three in all)
 * @param unterverteilung     per party its seats to its Landeslisten, each at least its Mindestsitzzahl
 * @param seatsPerParty       final seats per party
 */
public record Bundestag2021Result(int houseSize, List<ThresholdDecision> threshold, Apportionment sitzkontingente,
        Map<String, Apportionment> firstDistribution, List<ListClaim> lists, int increasedSize,
        Apportionment secondDistribution, Map<String, Integer> unbalancedOverhang,
        Map<String, Apportionment> unterverteilung, Map<String, Integer> seatsPerParty) {

    /**
     * @param constituencySeats Wahlkreis seats of the party in the Land
     * @param firstSeats        seats from the first distribution
     * @param minimumSeats      Mindestsitzzahl = max(constituency seats, ⌈(constituency + first seats) / 2⌉)
     * @param finalSeats        seats after the Unterverteilung of the second distribution
     * @param filling           who takes the list seats (finalSeats − constituencySeats) and who follows;
     *                          unnamed when the list's candidates were not given
     */
    public record ListClaim(String land, String party, int constituencySeats, int firstSeats, int minimumSeats,
            int finalSeats, ListSeats.Filling filling) {
        public int listSeats() {
            return finalSeats - constituencySeats;
        }
    }
}
