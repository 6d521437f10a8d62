package de.wahlwerk.core.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The numbers of a quick report or a published result, by the letters of the quick-report form
 * (Anlage 29 BWO): A1, A2, A3, A (eligible voters), B (voters), B1 (of which with polling card),
 * and per vote kind invalid, valid and votes per nomination.
 *
 * <p>All counts may be {@code null} for "not reported" (postal districts have no roll, so their
 * A fields are empty).
 */
public record Counts(
        Long eligibleNoCard,
        Long eligibleWithCard,
        Long eligibleAdded,
        Long eligible,
        Long voters,
        Long votersWithCard,
        Map<VoteKind, VoteCounts> votes) {

    public Counts {
        Map<VoteKind, VoteCounts> copy = new EnumMap<>(VoteKind.class);
        copy.putAll(Objects.requireNonNull(votes, "votes"));
        votes = Collections.unmodifiableMap(copy);
    }

    public VoteCounts votes(VoteKind kind) {
        return votes.get(kind);
    }
}
