package de.wahlwerk.core.seats.bundestag;

import java.util.List;
import java.util.Optional;

/**
 * A party's Landesliste: its second votes in one Land and, optionally, its candidates in list
 * order (needed only to name the persons elected from the list and to detect an exhausted list,
 * BWG § 6 Abs. 4).
 */
public record LandList(String land, String party, long secondVotes, Optional<List<String>> candidates) {

    public LandList {
        if (secondVotes < 0) {
            throw new IllegalArgumentException("negative second votes for " + party + " in " + land);
        }
        candidates = candidates.map(List::copyOf);
    }

    public static LandList of(String land, String party, long secondVotes) {
        return new LandList(land, party, secondVotes, Optional.empty());
    }
}
