package de.wahlwerk.server.setup;

import de.wahlwerk.core.formats.ElectionBundle;
import de.wahlwerk.core.formats.ImportProblem;
import de.wahlwerk.core.model.Area;
import de.wahlwerk.server.audit.AuditLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a checked election bundle into an existing election day, all or nothing. The reader has
 * already checked the files against each other; here they are checked against what the day
 * already holds (keys taken, date of the day).
 */
@Component
class BundleImport {

    /** What an import created, for the confirmation page and the audit log. */
    public record Summary(int areas, int pollingStations, int units, int elections, int nominations, int candidates) {}

    private final ElectionDayService days;
    private final AreaStore areas;
    private final NominationStore nominations;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher events;

    BundleImport(ElectionDayService days, AreaStore areas, NominationStore nominations, AuditLog audit,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.days = days;
        this.areas = areas;
        this.nominations = nominations;
        this.audit = audit;
    }

    @Transactional
    public Summary importInto(long dayId, ElectionBundle bundle, String fileName) {
        var day = days.day(dayId);
        days.requireManage(dayId);
        List<ImportProblem> problems = conflicts(dayId, day.day().date(), bundle, fileName);
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }

        Map<String, Long> areaIds = new HashMap<>();
        for (Area a : areas.areas(dayId)) {
            areaIds.put(a.hierarchy() + "\u0000" + a.officialKey(), a.id());
        }
        // Parents come first in a valid tree; insert in passes so the file's row order does not matter.
        List<ElectionBundle.Area> pending = new ArrayList<>(bundle.areas());
        while (!pending.isEmpty()) {
            int before = pending.size();
            for (var it = pending.iterator(); it.hasNext(); ) {
                var a = it.next();
                Long parent = a.parentKey() == null ? null : areaIds.get(a.hierarchy() + "\u0000" + a.parentKey());
                if (a.parentKey() != null && parent == null) {
                    continue;
                }
                areaIds.put(a.hierarchy() + "\u0000" + a.key(), areas.insertArea(dayId, FormMapping.areaForm(a), parent));
                it.remove();
            }
            if (pending.size() == before) {
                throw new IllegalStateException("bundle reader let a dangling parent through: " + pending.getFirst());
            }
        }

        Map<String, String> stationArea = new HashMap<>();
        for (var u : bundle.units()) {
            if (u.pollingStationKey() != null && u.areaKeys().containsKey("admin")) {
                stationArea.putIfAbsent(u.pollingStationKey(), u.areaKeys().get("admin"));
            }
        }
        Map<String, Long> stationIds = new HashMap<>();
        for (var s : bundle.pollingStations()) {
            String areaKey = stationArea.getOrDefault(s.key(), day.scopeKey());
            Long areaId = areaIds.get("admin\u0000" + areaKey);
            if (areaId == null) {
                areaId = areaIds.get(day.scopeHierarchy() + "\u0000" + day.scopeKey());
            }
            if (areaId == null) {
                throw new ImportRejectedException(List.of(ImportProblem.of(fileName + "!polling_stations.csv", 0, "key",
                        "station-without-area", s.key())));
            }
            stationIds.put(s.key(), areas.insertStation(dayId, areaId, FormMapping.stationForm(s)));
        }

        Map<String, Long> unitIds = new HashMap<>();
        for (var u : bundle.units()) {
            long id = areas.insertUnit(dayId, FormMapping.unitForm(u), u.pollingStationKey() == null ? null : stationIds.get(u.pollingStationKey()), null);
            unitIds.put(u.key(), id);
            Map<String, Long> assigned = new HashMap<>();
            u.areaKeys().forEach((h, k) -> assigned.put(h, areaIds.get(h + "\u0000" + k)));
            areas.replaceUnitAreas(id, assigned);
        }
        for (var u : bundle.units()) {
            if (u.countedWithKey() != null) {
                areas.setCountedWith(unitIds.get(u.key()), unitIds.get(u.countedWithKey()));
            }
        }

        int nominationCount = 0;
        int candidateCount = 0;
        for (var e : bundle.elections()) {
            long electionId = days.store().insertElection(dayId, FormMapping.electionForm(e));
            for (var n : e.nominations()) {
                Long areaId = n.areaKey() == null ? null : areaIds.get(e.hierarchy() + "\u0000" + n.areaKey());
                long nominationId = nominations.insertNomination(electionId, areaId, FormMapping.nominationForm(n));
                nominationCount++;
                for (var c : n.candidates()) {
                    nominations.insertCandidate(nominationId, FormMapping.candidateForm(c));
                    candidateCount++;
                }
            }
        }
        Summary summary = new Summary(bundle.areas().size(), bundle.pollingStations().size(), bundle.units().size(),
                bundle.elections().size(), nominationCount, candidateCount);
        audit.record("import-bundle", "election_day", dayId, null, java.util.Map.of("file", fileName, "created", summary));
        events.publishEvent(new SetupChanged(dayId));
        return summary;
    }

    /** Keys the bundle would create that the day already has, and a date that does not match the day. */
    private List<ImportProblem> conflicts(long dayId, java.time.LocalDate date, ElectionBundle bundle, String file) {
        List<ImportProblem> problems = new ArrayList<>();
        for (var e : bundle.elections()) {
            if (!e.date().equals(date)) {
                problems.add(ImportProblem.of(file + "!elections.csv", 0, "date", "bundle-date-mismatch",
                        e.key(), date.toString()));
            }
            if (days.store().electionNameTaken(dayId, e.name(), null)) {
                problems.add(ImportProblem.of(file + "!elections.csv", 0, "name", "already-exists", e.name()));
            }
        }
        for (var a : bundle.areas()) {
            if (areas.areaByKey(dayId, a.hierarchy(), a.key()).isPresent()) {
                problems.add(ImportProblem.of(file + "!areas.csv", 0, "key", "already-exists", a.hierarchy() + ":" + a.key()));
            }
        }
        for (var s : bundle.pollingStations()) {
            if (areas.stationByKey(dayId, s.key()).isPresent()) {
                problems.add(ImportProblem.of(file + "!polling_stations.csv", 0, "key", "already-exists", s.key()));
            }
        }
        for (var u : bundle.units()) {
            if (areas.unitByKey(dayId, u.key()).isPresent()) {
                problems.add(ImportProblem.of(file + "!units.csv", 0, "key", "already-exists", u.key()));
            }
        }
        return problems;
    }
}
