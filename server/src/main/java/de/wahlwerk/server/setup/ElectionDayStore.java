package de.wahlwerk.server.setup;

import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.ElectionDay;
import de.wahlwerk.core.model.ElectionKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of election days and their elections. */
@Repository
class ElectionDayStore {

    /** An election day with the scope of its organiser. */
    record Day(ElectionDay day, String scopeHierarchy, String scopeKey) {}

    private final JdbcClient jdbc;

    ElectionDayStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Day> days() {
        return jdbc.sql("select * from election_day order by election_date desc, name").query((rs, i) -> day(rs)).list();
    }

    Optional<Day> day(long id) {
        return jdbc.sql("select * from election_day where id = :id").param("id", id).query((rs, i) -> day(rs)).optional();
    }

    Optional<Day> dayByName(String name, java.time.LocalDate date) {
        return jdbc.sql("select * from election_day where name = :n and election_date = :d")
                .param("n", name).param("d", date).query((rs, i) -> day(rs)).optional();
    }

    long insertDay(ElectionDayForm f) {
        return jdbc.sql("""
                insert into election_day (name, election_date, polls_close, scope_hierarchy, scope_key)
                values (:n, :d, :c, :h, :k) returning id""")
                .param("n", f.getName()).param("d", f.getDate()).param("c", f.getPollsClose())
                .param("h", f.getScopeHierarchy()).param("k", f.getScopeKey())
                .query(Long.class).single();
    }

    void updateDay(long id, ElectionDayForm f) {
        jdbc.sql("""
                update election_day set name = :n, election_date = :d, polls_close = :c,
                scope_hierarchy = :h, scope_key = :k where id = :id""")
                .param("n", f.getName()).param("d", f.getDate()).param("c", f.getPollsClose())
                .param("h", f.getScopeHierarchy()).param("k", f.getScopeKey()).param("id", id)
                .update();
    }

    List<Election> elections(long dayId) {
        return jdbc.sql("select * from election where election_day_id = :d order by id")
                .param("d", dayId).query((rs, i) -> election(rs)).list();
    }

    Optional<Election> election(long id) {
        return jdbc.sql("select * from election where id = :id").param("id", id).query((rs, i) -> election(rs)).optional();
    }

    boolean electionNameTaken(long dayId, String name, Long exceptId) {
        return jdbc.sql("select count(*) from election where election_day_id = :d and name = :n and id <> :x")
                .param("d", dayId).param("n", name).param("x", exceptId == null ? -1 : exceptId)
                .query(Long.class).single() > 0;
    }

    long insertElection(long dayId, ElectionForm f) {
        return jdbc.sql("""
                insert into election (election_day_id, kind, name, seats, votes_per_voter, max_votes_per_candidate, hierarchy)
                values (:d, :k, :n, :s, :v, :m, :h) returning id""")
                .param("d", dayId).param("k", f.getKind().name()).param("n", f.getName()).param("s", f.getSeats())
                .param("v", f.getVotesPerVoter()).param("m", f.getMaxVotesPerCandidate()).param("h", f.getHierarchy())
                .query(Long.class).single();
    }

    void updateElection(long id, ElectionForm f) {
        jdbc.sql("""
                update election set kind = :k, name = :n, seats = :s, votes_per_voter = :v,
                max_votes_per_candidate = :m, hierarchy = :h where id = :id""")
                .param("k", f.getKind().name()).param("n", f.getName()).param("s", f.getSeats())
                .param("v", f.getVotesPerVoter()).param("m", f.getMaxVotesPerCandidate()).param("h", f.getHierarchy())
                .param("id", id).update();
    }

    private static Day day(ResultSet rs) throws SQLException {
        return new Day(new ElectionDay(rs.getLong("id"), rs.getString("name"), rs.getDate("election_date").toLocalDate(),
                rs.getTime("polls_close").toLocalTime()), rs.getString("scope_hierarchy"), rs.getString("scope_key"));
    }

    private static Election election(ResultSet rs) throws SQLException {
        return new Election(rs.getLong("id"), rs.getLong("election_day_id"), ElectionKind.valueOf(rs.getString("kind")),
                rs.getString("name"), (Integer) rs.getObject("seats"), (Integer) rs.getObject("votes_per_voter"),
                (Integer) rs.getObject("max_votes_per_candidate"), rs.getString("hierarchy"));
    }
}
