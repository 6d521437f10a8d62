package de.wahlwerk.server.register;

import de.wahlwerk.core.register.HouseNumber;
import de.wahlwerk.core.register.Parity;
import de.wahlwerk.core.register.Resident;
import de.wahlwerk.core.register.StreetRule;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the register feature: residents, street rules, rolls, their entries and changes. */
@Repository
class RegisterStore {

    static final int BATCH = 2000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RegisterStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    record FileInfo(String kind, String fileName, String sha256, int rows, java.time.Instant importedAt, String importedBy) {}

    record StoredResident(long id, Resident resident) {}

    record RollInfo(long electionId, String state, LocalDate cutoff, int minAge, java.time.Instant builtAt, String builtBy) {}

    /** One person on (or off) the roll, for the personal-data views. */
    record Entry(long residentId, String registerId, String familyName, String givenNames, LocalDate birthDate,
            String address, boolean eligible, String reasons, Long unitId, String assignment, String ruleLines,
            boolean onRoll, boolean pollingCard) {}

    record Change(long id, String registerId, String name, String kind, String reason, Long fromUnitId, Long toUnitId,
            java.time.Instant at, String actor) {}

    record UnitCount(long unitId, long a1, long a2) {}

    // --- files ---------------------------------------------------------------------------------

    void saveFile(long dayId, String kind, String name, String sha, long rows, String actor) {
        jdbc.sql("delete from register_file where election_day_id = :d and kind = :k").param("d", dayId).param("k", kind)
                .update();
        jdbc.sql("""
                insert into register_file (election_day_id, kind, file_name, sha256, rows_read, imported_by)
                values (:d, :k, :n, :s, :r, :a)""")
                .param("d", dayId).param("k", kind).param("n", name).param("s", sha).param("r", rows).param("a", actor)
                .update();
    }

    List<FileInfo> files(long dayId) {
        return jdbc.sql("select * from register_file where election_day_id = :d order by kind").param("d", dayId)
                .query((rs, i) -> new FileInfo(rs.getString("kind"), rs.getString("file_name"), rs.getString("sha256"),
                        rs.getInt("rows_read"), rs.getTimestamp("imported_at").toInstant(), rs.getString("imported_by")))
                .list();
    }

    // --- residents -----------------------------------------------------------------------------

    int deleteResidents(long dayId) {
        return jdbc.sql("delete from register_resident where election_day_id = :d").param("d", dayId).update();
    }

    /** Collects residents and writes them in batches. */
    final class ResidentWriter implements Consumer<Resident> {
        private final long dayId;
        private final List<Object[]> batch = new ArrayList<>(BATCH);

        ResidentWriter(long dayId) {
            this.dayId = dayId;
        }

