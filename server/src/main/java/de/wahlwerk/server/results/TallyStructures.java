package de.wahlwerk.server.results;

import de.wahlwerk.core.model.Area;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.GroupKind;
import de.wahlwerk.core.model.Hierarchy;
import de.wahlwerk.core.model.Nomination;
import de.wahlwerk.core.model.ReportingUnit;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.core.tally.AreaSpec;
import de.wahlwerk.core.tally.Ballot;
import de.wahlwerk.core.tally.TallyStructure;
import de.wahlwerk.core.tally.UnitSpec;
import de.wahlwerk.server.setup.SetupDirectory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Builds the tally's picture of an election from the setup: areas of every hierarchy that all units
 * belong to, one ballot per distinct set of nominations, and the units with their leaf areas.
 * Votes are added up by the nomination's short name; an independent candidate's key carries the
 * constituency so that two independents of the same name stay apart.
 */
@Component
class TallyStructures {

    private final SetupDirectory setup;

    TallyStructures(SetupDirectory setup) {
        this.setup = setup;
    }

    /** The structure and its ballots by id (to map group keys back to ballot positions). */
    record Built(TallyStructure structure, Map<String, Ballot> ballots) {}

    TallyStructure build(Election election) {
        return buildWithBallots(election).structure();
    }

    Built buildWithBallots(Election election) {
        List<ReportingUnit> units = setup.units(election.electionDayId());
        // Reads the setup once (a national election has 90,000 units and ~5,000 nominations): no
        // query per unit, ancestors from the parent links in memory, and the ballot worked out once
        // per distinct set of leaf areas (one per constituency), not once per unit.
        Map<Long, Map<String, Area>> unitAreas = setup.unitAreasOfDay(election.electionDayId());
        List<Area> allAreas = setup.areas(election.electionDayId());
        // Only hierarchies every unit belongs to can be aggregated without losing votes.
        Set<String> hierarchies = new HashSet<>();
        allAreas.forEach(a -> hierarchies.add(a.hierarchy()));
        for (ReportingUnit u : units) {
            hierarchies.retainAll(unitAreas.getOrDefault(u.id(), Map.of()).keySet());
        }
        Map<Long, Area> areasById = new HashMap<>();
        for (Area a : allAreas) {
            areasById.put(a.id(), a);
        }
        List<AreaSpec> areaSpecs = new ArrayList<>();
        for (Area a : areasById.values()) {
            if (!hierarchies.contains(a.hierarchy())) {
                continue;
            }
            Area parent = a.parentId() == null ? null : areasById.get(a.parentId());
            areaSpecs.add(new AreaSpec(ref(a), a.level(), parent == null ? null : ref(parent)));
        }
        List<Nomination> nominations = setup.nominations(election.id());
        Map<String, Ballot> ballots = new LinkedHashMap<>();
        Map<Set<Long>, String> ballotOfLeaves = new HashMap<>();
        List<UnitSpec> unitSpecs = new ArrayList<>();
        Map<Long, String> keyById = new HashMap<>();
        units.forEach(u -> keyById.put(u.id(), u.officialKey()));
        for (ReportingUnit u : units) {
            Map<String, Area> leavesOfUnit = unitAreas.getOrDefault(u.id(), Map.of());
            Set<Long> leafIds = new HashSet<>();
            leavesOfUnit.values().forEach(a -> leafIds.add(a.id()));
            String ballotId = ballotOfLeaves.computeIfAbsent(leafIds,
                    ids -> ballot(election, ids, areasById, nominations, ballots));
            Map<Hierarchy, String> leaves = new LinkedHashMap<>();
            leavesOfUnit.forEach((h, a) -> {
                if (hierarchies.contains(h)) {
                    leaves.put(new Hierarchy(h), a.officialKey());
                }
            });
            unitSpecs.add(new UnitSpec(u.officialKey(), u.kind(), leaves, ballotId,
                    u.countedWithUnitId() == null ? null : keyById.get(u.countedWithUnitId())));
        }
        return new Built(TallyStructure.of(election.kind().voteKinds(), areaSpecs, ballots.values(), unitSpecs), ballots);
    }

    /**
     * The ballot of units with these leaf areas: every nomination without an area, and those of the
     * leaves and their ancestors, by vote kind and ballot position. Its id is the sorted list of
     * nomination ids, so units whose ballots are the same share one.
     */
    private static String ballot(Election election, Set<Long> leafIds, Map<Long, Area> areasById,
            List<Nomination> nominations, Map<String, Ballot> ballots) {
        Set<Long> around = new HashSet<>();
        for (Long leaf : leafIds) {
            for (Area a = areasById.get(leaf); a != null && around.add(a.id());
                    a = a.parentId() == null ? null : areasById.get(a.parentId())) {
                // up to the root of the leaf's hierarchy
            }
        }
        Map<VoteKind, Map<Integer, String>> groups = new EnumMap<>(VoteKind.class);
        List<Long> ids = new ArrayList<>();
        for (VoteKind kind : election.kind().voteKinds()) {
            Map<Integer, String> byPosition = new TreeMap<>();
            for (Nomination n : nominations) {
                if (n.voteKind() == kind && (n.areaId() == null || around.contains(n.areaId()))) {
                    byPosition.put(n.ballotPosition(), groupKey(n, areasById));
                    ids.add(n.id());
                }
            }
            groups.put(kind, byPosition);
        }
        ids.sort(Long::compare);
        String ballotId = ids.toString();
        ballots.computeIfAbsent(ballotId, id -> new Ballot(id, groups));
        return ballotId;
    }

    static String groupKey(Nomination n, Map<Long, Area> areasById) {
        if (n.groupKind() == GroupKind.INDEPENDENT && n.areaId() != null && areasById.containsKey(n.areaId())) {
            return n.shortName() + " (" + areasById.get(n.areaId()).officialKey() + ")";
        }
        return n.shortName();
    }

    private static AreaRef ref(Area a) {
        return new AreaRef(new Hierarchy(a.hierarchy()), a.officialKey());
    }
}
