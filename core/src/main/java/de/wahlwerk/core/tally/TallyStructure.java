package de.wahlwerk.core.tally;

import de.wahlwerk.core.model.Hierarchy;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.model.VoteKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The fixed shape of one election's tally: areas of several hierarchies, ballots and reporting
 * units, checked once and turned into integer indexes so that applying a report walks arrays,
 * not maps. Immutable; many tallies (e.g. a rebuild next to the live one) can share it.
 */
public final class TallyStructure {

    final List<Hierarchy> hierarchies;
    final AreaSpec[] areas;
    final Map<AreaRef, Integer> areaIndex;
    final int[] parent;
    /** Area indexes, deepest first: children always come before their parent. */
    final int[] bottomUp;
    final long[][] expected;
    final ElectionKeys keys;
    /** Per area, its layout: slots only for the groups standing below it (shared between equal areas). */
    final Layout[] layouts;
    final UnitSpec[] units;
    final Map<String, Integer> unitIndex;
    /** Per unit and hierarchy (in {@link #hierarchies} order), the leaf area. */
    final int[][] leaf;
    final BallotSlots[] unitBallot;
    /** Per unit, the areas a report touches and where its slots land in each (shared between alike units). */
    final UnitPath[] unitPath;
    /** Units covered by a unit's report: 1 plus its counted-with neighbours; 0 for those neighbours. */
    final int[] covers;

    private TallyStructure(Collection<VoteKind> voteKinds, Collection<AreaSpec> areaSpecs, Collection<Ballot> ballots,
            Collection<UnitSpec> unitSpecs) {
        areas = areaSpecs.toArray(AreaSpec[]::new);
        areaIndex = new HashMap<>();
        for (int i = 0; i < areas.length; i++) {
            if (areaIndex.put(areas[i].ref(), i) != null) {
                throw new IllegalArgumentException("area twice: " + areas[i].ref());
            }
        }
        hierarchies = areaSpecs.stream().map(a -> a.ref().hierarchy()).distinct()
                .sorted(Comparator.comparing(Hierarchy::code)).toList();
        parent = new int[areas.length];
        int[] depth = new int[areas.length];
        for (int i = 0; i < areas.length; i++) {
            AreaRef p = areas[i].parent();
            if (p == null) {
                parent[i] = -1;
            } else {
                Integer pi = areaIndex.get(p);
                if (pi == null) {
                    throw new IllegalArgumentException("parent of " + areas[i].ref() + " unknown: " + p);
                }
                parent[i] = pi;
            }
        }
        for (int i = 0; i < areas.length; i++) {
            int d = 0;
            for (int a = parent[i]; a >= 0; a = parent[a]) {
                if (++d > areas.length) {
                    throw new IllegalArgumentException("cycle of parents through " + areas[i].ref());
                }
            }
            depth[i] = d;
        }
        Integer[] order = new Integer[areas.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingInt((Integer i) -> -depth[i]));
        bottomUp = java.util.Arrays.stream(order).mapToInt(Integer::intValue).toArray();

        Map<String, Ballot> ballotById = new HashMap<>();
        TreeSet<VoteKind> kinds = new TreeSet<>(voteKinds);
        TreeSet<String> groups = new TreeSet<>();
        for (Ballot b : ballots) {
            if (ballotById.put(b.id(), b) != null) {
                throw new IllegalArgumentException("ballot twice: " + b.id());
            }
            kinds.addAll(b.groups().keySet());
            b.groups().values().forEach(m -> groups.addAll(m.values()));
        }
        Map<VoteKind, Integer> kindIndex = new EnumMap<>(VoteKind.class);
        for (VoteKind k : kinds) {
            kindIndex.put(k, kindIndex.size());
        }
        Map<String, Integer> groupIndex = new HashMap<>();
        for (String g : groups) {
            groupIndex.put(g, groupIndex.size());
        }
        keys = new ElectionKeys(List.copyOf(kinds), Map.copyOf(kindIndex), List.copyOf(groups), Map.copyOf(groupIndex));
        Map<String, BallotSlots> compiled = new HashMap<>();
        ballotById.forEach((id, b) -> compiled.put(id, new BallotSlots(b, keys)));

        units = unitSpecs.toArray(UnitSpec[]::new);
        unitIndex = new HashMap<>();
        for (int u = 0; u < units.length; u++) {
            if (unitIndex.put(units[u].key(), u) != null) {
                throw new IllegalArgumentException("unit twice: " + units[u].key());
            }
        }
        leaf = new int[units.length][hierarchies.size()];
        unitBallot = new BallotSlots[units.length];
        covers = new int[units.length];
        expected = new long[areas.length][2];
        for (int u = 0; u < units.length; u++) {
            UnitSpec spec = units[u];
            unitBallot[u] = compiled.get(spec.ballot());
            if (unitBallot[u] == null) {
                throw new IllegalArgumentException(spec.key() + ": unknown ballot " + spec.ballot());
            }
            if (!spec.leafAreas().keySet().equals(new java.util.HashSet<>(hierarchies))) {
                throw new IllegalArgumentException(spec.key() + ": needs one leaf area in each of " + hierarchies);
            }
            for (int h = 0; h < hierarchies.size(); h++) {
                Hierarchy hierarchy = hierarchies.get(h);
                Integer a = areaIndex.get(new AreaRef(hierarchy, spec.leafAreas().get(hierarchy)));
                if (a == null) {
                    throw new IllegalArgumentException(spec.key() + ": unknown area " + spec.leafAreas().get(hierarchy));
                }
                leaf[u][h] = a;
                for (int x = a; x >= 0; x = parent[x]) {
                    expected[x][spec.kind() == UnitKind.POSTAL ? 1 : 0]++;
                }
            }
            covers[u] = spec.countedWith() == null ? 1 : 0;
        }
        for (UnitSpec spec : units) {
            if (spec.countedWith() != null) {
                covers[host(spec)]++;
            }
        }
        layouts = layouts();
        unitPath = paths();
    }

