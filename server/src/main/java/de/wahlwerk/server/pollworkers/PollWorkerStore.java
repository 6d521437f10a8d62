package de.wahlwerk.server.pollworkers;

import de.wahlwerk.core.pollworkers.AssignmentStatus;
import de.wahlwerk.core.pollworkers.BoardRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the poll-worker feature: workers, board requirements, assignments, training material. */
@Repository
class PollWorkerStore {

    record Material(long id, long dayId, String title, String kind, byte[] content, Instant uploadedAt) {}

    record NewWorker(String scopeHierarchy, String scopeKey, String source, String registerId, String familyName,
            String givenNames, LocalDate birthDate, String street, String houseNumber, String postalCode, String city,
            String email, String phone, String wishes, Long recruitedDayId) {}

    private final JdbcClient jdbc;

    PollWorkerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- workers -------------------------------------------------------------------------------

    long insert(NewWorker w) {
        return jdbc.sql("""
                insert into poll_worker (scope_hierarchy, scope_key, source, register_id, family_name, given_names,
                    birth_date, street, house_number, postal_code, city, email, phone, wishes, recruited_day_id)
                values (:sh, :sk, :src, :rid, :f, :g, :b, :st, :hn, :pc, :c, :e, :p, :w, :d) returning id""")
                .param("sh", w.scopeHierarchy()).param("sk", w.scopeKey()).param("src", w.source())
                .param("rid", w.registerId()).param("f", w.familyName()).param("g", w.givenNames())
                .param("b", w.birthDate()).param("st", w.street()).param("hn", w.houseNumber())
                .param("pc", w.postalCode()).param("c", w.city()).param("e", w.email()).param("p", w.phone())
                .param("w", w.wishes()).param("d", w.recruitedDayId())
                .query(Long.class).single();
    }

    Optional<PollWorker> worker(long id) {
        return jdbc.sql("select * from poll_worker where id = :id").param("id", id).query((rs, i) -> worker(rs)).optional();
    }

    List<PollWorker> workers(String hierarchy, String key) {
        return jdbc.sql("""
                select * from poll_worker where scope_hierarchy = :h and scope_key = :k
                order by family_name, given_names, id""").param("h", hierarchy).param("k", key)
                .query((rs, i) -> worker(rs)).list();
    }

    Optional<Long> workerByRegisterId(String hierarchy, String key, String registerId) {
        return jdbc.sql("""
                select id from poll_worker where scope_hierarchy = :h and scope_key = :k and register_id = :r""")
                .param("h", hierarchy).param("k", key).param("r", registerId).query(Long.class).optional();
    }

    void touch(long workerId, LocalDate day) {
        jdbc.sql("update poll_worker set last_active = greatest(last_active, :d) where id = :id")
                .param("d", day).param("id", workerId).update();
    }

    void objected(long workerId) {
        jdbc.sql("update poll_worker set objected_at = current_timestamp where id = :id").param("id", workerId).update();
    }

    /** Workers whose retention has run out: inactive since before the date, or objected and not needed any more. */
    List<Long> expired(LocalDate inactiveBefore, LocalDate today) {
        return jdbc.sql("""
                select w.id from poll_worker w
                where (w.last_active < :before or (w.objected_at is not null and w.last_active < :today))
                  and not exists (select 1 from board_assignment a where a.worker_id = w.id
                                  and a.status in ('INVITED', 'CONFIRMED') and a.day_date >= :today)
                order by w.id""").param("before", inactiveBefore).param("today", today).query(Long.class).list();
    }

    int delete(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from poll_worker where id in (:ids)").param("ids", ids).update();
    }

    private static PollWorker worker(ResultSet rs) throws SQLException {
        return new PollWorker(rs.getLong("id"), rs.getString("scope_hierarchy"), rs.getString("scope_key"),
                rs.getString("source"), rs.getString("register_id"), rs.getString("family_name"),
                rs.getString("given_names"), rs.getDate("birth_date").toLocalDate(), rs.getString("street"),
                rs.getString("house_number"), rs.getString("postal_code"), rs.getString("city"), rs.getString("email"),
                rs.getString("phone"), rs.getString("wishes"), rs.getDate("last_active").toLocalDate(),
                rs.getTimestamp("objected_at") != null);
    }

    // --- board requirements --------------------------------------------------------------------

    Optional<Integer> assessors(long dayId, String unitKind) {
        return jdbc.sql("select assessors from board_requirement where election_day_id = :d and unit_kind = :k")
                .param("d", dayId).param("k", unitKind).query(Integer.class).optional();
    }

    void setAssessors(long dayId, String unitKind, int assessors) {
        jdbc.sql("""
                insert into board_requirement (election_day_id, unit_kind, assessors) values (:d, :k, :a)
                on conflict (election_day_id, unit_kind) do update set assessors = excluded.assessors""")
                .param("d", dayId).param("k", unitKind).param("a", assessors).update();
    }

    // --- assignments ---------------------------------------------------------------------------

