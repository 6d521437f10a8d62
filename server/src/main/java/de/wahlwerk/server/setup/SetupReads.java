package de.wahlwerk.server.setup;

import de.wahlwerk.core.model.Area;
import de.wahlwerk.core.model.Candidate;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.ElectionDay;
import de.wahlwerk.core.model.Nomination;
import de.wahlwerk.core.model.ReportingUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What entry reads of the set-up for a report: straight from the database ({@link SetupDirectory})
 * or from the cache of the current version ({@link SetupCache#view()}).
 */
public interface SetupReads {

    Optional<Election> election(long id);

    Optional<ElectionDay> day(long id);

    Optional<ReportingUnit> unit(long id);

    /** Hierarchy → leaf area of the district. */
    Map<String, Area> unitAreas(long unitId);

    /** The area and its ancestors, nearest first. */
    List<Area> ancestorsOrSelf(long areaId);

    /** The nominations standing in the given areas, and election-wide ones. */
    List<Nomination> nominationsIn(long electionId, Collection<Long> areaIds);

    List<Candidate> candidates(long nominationId);

    /** How many postal districts the day has. */
    long postalUnitCount(long dayId);
}
