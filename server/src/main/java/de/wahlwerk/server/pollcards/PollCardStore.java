package de.wahlwerk.server.pollcards;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of polling notices, requests and cards. Reads the roll's tables (roll_entry, register_resident)
 * directly: they are the register feature's, and this feature changes only the polling-card mark.
 */
@Repository
class PollCardStore {

    /** One row of the notice query; the station fields are empty when a district has none yet. */
    record NoticeRow(long residentId, String number, String familyName, String givenNames, String street,
            String postalCode, String city, String unitKey, String unitName, String stationName, String stationStreet,
            String stationPostalCode, String stationCity, boolean stepFree) {}

    record Request(long id, long electionId, String reference, String channel, String noticeNumber, String familyName,
            String givenNames, LocalDate birthDate, String street, String houseNumber, String postalCode, String city,
            String mailTo, Long residentId, String status, String reason, Instant receivedAt, Instant decidedAt,
            String decidedBy, String registerId, String unitKey, Boolean pollingCard, Long cardId) {}

    record Card(long id, long electionId, long residentId, Long requestId, boolean valid, Long replacesId,
            String invalidReason, Instant issuedAt, String issuedBy, String registerId, String familyName,
            String givenNames, LocalDate birthDate, String street, String postalCode, String city, String unitKey,
            String unitName, String mailTo) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PollCardStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    boolean hasRoll(long electionId) {
        return jdbc.sql("select count(*) from roll where election_id = :e").param("e", electionId).query(Long.class)
                .single() > 0;
    }

    // --- notice numbers ------------------------------------------------------------------------

    /** Persons on the roll without a notice number, a page at a time. */
    List<Long> withoutNumber(long electionId, int limit) {
        return jdbc.sql("""
                select e.resident_id from roll_entry e
                where e.election_id = :e and e.on_roll
                  and not exists (select 1 from polling_notice n where n.election_id = e.election_id
                                  and n.resident_id = e.resident_id)
                order by e.resident_id limit :l""").param("e", electionId).param("l", limit).query(Long.class).list();
    }

    /** Inserts numbers; a number taken already (a clash of random numbers) is skipped and retried by the caller. */
    int insertNumbers(long electionId, List<Object[]> residentAndNumber) {
        List<Object[]> rows = new ArrayList<>(residentAndNumber.size());
        residentAndNumber.forEach(r -> rows.add(new Object[] {electionId, r[0], r[1]}));
        int[][] counts = template.batchUpdate("""
                insert into polling_notice (election_id, resident_id, number) values (?, ?, ?) on conflict do nothing""",
                rows, rows.size(), (ps, row) -> {
                    ps.setLong(1, (Long) row[0]);
                    ps.setLong(2, (Long) row[1]);
                    ps.setString(3, (String) row[2]);
                });
        int n = 0;
        for (int[] c : counts) {
            for (int x : c) {
                n += Math.max(x, 0);
            }
        }
        return n;
    }

    // --- notices -------------------------------------------------------------------------------

    private static final String NOTICE_SELECT = """
            select r.id, n.number, r.family_name, r.given_names,
                   r.street || ' ' || r.house_number || r.house_suffix as street, r.postal_code, r.city,
                   u.official_key, u.name as unit_name, coalesce(s.name, '') as s_name, coalesce(s.street, '') as s_street,
                   coalesce(s.postal_code, '') as s_pc, coalesce(s.city, '') as s_city, coalesce(s.step_free, false) as step_free
            from roll_entry e
            join register_resident r on r.id = e.resident_id
            join polling_notice n on n.election_id = e.election_id and n.resident_id = e.resident_id
            join reporting_unit u on u.id = e.unit_id
            left join polling_station s on s.id = u.polling_station_id
            where e.election_id = ? and e.on_roll""";

    /** Delivery order for the mail service: postal code, street, house number, name. */
    static final String DELIVERY_ORDER =
            " order by r.postal_code, r.street, r.house_number, r.house_suffix, r.family_name, r.given_names, r.id";

    private static NoticeRow notice(ResultSet rs) throws SQLException {
        return new NoticeRow(rs.getLong("id"), rs.getString("number"), rs.getString("family_name"),
                rs.getString("given_names"), rs.getString("street"), rs.getString("postal_code"), rs.getString("city"),
                rs.getString("official_key"), rs.getString("unit_name"), rs.getString("s_name"),
                rs.getString("s_street"), rs.getString("s_pc"), rs.getString("s_city"), rs.getBoolean("step_free"));
    }

