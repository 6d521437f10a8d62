package de.wahlwerk.server.setup;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.security.TestAccounts;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import de.wahlwerk.server.support.Multipart;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Area outlines for the public maps: a valid GeoJSON file is stored and audited; a broken one is
 * rejected with German messages naming the feature and what is wrong, and stores nothing, by API
 * and by the upload page alike.
 */
class AreaGeometryIT extends IntegrationTest {

    private static final String SQUARE = "[[[9.0,50.0],[9.1,50.0],[9.1,50.1],[9.0,50.1],[9.0,50.0]]]";

    @Test
    void validFileIsStoredAndAuditedBrokenOnesStoreNothing() {
        String n = Long.toString(System.nanoTime());
        long day = jdbc.sql("""
                insert into election_day (name, election_date, polls_close, scope_hierarchy, scope_key)
                values ('Kartentag ' || :n, date '2030-01-01', time '18:00', 'admin', '09999001') returning id""")
                .param("n", n).query(Long.class).single();
        long town = jdbc.sql("insert into area (election_day_id, hierarchy, level, official_key, name) "
                + "values (:d, 'admin', 'MUNICIPALITY', '09999001', 'Kartenstadt') returning id").param("d", day)
                .query(Long.class).single();
        jdbc.sql("insert into area (election_day_id, hierarchy, level, official_key, name, parent_id) "
                + "values (:d, 'admin', 'CITY_DISTRICT', '09999001-1', 'Mitte', :p)").param("d", day).param("p", town).update();
        HttpSession admin = session();
        var a = accounts.create(Role.ADMIN, null, null);
        admin.login(a.username(), TestAccounts.PASSWORD, a.code());
        admin.get("/admin");

        String valid = "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("09999001", "Polygon", SQUARE) + "," + feature("09999001-1", "MultiPolygon", "[" + SQUARE + "]") + "]}";
        var ok = admin.json("PUT", "/api/setup/days/" + day + "/geometry", valid);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("\"areas\":2");
        assertThat(stored(day)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'upload-geometry' and entity_id = :d")
                .param("d", Long.toString(day)).query(Long.class).single()).isEqualTo(1);

        String broken = "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("09999001", "Polygon", SQUARE) + "," + feature("0815", "Polygon", SQUARE) + ","
                + feature("09999001-1", "Point", "[9.0,50.0]") + ","
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}]}";
        var bad = admin.json("PUT", "/api/setup/days/" + day + "/geometry", broken);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Gebiet Nr. 2: Den Schlüssel „0815“ gibt es in der Gliederung „admin“")
                .contains("Gebiet Nr. 3: Die Geometrie muss Polygon oder MultiPolygon sein, nicht „Point“")
                .contains("Gebiet Nr. 4: Die Eigenschaft „key“").contains("features[1].properties.key");
        var unclosed = admin.json("PUT", "/api/setup/days/" + day + "/geometry", "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("09999001", "Polygon", "[[[9.0,50.0],[9.1,50.0],[9.1,50.1],[9.0,50.2]]]") + "]}");
        assertThat(unclosed.body()).contains("Ring 1 hat weniger als vier Punkte oder ist nicht geschlossen");
        var outOfRange = admin.json("PUT", "/api/setup/days/" + day + "/geometry", "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("09999001", "Polygon", "[[[9.0,50.0],[200,50.0],[9.1,50.1],[9.0,50.0]]]") + "]}");
        assertThat(outOfRange.body()).contains("Ungültige Koordinate bei Ring/Punkt [1][2]");
        var notJson = admin.json("PUT", "/api/setup/days/" + day + "/geometry", "{\"type\":");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("kein gültiges JSON");
        assertThat(admin.json("PUT", "/api/setup/days/" + day + "/geometry", "{\"type\":\"Feature\"}").body())
                .contains("FeatureCollection");
        assertThat(stored(day)).as("nothing half-saved").isEqualTo(2);

        // The upload page shows the same problems in German, nothing stored.
        var page = admin.send(Multipart.upload(admin.base() + "/admin/setup/days/" + day + "/geometry", admin.csrf(), Map.of(),
                "file", "karte.geojson", broken.getBytes(StandardCharsets.UTF_8), false));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Datei abgelehnt, nichts gespeichert: 3 Problem(e).")
                .contains("Gebiet Nr. 2: Den Schlüssel „0815“");
        var good = admin.send(Multipart.upload(admin.base() + "/admin/setup/days/" + day + "/geometry", admin.csrf(), Map.of(),
                "file", "karte.geojson", valid.getBytes(StandardCharsets.UTF_8), false));
        assertThat(good.body()).contains("Gespeichert: Umrisse für 2 Gebiete.");
        assertThat(stored(day)).isEqualTo(2);
    }

    private long stored(long day) {
        return jdbc.sql("select count(*) from area_geometry g join area a on a.id = g.area_id where a.election_day_id = :d")
                .param("d", day).query(Long.class).single();
    }

    private static String feature(String key, String type, String coordinates) {
        return "{\"type\":\"Feature\",\"properties\":{\"key\":\"" + key + "\"},\"geometry\":{\"type\":\"" + type
                + "\",\"coordinates\":" + coordinates + "}}";
    }
}
