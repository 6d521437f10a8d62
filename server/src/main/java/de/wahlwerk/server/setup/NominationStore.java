package de.wahlwerk.server.setup;

import de.wahlwerk.core.model.Candidate;
import de.wahlwerk.core.model.GroupKind;
import de.wahlwerk.core.model.Nomination;
import de.wahlwerk.core.model.VoteKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of nominations and their candidates. */
@Repository
class NominationStore {

    private final JdbcClient jdbc;

    NominationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Nomination> nominations(long electionId) {
        return jdbc.sql("""
                select n.* from nomination n left join area a on a.id = n.area_id
                where n.election_id = :e order by n.vote_kind, a.official_key nulls first, n.ballot_position""")
                .param("e", electionId).query((rs, i) -> nomination(rs)).list();
    }

    /** The nominations on the ballot of a unit: election-wide ones and those of the given areas. */
    List<Nomination> nominationsIn(long electionId, java.util.Collection<Long> areaIds) {
        return jdbc.sql("""
                select n.* from nomination n
                where n.election_id = :e and (n.area_id is null or n.area_id = any(:a))
                order by n.vote_kind, n.ballot_position""")
                .param("e", electionId).param("a", areaIds.toArray(new Long[0]))
                .query((rs, i) -> nomination(rs)).list();
    }

    Optional<Nomination> nomination(long id) {
        return jdbc.sql("select * from nomination where id = :id").param("id", id).query((rs, i) -> nomination(rs)).optional();
    }

    boolean positionTaken(long electionId, VoteKind kind, Long areaId, int position, Long exceptId) {
        return jdbc.sql("""
                select count(*) from nomination where election_id = :e and vote_kind = :k
                and coalesce(area_id, 0) = :a and ballot_position = :p and id <> :x""")
                .param("e", electionId).param("k", kind.name()).param("a", areaId == null ? 0L : areaId)
                .param("p", position).param("x", exceptId == null ? -1 : exceptId)
                .query(Long.class).single() > 0;
    }

    /** Takes the election's {@link BallotLock} exclusive until commit: no report of it is confirmed meanwhile. */
    void lockBallot(long electionId) {
        jdbc.sql("select pg_advisory_xact_lock(:bs, :e)").param("bs", BallotLock.KEYS)
                .param("e", BallotLock.key(electionId)).query().singleRow();
    }

    /**
     * Which quick reports of the election hold votes in one of the given form fields, in a unit
     * whose ballot shows nominations of the area (null: every unit): {@code CONFIRMED} when a
     * confirmed one does, else {@code PENDING} when one waiting for a decision does, else empty.
     * Reports keep votes by form letter: D&lt;position&gt;, or F&lt;position&gt; for second votes
     * (Anlage 29 BWO), and D&lt;position&gt;_&lt;list position&gt; for the personal votes of a
     * candidate in a council election; one "letter=number" per line.
     *
     * @param letters a regular expression matching exactly the letters concerned
     */
    Optional<String> reportsWithVotes(long electionId, Long areaId, String letters) {
        return jdbc.sql("""
                with recursive below (id) as (
                    select id from area where id = :a
                    union all select c.id from area c join below b on c.parent_id = b.id)
                select r.status from quick_report r
                where r.election_id = :e and r.status in ('CONFIRMED', 'PENDING') and r.values_text ~ :votes
                and (:everywhere or r.unit_id in (
                    select ua.unit_id from reporting_unit_area ua join below b on b.id = ua.area_id))
                order by r.status = 'CONFIRMED' desc limit 1""")
                .param("a", areaId == null ? -1L : areaId).param("e", electionId)
                .param("votes", "(^|\\n)(" + letters + ")=[1-9]").param("everywhere", areaId == null)
                .query(String.class).optional();
    }

    long insertNomination(long electionId, Long areaId, NominationForm f) {
        return jdbc.sql("""
                insert into nomination (election_id, vote_kind, area_id, ballot_position, short_name, name, group_kind)
                values (:e, :k, :a, :p, :s, :n, :g) returning id""")
                .param("e", electionId).param("k", f.getVoteKind().name()).param("a", areaId)
                .param("p", f.getBallotPosition()).param("s", f.getShortName()).param("n", f.getName())
                .param("g", f.getGroupKind().name()).query(Long.class).single();
    }

    void updateNomination(long id, Long areaId, NominationForm f) {
        jdbc.sql("""
                update nomination set vote_kind = :k, area_id = :a, ballot_position = :p, short_name = :s, name = :n,
                group_kind = :g where id = :id""")
                .param("k", f.getVoteKind().name()).param("a", areaId).param("p", f.getBallotPosition())
                .param("s", f.getShortName()).param("n", f.getName()).param("g", f.getGroupKind().name())
                .param("id", id).update();
    }

    List<Candidate> candidates(long nominationId) {
        return jdbc.sql("select * from candidate where nomination_id = :n order by list_position")
                .param("n", nominationId).query((rs, i) -> candidate(rs)).list();
    }

    Optional<Candidate> candidate(long id) {
        return jdbc.sql("select * from candidate where id = :id").param("id", id).query((rs, i) -> candidate(rs)).optional();
    }

    boolean listPositionTaken(long nominationId, int position, Long exceptId) {
        return jdbc.sql("select count(*) from candidate where nomination_id = :n and list_position = :p and id <> :x")
                .param("n", nominationId).param("p", position).param("x", exceptId == null ? -1 : exceptId)
                .query(Long.class).single() > 0;
    }

    long insertCandidate(long nominationId, CandidateForm f) {
        return jdbc.sql("""
                insert into candidate (nomination_id, list_position, family_name, given_names, title, profession,
                    year_of_birth, place)
                values (:n, :p, :f, :g, :t, :pr, :y, :pl) returning id""")
                .param("n", nominationId).param("p", f.getListPosition()).param("f", f.getFamilyName())
                .param("g", f.getGivenNames()).param("t", f.getTitle()).param("pr", f.getProfession())
                .param("y", f.getYearOfBirth()).param("pl", f.getPlace()).query(Long.class).single();
    }

    void updateCandidate(long id, CandidateForm f) {
        jdbc.sql("""
                update candidate set list_position = :p, family_name = :f, given_names = :g, title = :t,
                profession = :pr, year_of_birth = :y, place = :pl where id = :id""")
                .param("p", f.getListPosition()).param("f", f.getFamilyName()).param("g", f.getGivenNames())
                .param("t", f.getTitle()).param("pr", f.getProfession()).param("y", f.getYearOfBirth())
                .param("pl", f.getPlace()).param("id", id).update();
    }

    private static Nomination nomination(ResultSet rs) throws SQLException {
        long area = rs.getLong("area_id");
        boolean noArea = rs.wasNull();
        return new Nomination(rs.getLong("id"), rs.getLong("election_id"), VoteKind.valueOf(rs.getString("vote_kind")),
                noArea ? null : area, rs.getInt("ballot_position"), rs.getString("short_name"), rs.getString("name"),
                GroupKind.valueOf(rs.getString("group_kind")));
    }

    private static Candidate candidate(ResultSet rs) throws SQLException {
        return new Candidate(rs.getLong("id"), rs.getLong("nomination_id"), rs.getInt("list_position"),
                rs.getString("family_name"), rs.getString("given_names"), rs.getString("title"),
                rs.getString("profession"), (Integer) rs.getObject("year_of_birth"), rs.getString("place"));
    }
}
