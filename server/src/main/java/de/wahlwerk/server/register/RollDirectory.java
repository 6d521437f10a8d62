package de.wahlwerk.server.register;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roll as the poll-worker office needs it (§ 9 Abs. 4 BWG lets the municipality use the data
 * of eligible voters to appoint board members): one person's standing in the roll of an election,
 * and the people on the roll of a district. Like {@link RollCounts} it does no authorisation and
 * no audit: the calling feature checks its own role and audits every read of personal data.
 */
@Component
@Transactional(readOnly = true)
public class RollDirectory {

    /** A person's standing in the roll of one election. */
    public enum Standing { ON_ROLL, NOT_ELIGIBLE, NOT_FOUND, NO_ROLL }

    /** The standing, and the district the person votes in (null unless on the roll). */
    public record RollStatus(Standing standing, Long unitId) {}

    /** A resident on the roll, with what an appointment letter needs. */
    public record Voter(String registerId, String familyName, String givenNames, LocalDate birthDate, String street,
            String houseNumber, String postalCode, String city, long unitId) {}

    private final JdbcClient jdbc;

    RollDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The person's standing in the roll of the election: by register id when known, otherwise by
     * family name, given names and date of birth (case-insensitive) — several matches count as on
     * the roll only when one of them is.
     */
    public RollStatus status(long electionId, String registerId, String familyName, String givenNames, LocalDate birthDate) {
        boolean rollBuilt = jdbc.sql("select count(*) from roll where election_id = :e").param("e", electionId)
                .query(Long.class).single() > 0;
        if (!rollBuilt) {
            return new RollStatus(Standing.NO_ROLL, null);
        }
        String match = registerId != null
                ? " r.register_id = :rid"
                : " lower(r.family_name) = lower(:f) and lower(r.given_names) = lower(:g) and r.birth_date = :b";
        List<RollStatus> found = jdbc.sql("""
                select e.on_roll, e.unit_id from roll_entry e join register_resident r on r.id = e.resident_id
                where e.election_id = :e and """ + match + " order by e.on_roll desc limit 1")
                .param("e", electionId).param("rid", registerId).param("f", familyName).param("g", givenNames)
                .param("b", birthDate)
                .query((rs, i) -> rs.getBoolean("on_roll")
                        ? new RollStatus(Standing.ON_ROLL, (Long) rs.getObject("unit_id"))
                        : new RollStatus(Standing.NOT_ELIGIBLE, null))
                .list();
        return found.isEmpty() ? new RollStatus(Standing.NOT_FOUND, null) : found.getFirst();
    }

    /** People on the roll of the district whose name contains the text (all when blank), by name. */
    public List<Voter> search(long electionId, long unitId, String text, int limit) {
        String like = "%" + (text == null ? "" : text.strip().toLowerCase().replace("%", "").replace("_", "")) + "%";
        return jdbc.sql("""
                select r.* from roll_entry e join register_resident r on r.id = e.resident_id
                where e.election_id = :e and e.unit_id = :u and e.on_roll
                  and lower(r.family_name || ', ' || r.given_names) like :q
                order by r.family_name, r.given_names, r.id limit :l""")
                .param("e", electionId).param("u", unitId).param("q", like).param("l", limit)
                .query((rs, i) -> voter(rs, unitId)).list();
    }

    /** One person on the roll of the election, by register id. */
    public Optional<Voter> voter(long electionId, String registerId) {
        return jdbc.sql("""
                select r.*, e.unit_id from roll_entry e join register_resident r on r.id = e.resident_id
                where e.election_id = :e and r.register_id = :rid and e.on_roll""")
                .param("e", electionId).param("rid", registerId)
                .query((rs, i) -> voter(rs, rs.getLong("unit_id"))).optional();
    }

    private static Voter voter(java.sql.ResultSet rs, long unitId) throws java.sql.SQLException {
        return new Voter(rs.getString("register_id"), rs.getString("family_name"), rs.getString("given_names"),
                rs.getDate("birth_date").toLocalDate(), rs.getString("street"),
                rs.getInt("house_number") + rs.getString("house_suffix"), rs.getString("postal_code"),
                rs.getString("city"), unitId);
    }
}
