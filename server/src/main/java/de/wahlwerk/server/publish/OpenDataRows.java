package de.wahlwerk.server.publish;

import de.wahlwerk.core.formats.CumulativeDetails;
import de.wahlwerk.core.formats.ResultFile;
import de.wahlwerk.core.formats.ResultRow;
import de.wahlwerk.core.formats.VotemanagerCsvWriter;
import de.wahlwerk.core.formats.VotemanagerLayout;
import de.wahlwerk.core.model.Area;
import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.ElectionDay;
import de.wahlwerk.core.model.Nomination;
import de.wahlwerk.core.model.OfficialKeys;
import de.wahlwerk.core.model.ReportingUnit;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.core.tally.AreaSpec;
import de.wahlwerk.core.tally.TallyStructure;
import de.wahlwerk.core.tally.UnitSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One election's confirmed numbers as votemanager rows, at one moment: a row per reporting unit
 * (its confirmed report's values, which use the same form letters as the vendor's columns) and,
 * on demand, a row per area as the cell-wise sum of the units below it. An empty cell stays empty
 * in a sum unless some unit has a number there, as in the vendor's municipality files (Vaterstetten
 * 2021: the municipality row is the column sum of its 27 district rows).
 */
final class OpenDataRows {

    /** What {@link OpenDataFiles} needs from setup and entry to build the rows. */
    record Input(Election election, ElectionDay day, TallyStructure structure, List<ReportingUnit> units,
            List<Area> areas, List<Nomination> nominations, Map<Long, Integer> candidatesPerNomination,
            Map<String, Map<String, Long>> confirmedValues, Map<String, java.time.Instant> enteredAt) {}

    private final Input in;
    private final VotemanagerLayout layout;
    private final List<String> columns;
    private final Map<AreaRef, Area> areaByRef = new HashMap<>();
    private final Map<AreaRef, AreaSpec> specByRef = new HashMap<>();
    /** Keys of the units below each area (in every hierarchy), in setup order. */
    private final Map<AreaRef, List<String>> unitKeysBelow = new HashMap<>();
    private final Map<AreaRef, List<AreaRef>> children = new HashMap<>();
    private final Map<AreaRef, ResultRow> areaRows = new HashMap<>();
    /** Unit rows by unit key, in setup order. */
    private final Map<String, ResultRow> unitRows = new LinkedHashMap<>();
    /** Keys of the units whose leaf area (in some hierarchy) is the area. */
    private final Map<AreaRef, List<String>> unitsInLeaf = new HashMap<>();
    private final Map<String, ReportingUnit> unitByKey = new HashMap<>();
    private final Map<String, UnitSpec> specByKey = new HashMap<>();

    OpenDataRows(Input in) {
        this.in = in;
        this.layout = layout(in.election());
        this.columns = columns(in, layout);
        for (Area a : in.areas()) {
            areaByRef.put(new AreaRef(new de.wahlwerk.core.model.Hierarchy(a.hierarchy()), a.officialKey()), a);
        }
        for (AreaSpec s : in.structure().areas()) {
            specByRef.put(s.ref(), s);
            if (s.parent() != null) {
                children.computeIfAbsent(s.parent(), _ -> new ArrayList<>()).add(s.ref());
            }
        }
        in.structure().units().forEach(u -> specByKey.put(u.key(), u));
        // Setup order is the vendor's: polling districts by key, then postal districts by key.
        for (ReportingUnit u : in.units()) {
            UnitSpec spec = specByKey.get(u.officialKey());
            if (spec == null) {
                continue;
            }
            unitByKey.put(u.officialKey(), u);
            unitRows.put(u.officialKey(), unitRow(u, spec));
            // Each hierarchy separately: from the unit's leaf area up to the root.
            for (var leaf : spec.leafAreas().entrySet()) {
                AreaRef ref = new AreaRef(leaf.getKey(), leaf.getValue());
                unitsInLeaf.computeIfAbsent(ref, _ -> new ArrayList<>()).add(u.officialKey());
                while (ref != null) {
                    unitKeysBelow.computeIfAbsent(ref, _ -> new ArrayList<>()).add(u.officialKey());
                    AreaSpec s = specByRef.get(ref);
                    ref = s == null ? null : s.parent();
                }
            }
        }
    }

    /**
     * A unit's newly confirmed values (its first report or a correction): its row is replaced and
     * the sums of every area above it are dropped, to be summed again when asked for. Returns those
     * areas (empty for a unit the rows do not know, e.g. one added after they were built).
     */
    java.util.Set<AreaRef> update(String unitKey, Map<String, Long> values, java.time.Instant enteredAt) {
        ReportingUnit u = unitByKey.get(unitKey);
        if (u == null) {
            return java.util.Set.of();
        }
        in.confirmedValues().put(unitKey, values);
        in.enteredAt().put(unitKey, enteredAt);
        UnitSpec spec = specByKey.get(unitKey);
        unitRows.put(unitKey, unitRow(u, spec));
        java.util.Set<AreaRef> above = new java.util.HashSet<>();
        for (var leaf : spec.leafAreas().entrySet()) {
            for (AreaRef ref = new AreaRef(leaf.getKey(), leaf.getValue()); ref != null && above.add(ref); ) {
                areaRows.remove(ref);
                AreaSpec s = specByRef.get(ref);
                ref = s == null ? null : s.parent();
            }
        }
        return above;
    }

