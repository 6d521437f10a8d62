package de.wahlwerk.core.formats;

import de.wahlwerk.core.formats.BundleTable.Row;
import de.wahlwerk.core.formats.ElectionBundle.Area;
import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.OfficialKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** areas.csv: the area trees, one per hierarchy. */
final class BundleAreas {

    static final String FILE = "areas.csv";
    static final List<String> COLUMNS = List.of("hierarchy", "level", "key", "name", "parent_key");

    final List<Area> areas = new ArrayList<>();
    /** Keys known per hierarchy, also of rows with other problems, so references to them do not cascade. */
    final Map<String, Map<String, Long>> keys = new LinkedHashMap<>();

    boolean has(String hierarchy, String key) {
        return keys.getOrDefault(hierarchy, Map.of()).containsKey(key);
    }

    static BundleAreas read(BundleTable t) {
        BundleAreas result = new BundleAreas();
        if (t == null) {
            return result;
        }
        Map<String, Row> rowOf = new HashMap<>();
        List<Row> valid = new ArrayList<>();
        for (Row row : t.rows) {
            String hierarchy = t.required(row, "hierarchy");
            if (hierarchy != null && !BundleCodes.isHierarchy(hierarchy)) {
                t.problem(row, "hierarchy", "invalid-hierarchy", hierarchy);
                hierarchy = null;
            }
            AreaLevel level = t.choice(row, "level", BundleCodes.AREA_LEVELS, BundleCodes.list(BundleCodes.AREA_LEVELS));
            String key = t.required(row, "key");
            if (key != null && !OfficialKeys.isValidKey(key)) {
                t.problem(row, "key", "invalid-key", key);
                key = null;
            }
            String name = t.required(row, "name");
            String parent = BundleTable.optional(row, "parent_key");
            if (hierarchy == null || key == null) {
                continue;
            }
            Long first = result.keys.computeIfAbsent(hierarchy, _ -> new LinkedHashMap<>()).putIfAbsent(key, row.line());
            if (first != null) {
                t.problem(row, "key", "duplicate-key", key, Long.toString(first));
                continue;
            }
            rowOf.put(hierarchy + "/" + key, row);
            if (level != null && name != null) {
                valid.add(row);
                result.areas.add(new Area(hierarchy, level, key, name, parent));
            }
        }
        for (Area a : result.areas) {
            if (a.parentKey() != null && !result.has(a.hierarchy(), a.parentKey())) {
                t.problem(rowOf.get(a.hierarchy() + "/" + a.key()), "parent_key", "unknown-parent",
                        a.parentKey(), a.hierarchy());
            }
        }
        result.checkCycles(t, rowOf);
        return result;
    }

    /** Follows the parents of each area; meeting an area of the current chain again is a cycle. */
    private void checkCycles(BundleTable t, Map<String, Row> rowOf) {
        Map<String, String> parentOf = new HashMap<>();
        for (Area a : areas) {
            if (a.parentKey() != null) {
                parentOf.put(a.hierarchy() + "/" + a.key(), a.hierarchy() + "/" + a.parentKey());
            }
        }
        Set<String> done = new java.util.HashSet<>();
        for (Area a : areas) {
            String start = a.hierarchy() + "/" + a.key();
            LinkedHashSet<String> chain = new LinkedHashSet<>();
            String at = start;
            while (at != null && !done.contains(at) && chain.add(at)) {
                at = parentOf.get(at);
            }
            if (at != null && chain.contains(at)) {
                List<String> cycle = new ArrayList<>();
                boolean in = false;
                for (String k : chain) {
                    in |= k.equals(at);
                    if (in) {
                        cycle.add(k.substring(k.indexOf('/') + 1));
                    }
                }
                cycle.add(at.substring(at.indexOf('/') + 1));
                Row row = rowOf.get(at);
                t.problem(row, "parent_key", "parent-cycle", String.join(" → ", cycle));
            }
            done.addAll(chain);
        }
    }
}
