package de.wahlwerk.server.results;

import de.wahlwerk.core.model.VoteKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read access to the published results imported for comparison (tables of the setup feature's
 * {@code ResultStore}), as the live pages need them: the sources linked to an election and all
 * records of a source at once. A stored source never changes, so its records are cached.
 */
@Repository
class ResultRecords {

    /** A source linked to an election. {@code date} may be null (kerg2's previous-election columns). */
    record Source(long id, String label, String format, LocalDate date) {}

    /** One stored row: eligible/voters may be null (postal districts), votes per group key. */
    record Row(String level, String key, String parentKey, boolean postal, Long eligible, Long voters,
            Map<VoteKind, Long> valid, Map<VoteKind, Map<String, Long>> votes) {}

    private final JdbcClient jdbc;
    private final ConcurrentHashMap<Long, List<Row>> rows = new ConcurrentHashMap<>();

    ResultRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code limit} sources of earlier elections linked to the election, newest first. The
     * source of the election itself (same date) is left out; a source without a date (kerg2's
     * "previous election" columns) counts as the most recent earlier one.
     */
    List<Source> earlier(long electionId, LocalDate day, int limit) {
        return jdbc.sql("""
                select id, label, format, election_date from result_source
                where election_id = :e and (election_date is null or election_date < :d)
                order by election_date desc nulls first, id desc limit :n""")
                .param("e", electionId).param("d", day).param("n", limit)
                .query((rs, i) -> new Source(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate()))
                .list();
    }

    List<Row> rows(long sourceId) {
        return rows.computeIfAbsent(sourceId, this::load);
    }

    private List<Row> load(long sourceId) {
        Map<Long, Row> byId = new LinkedHashMap<>();
        jdbc.sql("""
                select id, area_level, area_key, parent_key, postal, eligible, voters from result_record
                where source_id = :s order by id""").param("s", sourceId)
                .query((rs, i) -> byId.put(rs.getLong(1), new Row(rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                        (Long) rs.getObject(6), (Long) rs.getObject(7), new EnumMap<>(VoteKind.class),
                        new EnumMap<>(VoteKind.class))))
                .list();
        jdbc.sql("""
                select t.record_id, t.vote_kind, t.valid from result_vote_total t join result_record r on r.id = t.record_id
                where r.source_id = :s""").param("s", sourceId)
                .query((rs, i) -> {
                    Long valid = (Long) rs.getObject(3);
                    if (valid != null) {
                        byId.get(rs.getLong(1)).valid().put(VoteKind.valueOf(rs.getString(2)), valid);
                    }
                    return null;
                }).list();
        jdbc.sql("""
                select v.record_id, v.vote_kind, v.group_key, v.votes from result_vote v join result_record r on r.id = v.record_id
                where r.source_id = :s""").param("s", sourceId)
                .query((rs, i) -> byId.get(rs.getLong(1)).votes()
                        .computeIfAbsent(VoteKind.valueOf(rs.getString(2)), k -> new HashMap<>())
                        .put(rs.getString(3), rs.getLong(4)))
                .list();
        return Collections.unmodifiableList(new ArrayList<>(byId.values()));
    }
}