    /**
     * Each area's groups: per vote kind, the union of the groups on the ballots of the units below
     * it. A ballot is marked in an area and its ancestors once; the walk up stops at the first
     * ancestor that already has it.
     */
    private Layout[] layouts() {
        List<BallotSlots> distinct = new ArrayList<>();
        Map<BallotSlots, Integer> ballotIdx = new java.util.IdentityHashMap<>();
        java.util.BitSet[] ballotsBelow = new java.util.BitSet[areas.length];
        for (int a = 0; a < areas.length; a++) {
            ballotsBelow[a] = new java.util.BitSet();
        }
        for (int u = 0; u < units.length; u++) {
            int b = ballotIdx.computeIfAbsent(unitBallot[u], x -> {
                distinct.add(x);
                return distinct.size() - 1;
            });
            for (int l : leaf[u]) {
                for (int a = l; a >= 0 && !ballotsBelow[a].get(b); a = parent[a]) {
                    ballotsBelow[a].set(b);
                }
            }
        }
        int kindCount = keys.kinds().size();
        Map<String, Layout> shared = new HashMap<>();
        Layout[] result = new Layout[areas.length];
        for (int a = 0; a < areas.length; a++) {
            java.util.BitSet[] perKind = new java.util.BitSet[kindCount];
            for (int k = 0; k < kindCount; k++) {
                perKind[k] = new java.util.BitSet();
            }
            for (int b = ballotsBelow[a].nextSetBit(0); b >= 0; b = ballotsBelow[a].nextSetBit(b + 1)) {
                BallotSlots ballot = distinct.get(b);
                for (int k = 0; k < ballot.kindIdx.length; k++) {
                    for (int g : ballot.globalGroups[k]) {
                        perKind[ballot.kindIdx[k]].set(g);
                    }
                }
            }
            int[][] groupIds = new int[kindCount][];
            for (int k = 0; k < kindCount; k++) {
                groupIds[k] = perKind[k].stream().toArray();
            }
            Layout layout = new Layout(keys, groupIds);
            result[a] = shared.computeIfAbsent(layout.signature(), x -> layout);
        }
        return result;
    }

