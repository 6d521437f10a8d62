package de.wahlwerk.server.setup;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Musterstadt demo is complete, consistent and loaded only once. */
class DemoElectionIT extends IntegrationTest {

    @Autowired
    DemoElection demo;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate template;

    @Test
    void demoHasWhatEveryLaterScreenNeeds() {
        long day = demo.load();
        assertThat(demo.load()).as("loading twice keeps one demo").isEqualTo(day);
        assertThat(count("select count(*) from reporting_unit where election_day_id = ? and kind = 'POLLING'", day))
                .isGreaterThanOrEqualTo(60);
        assertThat(count("select count(*) from reporting_unit where election_day_id = ? and kind = 'POSTAL'", day))
                .isGreaterThanOrEqualTo(15);
        assertThat(count("select count(*) from area where election_day_id = ? and level = 'CONSTITUENCY'", day)).isEqualTo(2);
        // Every unit lies in exactly one area of each hierarchy; every polling district has a station.
        assertThat(count("select count(*) from reporting_unit_area ua join reporting_unit u on u.id = ua.unit_id where u.election_day_id = ?", day))
                .isEqualTo(2 * count("select count(*) from reporting_unit where election_day_id = ?", day));
        assertThat(count("select count(*) from reporting_unit where election_day_id = ? and kind = 'POLLING' and polling_station_id is null", day))
                .isZero();
        assertThat(count("select count(*) from nomination n join election e on e.id = n.election_id where e.election_day_id = ? and n.vote_kind = 'FIRST'", day))
                .isEqualTo(16);
        // Previous results: one record per unit, and every record's sums hold exactly.
        long source = jdbc.sql("select s.id from result_source s join election e on e.id = s.election_id where e.election_day_id = :d")
                .param("d", day).query(Long.class).single();
        assertThat(count("select count(*) from result_record where source_id = ?", source)).isEqualTo(80);
        assertThat(count("""
                select count(*) from result_record r join result_vote_total t on t.record_id = r.id
                where r.source_id = ? and t.invalid + t.valid <> r.voters""", source)).isZero();
        assertThat(count("""
                select count(*) from result_vote_total t join result_record r on r.id = t.record_id
                where r.source_id = ? and t.valid <> (select sum(v.votes) from result_vote v
                  where v.record_id = t.record_id and v.vote_kind = t.vote_kind)""", source)).isZero();
        assertThat(count("""
                select count(*) from result_record where source_id = ? and not postal
                and eligible <> eligible_no_card + eligible_with_card + eligible_added""", source)).isZero();
    }

    private long count(String sql, long param) {
        return template.queryForObject(sql, Long.class, param);
    }
}
