package de.wahlwerk.core.formats;

import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.ElectionKind;
import de.wahlwerk.core.model.GroupKind;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.model.VoteKind;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An election day as defined in a Wahlwerk election bundle (docs/formats/election-bundle.md):
 * areas of all hierarchies, polling stations, reporting units and the elections with their
 * nominations and candidates. Everything is checked across files; keys refer to each other as
 * written in the files, so the server can map them to its ids.
 */
public record ElectionBundle(List<Area> areas, List<PollingStation> pollingStations, List<Unit> units,
        List<Election> elections) {

    public ElectionBundle {
        areas = List.copyOf(areas);
        pollingStations = List.copyOf(pollingStations);
        units = List.copyOf(units);
        elections = List.copyOf(elections);
    }

    /**
     * A row of areas.csv. {@code parentKey} is null for a root and refers to the same hierarchy.
     * Hierarchies are their codes ({@code admin}, {@code bundestag}, see core.model.Hierarchy).
     */
    public record Area(String hierarchy, AreaLevel level,
            String key, String name, String parentKey) {}

    /** A row of polling_stations.csv. */
    public record PollingStation(String key, String name, String street, String postalCode, String city,
            boolean stepFree, String chairName, String chairPhone) {}

    /**
     * A row of units.csv.
     *
     * @param pollingStationKey null for postal districts
     * @param areaKeys          the unit's area per hierarchy (columns {@code area:<hierarchy>}), in column order
     * @param countedWithKey    the unit whose board counts this unit's ballots, or null
     */
    public record Unit(String key, String name, UnitKind kind, String pollingStationKey,
            Map<String, String> areaKeys, String countedWithKey) {
        public Unit {
            areaKeys = Collections.unmodifiableMap(new LinkedHashMap<>(areaKeys));
        }
    }

    /** A row of elections.csv with its nominations. */
    public record Election(String key, ElectionKind kind, String name, LocalDate date,
            Integer seats, Integer votesPerVoter, Integer maxVotesPerCandidate,
            String hierarchy, List<Nomination> nominations) {
        public Election {
            nominations = List.copyOf(nominations);
        }
    }

    /** A row of nominations.csv with its candidates; {@code areaKey} null = the whole election. */
    public record Nomination(VoteKind voteKind, String areaKey, int ballotPosition,
            String shortName, String name, GroupKind groupKind, List<Candidate> candidates) {
        public Nomination {
            candidates = List.copyOf(candidates);
        }
    }

    /** A row of candidates.csv. */
    public record Candidate(int listPosition, String familyName, String givenNames, String title, String profession,
            Integer yearOfBirth, String place) {}
}
