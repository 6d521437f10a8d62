package de.wahlwerk.server.entry;

import de.wahlwerk.core.model.Area;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.ReportingUnit;
import de.wahlwerk.server.security.AccessPolicy;
import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.setup.SetupDirectory;
import de.wahlwerk.server.web.NotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the status board from the stored report versions, limited to the user's scope. */
@Service
public class StatusBoardService {

    private final SetupDirectory setup;
    private final ReportStore reports;
    private final AccessPolicy access;
    private final List<BoardChairs> chairs;

    StatusBoardService(SetupDirectory setup, ReportStore reports, AccessPolicy access, List<BoardChairs> chairs) {
        this.setup = setup;
        this.reports = reports;
        this.access = access;
        this.chairs = chairs;
    }

    /** The board's access rule alone (who may see the board at all), without building it: for the live channel. */
    @Transactional(readOnly = true)
    public Election requireVisible(long electionId) {
        Election election = setup.election(electionId).orElseThrow(() -> new NotFoundException("election", electionId));
        access.requireViewDay(election.electionDayId());
        return election;
    }

    @Transactional(readOnly = true)
    public StatusBoard board(long electionId) {
        Election election = requireVisible(electionId);
        Map<Long, String> states = reports.unitStates(electionId);
        Set<Long> warnings = new HashSet<>(reports.unitsWithWarnings(electionId));
        Map<Long, ReportingUnit> byId = new java.util.HashMap<>();
        List<ReportingUnit> units = setup.units(election.electionDayId());
        // Many units share a leaf area: decide each area once per board, not once per unit and role.
        Map<Long, Boolean> coveredByArea = new java.util.HashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        // The stations of the day in one read, not one per district: the board is reloaded all night.
        Map<Long, de.wahlwerk.core.model.PollingStation> stations = new java.util.HashMap<>();
        setup.stations(election.electionDayId()).forEach(st -> stations.put(st.id(), st));
        Map<Long, BoardChairs.Contact> chairByUnit = new java.util.HashMap<>();
        chairs.forEach(c -> chairByUnit.putAll(c.chairs(election.electionDayId())));
        List<StatusBoard.Row> rows = new ArrayList<>();
        for (ReportingUnit u : units) {
            if (!visible(u, coveredByArea)) {
                continue;
            }
            String state;
            ReportingUnit countedWith = u.countedWithUnitId() == null ? null : byId.get(u.countedWithUnitId());
            if (countedWith != null) {
                // Counted with a neighbour: it is reported exactly when the neighbour is (never twice).
                state = "COUNTED_WITH_" + states.getOrDefault(countedWith.id(), "MISSING");
            } else {
                state = states.getOrDefault(u.id(), "MISSING");
            }
            rows.add(new StatusBoard.Row(u, state, warnings.contains(u.id()),
                    u.pollingStationId() == null ? null : stations.get(u.pollingStationId()), countedWith,
                    chairByUnit.get(u.id())));
        }
        rows.sort(Comparator.comparing((StatusBoard.Row r) -> !r.state().endsWith("MISSING"))
                .thenComparing(r -> r.unit().officialKey()));
        long expected = rows.size();
        long confirmed = rows.stream().filter(r -> r.state().endsWith("CONFIRMED") || r.state().endsWith("CORRECTION_PENDING")).count();
        long missing = rows.stream().filter(r -> r.state().endsWith("MISSING") || r.state().endsWith("REJECTED")).count();
        long entered = expected - missing;
        long withWarnings = rows.stream().filter(StatusBoard.Row::warnings).count();
        java.util.Set<Long> visibleUnits = new HashSet<>();
        rows.forEach(r -> visibleUnits.add(r.unit().id()));
        List<StatusBoard.Event> timeline = reports.recent(electionId, 200).stream()
                .filter(r -> visibleUnits.contains(r.unitId()))
                .limit(25)
                .map(r -> new StatusBoard.Event(r.decidedAt() != null ? r.decidedAt() : r.enteredAt(),
                        byId.get(r.unitId()).officialKey(), byId.get(r.unitId()).name(), r.status(), r.kind(),
                        r.decidedBy() != null ? r.decidedBy() : r.enteredBy()))
                .toList();
        return new StatusBoard(election, rows, expected, entered, confirmed, withWarnings, missing, timeline,
                areaLines(rows));
    }

    private List<StatusBoard.AreaLine> areaLines(List<StatusBoard.Row> rows) {
        // Offices organise their polling districts by the administrative areas (city districts).
        String hierarchy = de.wahlwerk.core.model.Hierarchy.ADMINISTRATIVE.code();
        Map<String, List<StatusBoard.Row>> byArea = new java.util.TreeMap<>();
        Map<String, String> names = new java.util.HashMap<>();
        for (StatusBoard.Row r : rows) {
            Area leaf = setup.unitAreas(r.unit().id()).get(hierarchy);
            String key = leaf == null ? "–" : leaf.officialKey();
            names.put(key, leaf == null ? "–" : leaf.name());
            byArea.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<StatusBoard.AreaLine> lines = new ArrayList<>();
        byArea.forEach((key, list) -> {
            long missing = list.stream().filter(r -> r.state().endsWith("MISSING") || r.state().endsWith("REJECTED")).count();
            long confirmed = list.stream().filter(r -> r.state().endsWith("CONFIRMED") || r.state().endsWith("CORRECTION_PENDING")).count();
            long warnings = list.stream().filter(StatusBoard.Row::warnings).count();
            lines.add(new StatusBoard.AreaLine(key, names.get(key), list.size(), list.size() - missing, confirmed, warnings, missing));
        });
        return lines;
    }

    private boolean visible(ReportingUnit u, Map<Long, Boolean> coveredByArea) {
        for (Area a : setup.unitAreas(u.id()).values()) {
            boolean covered = coveredByArea.computeIfAbsent(a.id(), id -> {
                for (Role r : Role.values()) {
                    if (access.covers(r, id)) {
                        return true;
                    }
                }
                return false;
            });
            if (covered) {
                return true;
            }
        }
        return false;
    }
}
