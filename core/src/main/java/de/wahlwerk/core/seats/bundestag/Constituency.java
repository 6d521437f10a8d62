package de.wahlwerk.core.seats.bundestag;

import java.util.List;

/**
 * First-vote result of one Wahlkreis.
 *
 * @param number          Wahlkreis number, e.g. "001"
 * @param land            the Land it belongs to (same key as in {@link LandList#land()})
 * @param validFirstVotes valid first votes, the base of the Erststimmenanteil (BWG § 6 Abs. 1 S. 3)
 * @param candidates      candidates with their first votes
 */
public record Constituency(String number, String land, long validFirstVotes, List<ConstituencyCandidate> candidates) {

    public Constituency {
        candidates = List.copyOf(candidates);
    }
}
