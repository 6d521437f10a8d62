package de.wahlwerk.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The counts of one vote kind in one report or result: invalid (C or E), valid (D or F) and the
 * votes per nomination (D1…Dn or F1…Fn), keyed by the nomination's ballot position.
 *
 * <p>{@code null} means "not reported" and is kept apart from zero: in published files an empty
 * cell for a nomination means it did not stand there.
 */
public record VoteCounts(Long invalid, Long valid, Map<Integer, Long> perNomination) {

    public VoteCounts {
        perNomination = Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(perNomination, "perNomination")));
    }

    /** Sum of the votes per nomination, treating "not reported" as zero. */
    public long sumOfNominations() {
        long sum = 0;
        for (Long v : perNomination.values()) {
            if (v != null) {
                sum = Math.addExact(sum, v);
            }
        }
        return sum;
    }

    public Long votesFor(int ballotPosition) {
        return perNomination.get(ballotPosition);
    }
}