    /** Units with the same ballot and leaf areas share one path (and its slot maps). */
    private UnitPath[] paths() {
        Map<List<Object>, UnitPath> byKey = new HashMap<>();
        Map<List<Object>, int[]> slotMaps = new HashMap<>();
        UnitPath[] result = new UnitPath[units.length];
        for (int u = 0; u < units.length; u++) {
            BallotSlots ballot = unitBallot[u];
            int[] leaves = leaf[u];
            List<Object> key = List.of(ballot, java.util.Arrays.stream(leaves).boxed().toList());
            result[u] = byKey.computeIfAbsent(key, k -> {
                List<Integer> path = new ArrayList<>();
                for (int l : leaves) {
                    for (int a = l; a >= 0; a = parent[a]) {
                        path.add(a);
                    }
                }
                int[] pathAreas = path.stream().mapToInt(Integer::intValue).toArray();
                int[][] maps = new int[pathAreas.length][];
                List<AreaRef> refs = new ArrayList<>();
                for (int i = 0; i < pathAreas.length; i++) {
                    Layout layout = layouts[pathAreas[i]];
                    maps[i] = slotMaps.computeIfAbsent(List.of(ballot, layout), x -> ballot.slotMap(layout));
                    refs.add(areas[pathAreas[i]].ref());
                }
                return new UnitPath(pathAreas, maps, List.copyOf(refs));
            });
        }
        return result;
    }

    /**
     * The areas a unit's report is added to (every ancestor in every hierarchy, leaf first, in
     * {@link #hierarchies} order), and per area the unit-vector slot → part-block slot map.
     */
    record UnitPath(int[] areas, int[][] slotMaps, List<AreaRef> refs) {}

    /** Checks a neighbour relation and returns the host's index. */
    private int host(UnitSpec spec) {
        Integer h = unitIndex.get(spec.countedWith());
        if (h == null) {
            throw new IllegalArgumentException(spec.key() + " is counted with unknown unit " + spec.countedWith());
        }
        UnitSpec host = units[h];
        if (host.countedWith() != null) {
            throw new IllegalArgumentException(spec.key() + " is counted with " + host.key()
                    + ", which is itself counted with another unit");
        }
        // The joint report cannot be split, so both must sit in the same areas and be the same kind;
        // otherwise one area would show votes cast in another.
        if (!de.wahlwerk.core.model.CountedWithNeighbour.canShareReport(spec.kind(), spec.leafAreas(), host.kind(), host.leafAreas())
                || !host.ballot().equals(spec.ballot())) {
            throw new IllegalArgumentException(spec.key() + " is counted with " + host.key()
                    + " but differs in kind, ballot or areas");
        }
        return h;
    }

    /** The structure with the vote kinds its ballots carry. */
    public static TallyStructure of(Collection<AreaSpec> areas, Collection<Ballot> ballots, Collection<UnitSpec> units) {
        return of(List.of(), areas, ballots, units);
    }

    /**
     * The structure with every vote of the election's kind, whether or not a ballot carries it yet:
     * an election set up after its polls closed is public before its first district (and so its
     * first ballot) exists, and its pages ask for each of its votes.
     */
    public static TallyStructure of(Collection<VoteKind> voteKinds, Collection<AreaSpec> areas, Collection<Ballot> ballots,
            Collection<UnitSpec> units) {
        return new TallyStructure(Objects.requireNonNull(voteKinds), Objects.requireNonNull(areas), Objects.requireNonNull(ballots),
                Objects.requireNonNull(units));
    }

    public List<Hierarchy> hierarchies() {
        return hierarchies;
    }

    public List<AreaSpec> areas() {
        return List.of(areas);
    }

    public List<UnitSpec> units() {
        return List.of(units);
    }

    /** All group keys, sorted. */
    public List<String> groups() {
        return keys.groups();
    }

    public List<VoteKind> voteKinds() {
        return keys.kinds();
    }

    /**
     * The groups standing in an area for a vote kind: those on a ballot of some unit below it,
     * sorted by key. These, and only these, have a slot in the area's numbers.
     */
    public List<String> groups(AreaRef area, VoteKind kind) {
        return layouts[area(area)].groupKeys(keys.kind(kind));
    }

    int unit(String key) {
        Integer u = unitIndex.get(key);
        if (u == null) {
            throw new IllegalArgumentException("unknown unit: " + key);
        }
        if (covers[u] == 0) {
            throw new IllegalArgumentException(key + " is counted with " + units[u].countedWith()
                    + "; its votes arrive in that unit's report");
        }
        return u;
    }

    int area(AreaRef ref) {
        Integer a = areaIndex.get(ref);
        if (a == null) {
            throw new IllegalArgumentException("unknown area: " + ref);
        }
        return a;
    }

    List<AreaRef> areaRefs() {
        List<AreaRef> refs = new ArrayList<>(areas.length);
        for (AreaSpec a : areas) {
            refs.add(a.ref());
        }
        return refs;
    }
}