    long insertAssignment(long workerId, long dayId, long unitId, LocalDate date, String dayName, String unitKey,
            String unitName, BoardRole role, String actor) {
        return jdbc.sql("""
                insert into board_assignment (worker_id, election_day_id, unit_id, day_date, day_name, unit_key, unit_name,
                    role, status, status_by)
                values (:w, :d, :u, :date, :dn, :uk, :un, :r, 'INVITED', :a) returning id""")
                .param("w", workerId).param("d", dayId).param("u", unitId).param("date", date).param("dn", dayName)
                .param("uk", unitKey).param("un", unitName).param("r", role.name()).param("a", actor)
                .query(Long.class).single();
    }

    Optional<BoardAssignment> assignment(long id) {
        return jdbc.sql("select * from board_assignment where id = :id").param("id", id)
                .query((rs, i) -> assignment(rs)).optional();
    }

    /** Locks the row: two clicks (office and portal) never both change the status. */
    Optional<BoardAssignment> assignmentForUpdate(long id) {
        return jdbc.sql("select * from board_assignment where id = :id for update").param("id", id)
                .query((rs, i) -> assignment(rs)).optional();
    }

    Optional<BoardAssignment> assignmentByToken(String tokenHash) {
        return jdbc.sql("select * from board_assignment where token_hash = :t").param("t", tokenHash)
                .query((rs, i) -> assignment(rs)).optional();
    }

    List<BoardAssignment> assignmentsOfDay(long dayId) {
        return jdbc.sql("select * from board_assignment where election_day_id = :d order by unit_key, role, id")
                .param("d", dayId).query((rs, i) -> assignment(rs)).list();
    }

    List<BoardAssignment> assignmentsOfUnit(long unitId) {
        return jdbc.sql("select * from board_assignment where unit_id = :u order by role, status, id")
                .param("u", unitId).query((rs, i) -> assignment(rs)).list();
    }

    List<BoardAssignment> history(long workerId) {
        return jdbc.sql("select * from board_assignment where worker_id = :w order by day_date desc, id desc")
                .param("w", workerId).query((rs, i) -> assignment(rs)).list();
    }

    /** Active boards of the worker on the date (any election day of that date). */
    List<BoardAssignment> activeOnDate(long workerId, LocalDate date) {
        return jdbc.sql("""
                select * from board_assignment where worker_id = :w and day_date = :d
                  and status in ('INVITED', 'CONFIRMED')""").param("w", workerId).param("d", date)
                .query((rs, i) -> assignment(rs)).list();
    }

    long confirmedBoards(long workerId) {
        return jdbc.sql("select count(*) from board_assignment where worker_id = :w and status = 'CONFIRMED'")
                .param("w", workerId).query(Long.class).single();
    }

    void setStatus(long id, AssignmentStatus status, String reason, String actor) {
        jdbc.sql("""
                update board_assignment set status = :s, status_reason = :r, status_at = current_timestamp, status_by = :a
                where id = :id""").param("s", status.name()).param("r", reason).param("a", actor).param("id", id).update();
    }

    void setToken(long id, String hash, Instant expires) {
        jdbc.sql("update board_assignment set token_hash = :h, token_expires = :e where id = :id")
                .param("h", hash).param("e", Timestamp.from(expires)).param("id", id).update();
    }

    /** Unit id → (name, phone) of the active chair, for the status board. */
    List<Object[]> chairs(long dayId) {
        return jdbc.sql("""
                select a.unit_id, w.given_names || ' ' || w.family_name, w.phone
                from board_assignment a join poll_worker w on w.id = a.worker_id
                where a.election_day_id = :d and a.role = 'CHAIR' and a.status in ('INVITED', 'CONFIRMED')""")
                .param("d", dayId).query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).list();
    }

    private static BoardAssignment assignment(ResultSet rs) throws SQLException {
        Timestamp exp = rs.getTimestamp("token_expires");
        return new BoardAssignment(rs.getLong("id"), rs.getLong("worker_id"), (Long) rs.getObject("election_day_id"),
                (Long) rs.getObject("unit_id"), rs.getDate("day_date").toLocalDate(), rs.getString("day_name"),
                rs.getString("unit_key"), rs.getString("unit_name"), BoardRole.valueOf(rs.getString("role")),
                AssignmentStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                rs.getTimestamp("status_at").toInstant(), rs.getString("status_by"), exp == null ? null : exp.toInstant());
    }

    // --- training material ---------------------------------------------------------------------

    long insertMaterial(long dayId, String title, String kind, byte[] content, String actor) {
        return jdbc.sql("""
                insert into training_material (election_day_id, title, kind, content, uploaded_by)
                values (:d, :t, :k, :c, :a) returning id""")
                .param("d", dayId).param("t", title).param("k", kind).param("c", content).param("a", actor)
                .query(Long.class).single();
    }

    List<Material> materials(long dayId) {
        return jdbc.sql("select * from training_material where election_day_id = :d order by id").param("d", dayId)
                .query((rs, i) -> material(rs)).list();
    }

    Optional<Material> material(long id) {
        return jdbc.sql("select * from training_material where id = :id").param("id", id)
                .query((rs, i) -> material(rs)).optional();
    }

    private static Material material(ResultSet rs) throws SQLException {
        return new Material(rs.getLong("id"), rs.getLong("election_day_id"), rs.getString("title"), rs.getString("kind"),
                rs.getBytes("content"), rs.getTimestamp("uploaded_at").toInstant());
    }
}
