package de.wahlwerk.server.pollcards;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The polling cards issued on the roll reach the quick-report checks: a town with a single postal
 * district whose report counts more postal voters than cards were issued gets warning W010.
 */
class PostalCheckIT extends IntegrationTest {

    final JsonMapper json = JsonMapper.builder().build();

    HttpResponse<String> report(HttpSession clerk, long electionId, long unit, Map<String, String> values) {
        clerk.get("/admin");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitId", unit);
        body.put("values", values);
        return clerk.send(HttpRequest.newBuilder(URI.create(clerk.base() + "/api/entry/elections/" + electionId
                + "/reports")).header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-CSRF-TOKEN", clerk.csrf())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }

    @Test
    void postalVotersAboveTheCardsOnTheRollAreFlagged() {
        HttpSession admin = signedIn(accounts, Role.ADMIN, null, null);
        TestCity city = TestCity.create(jdbc, -1); // yesterday: polls have closed, reports are accepted
        city.importAndBuild(admin, PollCardIT.residents());
        long postal = jdbc.sql("""
                insert into reporting_unit (election_day_id, kind, official_key, name) values (:d, 'POSTAL', '9001',
                'Briefwahl') returning id""").param("d", city.dayId).query(Long.class).single();
        long town = jdbc.sql("select id from area where election_day_id = :d").param("d", city.dayId)
                .query(Long.class).single();
        jdbc.sql("insert into reporting_unit_area (unit_id, hierarchy, area_id) values (:u, 'admin', :a)")
                .param("u", postal).param("a", town).update();
        // Two persons with polling cards, marked on the roll as issuing does.
        List<Long> holders = jdbc.sql("""
                select resident_id from roll_entry where election_id = :e and on_roll order by resident_id limit 2""")
                .param("e", city.electionId).query(Long.class).list();
        for (long r : holders) {
            jdbc.sql("insert into polling_card (election_id, resident_id, issued_by) values (:e, :r, 'test')")
                    .param("e", city.electionId).param("r", r).update();
            jdbc.sql("update roll_entry set polling_card = true where election_id = :e and resident_id = :r")
                    .param("e", city.electionId).param("r", r).update();
        }
        HttpSession clerk = signedIn(accounts, Role.CLERK, null, null);
        var above = report(clerk, city.electionId, postal, Map.of("B", "5", "B1", "5", "C", "0", "D", "5", "E", "0",
                "F", "5"));
        assertThat(above.body()).as(above.body()).contains("W010");
        var within = report(clerk, city.electionId, postal, Map.of("B", "2", "B1", "2", "C", "0", "D", "2", "E", "0",
                "F", "2"));
        assertThat(within.body()).as(within.body()).doesNotContain("W010");
    }
}
