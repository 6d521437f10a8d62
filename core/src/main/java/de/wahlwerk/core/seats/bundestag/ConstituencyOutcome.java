package de.wahlwerk.core.seats.bundestag;

import java.util.OptionalInt;

/**
 * Whether the Wahlkreis winner gets a seat (BWG § 6 Abs. 1, 2 in the 2023 version).
 *
 * @param coverageRank 1-based rank of the winner among the party's winners in the Land by
 *                     Erststimmenanteil (BWG § 6 Abs. 1 S. 2, 3); empty when not ranked
 */
public record ConstituencyOutcome(ConstituencyWinner winner, Status status, OptionalInt coverageRank) {

    public enum Status {
        /** party candidate covered by the Landesliste's second-vote seats (§ 6 Abs. 1) */
        ELECTED_COVERED,
        /** candidate nominated by voters, elected by plurality alone (§ 6 Abs. 2) */
        ELECTED_INDEPENDENT,
        /** ranked below the Landesliste's number of seats: no seat (§ 6 Abs. 1 S. 1) */
        NOT_COVERED,
        /** the party takes no part in the distribution (§ 4 Abs. 2 S. 2 Nr. 2): no seat */
        PARTY_NOT_ADMITTED,
        /** the party has no Landesliste in this Land, so no second-vote seats to cover it */
        NO_LAND_LIST
    }

    public boolean elected() {
        return status == Status.ELECTED_COVERED || status == Status.ELECTED_INDEPENDENT;
    }
}
