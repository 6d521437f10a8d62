package de.wahlwerk.server.publish;

import de.wahlwerk.server.setup.DemoElection;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The id of the demo's Bundestag election, which is published (its polls closed in the past). */
final class DemoBundestag {

    private DemoBundestag() {}

    static long id(JdbcClient jdbc) {
        long day = jdbc.sql("select id from election_day where name = :n").param("n", DemoElection.DAY_NAME)
                .query(Long.class).single();
        return jdbc.sql("select id from election where election_day_id = :d and name = 'Bundestagswahl 2025'")
                .param("d", day).query(Long.class).single();
    }
}
