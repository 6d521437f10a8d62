package de.wahlwerk.core.check;

/**
 * The ballot rules of a council election with cumulating and cross-list voting.
 *
 * @param votesPerVoter        N: votes each voter has (Bavaria: as many as seats, Art. 34 Abs. 1 GLKrWG)
 * @param maxVotesPerCandidate M: votes one voter may give one candidate (Bavaria: 3)
 * @param seats                seats to fill; informational (N usually equals it), may be null
 */
public record CumulativeParameters(int votesPerVoter, int maxVotesPerCandidate, Integer seats) {

    public CumulativeParameters {
        if (votesPerVoter < 1 || maxVotesPerCandidate < 1 || maxVotesPerCandidate > votesPerVoter) {
            throw new IllegalArgumentException(
                    "need 1 <= maxVotesPerCandidate <= votesPerVoter: " + maxVotesPerCandidate + ", " + votesPerVoter);
        }
    }
}
