package de.wahlwerk.core.tally;

import de.wahlwerk.core.model.VoteKind;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The numbers of one area at one moment: immutable, so a reader may keep it as long as it likes
 * while the writer moves on. Equality is by area and numbers, which is what "a rebuild gives the
 * same state" means.
 */
public final class AreaSnapshot {

    private final AreaSpec area;
    private final Layout layout;
    /** Never written after construction (the writer builds a new snapshot instead). */
    private final long[] data;
    private final long expectedPolling;
    private final long expectedPostal;

    AreaSnapshot(AreaSpec area, Layout layout, long[] data, long expectedPolling, long expectedPostal) {
        this.area = area;
        this.layout = layout;
        this.data = data;
        this.expectedPolling = expectedPolling;
        this.expectedPostal = expectedPostal;
    }

    public AreaSpec area() {
        return area;
    }

    public PartTotals part(Part part) {
        int n = layout.partLength();
        return switch (part) {
            case POLLING -> new PartTotals(layout, Arrays.copyOfRange(data, 0, n), expectedPolling);
            case POSTAL -> new PartTotals(layout, Arrays.copyOfRange(data, n, 2 * n), expectedPostal);
            case ALL -> {
                long[] sum = new long[n];
                for (int i = 0; i < n; i++) {
                    sum[i] = Math.addExact(data[i], data[n + i]);
                }
                yield new PartTotals(layout, sum, expectedPolling + expectedPostal);
            }
        };
    }

    /** Both parts together: the usual view. */
    public PartTotals all() {
        return part(Part.ALL);
    }

    /**
     * The groups standing in this area for a vote kind (on a ballot of some unit below it), sorted
     * by key: exactly the keys of {@code part(...).votes(kind)}. Other groups of the election
     * have no slot here and read as 0.
     */
    public List<String> groups(VoteKind kind) {
        return layout.groupKeys(layout.keys.kind(kind));
    }

    public long unitsExpected() {
        return expectedPolling + expectedPostal;
    }

    public long unitsReported() {
        return data[Layout.UNITS] + data[layout.partLength() + Layout.UNITS];
    }

    public boolean complete() {
        return unitsReported() == unitsExpected();
    }

    public Leader leader(VoteKind kind) {
        return all().leader(kind);
    }

    /** A new snapshot with {@code delta} (a unit vector) added at the given part, via the slot map. */
    AreaSnapshot plus(int partOffset, int[] slotMap, long[] delta) {
        long[] next = data.clone();
        for (int i = 0; i < delta.length; i++) {
            if (delta[i] != 0) {
                int s = partOffset + slotMap[i];
                next[s] = Math.addExact(next[s], delta[i]);
            }
        }
        return new AreaSnapshot(area, layout, next, expectedPolling, expectedPostal);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AreaSnapshot s && area.equals(s.area) && Arrays.equals(data, s.data)
                && expectedPolling == s.expectedPolling && expectedPostal == s.expectedPostal;
    }

    @Override
    public int hashCode() {
        return Objects.hash(area, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "AreaSnapshot[" + area.ref() + " " + unitsReported() + "/" + unitsExpected() + " " + Arrays.toString(data) + "]";
    }
}
