package de.wahlwerk.server.setup;

import de.wahlwerk.core.model.Area;
import de.wahlwerk.core.model.CountedWithNeighbour;
import de.wahlwerk.core.model.PollingStation;
import de.wahlwerk.core.model.ReportingUnit;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.server.audit.AuditLog;
import de.wahlwerk.server.security.AccessPolicy;
import de.wahlwerk.server.security.AreaScopes;
import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.web.FieldProblem;
import de.wahlwerk.server.web.InvalidInputException;
import de.wahlwerk.server.web.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Areas, polling stations and reporting units of an election day. */
@Service
public class AreaService {

    /** A unit with the leaf area it belongs to in each hierarchy. */
    public record UnitView(ReportingUnit unit, Map<String, Area> areas, PollingStation station, ReportingUnit countedWith) {}

    private final AreaStore store;
    private final ElectionDayService days;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final AreaScopes scopes;

    private final org.springframework.context.ApplicationEventPublisher events;

    AreaService(AreaStore store, ElectionDayService days, AccessPolicy access, AuditLog audit, AreaScopes scopes,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.days = days;
        this.access = access;
        this.audit = audit;
        this.scopes = scopes;
    }

    // --- areas ---

    @Transactional(readOnly = true)
    public List<Area> areas(long dayId) {
        days.day(dayId);
        return store.areas(dayId);
    }

    @Transactional(readOnly = true)
    public Area area(long id) {
        Area a = store.area(id).orElseThrow(() -> new NotFoundException("area", id));
        days.day(a.electionDayId());
        return a;
    }

    @Transactional(readOnly = true)
    public List<Area> children(long id) {
        area(id);
        return store.children(id);
    }

    @Transactional
    public long createArea(long dayId, AreaForm form) {
        days.day(dayId);
        Long parentId = resolveParent(dayId, form, null);
        requireManageAreaOrDay(dayId, parentId);
        if (store.areaByKey(dayId, form.getHierarchy(), form.getOfficialKey()).isPresent()) {
            throw new InvalidInputException(FieldProblem.of("officialKey", "setup.area.duplicate", form.getOfficialKey()));
        }
        long id = store.insertArea(dayId, form, parentId);
        audit.record("create", "area", id, null, store.area(id).orElseThrow());
        events.publishEvent(new SetupChanged(dayId));
        return id;
    }

    @Transactional
    public void updateArea(long id, AreaForm form) {
        Area before = area(id);
        requireManageAreaOrDay(before.electionDayId(), id);
        if (!before.hierarchy().equals(form.getHierarchy())) {
            throw new InvalidInputException(FieldProblem.of("hierarchy", "setup.area.hierarchyFixed"));
        }
        store.areaByKey(before.electionDayId(), form.getHierarchy(), form.getOfficialKey())
                .filter(a -> a.id() != id)
                .ifPresent(a -> {
                    throw new InvalidInputException(FieldProblem.of("officialKey", "setup.area.duplicate", form.getOfficialKey()));
                });
        Long parentId = resolveParent(before.electionDayId(), form, id);
        if (parentId != null && !java.util.Objects.equals(parentId, before.parentId())) {
            requireManageAreaOrDay(before.electionDayId(), parentId);
        }
        store.updateArea(id, form, parentId);
        audit.record("update", "area", id, before, store.area(id).orElseThrow());
        events.publishEvent(new SetupChanged(before.electionDayId()));
    }

    private Long resolveParent(long dayId, AreaForm form, Long selfId) {
        if (form.getParentKey() == null) {
            return null;
        }
        Area parent = store.areaByKey(dayId, form.getHierarchy(), form.getParentKey()).orElseThrow(() ->
                new InvalidInputException(FieldProblem.of("parentKey", "setup.area.unknownParent", form.getParentKey())));
        if (selfId != null && store.ancestorsOrSelf(parent.id()).stream().anyMatch(a -> a.id() == selfId)) {
            throw new InvalidInputException(FieldProblem.of("parentKey", "setup.area.cycle"));
        }
        return parent.id();
    }

    private void requireManageAreaOrDay(long dayId, Long areaId) {
        boolean ok = access.canManageDay(dayId) || (areaId != null && access.canManageArea(areaId));
        if (!ok) {
            throw new AccessDeniedException("area outside the administrator's scope");
        }
    }

    // --- polling stations ---

