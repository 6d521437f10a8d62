package de.wahlwerk.core.tally;

import de.wahlwerk.core.model.VoteKind;
import java.util.List;
import java.util.Map;

/**
 * Where each number sits in an area's flat {@code long[]}: one block per {@link Part} (polling,
 * then postal), each block {@code [units reported, A1, A2, A3, A, B, B1, then per vote kind:
 * invalid, valid, votes per group]}. A flat array keeps a delta update a tight loop and a
 * snapshot a single array copy.
 */
record Layout(List<VoteKind> kinds, List<String> groups, Map<VoteKind, Integer> kindIndex,
        Map<String, Integer> groupIndex) {

    static final int UNITS = 0;
    static final int A1 = 1;
    static final int A2 = 2;
    static final int A3 = 3;
    static final int A = 4;
    static final int B = 5;
    static final int B1 = 6;
    static final int HEAD = 7;

    int perKind() {
        return 2 + groups.size();
    }

    int partLength() {
        return HEAD + kinds.size() * perKind();
    }

    int areaLength() {
        return 2 * partLength();
    }

    /** Start of the block of a unit of this kind's part (ALL is not stored, it is summed on read). */
    int partOffset(Part part) {
        return switch (part) {
            case POLLING -> 0;
            case POSTAL -> partLength();
            case ALL -> throw new IllegalArgumentException("ALL is not stored");
        };
    }

    int invalid(int kindIdx) {
        return HEAD + kindIdx * perKind();
    }

    int valid(int kindIdx) {
        return invalid(kindIdx) + 1;
    }

    int group(int kindIdx, int groupIdx) {
        return invalid(kindIdx) + 2 + groupIdx;
    }
}
