package de.wahlwerk.core.tally;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.Hierarchy;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random structures, random event streams (first reports, corrections, withdrawals, empty
 * sequence numbers) delivered in random order with duplicates: the incremental tally must equal
 * a rebuild from the latest reports and a brute-force sum straight from the {@link Counts}, at
 * random checkpoints and at the end. Plain seeded randomness, so a failure names its seed.
 */
class TallyRebuildPropertyTest {

    static final List<String> GROUPS = List.of("A", "B", "C", "D", "E", "F", "G");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
            21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40})
    void incrementalEqualsRebuildEqualsBruteForce(long seed) {
        Random rnd = new Random(seed);
        World w = World.random(rnd);
        List<TallyEvent> events = new ArrayList<>();
        Map<String, Counts> latest = new LinkedHashMap<>();
        List<Map<String, Counts>> latestAfter = new ArrayList<>();
        latestAfter.add(Map.of());
        List<String> reporting = w.structure.units().stream().filter(u -> u.countedWith() == null)
                .map(UnitSpec::key).toList();
        int n = 20 + rnd.nextInt(120);
        for (long seq = 1; seq <= n; seq++) {
            String unit = reporting.get(rnd.nextInt(reporting.size()));
            int what = rnd.nextInt(10);
            if (what == 0) {
                events.add(new TallyEvent.NoChange(seq));
            } else if (what == 1 && latest.containsKey(unit)) {
                events.add(new TallyEvent.ReportWithdrawn(seq, unit));
                latest.remove(unit);
            } else {
                Counts c = w.randomCounts(unit, rnd);
                events.add(new TallyEvent.ReportConfirmed(seq, unit, c));
                latest.put(unit, c);
            }
            latestAfter.add(new LinkedHashMap<>(latest));
        }

        // Deliver in random order, each event once or twice, parking events that hit a gap.
        List<TallyEvent> delivery = new ArrayList<>(events);
        for (TallyEvent e : events) {
            if (rnd.nextInt(4) == 0) {
                delivery.add(e);
            }
        }
        Collections.shuffle(delivery, rnd);
        Tally t = Tally.empty(w.structure);
        Map<Long, TallyEvent> parked = new HashMap<>();
        int gaps = 0;
        for (TallyEvent e : delivery) {
            ApplyOutcome o = t.apply(e);
            if (o instanceof ApplyOutcome.Gap g) {
                gaps++;
                assertThat(g.firstMissing()).isEqualTo(t.sequence() + 1);
                parked.put(e.sequence(), e);
            }
            TallyEvent next;
            while ((next = parked.remove(t.sequence() + 1)) != null) {
                assertThat(t.apply(next)).isInstanceOf(ApplyOutcome.Applied.class);
            }
            if (rnd.nextInt(5) == 0) {
                check(w, t, latestAfter.get((int) t.sequence()));
            }
        }
        assertThat(t.sequence()).isEqualTo(n);
        assertThat(gaps).as("the shuffle must exercise the gap path").isPositive();
        check(w, t, latest);
    }

    private static void check(World w, Tally incremental, Map<String, Counts> latest) {
        List<LatestReport> reports = new ArrayList<>();
        latest.forEach((u, c) -> reports.add(new LatestReport(u, c)));
        Collections.reverse(reports);
        Tally rebuilt = Tally.rebuild(w.structure, reports, incremental.sequence());
        assertThat(incremental.snapshots()).isEqualTo(rebuilt.snapshots());
        for (AreaSnapshot s : incremental.snapshots()) {
            w.bruteForce(s.area().ref(), latest).assertMatches(s, w.structure.voteKinds(), w.structure.groups());
            for (VoteKind kind : w.structure.voteKinds()) {
                List<String> standing = w.standing(s.area().ref(), kind);
                assertThat(s.groups(kind)).as(s.area().ref() + " " + kind).isEqualTo(standing);
                assertThat(w.structure.groups(s.area().ref(), kind)).isEqualTo(standing);
                for (Part part : Part.values()) {
                    assertThat(List.copyOf(s.part(part).votes(kind).keySet())).isEqualTo(standing);
                }
            }
        }
    }

    /** A random structure plus what the oracle needs to know about it. */
    record World(TallyStructure structure, Map<AreaRef, AreaRef> parents, Map<String, Ballot> ballots) {

        static World random(Random rnd) {
            List<AreaSpec> areas = new ArrayList<>();
            Map<AreaRef, AreaRef> parents = new HashMap<>();
            Map<Hierarchy, List<AreaRef>> byHierarchy = new LinkedHashMap<>();
            int hierarchies = 1 + rnd.nextInt(3);
            for (int h = 0; h < hierarchies; h++) {
                Hierarchy hierarchy = new Hierarchy("h" + h);
                List<AreaRef> refs = new ArrayList<>();
                int count = 1 + rnd.nextInt(12);
                for (int i = 0; i < count; i++) {
                    AreaRef ref = new AreaRef(hierarchy, "a" + i);
                    // Parent among earlier areas: a random forest with random depth.
                    AreaRef parent = i == 0 || rnd.nextInt(6) == 0 ? null : refs.get(rnd.nextInt(i));
                    areas.add(new AreaSpec(ref, AreaLevel.values()[rnd.nextInt(AreaLevel.values().length)], parent));
                    parents.put(ref, parent);
                    refs.add(ref);
                }
                byHierarchy.put(hierarchy, refs);
            }
            Map<String, Ballot> ballots = new LinkedHashMap<>();
            int ballotCount = 1 + rnd.nextInt(3);
            for (int b = 0; b < ballotCount; b++) {
                Map<VoteKind, Map<Integer, String>> groups = new HashMap<>();
                for (VoteKind kind : List.of(VoteKind.FIRST, VoteKind.SECOND)) {
                    if (kind == VoteKind.FIRST && rnd.nextInt(4) == 0) {
                        continue;
                    }
                    List<String> shuffled = new ArrayList<>(GROUPS);
                    Collections.shuffle(shuffled, rnd);
                    Map<Integer, String> byPosition = new HashMap<>();
                    int size = 1 + rnd.nextInt(GROUPS.size());
                    for (int i = 0; i < size; i++) {
                        byPosition.put(i + 1 + rnd.nextInt(2) * 10, shuffled.get(i));
                    }
                    if (byPosition.size() == size) {
                        groups.put(kind, byPosition);
                    }
                }
                ballots.put("b" + b, new Ballot("b" + b, groups));
            }
            List<UnitSpec> units = new ArrayList<>();
            int unitCount = 1 + rnd.nextInt(40);
            for (int u = 0; u < unitCount; u++) {
                UnitKind kind = rnd.nextInt(4) == 0 ? UnitKind.POSTAL : UnitKind.POLLING;
                if (u > 0 && rnd.nextInt(6) == 0) {
                    UnitSpec host = units.get(rnd.nextInt(u));
                    if (host.countedWith() == null) {
                        units.add(new UnitSpec("u" + u, host.kind(), host.leafAreas(), host.ballot(), host.key()));
                        continue;
                    }
                }
                Map<Hierarchy, String> leaves = new HashMap<>();
                byHierarchy.forEach((h, refs) -> leaves.put(h, refs.get(rnd.nextInt(refs.size())).key()));
                units.add(new UnitSpec("u" + u, kind, leaves, "b" + rnd.nextInt(ballotCount), null));
            }
            return new World(TallyStructure.of(areas, ballots.values(), units), parents, ballots);
        }

        Counts randomCounts(String unit, Random rnd) {
            UnitSpec spec = structure.units().stream().filter(u -> u.key().equals(unit)).findFirst().orElseThrow();
            Map<VoteKind, VoteCounts> votes = new HashMap<>();
            ballots.get(spec.ballot()).groups().forEach((kind, byPosition) -> {
                Map<Integer, Long> per = new HashMap<>();
                byPosition.keySet().forEach(p -> per.put(p, rnd.nextInt(8) == 0 ? null : (long) rnd.nextInt(500)));
                votes.put(kind, new VoteCounts(rnd.nextBoolean() ? null : (long) rnd.nextInt(9),
                        (long) rnd.nextInt(3000), per));
            });
            boolean postal = spec.kind() == UnitKind.POSTAL;
            return new Counts(postal ? null : (long) rnd.nextInt(900), postal ? null : (long) rnd.nextInt(300),
                    postal ? null : (long) rnd.nextInt(3), postal ? null : (long) rnd.nextInt(1200),
                    (long) rnd.nextInt(1000), (long) rnd.nextInt(400), votes);
        }

        boolean inside(String leafKey, AreaRef area) {
            for (AreaRef a = new AreaRef(area.hierarchy(), leafKey); a != null; a = parents.get(a)) {
                if (a.equals(area)) {
                    return true;
                }
            }
            return false;
        }

        /** Groups on the ballots of the units below an area (sorted), straight from the specs. */
        List<String> standing(AreaRef area, VoteKind kind) {
            java.util.TreeSet<String> groups = new java.util.TreeSet<>();
            for (UnitSpec u : structure.units()) {
                if (inside(u.leafAreas().get(area.hierarchy()), area)) {
                    groups.addAll(ballots.get(u.ballot()).groups().getOrDefault(kind, Map.of()).values());
                }
            }
            return List.copyOf(groups);
        }

        /** Sums straight from the reports, sharing no code with the tally. */
        Expected bruteForce(AreaRef area, Map<String, Counts> latest) {
            Expected e = new Expected();
            for (UnitSpec u : structure.units()) {
                if (!inside(u.leafAreas().get(area.hierarchy()), area)) {
                    continue;
                }
                String reporter = u.countedWith() == null ? u.key() : u.countedWith();
                Counts c = latest.get(reporter);
                if (c == null) {
                    continue;
                }
                Part part = Part.of(u.kind());
                e.add(part, "units", 1L);
                if (u.countedWith() != null) {
                    continue;
                }
                e.add(part, "A", c.eligible());
                e.add(part, "B", c.voters());
                e.add(part, "B1", c.votersWithCard());
                for (var kv : c.votes().entrySet()) {
                    VoteKind kind = kv.getKey();
                    e.add(part, kind + ".invalid", kv.getValue().invalid());
                    e.add(part, kind + ".valid", kv.getValue().valid());
                    Map<Integer, String> byPosition = ballots.get(u.ballot()).groups().get(kind);
                    kv.getValue().perNomination().forEach((pos, v) -> e.add(part, kind + "." + byPosition.get(pos), v));
                }
            }
            return e;
        }
    }

    static final class Expected {
        final Map<String, Long> sums = new HashMap<>();

        void add(Part part, String field, Long value) {
            if (value != null) {
                sums.merge(part + "." + field, value, Long::sum);
                sums.merge(Part.ALL + "." + field, value, Long::sum);
            }
        }

        long get(Part part, String field) {
            return sums.getOrDefault(part + "." + field, 0L);
        }

        void assertMatches(AreaSnapshot s, List<VoteKind> kinds, List<String> groups) {
            for (Part part : Part.values()) {
                PartTotals p = s.part(part);
                String where = s.area().ref() + " " + part;
                assertThat(p.unitsReported()).as(where + " units").isEqualTo(get(part, "units"));
                assertThat(p.eligible()).as(where + " A").isEqualTo(get(part, "A"));
                assertThat(p.voters()).as(where + " B").isEqualTo(get(part, "B"));
                assertThat(p.votersWithCard()).as(where + " B1").isEqualTo(get(part, "B1"));
                for (VoteKind kind : kinds) {
                    assertThat(p.invalid(kind)).as(where + kind).isEqualTo(get(part, kind + ".invalid"));
                    assertThat(p.valid(kind)).as(where + kind).isEqualTo(get(part, kind + ".valid"));
                    for (String g : groups) {
                        assertThat(p.votes(kind, g)).as(where + kind + g).isEqualTo(get(part, kind + "." + g));
                    }
                }
            }
        }
    }
}
