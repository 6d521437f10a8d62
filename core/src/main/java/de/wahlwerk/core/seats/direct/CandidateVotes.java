package de.wahlwerk.core.seats.direct;

/** Valid votes for one candidate in a direct (mayor/Landrat) election. */
public record CandidateVotes(String candidate, long votes) {
    public CandidateVotes {
        if (votes < 0) {
            throw new IllegalArgumentException("negative votes for " + candidate);
        }
    }
}
