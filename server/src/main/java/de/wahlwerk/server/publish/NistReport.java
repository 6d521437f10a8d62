package de.wahlwerk.server.publish;

import de.wahlwerk.core.formats.NistCdfWriter;
import de.wahlwerk.core.formats.NistCdfWriter.Contest;
import de.wahlwerk.core.formats.NistCdfWriter.ContestKind;
import de.wahlwerk.core.formats.NistCdfWriter.Selection;
import de.wahlwerk.core.formats.ResultRow;
import de.wahlwerk.core.model.Area;
import de.wahlwerk.core.model.GroupKind;
import de.wahlwerk.core.model.Hierarchy;
import de.wahlwerk.core.model.Nomination;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.core.tally.AreaSnapshot;
import de.wahlwerk.core.tally.AreaSpec;
import de.wahlwerk.core.tally.Tally;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The election as one NIST SP 1500-100 v2 report (docs/formats/open-data.md): every area and
 * district as a ReportingUnit; per vote kind and nomination area a contest (a Landesliste stands
 * in its state, a constituency candidate in its constituency); votes per area from the tally and
 * per district from its confirmed report.
 */
final class NistReport {

    private NistReport() {}

    static Map<String, Object> of(OpenDataRows rows, Tally tally, OffsetDateTime now) {
        var in = rows.input();
        Map<AreaRef, AreaSnapshot> snapshots = new LinkedHashMap<>();
        tally.snapshots().forEach(s -> snapshots.put(s.area().ref(), s));
        Map<Long, Area> areasById = new HashMap<>();
        in.areas().forEach(a -> areasById.put(a.id(), a));

        List<NistCdfWriter.Unit> units = new ArrayList<>();
        for (AreaSnapshot s : snapshots.values()) {
            AreaRef ref = s.area().ref();
            List<String> composing = new ArrayList<>();
            rows.children(ref).forEach(c -> composing.add(id(c)));
            rows.unitsIn(ref).forEach(u -> composing.add(unitId(u)));
            Area a = rows.area(ref);
            boolean any = s.unitsReported() > 0;
            String[] type = type(s.area());
            units.add(new NistCdfWriter.Unit(id(ref), a == null ? ref.key() : a.name(), type[0], type[1], false,
                    composing, any ? s.all().eligible() : null, any ? s.all().voters() : null,
                    s.unitsReported(), s.unitsExpected()));
        }
        rows.unitRows().forEach((key, r) -> units.add(new NistCdfWriter.Unit(unitId(key), r.name(), "precinct", null,
                r.postal(), List.of(), r.counts().eligible(), r.counts().voters(), null, null)));

        // Parties by short name (the tally's group key for lists), candidates per nomination.
        Map<String, String> partyIds = new LinkedHashMap<>();
        List<NistCdfWriter.Party> parties = new ArrayList<>();
        List<NistCdfWriter.Candidate> candidates = new ArrayList<>();
        for (Nomination n : in.nominations()) {
            boolean list = !personal(n.voteKind()) && n.voteKind() != VoteKind.YES_NO;
            if ((list || n.groupKind() == GroupKind.PARTY) && !partyIds.containsKey(n.shortName())) {
                String pid = "party-" + (partyIds.size() + 1);
                partyIds.put(n.shortName(), pid);
                parties.add(new NistCdfWriter.Party(pid, list ? n.name() : n.shortName(), n.shortName()));
            }
        }
        for (Nomination n : in.nominations()) {
            if (personal(n.voteKind())) {
                candidates.add(new NistCdfWriter.Candidate("candidate-" + n.id(), n.name(),
                        n.groupKind() == GroupKind.PARTY ? partyIds.get(n.shortName()) : null));
            }
        }

        String found = scope(rows, snapshots);
        String scope = found == null ? "area-all" : found;
        if (found == null) {
            units.addFirst(new NistCdfWriter.Unit(scope, in.election().name(), "other", "Wahlgebiet", false,
                    snapshots.values().stream().filter(s -> s.area().parent() == null).map(s -> id(s.area().ref())).toList(),
                    null, null, null, null));
        }
        List<Contest> contests = new ArrayList<>();
        // The tally's kinds: a kind without any nomination yet has no slots (and no contest).
        for (VoteKind kind : tally.structure().voteKinds()) {
            Map<Long, List<Nomination>> byArea = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
            for (Nomination n : in.nominations()) {
                if (n.voteKind() == kind) {
                    byArea.computeIfAbsent(n.areaId(), _ -> new ArrayList<>()).add(n);
                }
            }
            List<Nomination> everywhere = byArea.getOrDefault(null, List.of());
            boolean split = byArea.keySet().stream().anyMatch(Objects::nonNull);
            for (var entry : byArea.entrySet()) {
                if (split && entry.getKey() == null) {
                    continue;
                }
                Area district = entry.getKey() == null ? null : areasById.get(entry.getKey());
                AreaRef districtRef = district == null ? null
                        : new AreaRef(new Hierarchy(district.hierarchy()), district.officialKey());
                List<Nomination> on = new ArrayList<>(entry.getValue());
                if (split) {
                    on.addAll(everywhere);
                }
                on.sort(Comparator.comparingInt(Nomination::ballotPosition));
                contests.add(contest(rows, snapshots, kind, districtRef, districtRef == null ? scope : id(districtRef),
                        district == null ? null : district.name(), on, partyIds, areasById, contests.size() + 1));
            }
        }
        AreaSnapshot root = snapshots.values().stream().filter(s -> id(s.area().ref()).equals(scope)).findFirst().orElse(null);
        Area rootArea = root == null ? null : rows.area(root.area().ref());
        var header = new NistCdfWriter.Header(rootArea == null ? "Wahlwerk" : rootArea.name(),
                rootArea == null ? "Wahlwerk" : rootArea.officialKey(), "Wahlwerk", now,
                root != null && root.complete(), tally.sequence(), "de");
        var election = new NistCdfWriter.Election(in.election().name(), in.day().date(), scope, contests, candidates);
        return NistCdfWriter.report(header, election, units, parties);
    }