    @Transactional(readOnly = true)
    public List<PollingStation> stations(long dayId) {
        days.day(dayId);
        boolean all = access.canManageDay(dayId) || seesWholeDay(dayId);
        return store.stations(dayId).stream().filter(s -> all || coveredByAnyRole(s.areaId())).toList();
    }

    @Transactional(readOnly = true)
    public PollingStation station(long id) {
        PollingStation s = store.station(id).orElseThrow(() -> new NotFoundException("polling station", id));
        days.day(s.electionDayId());
        return s;
    }

    @Transactional
    public long createStation(long dayId, PollingStationForm form) {
        days.day(dayId);
        long areaId = stationArea(dayId, form);
        if (store.stationByKey(dayId, form.getStationKey()).isPresent()) {
            throw new InvalidInputException(FieldProblem.of("stationKey", "setup.station.duplicate", form.getStationKey()));
        }
        long id = store.insertStation(dayId, areaId, form);
        audit.record("create", "polling_station", id, null, store.station(id).orElseThrow());
        return id;
    }

    @Transactional
    public void updateStation(long id, PollingStationForm form) {
        PollingStation before = station(id);
        requireManageAreaOrDay(before.electionDayId(), before.areaId());
        long areaId = stationArea(before.electionDayId(), form);
        store.stationByKey(before.electionDayId(), form.getStationKey()).filter(s -> s.id() != id).ifPresent(s -> {
            throw new InvalidInputException(FieldProblem.of("stationKey", "setup.station.duplicate", form.getStationKey()));
        });
        store.updateStation(id, areaId, form);
        audit.record("update", "polling_station", id, before, store.station(id).orElseThrow());
    }

    private long stationArea(long dayId, PollingStationForm form) {
        Area area = store.areaByKey(dayId, form.getAreaHierarchy(), form.getAreaKey()).orElseThrow(() ->
                new InvalidInputException(FieldProblem.of("areaKey", "setup.unknownArea", form.getAreaKey())));
        requireManageAreaOrDay(dayId, area.id());
        return area.id();
    }

    // --- reporting units ---

    @Transactional(readOnly = true)
    public List<UnitView> units(long dayId) {
        days.day(dayId);
        boolean all = access.canManageDay(dayId) || seesWholeDay(dayId);
        List<UnitView> result = new ArrayList<>();
        for (ReportingUnit u : store.units(dayId)) {
            UnitView v = view(u);
            if (all || v.areas().values().stream().anyMatch(a -> coveredByAnyRole(a.id()))) {
                result.add(v);
            }
        }
        return result;
    }

    @Transactional(readOnly = true)
    public UnitView unit(long id) {
        ReportingUnit u = store.unit(id).orElseThrow(() -> new NotFoundException("reporting unit", id));
        days.day(u.electionDayId());
        return view(u);
    }

    @Transactional
    public long createUnit(long dayId, ReportingUnitForm form) {
        long id = insertUnit(dayId, form);
        events.publishEvent(new SetupChanged(dayId));
        return id;
    }

    private long insertUnit(long dayId, ReportingUnitForm form) {
        days.day(dayId);
        Resolved r = resolveUnit(dayId, form, null);
        if (store.unitByKey(dayId, form.getOfficialKey()).isPresent()) {
            throw new InvalidInputException(FieldProblem.of("officialKey", "setup.unit.duplicate", form.getOfficialKey()));
        }
        long id = store.insertUnit(dayId, form, r.stationId(), r.countedWithId());
        store.replaceUnitAreas(id, r.areaIds());
        audit.record("create", "reporting_unit", id, null, unit(id));
        return id;
    }

    /** Largest number of units one bulk request may create (about one county's polling and postal districts). */
    public static final int BULK_LIMIT = 5000;

    /**
     * Creates many units in one transaction with the same checks and one audit entry per unit as
     * {@link #createUnit}: a national election has some 90,000 units, which one request per unit
     * would take minutes to set up. Any problem rejects the whole batch, naming {@code units[i].field}.
     */
    @Transactional
    public int createUnits(long dayId, List<ReportingUnitForm> forms) {
        if (forms.size() > BULK_LIMIT) {
            throw new InvalidInputException(FieldProblem.of("units", "setup.unit.bulkTooMany", BULK_LIMIT));
        }
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (int i = 0; i < forms.size(); i++) {
            if (!keys.add(forms.get(i).getOfficialKey())) {
                throw new InvalidInputException(FieldProblem.of("units[" + i + "].officialKey", "setup.unit.duplicate",
                        forms.get(i).getOfficialKey()));
            }
            try {
                insertUnit(dayId, forms.get(i));
            } catch (InvalidInputException e) {
                String prefix = "units[" + i + "]";
                throw new InvalidInputException(e.problems().stream()
                        .map(p -> new FieldProblem(p.field() == null ? prefix : prefix + "." + p.field(), p.messageKey(), p.args()))
                        .toList());
            }
        }
        events.publishEvent(new SetupChanged(dayId)); // once for the batch
        return forms.size();
    }

