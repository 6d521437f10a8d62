package de.wahlwerk.core.seats.bundestag;

import java.util.List;
import java.util.Set;

/**
 * The official vote totals a Bundestag seat calculation starts from.
 *
 * @param validSecondVotes all valid second votes in the federation (base of the 5 % threshold)
 * @param lists            second votes per Landesliste (all parties, also those below the threshold)
 * @param constituencies   first-vote results of all Wahlkreise
 * @param minorityParties  parties of national minorities, exempt from the threshold (BWG § 4 Abs. 2 S. 3), e.g. SSW
 */
public record BundestagVotes(long validSecondVotes, List<LandList> lists, List<Constituency> constituencies,
        Set<String> minorityParties) {

    public BundestagVotes {
        lists = List.copyOf(lists);
        constituencies = List.copyOf(constituencies);
        minorityParties = Set.copyOf(minorityParties);
    }
}
