package de.wahlwerk.server.entry;

import de.wahlwerk.server.setup.BallotLock;
import de.wahlwerk.server.setup.UnitLock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of quick-report versions; rows are only ever added, and only status/decision change. */
@Repository
class ReportStore {

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long electionId, long unitId, String kind, ReportStatus status, String values, String channel,
            String enteredBy, String reason, String idempotencyKey) {
        return jdbc.sql("""
                insert into quick_report (election_id, unit_id, kind, status, values_text, channel, entered_by, reason, idempotency_key)
                values (:e, :u, :k, :s, :v, :c, :b, :r, :i) returning id""")
                .param("e", electionId).param("u", unitId).param("k", kind).param("s", status.name())
                .param("v", values).param("c", channel).param("b", enteredBy).param("r", reason).param("i", idempotencyKey)
                .query(Long.class).single();
    }

    void warning(long reportId, String code, String reason) {
        jdbc.sql("insert into quick_report_warning (report_id, code, reason) values (:r, :c, :t)")
                .param("r", reportId).param("c", code).param("t", reason).update();
    }

    /**
     * Takes the lock that every change of a unit's report versions holds until commit, before any
     * other lock of the change: approving, rejecting and entering (which supersedes) a version of
     * the same unit then run one after another and each sees what the one before decided. In the
     * same statement, and before it, the election's {@link BallotLock} shared: a nomination edit
     * (which takes it exclusive) then cannot pass a confirmation between its check for confirmed
     * votes and its update. Always ballot lock, unit lock, then the audit chain, then the report
     * sequence: one order in every path, so two of them cannot wait for each other. Advisory locks
     * rather than the unit's row: setup changes lock unit rows and then the audit chain in their own
     * order, and must not join this queue; district edits, which must, take the {@link UnitLock}
     * before they touch any row.
     */
    void lockUnit(long electionId, long unitId) {
        // PostgreSQL evaluates the select list from left to right: the ballot lock comes first.
        jdbc.sql("select pg_advisory_xact_lock_shared(:bs, :e), pg_advisory_xact_lock(:ns, :u)")
                .param("bs", BallotLock.KEYS).param("e", BallotLock.key(electionId))
                .param("ns", UnitLock.KEYS).param("u", UnitLock.key(unitId))
                .query().singleRow();
    }

    /**
     * Confirms a pending version: it gets the next global sequence number, which orders it for every
     * node. Empty when the version was no longer pending; the caller must then roll back (the
     * number was taken all the same).
     */
    Optional<Long> confirm(long reportId, String by) {
        // One statement: the counter row stays locked until commit (that keeps the numbers in commit
        // order), so every round trip after taking it makes the next confirmation wait longer. The
        // notification to the nodes (delivered at commit) is part of it, with the number as its
        // payload: as a statement of its own it was one round trip per approval more.
        return jdbc.sql("""
                with next as (update report_sequence set value = value + 1 where id = 1 returning value)
                update quick_report set status = 'CONFIRMED', decided_by = :b, decided_at = current_timestamp,
                confirmed_seq = (select value from next) where id = :id and status = 'PENDING'
                returning confirmed_seq, pg_notify('""" + ReportChanged.CHANNEL + "', confirmed_seq::text)")
                .param("b", by).param("id", reportId).query((rs, i) -> rs.getLong(1)).optional();
    }

    /** Moves a version from one status to another; false when it no longer had the expected one. */
    boolean decide(long reportId, ReportStatus from, ReportStatus to, String by, String reason) {
        return jdbc.sql("""
                update quick_report set status = :s, decided_by = coalesce(:b, decided_by),
                decided_at = coalesce(decided_at, current_timestamp), reason = coalesce(:r, reason)
                where id = :id and status = :from""")
                .param("s", to.name()).param("b", by).param("r", reason).param("id", reportId).param("from", from.name())
                .update() == 1;
    }

    Optional<StoredReport> find(long id) {
        return jdbc.sql(WITH_WARNINGS + "where id = :id").param("id", id).query((rs, i) -> withWarnings(rs)).optional();
    }

    Optional<StoredReport> byIdempotencyKey(long electionId, String key) {
        return jdbc.sql(BY_IDEMPOTENCY_KEY)
                .param("e", electionId).param("k", key).query((rs, i) -> withWarnings(rs)).optional();
    }

    List<StoredReport> ofUnit(long electionId, long unitId) {
        return jdbc.sql(WITH_WARNINGS + "where election_id = :e and unit_id = :u order by id")
                .param("e", electionId).param("u", unitId).query((rs, i) -> withWarnings(rs)).list();
    }

    /**
     * The approvers' work list, reloaded all night: a partial index of its own (V12,
     * {@code ReportLookupPlansIT}); the status is written out so that every plan can use it.
     */
    static final String PENDING = "select * from quick_report where election_id = :e and status = 'PENDING' order by id";

    List<StoredReport> pending(long electionId) {
        return jdbc.sql(PENDING).param("e", electionId).query((rs, i) -> map(rs)).list();
    }

    /** Unit id → status summary of the newest relevant version, for the status board. */
    Map<Long, String> unitStates(long electionId) {
        Map<Long, String> states = new LinkedHashMap<>();
        jdbc.sql("""
                select unit_id,
                  bool_or(status = 'CONFIRMED') as confirmed,
                  bool_or(status = 'PENDING') as pending
                from quick_report where election_id = :e group by unit_id""")
                .param("e", electionId)
                .query((rs, i) -> {
                    states.put(rs.getLong(1), rs.getBoolean(3) ? (rs.getBoolean(2) ? "CORRECTION_PENDING" : "PENDING")
                            : rs.getBoolean(2) ? "CONFIRMED" : "REJECTED");
                    return null;
                }).list();
        return states;
    }

    /** Unit ids with at least one confirmed warning on their counting version. */
    List<Long> unitsWithWarnings(long electionId) {
        return jdbc.sql("""
                select distinct r.unit_id from quick_report r join quick_report_warning w on w.report_id = r.id
                where r.election_id = :e and r.status in ('CONFIRMED', 'PENDING')""")
                .param("e", electionId).query(Long.class).list();
    }

    /** The newest versions, newest first, for the timeline of the status board. */
    List<StoredReport> recent(long electionId, int limit) {
        return jdbc.sql("select * from quick_report where election_id = :e order by coalesce(decided_at, entered_at) desc, id desc limit :n")
                .param("e", electionId).param("n", limit).query((rs, i) -> map(rs)).list();
    }

    /**
     * A report with the warnings confirmed at its entry, in one statement: every report is read on
     * the way to a decision, and a second query per report was a sixth of the statements per
     * district in the national replay.
     */
    private static final String WITH_WARNINGS = """
            select q.*,
                   array(select w.code from quick_report_warning w where w.report_id = q.id order by w.code) as warning_codes,
                   array(select w.reason from quick_report_warning w where w.report_id = q.id order by w.code) as warning_reasons
            from quick_report q
            """;

    /** Looked up on every submission: must use the unique (election_id, idempotency_key) index (V12, {@code ReportLookupPlansIT}). */
    static final String BY_IDEMPOTENCY_KEY = WITH_WARNINGS + "where election_id = :e and idempotency_key = :k";

    private static StoredReport withWarnings(ResultSet rs) throws SQLException {
        StoredReport r = map(rs);
        String[] codes = (String[]) rs.getArray("warning_codes").getArray();
        String[] reasons = (String[]) rs.getArray("warning_reasons").getArray();
        Map<String, String> w = new LinkedHashMap<>();
        for (int i = 0; i < codes.length; i++) {
            w.put(codes[i], reasons[i]);
        }
        return new StoredReport(r.id(), r.electionId(), r.unitId(), r.kind(), r.status(), r.values(), r.channel(),
                r.enteredBy(), r.enteredAt(), r.decidedBy(), r.decidedAt(), r.reason(), r.confirmedSeq(), w);
    }

    private static StoredReport map(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        long seq = rs.getLong("confirmed_seq");
        Long confirmedSeq = rs.wasNull() ? null : seq;
        return new StoredReport(rs.getLong("id"), rs.getLong("election_id"), rs.getLong("unit_id"), rs.getString("kind"),
                ReportStatus.valueOf(rs.getString("status")), ReportValues.decode(rs.getString("values_text")),
                rs.getString("channel"), rs.getString("entered_by"), rs.getTimestamp("entered_at").toInstant(),
                rs.getString("decided_by"), decided == null ? null : decided.toInstant(), rs.getString("reason"),
                confirmedSeq, Map.of());
    }
}
