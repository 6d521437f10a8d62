package de.wahlwerk.server.results;

import de.wahlwerk.core.model.ElectionKind;
import de.wahlwerk.core.model.VoteKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what a seat calculation needs (the election, the result source holding its votes, the
 * independents among the nominations) and stores the lots drawn for it.
 */
@Repository
class SeatStore {

    /** The election with the date and organiser scope of its day. */
    record ElectionInfo(long id, long dayId, ElectionKind kind, String name, Integer seats, LocalDate date,
            String scopeHierarchy, String scopeKey) {}

    /** The stored result a calculation starts from. */
    record SourceInfo(long id, String label, String format, String fileName, Instant importedAt) {}

    /**
     * One lot as entered, with the ids in drawn order. A correction points to the lot it corrects
     * ({@code correctsId}, with its reason); a corrected lot carries when and by whom it was superseded
     * and is no longer applied.
     */
    record StoredLot(long id, String decisionKey, List<String> drawnOrder, String drawnBy, Instant drawnAt,
            String reason, String recordedBy, Instant recordedAt, Long correctsId, String correctionReason,
            Instant supersededAt, String supersededBy) {

        boolean current() {
            return supersededAt == null;
        }
    }

    private final JdbcClient jdbc;
    private final de.wahlwerk.server.setup.SetupCache setup;
    /**
     * Records per result source. A source's records are written once, in the transaction that
     * imports it (ResultStore only inserts), so they are kept by its id: the public site computes
     * the seats on every page pass, and a national result is some 20,000 rows. A few sources at most.
     */
    private final Map<Long, List<ResultRecord>> recordsBySource = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, List<ResultRecord>> eldest) {
                    return size() > MAX_SOURCES_KEPT;
                }
            });
    static final int MAX_SOURCES_KEPT = 4;
    /** Statements that read records, nominees or independents; for tests. */
    private final java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();

    /** The election's nominees and its independents' short names, as a seat calculation reads them. */
    record Ballots(Nominees nominees, Set<String> independents) {}

    /** Key of an election's {@link Ballots} among what is kept per set-up version. */
    private record BallotsOf(long electionId) {}

    SeatStore(JdbcClient jdbc, de.wahlwerk.server.setup.SetupCache setup) {
        this.jdbc = jdbc;
        this.setup = setup;
    }

    /** How many statements read records, nominees or independents so far; for tests. */
    long reads() {
        return reads.get();
    }

    Optional<ElectionInfo> election(long id) {
        return jdbc.sql("""
                select e.id, e.election_day_id, e.kind, e.name, e.seats, d.election_date, d.scope_hierarchy, d.scope_key
                from election e join election_day d on d.id = e.election_day_id where e.id = :id""")
                .param("id", id)
                .query((rs, i) -> new ElectionInfo(rs.getLong("id"), rs.getLong("election_day_id"),
                        ElectionKind.valueOf(rs.getString("kind")), rs.getString("name"),
                        (Integer) rs.getObject("seats"), rs.getDate("election_date").toLocalDate(),
                        rs.getString("scope_hierarchy"), rs.getString("scope_key")))
                .optional();
    }

    /**
     * The newest result source of this election with the election's own date: the votes of the
     * election itself (an official result imported for it, later the tally). Sources attached to the
     * election for comparison carry the earlier election's date (or none) and are not used.
     */
    Optional<SourceInfo> resultSource(long electionId, LocalDate date) {
        return jdbc.sql("""
                select id, label, format, file_name, imported_at from result_source
                where election_id = :e and election_date = :d order by imported_at desc, id desc limit 1""")
                .param("e", electionId).param("d", date)
                .query((rs, i) -> new SourceInfo(rs.getLong("id"), rs.getString("label"), rs.getString("format"),
                        rs.getString("file_name"), rs.getTimestamp("imported_at").toInstant()))
                .optional();
    }

    /** All records of a source with their valid votes per vote kind and votes per group; unmodifiable. */
    List<ResultRecord> records(long sourceId) {
        List<ResultRecord> kept = recordsBySource.get(sourceId);
        if (kept == null) {
            kept = readRecords(sourceId);
            recordsBySource.put(sourceId, kept);
        }
        return kept;
    }

    private List<ResultRecord> readRecords(long sourceId) {
        reads.addAndGet(3);
        Map<Long, ResultRecord> byId = new LinkedHashMap<>();
        jdbc.sql("""
                select id, area_level, area_key, parent_key, name from result_record where source_id = :s order by id""")
                .param("s", sourceId)
                .query(rs -> {
                    byId.put(rs.getLong("id"), new ResultRecord(rs.getString("area_level"), rs.getString("area_key"),
                            rs.getString("parent_key"), rs.getString("name"), new EnumMap<>(VoteKind.class),
                            new EnumMap<>(VoteKind.class)));
                });
        jdbc.sql("""
                select t.record_id, t.vote_kind, t.valid from result_vote_total t
                join result_record r on r.id = t.record_id where r.source_id = :s""")
                .param("s", sourceId)
                .query(rs -> {
                    Long valid = (Long) rs.getObject("valid");
                    if (valid != null) {
                        byId.get(rs.getLong("record_id")).valid().put(VoteKind.valueOf(rs.getString("vote_kind")), valid);
                    }
                });
        jdbc.sql("""
                select v.record_id, v.vote_kind, v.group_key, v.votes from result_vote v
                join result_record r on r.id = v.record_id where r.source_id = :s order by v.record_id, v.group_key""")
                .param("s", sourceId)
                .query(rs -> {
                    Long votes = (Long) rs.getObject("votes");
                    if (votes != null) {
                        byId.get(rs.getLong("record_id")).votes()
                                .computeIfAbsent(VoteKind.valueOf(rs.getString("vote_kind")), k -> new LinkedHashMap<>())
                                .put(rs.getString("group_key"), votes);
                    }
                });
        // Unmodifiable all the way down: the lists are shared by every calculation from now on.
        return byId.values().stream().map(r -> new ResultRecord(r.level(), r.key(), r.parentKey(), r.name(),
                java.util.Collections.unmodifiableMap(r.valid()), unmodifiable(r.votes()))).toList();
    }

    private static <K, V> Map<K, Map<String, V>> unmodifiable(Map<K, Map<String, V>> nested) {
        nested.replaceAll((k, v) -> java.util.Collections.unmodifiableMap(v));
        return java.util.Collections.unmodifiableMap(nested);
    }

    /**
     * The nominees and independents as of the set-up version now (V13): read again only after a
     * set-up change (nominations, candidates, areas) has raised the version; kept with the
     * version by {@link de.wahlwerk.server.setup.SetupCache}.
     */
    Ballots ballots(long electionId) {
        return setup.view().derived(new BallotsOf(electionId),
                () -> new Ballots(readNominees(electionId), readIndependents(electionId)));
    }

    private Set<String> readIndependents(long electionId) {
        reads.incrementAndGet();
        return Set.copyOf(jdbc.sql("select distinct short_name from nomination where election_id = :e and group_kind = 'INDEPENDENT'")
                .param("e", electionId).query(String.class).set());
    }

    /** Number of candidates per list (nomination short name) where candidates are entered. */
    Map<String, Integer> listLengths(long electionId) {
        Map<String, Integer> lengths = new LinkedHashMap<>();
        jdbc.sql("""
                select n.short_name, count(c.id) as candidates from nomination n
                join candidate c on c.nomination_id = n.id where n.election_id = :e group by n.short_name""")
                .param("e", electionId)
                .query(rs -> {
                    lengths.put(rs.getString("short_name"), rs.getInt("candidates"));
                });
        return lengths;
    }

    /**
     * The Landeslisten (second-vote nominations of a STATE area) with their candidates in list order,
     * and the first candidate of each party's first-vote nomination per CONSTITUENCY, both keyed by
     * the area's official key (a nomination's area is always one of the election's hierarchy).
     * Independents are left out: they stand on no Landesliste.
     */
    private Nominees readNominees(long electionId) {
        reads.incrementAndGet();
        Map<String, Map<String, List<Nominees.Person>>> lists = new LinkedHashMap<>();
        Map<String, Map<String, Nominees.Person>> constituencies = new LinkedHashMap<>();
        jdbc.sql("""
                select n.vote_kind, a.level, a.official_key, n.short_name, c.list_position, c.family_name,
                       c.given_names, c.title, c.year_of_birth
                from nomination n join area a on a.id = n.area_id join candidate c on c.nomination_id = n.id
                where n.election_id = :e and n.group_kind <> 'INDEPENDENT'
                  and ((n.vote_kind = 'SECOND' and a.level = 'STATE') or (n.vote_kind = 'FIRST' and a.level = 'CONSTITUENCY'))
                order by a.official_key, n.short_name, c.list_position""")
                .param("e", electionId)
                .query(rs -> {
                    String title = rs.getString("title");
                    String name = (title == null || title.isBlank() ? "" : title + " ") + rs.getString("given_names") + " "
                            + rs.getString("family_name");
                    var person = new Nominees.Person(Nominees.Person.key(rs.getString("family_name"),
                            rs.getString("given_names"), (Integer) rs.getObject("year_of_birth")), name,
                            rs.getInt("list_position"));
                    String area = rs.getString("official_key");
                    String party = rs.getString("short_name");
                    if (rs.getString("vote_kind").equals("SECOND")) {
                        lists.computeIfAbsent(area, k -> new LinkedHashMap<>()).computeIfAbsent(party, k -> new ArrayList<>())
                                .add(person);
                    } else {
                        constituencies.computeIfAbsent(area, k -> new LinkedHashMap<>()).putIfAbsent(party, person);
                    }
                });
        lists.values().forEach(byParty -> byParty.replaceAll((party, persons) -> List.copyOf(persons)));
        lists.replaceAll((area, byParty) -> java.util.Collections.unmodifiableMap(byParty));
        constituencies.replaceAll((area, byParty) -> java.util.Collections.unmodifiableMap(byParty));
        return new Nominees(java.util.Collections.unmodifiableMap(lists), java.util.Collections.unmodifiableMap(constituencies));
    }

    /** All lots of the election, current and superseded, in the order entered. */
    List<StoredLot> lots(long electionId) {
        Map<Long, List<String>> entries = new HashMap<>();
        jdbc.sql("""
                select x.lot_id, x.contender_id from seat_lot_entry x join seat_lot l on l.id = x.lot_id
                where l.election_id = :e order by x.lot_id, x.position""")
                .param("e", electionId)
                .query(rs -> {
                    entries.computeIfAbsent(rs.getLong("lot_id"), k -> new ArrayList<>()).add(rs.getString("contender_id"));
                });
        return jdbc.sql("select * from seat_lot where election_id = :e order by recorded_at, id")
                .param("e", electionId)
                .query((rs, i) -> new StoredLot(rs.getLong("id"), rs.getString("decision_key"),
                        List.copyOf(entries.getOrDefault(rs.getLong("id"), List.of())), rs.getString("drawn_by"),
                        rs.getTimestamp("drawn_at").toInstant(), rs.getString("reason"), rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant(), (Long) rs.getObject("corrects_id"),
                        rs.getString("correction_reason"),
                        rs.getTimestamp("superseded_at") == null ? null : rs.getTimestamp("superseded_at").toInstant(),
                        rs.getString("superseded_by")))
                .list();
    }

    /** The lot currently applied for this decision, if any. */
    Optional<StoredLot> lot(long electionId, String decisionKey) {
        return lots(electionId).stream().filter(l -> l.current() && l.decisionKey().equals(decisionKey)).findFirst();
    }

    /** The lot with this id if it belongs to the election, locked against a concurrent correction. */
    Optional<StoredLot> lockedLot(long electionId, long lotId) {
        boolean exists = jdbc.sql("select id from seat_lot where id = :id and election_id = :e for update")
                .param("id", lotId).param("e", electionId).query(Long.class).optional().isPresent();
        return exists ? lots(electionId).stream().filter(l -> l.id() == lotId).findFirst() : Optional.empty();
    }

    /** Marks a lot as superseded by a correction; false if it was already superseded. */
    boolean supersede(long lotId, String user) {
        return jdbc.sql("""
                update seat_lot set superseded_at = current_timestamp, superseded_by = :u
                where id = :id and superseded_at is null""")
                .param("id", lotId).param("u", user).update() == 1;
    }

    /** Records the corrected lot, pointing back to the one it corrects. */
    long insertCorrection(long electionId, StoredLot corrected, List<String> drawnOrder, String drawnBy,
            Instant drawnAt, String reason, String correctionReason, String recordedBy) {
        long id = insertLot(electionId, corrected.decisionKey(), drawnOrder, drawnBy, drawnAt, reason, recordedBy);
        jdbc.sql("update seat_lot set corrects_id = :c, correction_reason = :r where id = :id")
                .param("c", corrected.id()).param("r", correctionReason).param("id", id).update();
        return id;
    }

    long insertLot(long electionId, String decisionKey, List<String> drawnOrder, String drawnBy, Instant drawnAt,
            String reason, String recordedBy) {
        long id = jdbc.sql("""
                insert into seat_lot (election_id, decision_key, drawn_by, drawn_at, reason, recorded_by)
                values (:e, :k, :by, :at, :r, :rec) returning id""")
                .param("e", electionId).param("k", decisionKey).param("by", drawnBy)
                .param("at", java.sql.Timestamp.from(drawnAt)).param("r", reason).param("rec", recordedBy)
                .query(Long.class).single();
        for (int i = 0; i < drawnOrder.size(); i++) {
            jdbc.sql("insert into seat_lot_entry (lot_id, position, contender_id) values (:l, :p, :c)")
                    .param("l", id).param("p", i + 1).param("c", drawnOrder.get(i)).update();
        }
        return id;
    }

    static Map<String, List<String>> byKey(List<StoredLot> lots) {
        return lots.stream().collect(Collectors.toMap(StoredLot::decisionKey, StoredLot::drawnOrder));
    }
}
