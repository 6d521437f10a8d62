package de.wahlwerk.server.publish;

import de.wahlwerk.core.formats.OffeneWahldaten;
import de.wahlwerk.core.formats.OffeneWahldatenWriter;
import de.wahlwerk.core.formats.OffeneWahldatenWriter.FileType;
import de.wahlwerk.core.formats.ResultRow;
import de.wahlwerk.core.model.Area;
import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.Candidate;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.GroupKind;
import de.wahlwerk.core.model.Nomination;
import de.wahlwerk.core.model.ReportingUnit;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.tally.UnitSpec;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * An election's "Offene Wahldaten" files (draft 0.3 as fhswf/wahlkarte writes it; see
 * docs/formats/open-data.md) from the setup and the confirmed rows that the votemanager files use.
 * The four describing files change only with the setup; the result file follows the confirmations.
 */
final class OffeneWahldatenFiles {

    /** Below the election's folder: {@code /wahlen/<election>/offene-wahldaten/<type>.csv}. */
    static final String DIR = "offene-wahldaten/";

    /** What the district is called in Wahlparameter. */
    private static final String DISTRICT_LEVEL = "Wahlbezirk";

    private final OffeneWahldaten.Election election;
    private final List<String> columns;
    private final OpenDataRows rows;
    private final Map<FileType, String> describing = new EnumMap<>(FileType.class);
    private final LocalDateTime built;

    private OffeneWahldatenFiles(OffeneWahldaten.Election election, List<String> columns, OpenDataRows rows,
            LocalDateTime built) {
        this.election = election;
        this.columns = columns;
        this.rows = rows;
        this.built = built;
    }

    /** The path of one file below the election's folder, e.g. {@code offene-wahldaten/wahlergebnisse.csv}. */
    static String path(FileType type) {
        return DIR + type.label().toLowerCase(Locale.ROOT) + ".csv";
    }

    /** Whether the format has a result layout for the election (not for councils, see the writer). */
    static boolean supports(Election e) {
        return OffeneWahldatenWriter.supports(OpenDataRows.layout(e));
    }

    /**
     * Works out the describing files once.
     *
     * @param organiser    the election authority's area (the day's scope), or null
     * @param candidates   the candidates of each nomination, by nomination id
     * @param levelName    German name of an area level ("Wahlkreis", "Stadtbezirk", …)
     */
    static OffeneWahldatenFiles of(OpenDataRows rows, Area organiser, Map<Long, List<Candidate>> candidates,
            Function<AreaLevel, String> levelName, LocalDateTime now) {
        Election e = rows.input().election();
        OffeneWahldaten.Election head = new OffeneWahldaten.Election(organiser == null ? null : gs(organiser.officialKey()),
                organiser == null ? null : organiser.name(), rows.input().day().date(), e.name(), e.name());
        TreeSet<Integer> first = new TreeSet<>();
        TreeSet<Integer> second = new TreeSet<>();
        for (Nomination n : rows.input().nominations()) {
            (n.voteKind() == VoteKind.SECOND ? second : first).add(n.ballotPosition());
        }
        OffeneWahldatenFiles f = new OffeneWahldatenFiles(head,
                OffeneWahldatenWriter.resultColumns(rows.layout(), first, second), rows, now);
        new Describer(rows, organiser, levelName).describe(f, candidates);
        return f;
    }

    /** The four describing files (Wahlparameter, Wahlgebietseinteilungen, Stimmzettel, Kandidaten). */
    Map<FileType, String> describing() {
        return describing;
    }

    /** Wahlergebnisse: a row per district with a confirmed report, in setup order. */
    String results() {
        List<OffeneWahldaten.Result> results = new ArrayList<>();
        for (ResultRow r : rows.unitRows().values()) {
            Instant entered = rows.enteredAt(r.unitKey());
            if (r.receivedReports() > 0 && entered != null) {
                results.add(new OffeneWahldaten.Result(r, LocalDateTime.ofInstant(entered, PublicSite.ZONE)));
            }
        }
        return OffeneWahldatenWriter.results(election, rows.layout(), columns, results);
    }

    /** The file name the converter would give, for the index. */
    String fileName(FileType type, LocalDateTime resultsAt) {
        return OffeneWahldatenWriter.fileName(election, type, type == FileType.WAHLERGEBNISSE ? resultsAt : built);
    }

    /** An AGS of a higher level in its 8-digit form ("09" → "09000000"); other keys as they are. */
    static String gs(String key) {
        if (key != null && key.length() < 8 && !key.isEmpty() && key.chars().allMatch(Character::isDigit)) {
            return key + "0".repeat(8 - key.length());
        }
        return key;
    }

    /** Works out the describing files from the setup. */
    private static final class Describer {

        private final OpenDataRows rows;
        private final Area organiser;
        private final Function<AreaLevel, String> levelName;
        private final Map<Long, Area> byId = new HashMap<>();
        private final Map<String, Area> byHierarchyAndKey = new HashMap<>();

