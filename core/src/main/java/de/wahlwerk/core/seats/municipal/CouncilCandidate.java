package de.wahlwerk.core.seats.municipal;

/** A candidate on a council list, with the personal votes received (after cumulating/cross-list voting). */
public record CouncilCandidate(String name, long votes) {
    public CouncilCandidate {
        if (votes < 0) {
            throw new IllegalArgumentException("negative votes for " + name);
        }
    }
}
