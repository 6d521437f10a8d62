package de.wahlwerk.server.setup;

import de.wahlwerk.core.model.Area;
import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.PollingStation;
import de.wahlwerk.core.model.ReportingUnit;
import de.wahlwerk.core.model.UnitKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of areas, polling stations and reporting units of an election day. */
@Repository
class AreaStore {

    private final JdbcClient jdbc;

    AreaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- areas ---

    List<Area> areas(long dayId) {
        return jdbc.sql("select * from area where election_day_id = :d order by hierarchy, level, official_key")
                .param("d", dayId).query((rs, i) -> area(rs)).list();
    }

    Optional<Area> area(long id) {
        return jdbc.sql("select * from area where id = :id").param("id", id).query((rs, i) -> area(rs)).optional();
    }

    Optional<Area> areaByKey(long dayId, String hierarchy, String key) {
        return jdbc.sql("select * from area where election_day_id = :d and hierarchy = :h and official_key = :k")
                .param("d", dayId).param("h", hierarchy).param("k", key).query((rs, i) -> area(rs)).optional();
    }

    List<Area> children(long areaId) {
        return jdbc.sql("select * from area where parent_id = :p order by official_key")
                .param("p", areaId).query((rs, i) -> area(rs)).list();
    }

    /** The area and its ancestors, nearest first. */
    List<Area> ancestorsOrSelf(long areaId) {
        return jdbc.sql("""
                with recursive up(id, depth) as (
                    select id, 0 from area where id = :id
                    union all
                    select a.parent_id, up.depth + 1 from area a join up on a.id = up.id where a.parent_id is not null
                )
                select a.* from up join area a on a.id = up.id order by up.depth""")
                .param("id", areaId).query((rs, i) -> area(rs)).list();
    }

    long insertArea(long dayId, AreaForm f, Long parentId) {
        return jdbc.sql("""
                insert into area (election_day_id, hierarchy, level, official_key, name, parent_id)
                values (:d, :h, :l, :k, :n, :p) returning id""")
                .param("d", dayId).param("h", f.getHierarchy()).param("l", f.getLevel().name())
                .param("k", f.getOfficialKey()).param("n", f.getName()).param("p", parentId)
                .query(Long.class).single();
    }

    void updateArea(long id, AreaForm f, Long parentId) {
        jdbc.sql("update area set level = :l, official_key = :k, name = :n, parent_id = :p where id = :id")
                .param("l", f.getLevel().name()).param("k", f.getOfficialKey()).param("n", f.getName())
                .param("p", parentId).param("id", id).update();
    }

    // --- polling stations ---

    List<PollingStation> stations(long dayId) {
        return jdbc.sql("select * from polling_station where election_day_id = :d order by station_key")
                .param("d", dayId).query((rs, i) -> station(rs)).list();
    }

    Optional<PollingStation> station(long id) {
        return jdbc.sql("select * from polling_station where id = :id").param("id", id).query((rs, i) -> station(rs)).optional();
    }

    Optional<PollingStation> stationByKey(long dayId, String key) {
        return jdbc.sql("select * from polling_station where election_day_id = :d and station_key = :k")
                .param("d", dayId).param("k", key).query((rs, i) -> station(rs)).optional();
    }

    long insertStation(long dayId, long areaId, PollingStationForm f) {
        return jdbc.sql("""
                insert into polling_station (election_day_id, area_id, station_key, name, street, postal_code, city,
                    step_free, chair_name, chair_phone)
                values (:d, :a, :k, :n, :s, :p, :c, :f, :cn, :cp) returning id""")
                .param("d", dayId).param("a", areaId).param("k", f.getStationKey()).param("n", f.getName())
                .param("s", f.getStreet()).param("p", f.getPostalCode()).param("c", f.getCity())
                .param("f", f.getStepFree()).param("cn", f.getChairName()).param("cp", f.getChairPhone())
                .query(Long.class).single();
    }

    void updateStation(long id, long areaId, PollingStationForm f) {
        jdbc.sql("""
                update polling_station set area_id = :a, station_key = :k, name = :n, street = :s, postal_code = :p,
                    city = :c, step_free = :f, chair_name = :cn, chair_phone = :cp where id = :id""")
                .param("a", areaId).param("k", f.getStationKey()).param("n", f.getName())
                .param("s", f.getStreet()).param("p", f.getPostalCode()).param("c", f.getCity())
                .param("f", f.getStepFree()).param("cn", f.getChairName()).param("cp", f.getChairPhone())
                .param("id", id).update();
    }

    // --- reporting units ---

    List<ReportingUnit> units(long dayId) {
        return jdbc.sql("select * from reporting_unit where election_day_id = :d order by kind, official_key")
                .param("d", dayId).query((rs, i) -> unit(rs)).list();
    }

    long postalUnitCount(long dayId) {
        return jdbc.sql("select count(*) from reporting_unit where election_day_id = :d and kind = 'POSTAL'")
                .param("d", dayId).query(Long.class).single();
    }

    Optional<ReportingUnit> unit(long id) {
        return jdbc.sql("select * from reporting_unit where id = :id").param("id", id).query((rs, i) -> unit(rs)).optional();
    }

    /** The districts counted with this one (§ 68 Abs. 2 BWO). */
    List<ReportingUnit> unitsCountedWith(long hostId) {
        return jdbc.sql("select * from reporting_unit where counted_with_unit_id = :id order by official_key")
                .param("id", hostId).query((rs, i) -> unit(rs)).list();
    }

