package de.wahlwerk.server.setup;

import de.wahlwerk.core.model.Area;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.ElectionDay;
import de.wahlwerk.core.model.Nomination;
import de.wahlwerk.core.model.PollingStation;
import de.wahlwerk.core.model.ReportingUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only view of the election setup for the other features (entry, results, publish). It does
 * no authorisation: the calling feature decides who may see what (a board chair's phone has no
 * staff account, for example).
 */
@Component
@Transactional(readOnly = true)
public class SetupDirectory implements SetupReads {

    private final ElectionDayStore days;
    private final AreaStore areas;
    private final NominationStore nominations;

    SetupDirectory(ElectionDayStore days, AreaStore areas, NominationStore nominations) {
        this.days = days;
        this.areas = areas;
        this.nominations = nominations;
    }

    @Override
    public Optional<Election> election(long id) {
        return days.election(id);
    }

    @Override
    public Optional<ElectionDay> day(long id) {
        return days.day(id).map(ElectionDayStore.Day::day);
    }

    /**
     * The area of the day's organiser (its scope), i.e. the election authority; empty when the
     * installation works without one or the scope is no area of the day.
     */
    public Optional<Area> organiser(long dayId) {
        return days.day(dayId).filter(d -> d.scopeKey() != null && d.scopeHierarchy() != null)
                .flatMap(d -> areas.areaByKey(dayId, d.scopeHierarchy(), d.scopeKey()));
    }

    /** Every election of the installation (for the public site, which decides itself what it shows). */
    public List<Election> allElections() {
        return days.days().stream().flatMap(d -> days.elections(d.day().id()).stream()).toList();
    }

    public List<Election> elections(long dayId) {
        return days.elections(dayId);
    }

    @Override
    public Optional<ReportingUnit> unit(long id) {
        return areas.unit(id);
    }

    public Optional<ReportingUnit> unitByKey(long dayId, String key) {
        return areas.unitByKey(dayId, key);
    }

    public List<ReportingUnit> units(long dayId) {
        return areas.units(dayId);
    }

    @Override
    public long postalUnitCount(long dayId) {
        return areas.postalUnitCount(dayId);
    }

    /** Hierarchy → leaf area of the unit. */
    @Override
    public Map<String, Area> unitAreas(long unitId) {
        return areas.unitAreas(unitId);
    }

    /** Per unit of the day: hierarchy → leaf area (one query for all units). */
    public Map<Long, Map<String, Area>> unitAreasOfDay(long dayId) {
        return areas.unitAreasOfDay(dayId);
    }

    @Override
    public List<Area> ancestorsOrSelf(long areaId) {
        return areas.ancestorsOrSelf(areaId);
    }

    public List<Area> areas(long dayId) {
        return areas.areas(dayId);
    }

    /** Every polling station of the day (for the public site's station lists). */
    public List<PollingStation> stations(long dayId) {
        return areas.stations(dayId);
    }

    public Optional<PollingStation> station(long id) {
        return areas.station(id);
    }

    public List<Nomination> nominations(long electionId) {
        return nominations.nominations(electionId);
    }

    /**
     * The nominations standing in the given areas (and election-wide ones): a unit's ballot reads a
     * few dozen rows instead of all 4,000 of a Bundestag election on every report.
     */
    @Override
    public List<Nomination> nominationsIn(long electionId, java.util.Collection<Long> areaIds) {
        return nominations.nominationsIn(electionId, areaIds);
    }

    @Override
    public List<de.wahlwerk.core.model.Candidate> candidates(long nominationId) {
        return nominations.candidates(nominationId);
    }
}