        @Override
        public void accept(Resident r) {
            batch.add(new Object[] {dayId, r.registerId(), r.familyName(), r.givenNames(), r.birthName(),
                Date.valueOf(r.birthDate()), r.birthDateText(), r.sex(), String.join(",", r.nationalities()), r.street(),
                r.houseNumber().number(), r.houseNumber().suffix(), r.postalCode(), r.city(), Date.valueOf(r.movedIn()),
                r.movedFromAbroad(), r.mainResidence(), r.excluded(), r.line()});
            if (batch.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            template.batchUpdate("""
                    insert into register_resident (election_day_id, register_id, family_name, given_names, birth_name,
                        birth_date, birth_date_text, sex, nationalities, street, house_number, house_suffix, postal_code,
                        city, moved_in, moved_from_abroad, main_residence, excluded, source_line)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
            batch.clear();
        }
    }

    ResidentWriter residentWriter(long dayId) {
        return new ResidentWriter(dayId);
    }

    long residentCount(long dayId) {
        return jdbc.sql("select count(*) from register_resident where election_day_id = :d").param("d", dayId)
                .query(Long.class).single();
    }

    /** Every resident of the day in id order, page by page (keyset), so memory stays flat. */
    void forEachResident(long dayId, Consumer<StoredResident> consumer) {
        long after = 0;
        while (true) {
            List<StoredResident> page = jdbc.sql("""
                    select * from register_resident where election_day_id = :d and id > :after order by id limit 5000""")
                    .param("d", dayId).param("after", after)
                    .query((rs, i) -> new StoredResident(rs.getLong("id"), new Resident(rs.getString("register_id"),
                            rs.getString("family_name"), rs.getString("given_names"), rs.getString("birth_name"),
                            rs.getDate("birth_date").toLocalDate(), rs.getString("birth_date_text"), rs.getString("sex"),
                            Arrays.asList(rs.getString("nationalities").split(",")), rs.getString("street"),
                            new HouseNumber(rs.getInt("house_number"), rs.getString("house_suffix")),
                            rs.getString("postal_code"), rs.getString("city"), rs.getDate("moved_in").toLocalDate(),
                            rs.getBoolean("moved_from_abroad"), rs.getBoolean("main_residence"),
                            rs.getBoolean("excluded"), rs.getLong("source_line"))))
                    .list();
            if (page.isEmpty()) {
                return;
            }
            page.forEach(consumer);
            after = page.getLast().id();
        }
    }

    Optional<Long> residentId(long dayId, String registerId) {
        return jdbc.sql("select id from register_resident where election_day_id = :d and register_id = :r")
                .param("d", dayId).param("r", registerId).query(Long.class).optional();
    }

    // --- street rules --------------------------------------------------------------------------

    void replaceRules(long dayId, List<StreetRule> rules, Map<String, Long> unitIds) {
        jdbc.sql("delete from street_rule where election_day_id = :d").param("d", dayId).update();
        List<Object[]> rows = new ArrayList<>();
        for (StreetRule r : rules) {
            rows.add(new Object[] {dayId, r.line(), r.street(), r.postalCode(),
                r.from() == null ? null : r.from().number(), r.from() == null ? null : r.from().suffix(),
                r.to() == null ? null : r.to().number(), r.to() == null ? null : r.to().suffix(), r.parity().code(),
                unitIds.get(r.unitKey())});
        }
        template.batchUpdate("""
                insert into street_rule (election_day_id, source_line, street, postal_code, from_number, from_suffix,
                    to_number, to_suffix, parity, unit_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** The rules with the unit's id as key (the caller maps back). */
    List<StreetRule> rules(long dayId) {
        return jdbc.sql("select * from street_rule where election_day_id = :d order by source_line").param("d", dayId)
                .query((rs, i) -> new StreetRule(rs.getLong("source_line"), rs.getString("street"),
                        rs.getString("postal_code"),
                        rs.getObject("from_number") == null ? null
                                : new HouseNumber(rs.getInt("from_number"), rs.getString("from_suffix")),
                        rs.getObject("to_number") == null ? null
                                : new HouseNumber(rs.getInt("to_number"), rs.getString("to_suffix")),
                        Parity.ofCode(rs.getString("parity")), Long.toString(rs.getLong("unit_id"))))
                .list();
    }

    // --- rolls ---------------------------------------------------------------------------------

    Optional<RollInfo> roll(long electionId) {
        return jdbc.sql("select * from roll where election_id = :e").param("e", electionId)
                .query((rs, i) -> new RollInfo(rs.getLong("election_id"), rs.getString("state"),
                        rs.getDate("cutoff").toLocalDate(), rs.getInt("min_age"), rs.getTimestamp("built_at").toInstant(),
                        rs.getString("built_by")))
                .optional();
    }

    void deleteRoll(long electionId) {
        jdbc.sql("delete from roll where election_id = :e").param("e", electionId).update();
    }

    int deleteRollsOfDay(long dayId) {
        return jdbc.sql("delete from roll where election_id in (select id from election where election_day_id = :d)")
                .param("d", dayId).update();
    }

    void insertRoll(long electionId, String state, LocalDate cutoff, int minAge, String actor) {
        jdbc.sql("insert into roll (election_id, state, cutoff, min_age, built_by) values (:e, :s, :c, :m, :a)")
                .param("e", electionId).param("s", state).param("c", Date.valueOf(cutoff)).param("m", minAge)
                .param("a", actor).update();
    }

    void insertEntries(List<Object[]> rows) {
        template.batchUpdate("""
                insert into roll_entry (election_id, resident_id, eligible, reasons, unit_id, assignment, rule_lines, on_roll)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    long changeCount(long electionId) {
        // Issued polling cards count as changes too: a rebuilt roll would lose the Sperrvermerk „W“.
        return jdbc.sql("""
                select (select count(*) from roll_change where election_id = :e)
                     + (select count(*) from polling_card where election_id = :e)""").param("e", electionId)
                .query(Long.class).single();
    }

    long changeCountOfDay(long dayId) {
        return jdbc.sql("""
                select (select count(*) from roll_change c join election e on e.id = c.election_id
                        where e.election_day_id = :d)
                     + (select count(*) from polling_card c join election e on e.id = c.election_id
                        where e.election_day_id = :d)""")
                .param("d", dayId).query(Long.class).single();
    }

    List<UnitCount> counts(long electionId) {
        return jdbc.sql("""
                select unit_id, count(*) filter (where not polling_card) as a1, count(*) filter (where polling_card) as a2
                from roll_entry where election_id = :e and on_roll group by unit_id order by unit_id""")
                .param("e", electionId)
                .query((rs, i) -> new UnitCount(rs.getLong("unit_id"), rs.getLong("a1"), rs.getLong("a2"))).list();
    }

    long pollingCards(long electionId) {
        return jdbc.sql("select count(*) from roll_entry where election_id = :e and on_roll and polling_card")
                .param("e", electionId).query(Long.class).single();
    }

    Map<String, Long> summary(long electionId) {
        Map<String, Long> m = new LinkedHashMap<>();
        jdbc.sql("""
                select count(*) as residents, count(*) filter (where eligible) as eligible,
                       count(*) filter (where on_roll) as on_roll,
                       count(*) filter (where eligible and unit_id is null and not on_roll) as unassigned
                from roll_entry where election_id = :e""").param("e", electionId).query(rs -> {
                    m.put("residents", rs.getLong("residents"));
                    m.put("eligible", rs.getLong("eligible"));
                    m.put("onRoll", rs.getLong("on_roll"));
                    m.put("unassigned", rs.getLong("unassigned"));
                });
        return m;
    }

    private static final String ENTRY_SELECT = """
            select r.id, r.register_id, r.family_name, r.given_names, r.birth_date,
                   r.street || ' ' || r.house_number || r.house_suffix || ', ' || r.postal_code || ' ' || r.city as address,
                   e.eligible, e.reasons, e.unit_id, e.assignment, e.rule_lines, e.on_roll, e.polling_card
            from roll_entry e join register_resident r on r.id = e.resident_id
            where e.election_id = :e""";

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), rs.getString("register_id"), rs.getString("family_name"),
                rs.getString("given_names"), rs.getDate("birth_date").toLocalDate(), rs.getString("address"),
                rs.getBoolean("eligible"), rs.getString("reasons"), (Long) rs.getObject("unit_id"),
                rs.getString("assignment"), rs.getString("rule_lines"), rs.getBoolean("on_roll"),
                rs.getBoolean("polling_card"));
    }

    List<Entry> unitRoll(long electionId, long unitId) {
        return jdbc.sql(ENTRY_SELECT + " and e.unit_id = :u and e.on_roll order by r.family_name, r.given_names, r.id")
                .param("e", electionId).param("u", unitId).query((rs, i) -> entry(rs)).list();
    }

    List<Entry> unassigned(long electionId) {
        return jdbc.sql(ENTRY_SELECT + " and e.eligible and e.unit_id is null and not e.on_roll"
                + " order by r.street, r.house_number, r.house_suffix, r.family_name")
                .param("e", electionId).query((rs, i) -> entry(rs)).list();
    }

    Optional<Entry> entry(long electionId, long residentId) {
        return jdbc.sql(ENTRY_SELECT + " and e.resident_id = :r").param("e", electionId).param("r", residentId)
                .query((rs, i) -> entry(rs)).optional();
    }

    void updateEntry(long electionId, long residentId, Long unitId, boolean onRoll) {
        jdbc.sql("update roll_entry set unit_id = :u, on_roll = :o where election_id = :e and resident_id = :r")
                .param("u", unitId).param("o", onRoll).param("e", electionId).param("r", residentId).update();
    }

    long insertChange(long electionId, long residentId, String kind, String reason, Long from, Long to, String actor) {
        return jdbc.sql("""
                insert into roll_change (election_id, resident_id, kind, reason, from_unit_id, to_unit_id, actor)
                values (:e, :r, :k, :reason, :f, :t, :a) returning id""")
                .param("e", electionId).param("r", residentId).param("k", kind).param("reason", reason)
                .param("f", from).param("t", to).param("a", actor).query(Long.class).single();
    }

    List<Change> changes(long electionId) {
        return jdbc.sql("""
                select c.*, r.register_id, r.family_name || ', ' || r.given_names as name
                from roll_change c join register_resident r on r.id = c.resident_id
                where c.election_id = :e order by c.id""").param("e", electionId)
                .query((rs, i) -> new Change(rs.getLong("id"), rs.getString("register_id"), rs.getString("name"),
                        rs.getString("kind"), rs.getString("reason"), (Long) rs.getObject("from_unit_id"),
                        (Long) rs.getObject("to_unit_id"), rs.getTimestamp("at").toInstant(), rs.getString("actor")))
                .list();
    }
}