    Optional<ReportingUnit> unitByKey(long dayId, String key) {
        return jdbc.sql("select * from reporting_unit where election_day_id = :d and official_key = :k")
                .param("d", dayId).param("k", key).query((rs, i) -> unit(rs)).optional();
    }

    long insertUnit(long dayId, ReportingUnitForm f, Long stationId, Long countedWithId) {
        return jdbc.sql("""
                insert into reporting_unit (election_day_id, kind, official_key, name, polling_station_id, counted_with_unit_id)
                values (:d, :k, :o, :n, :s, :c) returning id""")
                .param("d", dayId).param("k", f.getKind().name()).param("o", f.getOfficialKey()).param("n", f.getName())
                .param("s", stationId).param("c", countedWithId)
                .query(Long.class).single();
    }

    void updateUnit(long id, ReportingUnitForm f, Long stationId, Long countedWithId) {
        jdbc.sql("""
                update reporting_unit set kind = :k, official_key = :o, name = :n, polling_station_id = :s,
                    counted_with_unit_id = :c where id = :id""")
                .param("k", f.getKind().name()).param("o", f.getOfficialKey()).param("n", f.getName())
                .param("s", stationId).param("c", countedWithId).param("id", id).update();
    }

    void setCountedWith(long unitId, Long countedWithId) {
        jdbc.sql("update reporting_unit set counted_with_unit_id = :c where id = :id")
                .param("c", countedWithId).param("id", unitId).update();
    }

    /** Per unit of the day: hierarchy → leaf area, in one query (the tally's structure at 90,000 units). */
    Map<Long, Map<String, Area>> unitAreasOfDay(long dayId) {
        return unitAreasWhere("u.election_day_id = :k", dayId);
    }

    /** Hierarchy → leaf area of the unit. */
    Map<String, Area> unitAreas(long unitId) {
        return unitAreasWhere("ua.unit_id = :k", unitId).getOrDefault(unitId, new LinkedHashMap<>());
    }

    /** Unit → hierarchy → leaf area, for the units the filter (a constant condition on {@code :k}) selects. */
    private Map<Long, Map<String, Area>> unitAreasWhere(String filter, long key) {
        Map<Long, Map<String, Area>> result = new HashMap<>();
        jdbc.sql("""
                select ua.unit_id, a.* from reporting_unit_area ua
                join area a on a.id = ua.area_id
                join reporting_unit u on u.id = ua.unit_id
                where %s order by ua.unit_id, ua.hierarchy""".formatted(filter))
                .param("k", key).query(rs -> {
                    Area a = area(rs);
                    result.computeIfAbsent(rs.getLong("unit_id"), u -> new LinkedHashMap<>()).put(a.hierarchy(), a);
                });
        return result;
    }

    void replaceUnitAreas(long unitId, Map<String, Long> areaIdsByHierarchy) {
        jdbc.sql("delete from reporting_unit_area where unit_id = :u").param("u", unitId).update();
        areaIdsByHierarchy.forEach((h, a) -> jdbc.sql(
                "insert into reporting_unit_area (unit_id, hierarchy, area_id) values (:u, :h, :a)")
                .param("u", unitId).param("h", h).param("a", a).update());
    }

    private static Area area(ResultSet rs) throws SQLException {
        // wasNull() speaks of the column read last, so it is asked right after parent_id: asked
        // after the name, as it was, every area had parent 0 and no area was ever the top one.
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new Area(rs.getLong("id"), rs.getLong("election_day_id"), rs.getString("hierarchy"),
                AreaLevel.valueOf(rs.getString("level")), rs.getString("official_key"), rs.getString("name"), parentId);
    }

    private static PollingStation station(ResultSet rs) throws SQLException {
        return new PollingStation(rs.getLong("id"), rs.getLong("election_day_id"), rs.getLong("area_id"),
                rs.getString("station_key"), rs.getString("name"), rs.getString("street"), rs.getString("postal_code"),
                rs.getString("city"), rs.getBoolean("step_free"), rs.getString("chair_name"), rs.getString("chair_phone"));
    }

    private static ReportingUnit unit(ResultSet rs) throws SQLException {
        long station = rs.getLong("polling_station_id");
        boolean noStation = rs.wasNull();
        long counted = rs.getLong("counted_with_unit_id");
        boolean noCounted = rs.wasNull();
        return new ReportingUnit(rs.getLong("id"), rs.getLong("election_day_id"), UnitKind.valueOf(rs.getString("kind")),
                rs.getString("official_key"), rs.getString("name"), noStation ? null : station, noCounted ? null : counted);
    }

    /**
     * Whether the unit has a quick report that counts or may yet count, for any election of its
     * day: {@code CONFIRMED} when one is confirmed, else {@code PENDING} when one waits for a
     * decision, else empty.
     */
    java.util.Optional<String> reportStatus(long unitId) {
        return jdbc.sql("""
                select status from quick_report where unit_id = :u and status in ('CONFIRMED', 'PENDING')
                order by status = 'CONFIRMED' desc limit 1""")
                .param("u", unitId).query(String.class).optional();
    }

    /** Takes the unit's {@link UnitLock} until commit: no report of it is entered or decided meanwhile. */
    void lockUnit(long unitId) {
        jdbc.sql("select pg_advisory_xact_lock(:ns, :u)").param("ns", UnitLock.KEYS).param("u", UnitLock.key(unitId))
                .query().singleRow();
    }
}
