package de.wahlwerk.server.entry;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public feed of confirmed report versions for the results feature: every confirmation in the
 * order of its global sequence number, so that every node applies the same changes in the same
 * order. Values are by form letter (A1 … F_n).
 */
@Component
@Transactional(readOnly = true)
public class ConfirmedReports {

    /**
     * One confirmation: which unit of which election now counts with these values, entered when
     * (the "zeitstempel-erfassung" of the Offene-Wahldaten result file).
     */
    public record Version(long sequence, long electionId, long unitId, String unitKey, Map<String, Long> values,
            java.time.Instant enteredAt) {}

    private final JdbcClient jdbc;

    ConfirmedReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Confirmations after {@code sequence}, oldest first, at most {@code limit}. One statement,
     * atomic by itself: outside a caller's transaction it runs without one of its own, because the
     * live tally asks after every confirmation and a read-only transaction around it was two round
     * trips more (BEGIN READ ONLY, COMMIT) each time.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public List<Version> since(long sequence, int limit) {
        return jdbc.sql("""
                select r.confirmed_seq, r.election_id, r.unit_id, u.official_key, r.values_text, r.entered_at
                from quick_report r join reporting_unit u on u.id = r.unit_id
                where r.confirmed_seq > :s order by r.confirmed_seq limit :n""")
                .param("s", sequence).param("n", limit)
                .query((rs, i) -> new Version(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        ReportValues.decode(rs.getString(5)), rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** The version that counts now for each unit of the election (for a rebuild). */
    public List<Version> current(long electionId) {
        return jdbc.sql("""
                select r.confirmed_seq, r.election_id, r.unit_id, u.official_key, r.values_text, r.entered_at
                from quick_report r join reporting_unit u on u.id = r.unit_id
                where r.election_id = :e and r.status = 'CONFIRMED' order by r.confirmed_seq""")
                .param("e", electionId)
                .query((rs, i) -> new Version(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        ReportValues.decode(rs.getString(5)), rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** The highest committed sequence number (0 when none). */
    public long latestSequence() {
        return jdbc.sql("select value from report_sequence where id = 1").query(Long.class).single();
    }

    /** The current versions of an election and the sequence they reflect, read in one snapshot. */
    public record Snapshot(List<Version> current, long sequence) {}

    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public Snapshot snapshot(long electionId) {
        return new Snapshot(current(electionId), latestSequence());
    }
}