    long noticeCount(long electionId) {
        return jdbc.sql("""
                select count(*) from roll_entry e join polling_notice n
                  on n.election_id = e.election_id and n.resident_id = e.resident_id
                where e.election_id = :e and e.on_roll and e.unit_id is not null""")
                .param("e", electionId).query(Long.class).single();
    }

    /**
     * Every notice in delivery order, streamed from a server-side cursor (the caller's transaction
     * keeps it open): memory stays flat for a city of a million.
     */
    void forEachNotice(long electionId, Consumer<NoticeRow> consumer) {
        template.query(con -> {
            var ps = con.prepareStatement(NOTICE_SELECT + DELIVERY_ORDER);
            ps.setFetchSize(1000);
            ps.setLong(1, electionId);
            return ps;
        }, rs -> {
            consumer.accept(notice(rs));
        });
    }

    Optional<NoticeRow> notice(long electionId, String registerId) {
        return template.query(NOTICE_SELECT + " and r.register_id = ?", (rs, i) -> notice(rs), electionId, registerId)
                .stream().findFirst();
    }

    // --- requests ------------------------------------------------------------------------------

    Optional<Long> matchByNotice(long electionId, String number, LocalDate birthDate) {
        return jdbc.sql("""
                select e.resident_id from polling_notice n
                join roll_entry e on e.election_id = n.election_id and e.resident_id = n.resident_id
                join register_resident r on r.id = e.resident_id
                where n.election_id = :e and n.number = :n and r.birth_date = :b and e.on_roll""")
                .param("e", electionId).param("n", number).param("b", Date.valueOf(birthDate)).query(Long.class)
                .optional();
    }

    /** Persons on the roll with this family name, date of birth and address (house number as written, e.g. 12a). */
    List<Long> matchByPerson(long electionId, String familyName, LocalDate birthDate, String street, String house,
            String postalCode) {
        return jdbc.sql("""
                select e.resident_id from roll_entry e join register_resident r on r.id = e.resident_id
                where e.election_id = :e and e.on_roll and r.birth_date = :b and lower(r.family_name) = lower(:f)
                  and lower(replace(r.street, 'str.', 'straße')) = lower(replace(:s, 'str.', 'straße'))
                  and lower(r.house_number || r.house_suffix) = lower(replace(:h, ' ', ''))
                  and r.postal_code = :p""")
                .param("e", electionId).param("b", Date.valueOf(birthDate)).param("f", familyName).param("s", street)
                .param("h", house).param("p", postalCode).query(Long.class).list();
    }

    long insertRequest(long electionId, String reference, String channel, String noticeNumber, String familyName,
            String givenNames, LocalDate birthDate, String street, String house, String postalCode, String city,
            String mailTo, Long residentId) {
        return jdbc.sql("""
                insert into polling_card_request (election_id, reference, channel, notice_number, family_name,
                    given_names, birth_date, street, house_number, postal_code, city, mail_to, resident_id, status)
                values (:e, :ref, :c, :n, :f, :g, :b, :s, :h, :p, :city, :m, :r, 'RECEIVED') returning id""")
                .param("e", electionId).param("ref", reference).param("c", channel).param("n", noticeNumber)
                .param("f", familyName).param("g", givenNames).param("b", Date.valueOf(birthDate)).param("s", street)
                .param("h", house).param("p", postalCode).param("city", city).param("m", mailTo)
                .param("r", residentId).query(Long.class).single();
    }

    private static final String REQUEST_SELECT = """
            select q.*, r.register_id, u.official_key as unit_key, e.polling_card,
                   (select c.id from polling_card c where c.request_id = q.id and c.valid) as card_id
            from polling_card_request q
            left join register_resident r on r.id = q.resident_id
            left join roll_entry e on e.election_id = q.election_id and e.resident_id = q.resident_id
            left join reporting_unit u on u.id = e.unit_id""";

