package de.wahlwerk.core.tally;

import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import java.util.Map;

/**
 * A ballot compiled against the election's {@link ElectionKeys}. A unit's own vector is short: the
 * head of the form and, per vote kind of its ballot, invalid, valid and one slot per ballot
 * position. {@link #slotMap(Layout)} says where each of those slots lands in a part block of an
 * area above the unit, so neither the national set of groups nor an area's is stored per unit.
 */
final class BallotSlots {

    private final Ballot ballot;
    private final VoteKind[] kinds;
    private final int[][] positions;
    /** Per vote kind of this ballot (in {@link #kinds} order), the global group index per position. */
    final int[][] globalGroups;
    /** Global kind index per vote kind of this ballot. */
    final int[] kindIdx;
    private final int length;

    BallotSlots(Ballot ballot, ElectionKeys keys) {
        this.ballot = ballot;
        this.kinds = ballot.groups().keySet().toArray(VoteKind[]::new);
        this.positions = new int[kinds.length][];
        this.globalGroups = new int[kinds.length][];
        this.kindIdx = new int[kinds.length];
        int length = Layout.HEAD;
        for (int k = 0; k < kinds.length; k++) {
            Map<Integer, String> byPosition = ballot.groups().get(kinds[k]);
            positions[k] = byPosition.keySet().stream().mapToInt(Integer::intValue).toArray();
            globalGroups[k] = new int[positions[k].length];
            for (int i = 0; i < positions[k].length; i++) {
                globalGroups[k][i] = keys.group(byPosition.get(positions[k][i]));
            }
            kindIdx[k] = keys.kind(kinds[k]);
            length += 2 + positions[k].length;
        }
        this.length = length;
    }

    /** Length of a unit vector of this ballot. */
    int length() {
        return length;
    }

    /** Unit-vector slot → slot in a part block of {@code area}, which must have every group of this ballot. */
    int[] slotMap(Layout area) {
        int[] slotMap = new int[length];
        for (int i = 0; i < Layout.HEAD; i++) {
            slotMap[i] = i;
        }
        int s = Layout.HEAD;
        for (int k = 0; k < kinds.length; k++) {
            slotMap[s++] = area.invalid(kindIdx[k]);
            slotMap[s++] = area.valid(kindIdx[k]);
            for (int g : globalGroups[k]) {
                slotMap[s++] = area.group(kindIdx[k], area.requireLocal(kindIdx[k], g));
            }
        }
        return slotMap;
    }

    /**
     * The unit vector of a report. Empty cells count as 0 (postal districts have no roll, a
     * nomination that did not stand has no votes); numbers the ballot cannot place are an error,
     * except 0 (votemanager files write 0 into unused columns).
     *
     * @param unitsCovered 1 plus the neighbour units this report also covers
     */
    long[] vector(String unit, Counts counts, int unitsCovered) {
        long[] v = new long[length];
        v[Layout.UNITS] = unitsCovered;
        v[Layout.A1] = count(unit, "A1", counts.eligibleNoCard());
        v[Layout.A2] = count(unit, "A2", counts.eligibleWithCard());
        v[Layout.A3] = count(unit, "A3", counts.eligibleAdded());
        v[Layout.A] = count(unit, "A", counts.eligible());
        v[Layout.B] = count(unit, "B", counts.voters());
        v[Layout.B1] = count(unit, "B1", counts.votersWithCard());
        for (Map.Entry<VoteKind, VoteCounts> e : counts.votes().entrySet()) {
            if (e.getValue() != null && !ballot.groups().containsKey(e.getKey()) && !isEmpty(e.getValue())) {
                throw new IllegalArgumentException(unit + ": ballot " + ballot.id() + " has no " + e.getKey() + " vote");
            }
        }
        int s = Layout.HEAD;
        for (int k = 0; k < kinds.length; k++) {
            VoteCounts vc = counts.votes(kinds[k]);
            Map<Integer, String> byPosition = ballot.groups().get(kinds[k]);
            if (vc == null) {
                s += 2 + positions[k].length;
                continue;
            }
            v[s++] = count(unit, kinds[k], "invalid", vc.invalid());
            v[s++] = count(unit, kinds[k], "valid", vc.valid());
            for (int pos : positions[k]) {
                v[s++] = count(unit, kinds[k], pos, vc.votesFor(pos));
            }
            for (Map.Entry<Integer, Long> n : vc.perNomination().entrySet()) {
                if (!byPosition.containsKey(n.getKey()) && n.getValue() != null && n.getValue() != 0) {
                    throw new IllegalArgumentException(unit + ": " + kinds[k] + " votes for ballot position "
                            + n.getKey() + ", which ballot " + ballot.id() + " does not have");
                }
            }
        }
        return v;
    }

    private static boolean isEmpty(VoteCounts vc) {
        return (vc.invalid() == null || vc.invalid() == 0) && (vc.valid() == null || vc.valid() == 0)
                && vc.sumOfNominations() == 0;
    }

    /** As {@link #count(String, String, Long)}; the field name is only built for the error message. */
    private static long count(String unit, VoteKind kind, Object field, Long value) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(unit + ": " + kind + " " + field + " is negative: " + value);
        }
        return value == null ? 0 : value;
    }

    private static long count(String unit, String field, Long value) {
        if (value == null) {
            return 0;
        }
        if (value < 0) {
            throw new IllegalArgumentException(unit + ": " + field + " is negative: " + value);
        }
        return value;
    }
}
