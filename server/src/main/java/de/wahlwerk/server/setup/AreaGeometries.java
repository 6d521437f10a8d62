package de.wahlwerk.server.setup;

import de.wahlwerk.core.model.Area;
import de.wahlwerk.server.audit.AuditLog;
import de.wahlwerk.server.security.AccessPolicy;
import de.wahlwerk.server.web.InvalidInputException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Area geometry for the public maps: uploaded per election day as one GeoJSON file
 * ({@link GeometryFile}), which replaces the day's geometry as a whole, in one transaction and
 * audited; a file with any problem stores nothing.
 */
@Service
public class AreaGeometries {

    private final JdbcClient jdbc;
    private final AreaStore areas;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final JsonMapper json;

    AreaGeometries(JdbcClient jdbc, AreaStore areas, AccessPolicy access, AuditLog audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.access = access;
        this.audit = audit;
        this.json = json;
    }

    /** Number of areas that received a geometry. */
    @Transactional
    public int upload(long dayId, String fileName, byte[] bytes) {
        access.requireManageDay(dayId);
        int stored = store(dayId, bytes, access.current().username());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("day", dayId);
        after.put("file", fileName);
        after.put("areas", stored);
        after.put("bytes", bytes.length);
        audit.record("upload-geometry", "election_day", dayId, null, after);
        return stored;
    }

    /** For the demo loader, which has no signed-in user; audited by the caller. */
    int store(long dayId, byte[] bytes, String user) {
        Map<String, Long> ids = new HashMap<>();
        for (Area a : areas.areas(dayId)) {
            ids.put(a.hierarchy() + ":" + a.officialKey(), a.id());
        }
        GeometryFile.Result r = GeometryFile.read(bytes, json, ids);
        if (!r.problems().isEmpty()) {
            throw new InvalidInputException(r.problems());
        }
        jdbc.sql("delete from area_geometry where area_id in (select id from area where election_day_id = :d)")
                .param("d", dayId).update();
        r.geometries().forEach((area, geometry) -> jdbc.sql(
                "insert into area_geometry (area_id, geometry, uploaded_by) values (:a, :g, :u)")
                .param("a", area).param("g", geometry).param("u", user).update());
        return r.geometries().size();
    }

    /** Geometry (GeoJSON text) by area id, for the public site. */
    public Map<Long, String> geometries(long dayId) {
        Map<Long, String> m = new HashMap<>();
        jdbc.sql("select g.area_id, g.geometry from area_geometry g join area a on a.id = g.area_id where a.election_day_id = :d")
                .param("d", dayId).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                .forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    public int count(long dayId) {
        List<Long> n = jdbc.sql("select count(*) from area_geometry g join area a on a.id = g.area_id where a.election_day_id = :d")
                .param("d", dayId).query(Long.class).list();
        return n.isEmpty() ? 0 : n.getFirst().intValue();
    }
}