    private static Request request(ResultSet rs) throws SQLException {
        return new Request(rs.getLong("id"), rs.getLong("election_id"), rs.getString("reference"),
                rs.getString("channel"), rs.getString("notice_number"), rs.getString("family_name"),
                rs.getString("given_names"), rs.getDate("birth_date").toLocalDate(), rs.getString("street"),
                rs.getString("house_number"), rs.getString("postal_code"), rs.getString("city"), rs.getString("mail_to"),
                (Long) rs.getObject("resident_id"), rs.getString("status"), rs.getString("reason"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
                rs.getString("decided_by"), rs.getString("register_id"), rs.getString("unit_key"),
                (Boolean) rs.getObject("polling_card"), (Long) rs.getObject("card_id"));
    }

    List<Request> requests(long electionId, String status) {
        return jdbc.sql(REQUEST_SELECT + " where q.election_id = :e and (:s = '' or q.status = :s) order by q.id")
                .param("e", electionId).param("s", status == null ? "" : status).query((rs, i) -> request(rs)).list();
    }

    Optional<Request> request(long id) {
        return jdbc.sql(REQUEST_SELECT + " where q.id = :id").param("id", id).query((rs, i) -> request(rs)).optional();
    }

    /** Locks the request row so that two clerks deciding at once are served one after the other. */
    Optional<String> lockRequest(long id) {
        return jdbc.sql("select status from polling_card_request where id = :id for update").param("id", id)
                .query(String.class).optional();
    }

    void decide(long id, String status, String reason, String actor) {
        jdbc.sql("""
                update polling_card_request set status = :s, reason = :r, decided_at = current_timestamp, decided_by = :a
                where id = :id""").param("s", status).param("r", reason).param("a", actor).param("id", id).update();
    }

    // --- cards ---------------------------------------------------------------------------------

    /**
     * Sets the Sperrvermerk „W“ if the person is on the roll and has none: 1 when set now, 0 otherwise.
     * Concurrent callers queue on the row; the second sees the mark and gets 0.
     */
    int markRoll(long electionId, long residentId) {
        return jdbc.sql("""
                update roll_entry set polling_card = true
                where election_id = :e and resident_id = :r and on_roll and not polling_card""")
                .param("e", electionId).param("r", residentId).update();
    }

    long insertCard(long electionId, long residentId, Long requestId, Long replacesId, String actor) {
        return jdbc.sql("""
                insert into polling_card (election_id, resident_id, request_id, replaces_id, issued_by)
                values (:e, :r, :q, :p, :a) returning id""")
                .param("e", electionId).param("r", residentId).param("q", requestId).param("p", replacesId)
                .param("a", actor).query(Long.class).single();
    }

    int invalidate(long cardId, String reason) {
        return jdbc.sql("update polling_card set valid = false, invalid_reason = :r where id = :id and valid")
                .param("r", reason).param("id", cardId).update();
    }

    private static final String CARD_SELECT = """
            select c.*, r.register_id, r.family_name, r.given_names, r.birth_date,
                   r.street || ' ' || r.house_number || r.house_suffix as street, r.postal_code, r.city,
                   u.official_key as unit_key, u.name as unit_name, q.mail_to
            from polling_card c
            join register_resident r on r.id = c.resident_id
            join roll_entry e on e.election_id = c.election_id and e.resident_id = c.resident_id
            left join reporting_unit u on u.id = e.unit_id
            left join polling_card_request q on q.id = c.request_id""";

    private static Card card(ResultSet rs) throws SQLException {
        return new Card(rs.getLong("id"), rs.getLong("election_id"), rs.getLong("resident_id"),
                (Long) rs.getObject("request_id"), rs.getBoolean("valid"), (Long) rs.getObject("replaces_id"),
                rs.getString("invalid_reason"), rs.getTimestamp("issued_at").toInstant(), rs.getString("issued_by"),
                rs.getString("register_id"), rs.getString("family_name"), rs.getString("given_names"),
                rs.getDate("birth_date").toLocalDate(), rs.getString("street"), rs.getString("postal_code"),
                rs.getString("city"), rs.getString("unit_key"), rs.getString("unit_name"), rs.getString("mail_to"));
    }

    Optional<Card> card(long id) {
        return jdbc.sql(CARD_SELECT + " where c.id = :id").param("id", id).query((rs, i) -> card(rs)).optional();
    }

    List<Card> cards(long electionId) {
        return jdbc.sql(CARD_SELECT + " where c.election_id = :e order by c.id").param("e", electionId)
                .query((rs, i) -> card(rs)).list();
    }

    long validCards(long electionId) {
        return jdbc.sql("select count(*) from polling_card where election_id = :e and valid").param("e", electionId)
                .query(Long.class).single();
    }
}
