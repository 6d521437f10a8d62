package de.wahlwerk.core.seats.bundestag;

import java.util.List;

/**
 * Seats of one Landesliste and who takes them (BWG § 6 Abs. 1, 4 in the 2023 version).
 *
 * @param seats          seats from the Unterverteilung (§ 4 Abs. 3)
 * @param rankedWinners  the party's Wahlkreis winners in the Land by falling Erststimmenanteil
 * @param covered        how many of them get a seat: min(seats, winners)
 * @param listSeats      seats left for the list: seats − covered
 * @param filling        who takes the list seats (§ 6 Abs. 4), and who follows (§ 48); unnamed when
 *                       the list's candidates were not given
 */
public record LandListResult(String land, String party, int seats, List<ConstituencyWinner> rankedWinners,
        int covered, int listSeats, ListSeats.Filling filling) {

    public LandListResult {
        rankedWinners = List.copyOf(rankedWinners);
    }

    /** List candidates elected, in list order (empty if no list was given). */
    public List<String> electedFromList() {
        return filling.elected();
    }

    /** List seats left empty because the list is exhausted (§ 6 Abs. 4 S. 3). */
    public int vacant() {
        return filling.vacant();
    }
}
