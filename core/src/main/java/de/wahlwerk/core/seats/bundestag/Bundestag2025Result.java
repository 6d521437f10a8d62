package de.wahlwerk.core.seats.bundestag;

import de.wahlwerk.core.seats.Apportionment;
import de.wahlwerk.core.seats.MajorityClause;
import java.util.List;
import java.util.Map;

/**
 * Complete seat calculation of a Bundestag election under the 2023 law, each step kept for the
 * explanation.
 *
 * @param houseSize           seats of the Bundestag (630, more if the majority clause applied)
 * @param threshold           threshold decision per party
 * @param independentsElected winners nominated by voters (§ 6 Abs. 2), deducted from the seats
 * @param oberverteilung      seats per party (§ 4 Abs. 2), with divisor steps
 * @param majorityClause      § 4 Abs. 4 applied or not
 * @param unterverteilung     seats per Landesliste for each party (§ 4 Abs. 3)
 * @param landLists           coverage and list seats per Landesliste
 * @param constituencies      outcome per Wahlkreis, in input order
 * @param seatsPerParty       final seats per party
 */
public record Bundestag2025Result(int houseSize, List<ThresholdDecision> threshold,
        List<ConstituencyWinner> independentsElected, Apportionment oberverteilung,
        MajorityClause.Result majorityClause, Map<String, Apportionment> unterverteilung,
        List<LandListResult> landLists, List<ConstituencyOutcome> constituencies, Map<String, Integer> seatsPerParty) {

    public LandListResult landList(String land, String party) {
        return landLists.stream().filter(l -> l.land().equals(land) && l.party().equals(party)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Landesliste " + party + " in " + land));
    }

    public ConstituencyOutcome constituency(String number) {
        return constituencies.stream().filter(c -> c.winner().constituency().number().equals(number)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Wahlkreis " + number));
    }
}