    private static Contest contest(OpenDataRows rows, Map<AreaRef, AreaSnapshot> snapshots, VoteKind kind,
            AreaRef district, String districtId, String districtName, List<Nomination> nominations,
            Map<String, String> partyIds, Map<Long, Area> areasById, int order) {
        // The areas and districts counted: the district's subtree, or everything for an election-wide contest.
        List<AreaRef> areas = new ArrayList<>();
        if (district == null) {
            areas.addAll(snapshots.keySet());
        } else {
            collect(rows, district, areas);
        }
        // Each district once, in the order first met: in an election-wide contest every district
        // lies in a leaf area of each hierarchy.
        Set<String> units = new LinkedHashSet<>();
        for (AreaRef a : areas) {
            units.addAll(rows.unitsIn(a));
        }
        List<Selection> selections = new ArrayList<>();
        for (Nomination n : nominations) {
            String group = groupKey(n, areasById);
            // Made while the report is written, not held for the whole build (NistCdfWriter.Selection).
            Iterable<Map.Entry<String, Long>> counts = () -> Stream.concat(
                    areas.stream().<Map.Entry<String, Long>>mapMulti((a, out) -> {
                        AreaSnapshot s = snapshots.get(a);
                        if (s != null && s.unitsReported() > 0 && s.groups(kind).contains(group)) {
                            out.accept(Map.entry(id(a), s.all().votes(kind, group)));
                        }
                    }),
                    units.stream().<Map.Entry<String, Long>>mapMulti((u, out) -> {
                        ResultRow r = rows.unitRows().get(u);
                        VoteCounts v = r == null ? null : r.counts().votes(kind);
                        Long votes = v == null ? null : v.votesFor(n.ballotPosition());
                        if (votes != null && r.receivedReports() > 0) {
                            out.accept(Map.entry(unitId(u), votes));
                        }
                    })).iterator();
            String ref = switch (kind(kind)) {
                case PARTY -> partyIds.get(n.shortName());
                case CANDIDATE -> "candidate-" + n.id();
                case BALLOT_MEASURE -> n.name();
            };
            selections.add(new Selection("selection-" + n.id(), n.ballotPosition(), ref, counts));
        }
        String name = label(kind) + (districtName == null ? "" : " " + districtName);
        return new Contest("contest-" + order, name, kind(kind), districtId, variation(kind), 1, order, selections);
    }

