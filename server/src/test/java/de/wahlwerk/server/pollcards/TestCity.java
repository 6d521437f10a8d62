package de.wahlwerk.server.pollcards;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.support.HttpSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An election day of its own for a test (so tests never share a roll): a Bavarian town (AGS
 * 09162000) with four polling districts in three polling stations (one not step-free), a Bundestag
 * election {@code days} ahead, its street index; residents are imported and the roll built through
 * the real API.
 */
final class TestCity {

    static final String HEADER = "melderegister_id;familienname;vornamen;geburtsdatum;staatsangehoerigkeiten;"
            + "strasse;hausnummer;plz;ort;zuzug;zuzug_aus_ausland;wohnungsstatus;wahlrechtsausschluss";

    /** Street index: a split street by ranges, odd/even sides, a whole street, and a suffix range (12a–12c; plain 12 has no rule). */
    static final String STREETS = """
            strasse;plz;von;bis;seite;wahlbezirk
            Hauptstraße;80331;1;11;;0001
            Hauptstraße;80331;12a;12c;;0003
            Hauptstraße;80331;13;;;0002
            Lindenweg;80331;;;U;0003
            Lindenweg;80331;;;G;0004
            Am Markt;80331;;;A;0004
            """;

    final long dayId;
    final long electionId;
    final LocalDate date;

    private TestCity(long dayId, long electionId, LocalDate date) {
        this.dayId = dayId;
        this.electionId = electionId;
        this.date = date;
    }

    static TestCity create(JdbcClient jdbc, int daysAhead) {
        LocalDate date = LocalDate.now(PollCardService.ZONE).plusDays(daysAhead);
        long day = jdbc.sql("""
                insert into election_day (name, election_date, polls_close, scope_hierarchy, scope_key)
                values ('Testwahl ' || :n, :d, time '18:00', 'admin', '09162000') returning id""")
                .param("n", System.nanoTime()).param("d", java.sql.Date.valueOf(date)).query(Long.class).single();
        long town = jdbc.sql("""
                insert into area (election_day_id, hierarchy, level, official_key, name)
                values (:d, 'admin', 'MUNICIPALITY', '09162000', 'Teststadt') returning id""")
                .param("d", day).query(Long.class).single();
        long[] stations = new long[3];
        for (int s = 0; s < 3; s++) {
            stations[s] = jdbc.sql("""
                    insert into polling_station (election_day_id, area_id, station_key, name, street, postal_code, city, step_free)
                    values (:d, :a, :k, :n, :s, '80331', 'Teststadt', :f) returning id""")
                    .param("d", day).param("a", town).param("k", "S" + s).param("n", "Schule " + (char) ('A' + s))
                    .param("s", "Schulweg " + (s + 1)).param("f", s != 1).query(Long.class).single();
        }
        for (int u = 1; u <= 4; u++) {
            long unit = jdbc.sql("""
                    insert into reporting_unit (election_day_id, kind, official_key, name, polling_station_id)
                    values (:d, 'POLLING', :k, :n, :s) returning id""")
                    .param("d", day).param("k", "%04d".formatted(u)).param("n", "Bezirk " + u)
                    .param("s", stations[Math.min(u - 1, 2)]).query(Long.class).single();
            jdbc.sql("insert into reporting_unit_area (unit_id, hierarchy, area_id) values (:u, 'admin', :a)")
                    .param("u", unit).param("a", town).update();
        }
        long election = jdbc.sql("""
                insert into election (election_day_id, kind, name) values (:d, 'BUNDESTAG', 'Bundestagswahl') returning id""")
                .param("d", day).query(Long.class).single();
        return new TestCity(day, election, date);
    }

    /** One register line; birth date and moved-in date as given. */
    static String resident(String id, String family, String given, LocalDate birth, String nationality, String street,
            String house, LocalDate movedIn) {
        return String.join(";", id, family, given, birth.toString(), nationality, street, house, "80331", "Teststadt",
                movedIn.toString(), "N", "H", "N");
    }

    void importAndBuild(HttpSession admin, List<String> residentLines) {
        importAndBuild(admin, STREETS, HEADER + "\n" + String.join("\n", residentLines) + "\n");
    }

    void importAndBuild(HttpSession admin, String streets, String residents) {
        assertThat(csv(admin, "/api/register/days/" + dayId + "/streets?file=sv.csv", streets).statusCode())
                .isEqualTo(201);
        var imported = csv(admin, "/api/register/days/" + dayId + "/residents?file=mr.csv", residents);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        var built = admin.json("POST", "/api/register/elections/" + electionId + "/build", "{}");
        assertThat(built.statusCode()).as(built.body()).isEqualTo(200);
    }

    static HttpResponse<String> csv(HttpSession s, String path, String body) {
        return s.send(HttpRequest.newBuilder(URI.create(s.base() + path)).header("Content-Type", "text/csv")
                .header("Accept", "application/json").header("X-CSRF-TOKEN", s.csrf())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
