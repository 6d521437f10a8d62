package de.wahlwerk.server.setup;

import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Storage of published results imported for comparison (previous elections) or as official
 * reference. Records are keyed by level and official key, so that they can be matched to the
 * areas and units of a new election by key. Unit-level records use level {@value #UNIT_LEVEL}.
 */
@Repository
public class ResultStore {

    public static final String UNIT_LEVEL = "UNIT";

    /** One imported file. */
    public record Source(long id, String label, String electionKind, LocalDate electionDate, String format,
            String fileName, String sha256, Long electionId, java.time.Instant importedAt, String importedBy,
            long records) {}

    /** One row to store: where, and its counts keyed by group (short name or "#position"). */
    public record Record(String areaLevel, String areaKey, String parentKey, String name, boolean postal, Counts counts,
            Map<VoteKind, Map<String, Long>> votesByGroup) {}

    private final JdbcClient jdbc;

    ResultStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertSource(String label, String electionKind, LocalDate date, String format, String fileName, String sha256,
            Long electionId, String importedBy) {
        return jdbc.sql("""
                insert into result_source (label, election_kind, election_date, format, file_name, sha256, election_id, imported_by)
                values (:l, :k, :d, :f, :n, :s, :e, :b) returning id""")
                .param("l", label).param("k", electionKind).param("d", date).param("f", format).param("n", fileName)
                .param("s", sha256).param("e", electionId).param("b", importedBy)
                .query(Long.class).single();
    }

    void insertRecords(long sourceId, List<Record> records) {
        for (Record r : records) {
            Counts c = r.counts();
            long id = jdbc.sql("""
                    insert into result_record (source_id, area_level, area_key, parent_key, name, postal,
                        eligible_no_card, eligible_with_card, eligible_added, eligible, voters, voters_with_card)
                    values (:s, :l, :k, :p, :n, :post, :a1, :a2, :a3, :a, :b, :b1) returning id""")
                    .param("s", sourceId).param("l", r.areaLevel()).param("k", r.areaKey()).param("p", r.parentKey())
                    .param("n", r.name()).param("post", r.postal())
                    .param("a1", c.eligibleNoCard()).param("a2", c.eligibleWithCard()).param("a3", c.eligibleAdded())
                    .param("a", c.eligible()).param("b", c.voters()).param("b1", c.votersWithCard())
                    .query(Long.class).single();
            for (var e : c.votes().entrySet()) {
                VoteCounts v = e.getValue();
                jdbc.sql("insert into result_vote_total (record_id, vote_kind, invalid, valid) values (:r, :k, :i, :v)")
                        .param("r", id).param("k", e.getKey().name()).param("i", v.invalid()).param("v", v.valid())
                        .update();
                Map<String, Long> groups = r.votesByGroup().get(e.getKey());
                if (groups != null) {
                    groups.forEach((group, votes) -> jdbc.sql(
                            "insert into result_vote (record_id, vote_kind, group_key, votes) values (:r, :k, :g, :v)")
                            .param("r", id).param("k", e.getKey().name()).param("g", group).param("v", votes).update());
                }
            }
        }
    }

    public List<Source> sources() {
        return jdbc.sql("""
                select s.*, (select count(*) from result_record r where r.source_id = s.id) as records
                from result_source s order by s.imported_at desc, s.id desc""")
                .query((rs, i) -> new Source(rs.getLong("id"), rs.getString("label"), rs.getString("election_kind"),
                        rs.getDate("election_date") == null ? null : rs.getDate("election_date").toLocalDate(),
                        rs.getString("format"), rs.getString("file_name"), rs.getString("sha256"),
                        (Long) rs.getObject("election_id"), rs.getTimestamp("imported_at").toInstant(),
                        rs.getString("imported_by"), rs.getLong("records")))
                .list();
    }

    /** A stored record with its vote totals and votes per group (short name or "#n"). */
    public record Stored(String name, boolean postal, Long eligibleNoCard, Long eligibleWithCard, Long eligibleAdded,
            Long eligible, Long voters, Long votersWithCard, Map<VoteKind, Long[]> invalidValid,
            Map<VoteKind, Map<String, Long>> votesByGroup) {}

    /**
     * The unit-level record of the newest comparison source linked to an election (the previous
     * election), by unit key.
     */
    public java.util.Optional<Stored> previousUnit(long electionId, String unitKey) {
        var row = jdbc.sql("""
                select r.* from result_record r join result_source s on s.id = r.source_id
                where s.election_id = :e and r.area_level = :l and r.area_key = :k
                  and s.format <> 'kerg2'
                order by s.election_date desc nulls last, s.id desc limit 1""")
                .param("e", electionId).param("l", UNIT_LEVEL).param("k", unitKey)
                .query((rs, i) -> new Object[] {rs.getLong("id"), rs.getString("name"), rs.getBoolean("postal"),
                        (Long) rs.getObject("eligible_no_card"), (Long) rs.getObject("eligible_with_card"),
                        (Long) rs.getObject("eligible_added"), (Long) rs.getObject("eligible"),
                        (Long) rs.getObject("voters"), (Long) rs.getObject("voters_with_card")})
                .optional();
        if (row.isEmpty()) {
            return java.util.Optional.empty();
        }
        Object[] r = row.get();
        long id = (Long) r[0];
        Map<VoteKind, Long[]> totals = new java.util.EnumMap<>(VoteKind.class);
        jdbc.sql("select vote_kind, invalid, valid from result_vote_total where record_id = :r").param("r", id)
                .query((rs, i) -> totals.put(VoteKind.valueOf(rs.getString(1)),
                        new Long[] {(Long) rs.getObject(2), (Long) rs.getObject(3)})).list();
        Map<VoteKind, Map<String, Long>> groups = new java.util.EnumMap<>(VoteKind.class);
        jdbc.sql("select vote_kind, group_key, votes from result_vote where record_id = :r").param("r", id)
                .query((rs, i) -> groups.computeIfAbsent(VoteKind.valueOf(rs.getString(1)), k -> new java.util.LinkedHashMap<>())
                        .put(rs.getString(2), (Long) rs.getObject(3))).list();
        return java.util.Optional.of(new Stored((String) r[1], (Boolean) r[2], (Long) r[3], (Long) r[4], (Long) r[5],
                (Long) r[6], (Long) r[7], (Long) r[8], totals, groups));
    }

    /**
     * Every unit-level record of the newest comparison source linked to an election, by unit key,
     * read in three queries instead of three per unit (a national election has 90,000 units).
     */
    public Map<String, Stored> previousUnits(long electionId) {
        String records = """
                from result_record r join result_source s on s.id = r.source_id
                where s.election_id = :e and r.area_level = :l and s.format <> 'kerg2'""";
        Map<Long, Map<VoteKind, Long[]>> totals = new java.util.HashMap<>();
        jdbc.sql("select t.record_id, t.vote_kind, t.invalid, t.valid from result_vote_total t join (select r.id "
                        + records + ") x on x.id = t.record_id")
                .param("e", electionId).param("l", UNIT_LEVEL)
                .query((rs, i) -> totals.computeIfAbsent(rs.getLong(1), k -> new java.util.EnumMap<>(VoteKind.class))
                        .put(VoteKind.valueOf(rs.getString(2)), new Long[] {(Long) rs.getObject(3), (Long) rs.getObject(4)}))
                .list();
        Map<Long, Map<VoteKind, Map<String, Long>>> groups = new java.util.HashMap<>();
        jdbc.sql("select v.record_id, v.vote_kind, v.group_key, v.votes from result_vote v join (select r.id "
                        + records + ") x on x.id = v.record_id")
                .param("e", electionId).param("l", UNIT_LEVEL)
                .query((rs, i) -> groups.computeIfAbsent(rs.getLong(1), k -> new java.util.EnumMap<>(VoteKind.class))
                        .computeIfAbsent(VoteKind.valueOf(rs.getString(2)), k -> new java.util.LinkedHashMap<>())
                        .put(rs.getString(3), (Long) rs.getObject(4)))
                .list();
        // Newest source first, as previousUnit picks it for each key.
        Map<String, Stored> byKey = new java.util.HashMap<>();
        jdbc.sql("select r.* " + records + " order by s.election_date desc nulls last, s.id desc")
                .param("e", electionId).param("l", UNIT_LEVEL)
                .query((rs, i) -> {
                    long id = rs.getLong("id");
                    byKey.putIfAbsent(rs.getString("area_key"), new Stored(rs.getString("name"), rs.getBoolean("postal"),
                            (Long) rs.getObject("eligible_no_card"), (Long) rs.getObject("eligible_with_card"),
                            (Long) rs.getObject("eligible_added"), (Long) rs.getObject("eligible"),
                            (Long) rs.getObject("voters"), (Long) rs.getObject("voters_with_card"),
                            totals.getOrDefault(id, new java.util.EnumMap<>(VoteKind.class)),
                            groups.getOrDefault(id, new java.util.EnumMap<>(VoteKind.class))));
                    return null;
                }).list();
        return byKey;
    }

    /** Sum of one count column over the records of a source at one level, for checks and tests. */
    public long sum(long sourceId, String level, String column) {
        if (!column.matches("eligible|voters|voters_with_card|eligible_no_card|eligible_with_card|eligible_added")) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql("select coalesce(sum(" + column + "), 0) from result_record where source_id = :s and area_level = :l")
                .param("s", sourceId).param("l", level).query(Long.class).single();
    }
}