    private static void collect(OpenDataRows rows, AreaRef a, List<AreaRef> into) {
        into.add(a);
        for (AreaRef c : rows.children(a)) {
            collect(rows, c, into);
        }
    }

    /** Same key as the tally uses (TallyStructures.groupKey): an independent is told apart by its area. */
    private static String groupKey(Nomination n, Map<Long, Area> areasById) {
        if (n.groupKind() == GroupKind.INDEPENDENT && n.areaId() != null && areasById.containsKey(n.areaId())) {
            return n.shortName() + " (" + areasById.get(n.areaId()).officialKey() + ")";
        }
        return n.shortName();
    }

    /**
     * The election's whole area: the single top area of its own hierarchy, else the single top area
     * of the administrative one (constituencies side by side have no common parent), else null.
     */
    private static String scope(OpenDataRows rows, Map<AreaRef, AreaSnapshot> snapshots) {
        String own = single(snapshots, rows.input().election().hierarchy());
        return own != null ? own : single(snapshots, Hierarchy.ADMINISTRATIVE.code());
    }

    private static String single(Map<AreaRef, AreaSnapshot> snapshots, String hierarchy) {
        List<AreaRef> roots = snapshots.values().stream().map(s -> s.area())
                .filter(a -> a.parent() == null && a.ref().hierarchy().code().equals(hierarchy))
                .map(AreaSpec::ref).toList();
        return roots.size() == 1 ? id(roots.getFirst()) : null;
    }

    private static boolean personal(VoteKind kind) {
        return kind == VoteKind.FIRST || kind == VoteKind.CANDIDATE;
    }

    private static ContestKind kind(VoteKind kind) {
        if (kind == VoteKind.YES_NO) {
            return ContestKind.BALLOT_MEASURE;
        }
        return personal(kind) ? ContestKind.CANDIDATE : ContestKind.PARTY;
    }

    private static String variation(VoteKind kind) {
        return switch (kind) {
            case FIRST, CANDIDATE -> "plurality";
            case SECOND, LIST -> "proportional";
            case CUMULATIVE -> "cumulative";
            case YES_NO -> null;
        };
    }

    private static String label(VoteKind kind) {
        return switch (kind) {
            case FIRST -> "Erststimmen";
            case SECOND -> "Zweitstimmen";
            case LIST -> "Stimmen";
            case CUMULATIVE -> "Stimmen";
            case CANDIDATE -> "Stimmen";
            case YES_NO -> "Bürgerentscheid";
        };
    }

    /** CDF ReportingUnitType of an area, with OtherType where the CDF has no German equivalent. */
    private static String[] type(AreaSpec a) {
        return switch (a.level()) {
            case FEDERATION -> new String[] {"country", null};
            case STATE -> new String[] {"state", null};
            case GOVERNMENT_DISTRICT -> new String[] {"other", "Regierungsbezirk"};
            case COUNTY -> new String[] {"county", null};
            case MUNICIPALITY -> new String[] {"municipality", null};
            case CITY_DISTRICT -> new String[] {"other", "Stadtbezirk"};
            case CONSTITUENCY -> new String[] {"other", "Wahlkreis"};
            case OTHER -> new String[] {"other", "Gebiet"};
        };
    }

    static String id(AreaRef ref) {
        return "area-" + ref.hierarchy().code() + "-" + ref.key();
    }

    static String unitId(String key) {
        return "unit-" + key;
    }
}
