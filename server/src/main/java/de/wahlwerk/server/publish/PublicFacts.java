package de.wahlwerk.server.publish;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.model.PollingStation;
import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.server.results.SeatReport;
import java.util.List;
import java.util.Map;

/**
 * What the public pages of one election need beyond the tally, gathered once per publication
 * (never per request): area names, the polling stations of each area, the constituency
 * candidates, the seat calculation so far, and the referendum's approval quorum.
 *
 * @param stations   polling stations per area (each area lists the stations of all its units)
 * @param candidates first-vote candidate per constituency key and party short name
 * @param seats      the seat report, or null where the election fills no seats or it failed
 * @param finalResult whether an official final result has been recorded for the election
 * @param quorum     approval quorum of a referendum, or null where it cannot be determined
 */
record PublicFacts(Map<AreaRef, String> names, Map<AreaRef, List<PollingStation>> stations,
        Map<String, Map<String, String>> candidates, SeatReport seats, boolean finalResult, Rational quorum,
        String yesGroup, String noGroup, Map<AreaRef, Choropleth.Shape> shapes) {

    String name(AreaRef ref) {
        return names.getOrDefault(ref, ref.key());
    }
}
