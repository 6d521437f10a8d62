package de.wahlwerk.core.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a Wahlwerk election bundle (docs/formats/election-bundle.md) from a directory or a zip.
 * All or nothing: every file and every reference between files is checked, and all problems are
 * reported together, each with file, line and column.
 */
public final class ElectionBundleReader {

    private static final Map<String, Boolean> FILES = Map.of(
            BundleElections.ELECTIONS_FILE, true,
            BundleAreas.FILE, true,
            BundleUnits.STATIONS_FILE, false,
            BundleUnits.UNITS_FILE, true,
            BundleElections.NOMINATIONS_FILE, true,
            BundleElections.CANDIDATES_FILE, false);

    /** Reads the CSV files in a directory (other files, e.g. a README, are ignored). */
    public ElectionBundle read(Path directory) throws ImportException, IOException {
        ProblemCollector problems = new ProblemCollector();
        return read(BundleSource.fromDirectory(directory, problems), problems);
    }

    /**
     * Reads a zip whose CSV files lie at the top or in one folder.
     *
     * @param zipName the upload's name, used as prefix in problems ({@code bundle.zip!units.csv})
     */
    public ElectionBundle readZip(InputStream zip, String zipName) throws ImportException, IOException {
        ProblemCollector problems = new ProblemCollector();
        return read(BundleSource.fromZip(zip, zipName, problems), problems);
    }

    private ElectionBundle read(BundleSource source, ProblemCollector problems) throws ImportException {
        problems.throwIfAny();
        Set<String> expected = new TreeSet<>(FILES.keySet());
        for (String name : source.files().keySet()) {
            if (!FILES.containsKey(name)) {
                problems.add(source.displayName(name), 0, null, "unexpected-file", name, String.join(", ", expected));
            }
        }
        FILES.forEach((name, required) -> {
            if (required && !source.files().containsKey(name)) {
                problems.add(source.displayName(name), 0, null, "missing-file", name);
            }
        });
        problems.throwIfAny();

        BundleTable areasTable = table(source, BundleAreas.FILE, BundleAreas.COLUMNS, List.of(), problems, false);
        BundleTable stationsTable = table(source, BundleUnits.STATIONS_FILE, BundleUnits.STATION_COLUMNS, List.of(),
                problems, false);
        BundleTable unitsTable = table(source, BundleUnits.UNITS_FILE, BundleUnits.UNIT_COLUMNS,
                BundleUnits.UNIT_OPTIONAL, problems, true);
        BundleTable electionsTable = table(source, BundleElections.ELECTIONS_FILE, BundleElections.ELECTION_COLUMNS,
                List.of(), problems, false);
        BundleTable nominationsTable = table(source, BundleElections.NOMINATIONS_FILE,
                BundleElections.NOMINATION_COLUMNS, List.of(), problems, false);
        BundleTable candidatesTable = table(source, BundleElections.CANDIDATES_FILE,
                BundleElections.CANDIDATE_COLUMNS, List.of(), problems, false);

        // A reference into a file that has problems of its own is not checked: the missing key is
        // most likely in a rejected row, and reporting it again would bury the real cause.
        long before = problems.total();
        BundleAreas areas = BundleAreas.read(areasTable);
        boolean areasClean = areasTable != null && areasTable.clean && problems.total() == before;
        Map<String, Long> stationKeys = new HashMap<>();
        before = problems.total();
        var stations = BundleUnits.readStations(stationsTable, stationKeys);
        boolean stationsPresent = source.files().containsKey(BundleUnits.STATIONS_FILE);
        boolean stationsChecked = !stationsPresent || stationsTable != null && stationsTable.clean && problems.total() == before;
        var units = BundleUnits.readUnits(unitsTable, areas, areasClean, stationKeys, stationsChecked);
        var elections = BundleElections.read(electionsTable, nominationsTable, candidatesTable, areas, areasClean,
                problems);
        problems.throwIfAny();
        return new ElectionBundle(areas.areas, stations, units, elections);
    }

    private static BundleTable table(BundleSource source, String name, List<String> required, List<String> optional,
            ProblemCollector problems, boolean areaColumns) {
        byte[] bytes = source.files().get(name);
        if (bytes == null) {
            return null;
        }
        return BundleTable.parse(bytes, source.displayName(name), problems, required, optional,
                c -> areaColumns && c.startsWith(BundleUnits.AREA_PREFIX));
    }
}
