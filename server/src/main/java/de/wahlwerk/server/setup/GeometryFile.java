package de.wahlwerk.server.setup;

import de.wahlwerk.server.web.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an area geometry file: a GeoJSON FeatureCollection (RFC 7946, WGS 84 longitude/latitude)
 * whose features name their area by {@code properties.key} (official key) and optionally
 * {@code properties.hierarchy} (default {@code admin}), each a Polygon or MultiPolygon. Every
 * problem is reported with the feature's number, so that nothing is stored from a broken file.
 */
final class GeometryFile {

    /** Areas with their geometry as compact GeoJSON, by area id; or the problems found. */
    record Result(Map<Long, String> geometries, List<FieldProblem> problems) {}

    private GeometryFile() {}

    static Result read(byte[] bytes, JsonMapper json, Map<String, Long> areaIds) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<Long, String> out = new LinkedHashMap<>();
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JacksonException e) {
            return new Result(Map.of(), List.of(FieldProblem.of("file", "geometry.error.json", e.getOriginalMessage())));
        }
        if (root == null || !root.isObject() || !"FeatureCollection".equals(text(root, "type"))) {
            return new Result(Map.of(), List.of(FieldProblem.of("type", "geometry.error.type")));
        }
        JsonNode features = root.get("features");
        if (features == null || !features.isArray() || features.isEmpty()) {
            return new Result(Map.of(), List.of(FieldProblem.of("features", "geometry.error.features")));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            int n = i + 1;
            String field = "features[" + i + "]";
            JsonNode props = f.get("properties");
            String key = props == null ? null : text(props, "key");
            String hierarchy = props == null || text(props, "hierarchy") == null ? "admin" : text(props, "hierarchy");
            if (key == null || key.isBlank()) {
                problems.add(FieldProblem.of(field + ".properties.key", "geometry.error.key", n));
                continue;
            }
            Long areaId = areaIds.get(hierarchy + ":" + key);
            if (areaId == null) {
                problems.add(FieldProblem.of(field + ".properties.key", "geometry.error.unknownArea", n, key, hierarchy));
                continue;
            }
            if (!seen.add(hierarchy + ":" + key)) {
                problems.add(FieldProblem.of(field + ".properties.key", "geometry.error.duplicate", n, key));
                continue;
            }
            JsonNode g = f.get("geometry");
            String type = g == null ? null : text(g, "type");
            if (!"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
                problems.add(FieldProblem.of(field + ".geometry.type", "geometry.error.geometryType", n, String.valueOf(type)));
                continue;
            }
            JsonNode coordinates = g.get("coordinates");
            int before = problems.size();
            if ("Polygon".equals(type)) {
                polygon(coordinates, n, field + ".geometry.coordinates", problems);
            } else if (coordinates == null || !coordinates.isArray() || coordinates.isEmpty()) {
                problems.add(FieldProblem.of(field + ".geometry.coordinates", "geometry.error.ring", n, 1));
            } else {
                for (int p = 0; p < coordinates.size(); p++) {
                    polygon(coordinates.get(p), n, field + ".geometry.coordinates[" + p + "]", problems);
                }
            }
            if (problems.size() == before) {
                out.put(areaId, json.writeValueAsString(g));
            }
        }
        return new Result(problems.isEmpty() ? out : Map.of(), problems);
    }

    private static void polygon(JsonNode rings, int n, String field, List<FieldProblem> problems) {
        if (rings == null || !rings.isArray() || rings.isEmpty()) {
            problems.add(FieldProblem.of(field, "geometry.error.ring", n, 1));
            return;
        }
        for (int r = 0; r < rings.size(); r++) {
            JsonNode ring = rings.get(r);
            if (ring == null || !ring.isArray() || ring.size() < 4) {
                problems.add(FieldProblem.of(field + "[" + r + "]", "geometry.error.ring", n, r + 1));
                continue;
            }
            for (int p = 0; p < ring.size(); p++) {
                JsonNode pt = ring.get(p);
                if (pt == null || !pt.isArray() || pt.size() < 2 || !pt.get(0).isNumber() || !pt.get(1).isNumber()
                        || Math.abs(pt.get(0).asDouble()) > 180 || Math.abs(pt.get(1).asDouble()) > 90) {
                    problems.add(FieldProblem.of(field + "[" + r + "][" + p + "]", "geometry.error.coordinates", n,
                            "[" + (r + 1) + "][" + (p + 1) + "]"));
                    return;
                }
            }
            if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                problems.add(FieldProblem.of(field + "[" + r + "]", "geometry.error.ring", n, r + 1));
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isString() ? null : v.asString();
    }
}
