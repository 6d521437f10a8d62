package de.wahlwerk.core.seats.bundestag;

import java.util.Map;
import java.util.Optional;

/**
 * A constituency candidate and his or her first votes.
 *
 * @param name                candidate name (unique within the constituency)
 * @param party               nominating party; empty for a candidate nominated by voters
 *                            (BWG § 20 Abs. 3, "Einzelbewerber")
 * @param firstVotes          first votes
 * @param voterSecondVotes    second votes (per party) cast by this candidate's first-vote voters;
 *                            only needed for an independent who wins, whose voters' second votes do
 *                            not count (BWG § 4 Abs. 2 S. 2 Nr. 1); empty when unknown/irrelevant
 * @param person              the person as the party's Landesliste names him or her, so that a winner
 *                            elected in the Wahlkreis is skipped on the list (BWG § 6 Abs. 4 S. 2);
 *                            empty: the {@code name} is used
 */
public record ConstituencyCandidate(String name, Optional<String> party, long firstVotes,
        Map<String, Long> voterSecondVotes, Optional<String> person) {

    public ConstituencyCandidate {
        voterSecondVotes = Map.copyOf(voterSecondVotes);
    }

    public ConstituencyCandidate(String name, Optional<String> party, long firstVotes, Map<String, Long> voterSecondVotes) {
        this(name, party, firstVotes, voterSecondVotes, Optional.empty());
    }

    /** Who this candidate is on a Landesliste. */
    public String personOnList() {
        return person.orElse(name);
    }

    public static ConstituencyCandidate ofParty(String name, String party, long firstVotes) {
        return new ConstituencyCandidate(name, Optional.of(party), firstVotes, Map.of());
    }

    public static ConstituencyCandidate independent(String name, long firstVotes, Map<String, Long> voterSecondVotes) {
        return new ConstituencyCandidate(name, Optional.empty(), firstVotes, voterSecondVotes);
    }

    public boolean isIndependent() {
        return party.isEmpty();
    }
}