        Describer(OpenDataRows rows, Area organiser, Function<AreaLevel, String> levelName) {
            this.rows = rows;
            this.organiser = organiser;
            this.levelName = levelName;
            for (Area a : rows.input().areas()) {
                byId.put(a.id(), a);
                byHierarchyAndKey.put(a.hierarchy() + "\u0000" + a.officialKey(), a);
            }
        }

        void describe(OffeneWahldatenFiles f, Map<Long, List<Candidate>> candidates) {
            List<ReportingUnit> units = rows.input().units().stream()
                    .filter(u -> rows.unitSpec(u.officialKey()) != null).toList();
            String hierarchy = levelHierarchy(units);
            List<AreaLevel> levels = levels(units, hierarchy);
            // One ballot per distinct set of nominations (the tally's ballots), named after its
            // deepest nomination area when there is more than one.
            Map<String, List<Nomination>> ballots = new LinkedHashMap<>();
            Map<String, OffeneWahldaten.Area> ballotAreas = new HashMap<>();
            Map<String, Optional<OffeneWahldaten.Area>> candidacyAreas = new HashMap<>();
            List<OffeneWahldaten.District> districts = new ArrayList<>();
            for (ReportingUnit u : units) {
                UnitSpec spec = rows.unitSpec(u.officialKey());
                // Worked out once per ballot (one per constituency), not per district.
                List<Nomination> standing = ballots.computeIfAbsent(spec.ballot(), _ -> {
                    Set<Long> around = ancestors(spec);
                    return rows.input().nominations().stream()
                            .filter(n -> n.areaId() == null || around.contains(n.areaId())).toList();
                });
                OffeneWahldaten.Area candidacy = candidacyAreas.computeIfAbsent(spec.ballot(), _ -> Optional.ofNullable(
                        owd(deepest(standing.stream().filter(n -> n.voteKind().isPersonal()).toList())))).orElse(null);
                ballotAreas.computeIfAbsent(spec.ballot(), _ -> owd(deepest(standing)));
                districts.add(new OffeneWahldaten.District(levelAreas(spec, hierarchy, levels), u.officialKey(), u.name(),
                        u.kind() == de.wahlwerk.core.model.UnitKind.POSTAL, null, candidacy, null));
            }
            boolean anyCandidacyArea = candidacyAreas.values().stream().anyMatch(Optional::isPresent);
            boolean oneBallot = ballots.size() <= 1;
            if (!oneBallot && new HashSet<>(ballotAreas.values()).size() < ballots.size()) {
                // Ballots no nomination area tells apart are numbered instead.
                int i = 0;
                for (String id : ballots.keySet()) {
                    i++;
                    ballotAreas.put(id, new OffeneWahldaten.Area(Integer.toString(i), "Stimmzettel " + i));
                }
            }
            List<OffeneWahldaten.District> named = new ArrayList<>(districts.size());
            for (OffeneWahldaten.District d : districts) {
                String ballot = rows.unitSpec(d.key()).ballot();
                named.add(new OffeneWahldaten.District(d.levels(), d.key(), d.name(), d.postal(), d.representative(),
                        d.candidacyArea(), oneBallot ? null : ballotAreas.get(ballot)));
            }
            OffeneWahldaten.Election head = f.election;
            f.describing.put(FileType.WAHLPARAMETER, OffeneWahldatenWriter.parameters(head, new OffeneWahldaten.Parameters(
                    anyCandidacyArea ? candidacyLevel() : null, levels.stream().map(levelName).toList(), DISTRICT_LEVEL)));
            f.describing.put(FileType.WAHLGEBIETSEINTEILUNGEN, OffeneWahldatenWriter.districts(head, named));
            List<OffeneWahldaten.BallotEntry> entries = new ArrayList<>();
            ballots.forEach((id, standing) -> entries.addAll(ballot(oneBallot ? null : ballotAreas.get(id), standing)));
            f.describing.put(FileType.STIMMZETTEL, OffeneWahldatenWriter.ballot(head, entries));
            f.describing.put(FileType.KANDIDATEN, OffeneWahldatenWriter.candidates(head, candidates(candidates)));
        }

        /** Per position: the list (second vote) where there is one, else the nomination of the position. */
        private static List<OffeneWahldaten.BallotEntry> ballot(OffeneWahldaten.Area area, List<Nomination> standing) {
            Map<Integer, Nomination> byPosition = new TreeMap<>();
            for (Nomination n : standing) {
                byPosition.merge(n.ballotPosition(), n, (a, b) -> b.voteKind() == VoteKind.SECOND ? b : a);
            }
            List<OffeneWahldaten.BallotEntry> entries = new ArrayList<>();
            byPosition.forEach((position, n) -> entries.add(new OffeneWahldaten.BallotEntry(area, position, n.shortName(),
                    n.name(), PartyColours.of(n.shortName()), n.groupKind() == GroupKind.INDEPENDENT)));
            return entries;
        }

