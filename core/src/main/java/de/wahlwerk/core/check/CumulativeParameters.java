package de.wahlwerk.core.check;

/**
 * The ballot rules of a council election with cumulating and cross-list voting.
 *
 * @param votesPerVoter        N: votes each voter has (Bavaria: as many as seats, Art. 34 Abs. 1 GLKrWG)
 * @param maxVotesPerCandidate M: votes one voter may give one candidate (Bavaria: 3)
 * @param seats                seats to fill; informational (N usually equals it), may be null
 */
public record CumulativeParameters(int votesPerVoter, int maxVotesPerCandidate, Integer seats) {

    /** Far above any council (Munich: 80 seats); bounds the vote ceiling so sums stay exact. */
    public static final int MAX_VOTES_PER_VOTER = 1_000;

    public CumulativeParameters {
        if (votesPerVoter > MAX_VOTES_PER_VOTER) {
            throw new IllegalArgumentException("votesPerVoter above " + MAX_VOTES_PER_VOTER + ": " + votesPerVoter);
        }
        if (votesPerVoter < 1 || maxVotesPerCandidate < 1 || maxVotesPerCandidate > votesPerVoter) {
            throw new IllegalArgumentException(
                    "need 1 <= maxVotesPerCandidate <= votesPerVoter: " + maxVotesPerCandidate + ", " + votesPerVoter);
        }
    }
}
