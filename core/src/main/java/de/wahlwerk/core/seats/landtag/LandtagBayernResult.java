package de.wahlwerk.core.seats.landtag;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.seats.Apportionment;
import java.util.List;
import java.util.Map;

/**
 * @param admitted      parties with at least 5 % of the Gesamtstimmen in the Land, with their share
 * @param wahlkreise    per Wahlkreis the distribution after compensation
 * @param seatsPerParty final seats per party in the Landtag
 * @param houseSize     final size of the Landtag
 */
public record LandtagBayernResult(Map<String, Rational> admitted, List<Wahlkreis> wahlkreise,
        Map<String, Integer> seatsPerParty, int houseSize) {

    /**
     * @param baseSeats          statutory seats of the Wahlkreis
     * @param seats              seats after the increase for overhang (base + overhang + compensation)
     * @param apportionment      the Hare/Niemeyer distribution of {@code seats}
     * @param overhang           per party: Stimmkreis seats beyond its share at the base size
     * @param constituencySeats  per party: Stimmkreis seats (of admitted parties)
     */
    public record Wahlkreis(String name, int baseSeats, int seats, Apportionment apportionment,
            Map<String, Integer> overhang, Map<String, Integer> constituencySeats) {}
}