    static VotemanagerLayout layout(Election e) {
        return switch (e.kind()) {
            case BUNDESTAG, LANDTAG -> VotemanagerLayout.FIRST_AND_SECOND;
            case MUNICIPAL_COUNCIL, COUNTY_COUNCIL -> VotemanagerLayout.CUMULATIVE;
            case REFERENDUM -> VotemanagerLayout.REFERENDUM;
            case EUROPEAN_PARLIAMENT, MAYOR, LORD_MAYOR, COUNTY_HEAD -> VotemanagerLayout.SINGLE_VOTE;
        };
    }

    private static List<String> columns(Input in, VotemanagerLayout layout) {
        TreeSet<Integer> first = new TreeSet<>();
        TreeSet<Integer> second = new TreeSet<>();
        TreeMap<Integer, Integer> candidates = new TreeMap<>();
        for (Nomination n : in.nominations()) {
            (n.voteKind() == VoteKind.SECOND ? second : first).add(n.ballotPosition());
            if (n.voteKind() == VoteKind.CUMULATIVE) {
                candidates.merge(n.ballotPosition(), in.candidatesPerNomination().getOrDefault(n.id(), 0), Math::max);
            }
        }
        return VotemanagerCsvWriter.standardColumns(layout, first, second, candidates);
    }

    Input input() {
        return in;
    }

    VotemanagerLayout layout() {
        return layout;
    }

    /** When the report that counts for the unit was entered; null before its first confirmation. */
    java.time.Instant enteredAt(String unitKey) {
        return in.enteredAt().get(unitKey);
    }

    UnitSpec unitSpec(String unitKey) {
        return specByKey.get(unitKey);
    }

    Map<String, ResultRow> unitRows() {
        return unitRows;
    }

    List<String> unitsIn(AreaRef leaf) {
        return unitsInLeaf.getOrDefault(leaf, List.of());
    }

    List<AreaRef> children(AreaRef area) {
        return children.getOrDefault(area, List.of());
    }

    Area area(AreaRef ref) {
        return areaByRef.get(ref);
    }

    /** How many reporting units lie below the area (the rows of its district file). */
    int unitCountBelow(AreaRef area) {
        return unitKeysBelow.getOrDefault(area, List.of()).size();
    }

    /** The votemanager file of the reporting units below the area (the vendor's "Wahlbezirk" file). */
    String unitsFile(AreaRef area) {
        return file(unitRowsBelow(area));
    }

    /** One row: the area's total (the vendor's "Gemeinde-Ergebnis"). */
    String areaFile(AreaRef area) {
        return file(List.of(areaRow(area)));
    }

    /** One row per child area; null when the area has none. */
    String childrenFile(AreaRef area) {
        List<AreaRef> kids = children.get(area);
        if (kids == null || kids.isEmpty()) {
            return null;
        }
        return file(kids.stream().map(this::areaRow).toList());
    }

    ResultFile resultFile(List<ResultRow> rows) {
        return new ResultFile("open-data", layout, in.day().date(), in.election().name(), null, rows);
    }

    private String file(List<ResultRow> rows) {
        return VotemanagerCsvWriter.write(resultFile(rows), columns);
    }

    /**
     * The area's total, kept until a unit below it changes. Summed from its sub-areas' totals and
     * the units whose leaf it is, not from every unit below it: a national federal row adds 16
     * state rows instead of 90,000 district rows, and the sub-areas that did not change since keep
     * theirs. Exact because a unit has one leaf area per hierarchy, so the sub-areas and the
     * leaf's own units split the units below without overlap; the sum itself is associative
     * (an empty cell is one no unit below has a number in).
     */
    ResultRow areaRow(AreaRef ref) {
        ResultRow kept = areaRows.get(ref);
        if (kept != null) {
            return kept;
        }
        List<ResultRow> parts = new ArrayList<>();
        for (String key : unitsIn(ref)) {
            parts.add(unitRows.get(key));
        }
        for (AreaRef child : children(ref)) {
            parts.add(areaRow(child));
        }
        long expected = 0;
        long received = 0;
        for (ResultRow p : parts) {
            expected += p.expectedReports();
            received += p.receivedReports();
        }
        Area a = areaByRef.get(ref);
        String name = a == null ? ref.key() : a.name();
        boolean ags = OfficialKeys.isAgs(ref.key());
        ResultRow row = new ResultRow(0, ags ? ref.key() : agsAbove(ref), ags ? null : ref.key(), name, expected, received,
                false, sum(parts.stream().map(ResultRow::counts).toList()), cumulativeSum(parts), List.of());
        areaRows.put(ref, row);
        return row;
    }

    private List<ResultRow> unitRowsBelow(AreaRef area) {
        return unitKeysBelow.getOrDefault(area, List.of()).stream().map(unitRows::get).toList();
    }