    @Transactional
    public void updateUnit(long id, ReportingUnitForm form) {
        requireManageUnit(unit(id)); // before the lock: whoever may not edit never holds up the unit's reports
        // Then the unit's lock, and read again: the checks for its own reports below see every one
        // entered or confirmed before, and none arrives until this edit commits.
        store.lockUnit(id);
        UnitView before = unit(id);
        Resolved r = resolveUnit(before.unit().electionDayId(), form, id);
        refuseMovingReportedVotes(before, form, r);
        store.unitByKey(before.unit().electionDayId(), form.getOfficialKey()).filter(u -> u.id() != id).ifPresent(u -> {
            throw new InvalidInputException(FieldProblem.of("officialKey", "setup.unit.duplicate", form.getOfficialKey()));
        });
        store.updateUnit(id, form, r.stationId(), r.countedWithId());
        store.replaceUnitAreas(id, r.areaIds());
        audit.record("update", "reporting_unit", id, before, unit(id));
        events.publishEvent(new SetupChanged(before.unit().electionDayId()));
    }

    /**
     * A district's reports hold their votes by the ballot positions of its areas' nominations, and
     * postal and polling districts are counted and checked apart. Moved to other areas or made the
     * other kind, the votes of its confirmed report would be read against another ballot (another
     * constituency's candidates at the same positions) or break the live tally's rebuild, and a
     * pending one would be confirmed against a ballot it was not typed for.
     */
    private void refuseMovingReportedVotes(UnitView before, ReportingUnitForm form, Resolved r) {
        Map<String, Long> areasBefore = areaIds(before.areas());
        String field = form.getKind() != before.unit().kind() ? "kind" : !areasBefore.equals(r.areaIds()) ? "areas" : null;
        if (field == null) {
            return;
        }
        store.reportStatus(before.unit().id()).ifPresent(status -> {
            throw new InvalidInputException(FieldProblem.of(field,
                    status.equals("CONFIRMED") ? "setup.unit.movedHasReport" : "setup.unit.movedHasPendingReport",
                    before.unit().officialKey()));
        });
    }

    private record Resolved(Long stationId, Long countedWithId, Map<String, Long> areaIds) {}

    /**
     * A district and the neighbour it is counted with share one report ({@link CountedWithNeighbour}):
     * the live tally refuses a pair that cannot, and with it the election's whole public site. So
     * a district is only counted with one of its kind in its areas, and a district others are
     * counted with keeps its kind and areas.
     */
    private void refuseSplitJointReport(ReportingUnitForm form, Long selfId, ReportingUnit host, Map<String, Long> areaIds,
            List<FieldProblem> problems) {
        if (host != null && !CountedWithNeighbour.canShareReport(form.getKind(), areaIds, host.kind(), areaIdsOf(host.id()))) {
            problems.add(FieldProblem.of("countedWithKey", "setup.unit.countedWithDiffers", host.officialKey()));
        }
        if (selfId == null) {
            return;
        }
        for (ReportingUnit guest : store.unitsCountedWith(selfId)) {
            if (!CountedWithNeighbour.canShareReport(guest.kind(), areaIdsOf(guest.id()), form.getKind(), areaIds)) {
                problems.add(FieldProblem.of(guest.kind() != form.getKind() ? "kind" : "areas", "setup.unit.hostDiffers",
                        guest.officialKey()));
                return;
            }
        }
    }

    private Map<String, Long> areaIdsOf(long unitId) {
        return areaIds(store.unitAreas(unitId));
    }

    /** Hierarchy → area id, as {@link #resolveUnit} gives a form's areas. */
    private static Map<String, Long> areaIds(Map<String, Area> areas) {
        Map<String, Long> ids = new LinkedHashMap<>();
        areas.forEach((hierarchy, area) -> ids.put(hierarchy, area.id()));
        return ids;
    }

