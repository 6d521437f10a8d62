package de.wahlwerk.core.formats;

import de.wahlwerk.core.formats.BundleTable.Row;
import de.wahlwerk.core.formats.ElectionBundle.PollingStation;
import de.wahlwerk.core.formats.ElectionBundle.Unit;
import de.wahlwerk.core.model.OfficialKeys;
import de.wahlwerk.core.model.UnitKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** polling_stations.csv and units.csv. */
final class BundleUnits {

    static final String STATIONS_FILE = "polling_stations.csv";
    static final List<String> STATION_COLUMNS = List.of("key", "name", "street", "postal_code", "city", "step_free",
            "chair_name", "chair_phone");
    static final String UNITS_FILE = "units.csv";
    static final List<String> UNIT_COLUMNS = List.of("key", "name", "kind", "polling_station_key");
    static final List<String> UNIT_OPTIONAL = List.of("counted_with");
    static final String AREA_PREFIX = "area:";

    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");

    private BundleUnits() {}

    static List<PollingStation> readStations(BundleTable t, Map<String, Long> keys) {
        List<PollingStation> result = new ArrayList<>();
        if (t == null) {
            return result;
        }
        for (Row row : t.rows) {
            int before = t.cells.problems().size();
            String key = key(t, row, "key");
            String name = t.required(row, "name");
            String postalCode = BundleTable.optional(row, "postal_code");
            if (postalCode != null && !POSTAL_CODE.matcher(postalCode).matches()) {
                t.problem(row, "postal_code", "invalid-postal-code", postalCode);
            }
            Boolean stepFree = t.choice(row, "step_free", BundleCodes.YES_NO, "ja, nein");
            if (key != null) {
                Long first = keys.putIfAbsent(key, row.line());
                if (first != null) {
                    t.problem(row, "key", "duplicate-key", key, Long.toString(first));
                }
            }
            if (t.cells.problems().size() == before) {
                result.add(new PollingStation(key, name, BundleTable.optional(row, "street"), postalCode,
                        BundleTable.optional(row, "city"), stepFree, BundleTable.optional(row, "chair_name"),
                        BundleTable.optional(row, "chair_phone")));
            }
        }
        return result;
    }

    /**
     * @param areasChecked    areas.csv had no problems, so unknown areas are worth reporting
     * @param stationsChecked polling_stations.csv is absent or had no problems
     */
    static List<Unit> readUnits(BundleTable t, BundleAreas areas, boolean areasChecked, Map<String, Long> stationKeys,
            boolean stationsChecked) {
        List<Unit> result = new ArrayList<>();
        if (t == null) {
            return result;
        }
        List<String> hierarchies = new ArrayList<>();
        for (String column : t.columns) {
            if (!column.startsWith(AREA_PREFIX)) {
                continue;
            }
            String h = column.substring(AREA_PREFIX.length());
            if (!BundleCodes.isHierarchy(h)) {
                t.cells.problem(t.headerLine, column, "invalid-hierarchy", h);
            } else if (!areas.keys.containsKey(h)) {
                if (areasChecked) {
                    t.cells.problem(t.headerLine, column, "unknown-hierarchy", h);
                }
            } else {
                hierarchies.add(h);
            }
        }
        Map<String, Long> keys = new HashMap<>();
        List<Map.Entry<String, Row>> counted = new ArrayList<>();
        for (Row row : t.rows) {
            int before = t.cells.problems().size();
            String key = key(t, row, "key");
            String name = t.required(row, "name");
            UnitKind kind = t.choice(row, "kind", BundleCodes.UNIT_KINDS, "Wahlbezirk, Briefwahlbezirk, polling, postal");
            String station = BundleTable.optional(row, "polling_station_key");
            if (station != null && kind == UnitKind.POSTAL) {
                t.problem(row, "polling_station_key", "postal-with-station");
            } else if (station != null && stationsChecked && !stationKeys.containsKey(station)) {
                t.problem(row, "polling_station_key", "unknown-polling-station", station);
            }
            Map<String, String> areaKeys = new LinkedHashMap<>();
            for (String h : hierarchies) {
                String column = AREA_PREFIX + h;
                String areaKey = t.required(row, column);
                if (areaKey != null && areasChecked && !areas.has(h, areaKey)) {
                    t.problem(row, column, "unknown-area", areaKey, BundleAreas.FILE + " (" + h + ")");
                }
                areaKeys.put(h, areaKey);
            }
            String countedWith = BundleTable.optional(row, "counted_with");
            if (key != null) {
                Long first = keys.putIfAbsent(key, row.line());
                if (first != null) {
                    t.problem(row, "key", "duplicate-key", key, Long.toString(first));
                }
            }
            if (countedWith != null) {
                counted.add(Map.entry(countedWith, row));
            }
            if (t.cells.problems().size() == before) {
                result.add(new Unit(key, name, kind, station, areaKeys, countedWith));
            }
        }
        Map<String, Unit> byKey = new java.util.HashMap<>();
        result.forEach(u -> byKey.put(u.key(), u));
        for (Map.Entry<String, Row> e : counted) {
            String target = e.getKey();
            if (!keys.containsKey(target) || target.equals(e.getValue().get("key"))) {
                t.problem(e.getValue(), "counted_with", "unknown-unit", target);
                continue;
            }
            // The live tally refuses a pair that cannot share one report, and with it the whole
            // election's public pages.
            Unit guest = byKey.get(e.getValue().get("key"));
            Unit host = byKey.get(target);
            if (guest != null && host != null && !de.wahlwerk.core.model.CountedWithNeighbour.canShareReport(
                    guest.kind(), guest.areaKeys(), host.kind(), host.areaKeys())) {
                t.problem(e.getValue(), "counted_with", "counted-with-differs", target);
            }
        }
        return result;
    }

    private static String key(BundleTable t, Row row, String column) {
        String key = t.required(row, column);
        if (key != null && !OfficialKeys.isValidKey(key)) {
            t.problem(row, column, "invalid-key", key);
            return null;
        }
        return key;
    }
}