    private ResultRow unitRow(ReportingUnit u, UnitSpec spec) {
        Map<String, Long> values = in.confirmedValues().get(u.officialKey());
        // A district counted with a neighbour has no report of its own (§ 68 Abs. 2 BWO): 0 expected.
        long expected = spec.countedWith() == null ? 1 : 0;
        Counts counts = values == null ? emptyCounts() : de.wahlwerk.server.results.FormLetters.toCounts(
                in.election().kind(), values);
        String ags = "";
        for (var e : spec.leafAreas().entrySet()) {
            String found = agsOf(new AreaRef(e.getKey(), e.getValue()));
            if (!found.isEmpty()) {
                ags = found;
                break;
            }
        }
        return new ResultRow(0, ags, u.officialKey(), u.name(), expected, values == null ? 0 : 1,
                u.kind() == de.wahlwerk.core.model.UnitKind.POSTAL, counts,
                layout == VotemanagerLayout.CUMULATIVE ? cumulative(values) : null, List.of());
    }

    /** The nearest AGS at or above the area: the municipality a district lies in. */
    private String agsOf(AreaRef ref) {
        String any = "";
        for (AreaRef r = ref; r != null; r = specByRef.containsKey(r) ? specByRef.get(r).parent() : null) {
            if (OfficialKeys.isAgs(r.key())) {
                Area a = areaByRef.get(r);
                if (a == null || a.level() == AreaLevel.MUNICIPALITY) {
                    return r.key();
                }
                if (any.isEmpty()) {
                    any = r.key();
                }
            }
        }
        return any;
    }

    private String agsAbove(AreaRef ref) {
        AreaSpec s = specByRef.get(ref);
        return s == null || s.parent() == null ? "" : agsOf(s.parent());
    }

    private Counts emptyCounts() {
        Map<VoteKind, VoteCounts> votes = new EnumMap<>(VoteKind.class);
        for (VoteKind k : in.election().kind().voteKinds()) {
            votes.put(k, new VoteCounts(null, null, Map.of()));
        }
        return new Counts(null, null, null, null, null, null, votes);
    }

    private static CumulativeDetails cumulative(Map<String, Long> values) {
        Map<CumulativeDetails.CandidateRef, Long> candidates = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((letter, v) -> {
                var m = java.util.regex.Pattern.compile("D(\\d+)_(\\d+)").matcher(letter);
                if (m.matches()) {
                    candidates.put(new CumulativeDetails.CandidateRef(Integer.parseInt(m.group(1)),
                            Integer.parseInt(m.group(2))), v);
                }
            });
        }
        return new CumulativeDetails(values == null ? null : values.get("E"), Map.of(), Map.of(), null, null, candidates);
    }

    private static CumulativeDetails cumulativeSum(List<ResultRow> rows) {
        Map<CumulativeDetails.CandidateRef, Long> candidates = new LinkedHashMap<>();
        Long cast = null;
        boolean any = false;
        for (ResultRow r : rows) {
            if (r.cumulative() == null) {
                continue;
            }
            any = true;
            cast = plus(cast, r.cumulative().ballotsCast());
            r.cumulative().candidateVotes().forEach((c, v) -> candidates.merge(c, v, OpenDataRows::plus));
        }
        return any ? new CumulativeDetails(cast, Map.of(), Map.of(), null, null, candidates) : null;
    }

    /** Cell-wise sum; empty stays empty only where every unit's cell is empty. */
    static Counts sum(List<Counts> all) {
        Long a1 = null;
        Long a2 = null;
        Long a3 = null;
        Long a = null;
        Long b = null;
        Long b1 = null;
        Map<VoteKind, Long[]> votes = new EnumMap<>(VoteKind.class);
        Map<VoteKind, Map<Integer, Long>> per = new EnumMap<>(VoteKind.class);
        for (Counts c : all) {
            a1 = plus(a1, c.eligibleNoCard());
            a2 = plus(a2, c.eligibleWithCard());
            a3 = plus(a3, c.eligibleAdded());
            a = plus(a, c.eligible());
            b = plus(b, c.voters());
            b1 = plus(b1, c.votersWithCard());
            c.votes().forEach((kind, v) -> {
                Long[] iv = votes.computeIfAbsent(kind, _ -> new Long[2]);
                iv[0] = plus(iv[0], v.invalid());
                iv[1] = plus(iv[1], v.valid());
                Map<Integer, Long> p = per.computeIfAbsent(kind, _ -> new TreeMap<>());
                v.perNomination().forEach((pos, n) -> p.put(pos, plus(p.get(pos), n)));
            });
        }
        Map<VoteKind, VoteCounts> result = new EnumMap<>(VoteKind.class);
        votes.forEach((kind, iv) -> result.put(kind, new VoteCounts(iv[0], iv[1], per.get(kind))));
        return new Counts(a1, a2, a3, a, b, b1, result);
    }

    private static Long plus(Long x, Long y) {
        if (x == null) {
            return y;
        }
        return y == null ? x : Math.addExact(x, y);
    }
}