        /** Persons of personal nominations stand in the nomination's area; list candidates by list place. */
        private List<OffeneWahldaten.Candidate> candidates(Map<Long, List<Candidate>> candidates) {
            List<OffeneWahldaten.Candidate> out = new ArrayList<>();
            for (Nomination n : rows.input().nominations()) {
                boolean personal = n.voteKind().isPersonal();
                OffeneWahldaten.Area area = personal && n.areaId() != null ? owd(byId.get(n.areaId())) : null;
                for (Candidate c : candidates.getOrDefault(n.id(), List.of())) {
                    out.add(new OffeneWahldaten.Candidate(n.shortName(), n.name(), c.familyName(), null, c.givenNames(),
                            c.title(), c.yearOfBirth(), null, c.profession(), area, personal ? 0 : c.listPosition()));
                }
            }
            return out;
        }

        private String candidacyLevel() {
            AreaLevel level = null;
            for (Nomination n : rows.input().nominations()) {
                Area a = n.voteKind().isPersonal() && n.areaId() != null ? byId.get(n.areaId()) : null;
                if (a != null) {
                    level = a.level();
                }
            }
            return level == null ? null : levelName.apply(level);
        }

        /** The organiser's hierarchy when every district lies in it (the administrative areas), else the election's. */
        private String levelHierarchy(List<ReportingUnit> units) {
            List<String> candidates = new ArrayList<>();
            if (organiser != null) {
                candidates.add(organiser.hierarchy());
            }
            if (rows.input().election().hierarchy() != null) {
                candidates.add(rows.input().election().hierarchy());
            }
            for (String h : candidates) {
                if (units.stream().allMatch(u -> leaf(rows.unitSpec(u.officialKey()), h) != null)) {
                    return h;
                }
            }
            return units.isEmpty() ? null : rows.unitSpec(units.getFirst().officialKey()).leafAreas().keySet().stream()
                    .map(de.wahlwerk.core.model.Hierarchy::code).sorted().findFirst().orElse(null);
        }

        /**
         * The area levels above the districts, deepest first, at most four (levels 2 … 5): a level's
         * depth is the deepest it occurs at, so districts at different depths still share the columns.
         */
        private List<AreaLevel> levels(List<ReportingUnit> units, String hierarchy) {
            Map<AreaLevel, Integer> depth = new EnumMap<>(AreaLevel.class);
            Set<Long> seen = new HashSet<>();
            for (ReportingUnit u : units) {
                Area leaf = leaf(rows.unitSpec(u.officialKey()), hierarchy);
                if (leaf == null || !seen.add(leaf.id())) {
                    continue;
                }
                List<Area> chain = chain(leaf);
                for (int i = 0; i < chain.size(); i++) {
                    depth.merge(chain.get(i).level(), i + 1, Math::max);
                }
            }
            return depth.entrySet().stream().sorted(Map.Entry.<AreaLevel, Integer>comparingByValue().reversed())
                    .limit(4).map(Map.Entry::getKey).toList();
        }

        private List<OffeneWahldaten.Area> levelAreas(UnitSpec spec, String hierarchy, List<AreaLevel> levels) {
            Area leaf = leaf(spec, hierarchy);
            List<Area> chain = leaf == null ? List.of() : chain(leaf);
            List<OffeneWahldaten.Area> out = new ArrayList<>();
            for (AreaLevel level : levels) {
                out.add(owd(chain.stream().filter(a -> a.level() == level).reduce((a, b) -> b).orElse(null)));
            }
            return out;
        }

        /** The district's areas in every hierarchy, up to the roots. */
        private Set<Long> ancestors(UnitSpec spec) {
            Set<Long> ids = new HashSet<>();
            for (var h : spec.leafAreas().keySet()) {
                Area leaf = leaf(spec, h.code());
                if (leaf != null) {
                    chain(leaf).forEach(a -> ids.add(a.id()));
                }
            }
            return ids;
        }

        /** The area of the nominations that lies deepest (a constituency rather than a state). */
        private Area deepest(List<Nomination> nominations) {
            return nominations.stream().map(n -> n.areaId() == null ? null : byId.get(n.areaId()))
                    .filter(java.util.Objects::nonNull).max(Comparator.comparingInt(a -> chain(a).size())).orElse(null);
        }

        private Area leaf(UnitSpec spec, String hierarchy) {
            String key = hierarchy == null ? null : spec.leafAreas().get(new de.wahlwerk.core.model.Hierarchy(hierarchy));
            return key == null ? null : byHierarchyAndKey.get(hierarchy + "\u0000" + key);
        }

        /** The root first, the area last. */
        private List<Area> chain(Area area) {
            List<Area> up = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (Area a = area; a != null && seen.add(a.id()); a = a.parentId() == null ? null : byId.get(a.parentId())) {
                up.addFirst(a);
            }
            return up;
        }

        private static OffeneWahldaten.Area owd(Area a) {
            return a == null ? null : new OffeneWahldaten.Area(a.officialKey(), a.name());
        }
    }
}
