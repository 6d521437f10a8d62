package de.wahlwerk.core.tally;

import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.model.VoteKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The in-memory tally of one election: every area of every hierarchy, kept current by applying
 * confirmed reports as deltas.
 *
 * <p><b>Cost.</b> Applying a report costs O(hierarchies × depth × ballot length): the unit's old
 * vector is subtracted from and the new one added to each ancestor, never a re-sum over units.
 *
 * <p><b>Order.</b> Events carry the global sequence number. {@link #apply} takes exactly the next
 * one; an older one is a {@link ApplyOutcome.Duplicate} (ignored, so at-least-once delivery is
 * fine); a newer one is a {@link ApplyOutcome.Gap} (not applied; the caller fetches the missing
 * ones first). Applying is therefore deterministic: the state after sequence n is the same on
 * every node.
 *
 * <p><b>Threads.</b> One writer, any number of readers, no locks. Each area's numbers live in an
 * immutable {@link AreaSnapshot}; the writer replaces the snapshots of the touched areas (volatile
 * array stores) and then the sequence (a volatile store). A reader therefore always gets a
 * snapshot that is consistent in itself, and if it reads {@link #sequence()} first, every
 * snapshot it reads afterwards includes at least all events up to that number. Snapshots of
 * different areas read one after the other may be from different sequence numbers; a reader
 * needing one consistent page reads the sequence before and after and retries if it moved.
 * {@link #apply} itself must not be called concurrently.
 */
public final class Tally {

    private final TallyStructure structure;
    private final AtomicReferenceArray<AreaSnapshot> areas;
    /** Latest unit vectors, null when not reported; touched by the writer only. */
    private final long[][] unitVectors;
    private volatile long sequence;

    private Tally(TallyStructure structure, AreaSnapshot[] snapshots, long[][] unitVectors, long sequence) {
        this.structure = structure;
        this.areas = new AtomicReferenceArray<>(snapshots);
        this.unitVectors = unitVectors;
        this.sequence = sequence;
    }

    /** A tally with nothing reported, waiting for sequence number 1. */
    public static Tally empty(TallyStructure structure) {
        return rebuild(structure, List.of(), 0);
    }

    /**
     * A tally built directly from the latest confirmed report per unit, as after a restart: the
     * reports are summed into their leaf areas and then upwards, level by level, in
     * O(units + areas) instead of one delta walk per report.
     *
     * @param sequence the sequence number the reports are current as of; the next event to apply
     *                 is {@code sequence + 1}
     */
    public static Tally rebuild(TallyStructure structure, Collection<LatestReport> reports, long sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence < 0");
        }
        Layout[] layouts = structure.layouts;
        long[][] unitVectors = new long[structure.units.length][];
        long[][] acc = new long[structure.areas.length][];
        for (int a = 0; a < acc.length; a++) {
            acc[a] = new long[layouts[a].areaLength()];
        }
        for (LatestReport r : reports) {
            int u = structure.unit(r.unit());
            if (unitVectors[u] != null) {
                throw new IllegalArgumentException("two latest reports for " + r.unit());
            }
            unitVectors[u] = vector(structure, u, r);
        }
        // Into the leaves only (the first area of each hierarchy on the unit's path) ...
        int hierarchies = structure.hierarchies.size();
        for (int u = 0; u < unitVectors.length; u++) {
            long[] v = unitVectors[u];
            if (v == null) {
                continue;
            }
            boolean postal = structure.units[u].kind() == UnitKind.POSTAL;
            TallyStructure.UnitPath path = structure.unitPath[u];
            for (int h = 0; h < hierarchies; h++) {
                int leaf = structure.leaf[u][h];
                int[] slots = path.slotMaps()[leafPosition(path, leaf)];
                int offset = postal ? layouts[leaf].partLength() : 0;
                for (int i = 0; i < v.length; i++) {
                    int s = offset + slots[i];
                    acc[leaf][s] = Math.addExact(acc[leaf][s], v[i]);
                }
            }
        }
        // ... then child into parent, deepest first, through each child's slot → parent slot map.
        for (int a : structure.bottomUp) {
            int p = structure.parent[a];
            if (p >= 0) {
                int[] map = layouts[p].mapFrom(layouts[a]);
                int childPart = layouts[a].partLength();
                int parentPart = layouts[p].partLength();
                for (int i = 0; i < childPart; i++) {
                    int s = map[i];
                    acc[p][s] = Math.addExact(acc[p][s], acc[a][i]);
                    acc[p][parentPart + s] = Math.addExact(acc[p][parentPart + s], acc[a][childPart + i]);
                }
            }
        }
        AreaSnapshot[] snapshots = new AreaSnapshot[structure.areas.length];
        for (int a = 0; a < snapshots.length; a++) {
            snapshots[a] = new AreaSnapshot(structure.areas[a], layouts[a], acc[a], structure.expected[a][0],
                    structure.expected[a][1]);
        }
        return new Tally(structure, snapshots, unitVectors, sequence);
    }

    private static int leafPosition(TallyStructure.UnitPath path, int leaf) {
        for (int i = 0; i < path.areas().length; i++) {
            if (path.areas()[i] == leaf) {
                return i;
            }
        }
        throw new IllegalStateException("leaf not on the unit's path");
    }

    private static long[] vector(TallyStructure structure, int u, LatestReport r) {
        return structure.unitBallot[u].vector(r.unit(), r.counts(), structure.covers[u]);
    }

    /**
     * Applies the next event. Throws {@link IllegalArgumentException} for an event that cannot
     * be applied (unknown unit, a unit counted with a neighbour, numbers the ballot cannot place);
     * the tally is then unchanged and still waits for the same sequence number.
     */
    public ApplyOutcome apply(TallyEvent event) {
        long current = sequence;
        if (event.sequence() <= current) {
            return new ApplyOutcome.Duplicate(event.sequence());
        }
        if (event.sequence() > current + 1) {
            return new ApplyOutcome.Gap(current + 1, event.sequence() - 1);
        }
        List<AreaRef> changed = switch (event) {
            case TallyEvent.ReportConfirmed r -> {
                int u = structure.unit(r.unit());
                yield replace(u, vector(structure, u, new LatestReport(r.unit(), r.counts())));
            }
            case TallyEvent.ReportWithdrawn w -> replace(structure.unit(w.unit()), null);
            case TallyEvent.NoChange n -> List.of();
        };
        sequence = event.sequence();
        return new ApplyOutcome.Applied(event.sequence(), changed);
    }

    private List<AreaRef> replace(int u, long[] next) {
        long[] prev = unitVectors[u];
        int length = structure.unitBallot[u].length();
        long[] delta = new long[length];
        boolean any = false;
        for (int i = 0; i < length; i++) {
            delta[i] = Math.subtractExact(next == null ? 0 : next[i], prev == null ? 0 : prev[i]);
            any |= delta[i] != 0;
        }
        unitVectors[u] = next;
        if (!any) {
            return List.of();
        }
        boolean postal = structure.units[u].kind() == UnitKind.POSTAL;
        TallyStructure.UnitPath path = structure.unitPath[u];
        int[] pathAreas = path.areas();
        for (int i = 0; i < pathAreas.length; i++) {
            int a = pathAreas[i];
            int offset = postal ? structure.layouts[a].partLength() : 0;
            areas.set(a, areas.get(a).plus(offset, path.slotMaps()[i], delta));
        }
        return path.refs();
    }

    /** The last sequence number applied (0 before the first). */
    public long sequence() {
        return sequence;
    }

    public TallyStructure structure() {
        return structure;
    }

    public AreaSnapshot snapshot(AreaRef area) {
        return areas.get(structure.area(area));
    }

    /** Every area's snapshot, in the structure's order. */
    public List<AreaSnapshot> snapshots() {
        List<AreaSnapshot> all = new ArrayList<>(areas.length());
        for (int a = 0; a < areas.length(); a++) {
            all.add(areas.get(a));
        }
        return all;
    }

    /** Whether the unit's numbers are in (its own report, or its host's for a counted-with unit). */
    public boolean reported(String unit) {
        Integer u = structure.unitIndex.get(unit);
        if (u == null) {
            throw new IllegalArgumentException("unknown unit: " + unit);
        }
        String host = structure.units[u].countedWith();
        return unitVectors[host == null ? u : structure.unitIndex.get(host)] != null;
    }

    /**
     * Leader by votes of {@code kind} in each area of level CONSTITUENCY, with whether the area
     * is complete (only then is the leader the winner).
     */
    public Map<AreaRef, ConstituencyLeader> constituencyLeaders(VoteKind kind) {
        Map<AreaRef, ConstituencyLeader> m = new LinkedHashMap<>();
        if (!structure.keys.kindIndex().containsKey(kind)) {
            // The election has no such vote (a council election has no first votes), or, in a
            // structure built from its ballots alone, no district has a ballot yet.
            return m;
        }
        for (AreaSnapshot s : snapshots()) {
            if (s.area().level() == AreaLevel.CONSTITUENCY) {
                m.put(s.area().ref(), new ConstituencyLeader(s.area().ref(), s.leader(kind), s.complete()));
            }
        }
        return m;
    }

    /** Units expected per kind in an area (convenience for progress displays). */
    public long unitsExpected(AreaRef area, UnitKind kind) {
        return structure.expected[structure.area(area)][kind == UnitKind.POSTAL ? 1 : 0];
    }
}
