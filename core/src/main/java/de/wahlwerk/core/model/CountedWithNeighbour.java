package de.wahlwerk.core.model;

import java.util.Map;

/**
 * A district counted with a neighbour district (§ 68 Abs. 2 BWO) has no report of its own: the
 * neighbour's one report holds the ballots of both. That report cannot be split between areas or
 * between polling and postal counts, so the two must be of one kind and lie in the same areas.
 * The one rule for the set-up, the election bundle and the live tally.
 */
public final class CountedWithNeighbour {

    private CountedWithNeighbour() {}

    /**
     * Whether a district of {@code kind} in {@code areas} (hierarchy → area, by key or id) can be
     * counted with a neighbour of {@code neighbourKind} in {@code neighbourAreas}.
     */
    public static boolean canShareReport(UnitKind kind, Map<?, ?> areas, UnitKind neighbourKind, Map<?, ?> neighbourAreas) {
        return kind == neighbourKind && areas.equals(neighbourAreas);
    }
}
