package de.wahlwerk.core.tally;

import java.util.Arrays;

/**
 * Where each number sits in one area's flat {@code long[]}: one block per {@link Part} (polling,
 * then postal), each block {@code [units reported, A1, A2, A3, A, B, B1, then per vote kind:
 * invalid, valid, votes per group]}. The groups are only those standing in the area, i.e. on a
 * ballot of some unit below it ({@link #groups}: per kind, ascending global group indexes), so a
 * constituency has a few dozen slots and only the root sees every independent of the country.
 * Areas with the same groups share one instance. A flat array keeps a delta update a tight loop
 * and a snapshot a single array copy.
 */
final class Layout {

    static final int UNITS = 0;
    static final int A1 = 1;
    static final int A2 = 2;
    static final int A3 = 3;
    static final int A = 4;
    static final int B = 5;
    static final int B1 = 6;
    static final int HEAD = 7;

    final ElectionKeys keys;
    /** Per kind (global kind index), the global indexes of the groups standing here, ascending. */
    private final int[][] groups;
    /** Per kind, the offset of its "invalid" slot within a part block. */
    private final int[] kindStart;
    private final int partLength;

    Layout(ElectionKeys keys, int[][] groups) {
        this.keys = keys;
        this.groups = groups;
        this.kindStart = new int[groups.length];
        int s = HEAD;
        for (int k = 0; k < groups.length; k++) {
            kindStart[k] = s;
            s += 2 + groups[k].length;
        }
        this.partLength = s;
    }

    int partLength() {
        return partLength;
    }

    int areaLength() {
        return 2 * partLength;
    }

    /** Start of the block of a unit of this kind's part (ALL is not stored, it is summed on read). */
    int partOffset(Part part) {
        return switch (part) {
            case POLLING -> 0;
            case POSTAL -> partLength;
            case ALL -> throw new IllegalArgumentException("ALL is not stored");
        };
    }

    int invalid(int kindIdx) {
        return kindStart[kindIdx];
    }

    int valid(int kindIdx) {
        return kindStart[kindIdx] + 1;
    }

    /** Slot of the {@code local}-th group standing here for this kind. */
    int group(int kindIdx, int local) {
        return kindStart[kindIdx] + 2 + local;
    }

    int groupCount(int kindIdx) {
        return groups[kindIdx].length;
    }

    String groupKey(int kindIdx, int local) {
        return keys.groups().get(groups[kindIdx][local]);
    }

    /** The keys of the groups standing here for this kind, sorted. */
    java.util.List<String> groupKeys(int kindIdx) {
        String[] out = new String[groups[kindIdx].length];
        for (int g = 0; g < out.length; g++) {
            out[g] = groupKey(kindIdx, g);
        }
        return java.util.List.of(out);
    }

    /** Local index of a global group for this kind, or a negative number if it does not stand here. */
    int local(int kindIdx, int globalGroup) {
        return Arrays.binarySearch(groups[kindIdx], globalGroup);
    }

    /**
     * Where each slot of a part block of {@code child} lands in a part block of this layout, which
     * must be the layout of an ancestor (so it has every group the child has).
     */
    int[] mapFrom(Layout child) {
        int[] map = new int[child.partLength];
        for (int i = 0; i < HEAD; i++) {
            map[i] = i;
        }
        for (int k = 0; k < child.groups.length; k++) {
            map[child.invalid(k)] = invalid(k);
            map[child.valid(k)] = valid(k);
            for (int g = 0; g < child.groups[k].length; g++) {
                map[child.group(k, g)] = group(k, requireLocal(k, child.groups[k][g]));
            }
        }
        return map;
    }

    int requireLocal(int kindIdx, int globalGroup) {
        int local = local(kindIdx, globalGroup);
        if (local < 0) {
            throw new IllegalStateException("group " + keys.groups().get(globalGroup) + " has no slot here");
        }
        return local;
    }

    /** Content key for sharing identical layouts. */
    String signature() {
        return Arrays.deepToString(groups);
    }
}