    private Resolved resolveUnit(long dayId, ReportingUnitForm form, Long selfId) {
        List<FieldProblem> problems = new ArrayList<>();
        Long stationId = null;
        if (form.getPollingStationKey() != null) {
            var station = store.stationByKey(dayId, form.getPollingStationKey());
            if (station.isEmpty()) {
                problems.add(FieldProblem.of("pollingStationKey", "setup.unit.unknownStation", form.getPollingStationKey()));
            } else {
                stationId = station.get().id();
            }
        }
        if (form.getKind() == UnitKind.POLLING && form.getPollingStationKey() == null) {
            problems.add(FieldProblem.of("pollingStationKey", "setup.unit.stationRequired"));
        }
        Long countedWithId = null;
        ReportingUnit host = null;
        if (form.getCountedWithKey() != null) {
            var other = store.unitByKey(dayId, form.getCountedWithKey());
            if (other.isEmpty()) {
                problems.add(FieldProblem.of("countedWithKey", "setup.unit.unknownUnit", form.getCountedWithKey()));
            } else if (selfId != null && other.get().id() == selfId || form.getCountedWithKey().equals(form.getOfficialKey())) {
                problems.add(FieldProblem.of("countedWithKey", "setup.unit.countedWithSelf"));
            } else if (other.get().countedWithUnitId() != null) {
                // Chains would hide where a unit's ballots were really counted.
                problems.add(FieldProblem.of("countedWithKey", "setup.unit.countedWithChain", form.getCountedWithKey()));
            } else {
                // Its own confirmed report counts; counted with a neighbour as well, it would count twice
                // (§ 68 Abs. 2 BWO is decided before counting, not after the report). One waiting for
                // approval would count once approved. The caller holds the unit's lock (UnitLock).
                String ownReport = selfId == null ? null : store.reportStatus(selfId).orElse(null);
                if (ownReport != null) {
                    problems.add(FieldProblem.of("countedWithKey", ownReport.equals("CONFIRMED")
                            ? "setup.unit.countedWithHasReport" : "setup.unit.countedWithHasPendingReport"));
                } else {
                    countedWithId = other.get().id();
                    host = other.get();
                }
            }
        }
        Map<String, Long> areaIds = new LinkedHashMap<>();
        boolean anyCovered = access.canManageDay(dayId);
        for (var e : form.getAreas().entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                continue;
            }
            var area = store.areaByKey(dayId, e.getKey(), e.getValue().strip());
            if (area.isEmpty()) {
                problems.add(FieldProblem.of("areas[" + e.getKey() + "]", "setup.unknownArea", e.getValue()));
            } else {
                areaIds.put(e.getKey(), area.get().id());
                anyCovered |= access.canManageArea(area.get().id());
            }
        }
        if (areaIds.isEmpty() && problems.isEmpty()) {
            problems.add(FieldProblem.of("areas", "setup.unit.areaRequired"));
        }
        if (problems.isEmpty()) {
            refuseSplitJointReport(form, selfId, host, areaIds, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!anyCovered) {
            throw new AccessDeniedException("unit outside the administrator's scope");
        }
        return new Resolved(stationId, countedWithId, areaIds);
    }

    private void requireManageUnit(UnitView v) {
        boolean ok = access.canManageDay(v.unit().electionDayId())
                || v.areas().values().stream().anyMatch(a -> access.canManageArea(a.id()));
        if (!ok) {
            throw new AccessDeniedException("unit outside the administrator's scope");
        }
    }

    private UnitView view(ReportingUnit u) {
        return new UnitView(u, store.unitAreas(u.id()),
                u.pollingStationId() == null ? null : store.station(u.pollingStationId()).orElse(null),
                u.countedWithUnitId() == null ? null : store.unit(u.countedWithUnitId()).orElse(null));
    }

    /** Whether one of the user's grants sits at or above the organiser of the day. */
    private boolean seesWholeDay(long dayId) {
        var chain = scopes.dayScopeChain(dayId);
        return access.current().grants().stream()
                .anyMatch(g -> g.scope().isInstallationWide() || chain.contains(g.scope()));
    }

    private boolean coveredByAnyRole(long areaId) {
        for (Role r : Role.values()) {
            if (access.covers(r, areaId)) {
                return true;
            }
        }
        return false;
    }
}
