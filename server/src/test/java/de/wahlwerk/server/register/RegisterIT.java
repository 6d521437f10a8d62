package de.wahlwerk.server.register;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.formats.ResidentRegisterReader;
import de.wahlwerk.core.formats.StreetIndexReader;
import de.wahlwerk.core.model.ElectionKind;
import de.wahlwerk.core.register.Assignment;
import de.wahlwerk.core.register.Eligibility;
import de.wahlwerk.core.register.EligibilityRules;
import de.wahlwerk.core.register.State;
import de.wahlwerk.core.register.StreetIndex;
import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.setup.DemoElection;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import de.wahlwerk.server.support.Multipart;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The roll of the demo day (Musterstadt, Bavaria, Bundestag 23.2.2025) from a generated register:
 * import all-or-nothing, build, counts equal a recomputation with the core rules, unassigned list,
 * changes with reason and audit, and who may see what.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegisterIT extends IntegrationTest {

    static final LocalDate DAY = LocalDate.of(2025, 2, 23);
    static final List<String> UNITS = List.of("0101", "0102", "0103", "0201", "0202", "0301");

    final JsonMapper json = JsonMapper.builder().build();

    static String streets() {
        StringBuilder sb = new StringBuilder("strasse;plz;von;bis;seite;wahlbezirk\n");
        for (int s = 0; s < 12; s++) {
            String name = "Teststraße " + s;
            String a = UNITS.get(s % UNITS.size());
            String b = UNITS.get((s + 1) % UNITS.size());
            switch (s % 4) {
                case 0 -> sb.append(name).append(";;;;A;").append(a).append('\n');
                case 1 -> sb.append(name).append(";;1;20;;").append(a).append('\n')
                        .append(name).append(";;21;;;").append(b).append('\n');
                case 2 -> sb.append(name).append(";;;;U;").append(a).append('\n')
                        .append(name).append(";;;;G;").append(b).append('\n');
                default -> sb.append(name).append(";;1;30;;").append(a).append('\n')
                        .append(name).append(";;25;40;;").append(b).append('\n');
            }
        }
        return sb.toString();
    }

    static String residents(int n) {
        Random random = new Random(99);
        StringBuilder sb = new StringBuilder("melderegister_id;familienname;vornamen;geburtsdatum;staatsangehoerigkeiten;"
                + "strasse;hausnummer;plz;ort;zuzug;zuzug_aus_ausland;wohnungsstatus;wahlrechtsausschluss\n");
        String[] nats = {"DE", "DE", "DE", "DE", "DE", "DE,TR", "PL", "TR"};
        for (int i = 0; i < n; i++) {
            String street = random.nextInt(30) == 0 ? "Unbekannter Weg" : "Teststraße " + random.nextInt(12);
            LocalDate birth = DAY.minusDays(random.nextInt(90 * 365));
            LocalDate moved = random.nextInt(15) == 0 ? DAY.minusDays(random.nextInt(120)) : DAY.minusYears(2);
            sb.append("R").append(i).append(';').append("Familie").append(i % 50).append(';').append("Vorname").append(i)
                    .append(';').append(birth).append(';').append(nats[random.nextInt(nats.length)]).append(';')
                    .append(street).append(';').append(1 + random.nextInt(50)).append(random.nextInt(6) == 0 ? "a" : "")
                    .append(";99999;Musterstadt;").append(moved).append(';').append(random.nextInt(5) == 0 ? "J" : "N")
                    .append(';').append(random.nextInt(30) == 0 ? "N" : "H").append(';')
                    .append(random.nextInt(200) == 0 ? "J" : "N").append('\n');
        }
        return sb.toString();
    }

    long dayId() {
        return jdbc.sql("select id from election_day where name = :n").param("n", DemoElection.DAY_NAME)
                .query(Long.class).single();
    }

    long electionId() {
        return jdbc.sql("select id from election where election_day_id = :d").param("d", dayId()).query(Long.class).single();
    }

    long unitId(String key) {
        return jdbc.sql("select id from reporting_unit where election_day_id = :d and official_key = :k")
                .param("d", dayId()).param("k", key).query(Long.class).single();
    }

    HttpSession login(Role role, String hierarchy, String key) {
        HttpSession s = signedIn(accounts, role, hierarchy, key);
        s.get("/admin");
        return s;
    }

    HttpResponse<String> csv(HttpSession s, String path, String body) {
        return s.send(HttpRequest.newBuilder(URI.create(s.base() + path)).header("Content-Type", "text/csv")
                .header("Accept", "application/json").header("X-CSRF-TOKEN", s.csrf())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    long count(String sql) {
        return jdbc.sql(sql).param("d", dayId()).query(Long.class).single();
    }

    long audit(String action) {
        return jdbc.sql("select count(*) from audit_log where action = :a").param("a", action).query(Long.class).single();
    }

    @Test
    @Order(1)
    void brokenFilesStoreNothing() {
        HttpSession admin = login(Role.ADMIN, null, null);
        String good = residents(300);
        String broken = good + "R9999;Kaputt;Max;1980-13-01;DE;Teststraße 1;1;99999;Musterstadt;2000-01-01;N;H;N\n";
        var r = csv(admin, "/api/register/days/" + dayId() + "/residents?file=mr.csv", broken);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"line\":302").contains("geburtsdatum").contains("invalid-partial-date");
        assertThat(count("select count(*) from register_resident where election_day_id = :d")).isZero();
        assertThat(count("select count(*) from register_file where election_day_id = :d")).isZero();
        var s = csv(admin, "/api/register/days/" + dayId() + "/streets", streets() + "Teststraße 99;;;;A;9999\n");
        assertThat(s.statusCode()).isEqualTo(400);
        assertThat(s.body()).contains("unknown-polling-unit");
        assertThat(count("select count(*) from street_rule where election_day_id = :d")).isZero();
        // The upload form shows the problems and stores nothing either.
        var page = admin.send(Multipart.upload(admin.base() + "/admin/register/days/" + dayId() + "/residents",
                admin.csrf(), Map.of(), "file", "mr.csv", broken.getBytes(StandardCharsets.UTF_8), false));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Zeile 302").contains("nichts gespeichert");
        assertThat(count("select count(*) from register_resident where election_day_id = :d")).isZero();
    }

    @Test
    @Order(2)
    void rollEqualsTheRecomputationAndPersonalDataIsAudited() throws Exception {
        HttpSession admin = login(Role.ADMIN, null, null);
        String register = residents(3000);
        assertThat(csv(admin, "/api/register/days/" + dayId() + "/streets?file=sv.csv", streets()).statusCode())
                .isEqualTo(201);
        var imported = csv(admin, "/api/register/days/" + dayId() + "/residents?file=mr.csv", register);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(json.readTree(imported.body()).get("rows").asLong()).isEqualTo(3000);

        var built = admin.json("POST", "/api/register/elections/" + electionId() + "/build", "{}");
        assertThat(built.statusCode()).as(built.body()).isEqualTo(200);
        JsonNode summary = json.readTree(built.body());
        assertThat(summary.get("state").asString()).isEqualTo("BY"); // from the AGS 09999001
        assertThat(summary.get("cutoff").asString()).isEqualTo("2025-01-12");

        // Recompute with the core rules straight from the files.
        Eligibility rules = new Eligibility(EligibilityRules.of(ElectionKind.BUNDESTAG, State.BY, DAY, DAY.minusDays(42)));
        StreetIndex index = new StreetIndex(StreetIndexReader.read(
                new ByteArrayInputStream(streets().getBytes(StandardCharsets.UTF_8)), "sv.csv"));
        Map<String, Long> expected = new TreeMap<>();
        long[] unassigned = {0};
        ResidentRegisterReader.read(new ByteArrayInputStream(register.getBytes(StandardCharsets.UTF_8)), "mr.csv", r -> {
            if (rules.decide(r).isEmpty()) {
                Assignment a = index.assign(r.street(), r.postalCode(), r.houseNumber());
                if (a.assigned()) {
                    expected.merge(a.unitKey(), 1L, Long::sum);
                } else {
                    unassigned[0]++;
                }
            }
        });
        var counts = admin.get("/api/register/elections/" + electionId() + "/counts");
        assertThat(counts.statusCode()).isEqualTo(200);
        Map<String, Long> actual = new TreeMap<>();
        Map<Long, String> keys = new HashMap<>();
        UNITS.forEach(k -> keys.put(unitId(k), k));
        for (JsonNode u : json.readTree(counts.body()).get("units")) {
            actual.put(keys.get(u.get("unitId").asLong()), u.get("a1").asLong());
            assertThat(u.get("a2").asLong()).isZero();
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(json.readTree(counts.body()).get("summary").get("unassigned").asLong()).isEqualTo(unassigned[0]);
        assertThat(unassigned[0]).isPositive();

        long reads = audit("read-roll");
        var roll = admin.get("/api/register/elections/" + electionId() + "/units/" + unitId("0101"));
        assertThat(roll.statusCode()).isEqualTo(200);
        assertThat(json.readTree(roll.body()).size()).isEqualTo(expected.get("0101").intValue());
        var list = admin.get("/api/register/elections/" + electionId() + "/unassigned");
        assertThat(json.readTree(list.body()).size()).isEqualTo((int) unassigned[0]);
        assertThat(list.body()).contains("UNKNOWN_STREET").contains("OVERLAPPING_RULES");
        var page = admin.get("/admin/register/elections/" + electionId() + "/units/" + unitId("0101"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Wählerverzeichnis");
        assertThat(admin.get("/admin/register/days/" + dayId()).body()).contains("A1").contains("0101");
        assertThat(admin.get("/admin/register/elections/" + electionId() + "/unassigned").statusCode()).isEqualTo(200);
        assertThat(audit("read-roll")).isEqualTo(reads + 4);
        assertThat(audit("build-roll")).isPositive();
        assertThat(audit("import-register")).isPositive();

        // A refusal can be explained: every reason of the person.
        var decision = admin.get("/api/register/elections/" + electionId() + "/residents/R0");
        assertThat(decision.statusCode()).isEqualTo(200);
        assertThat(decision.body()).contains("\"registerId\":\"R0\"");
    }

    @Test
    @Order(3)
    void changesAfterTheCutoffAreRecordedWithReasonAndAudited() throws Exception {
        HttpSession admin = login(Role.ADMIN, null, null);
        long election = electionId();
        String onRoll = jdbc.sql("""
                select r.register_id from roll_entry e join register_resident r on r.id = e.resident_id
                where e.election_id = :e and e.on_roll and e.unit_id = :u order by r.id limit 1""")
                .param("e", election).param("u", unitId("0101")).query(String.class).single();
        long before = audit("roll-change");
        var noReason = admin.json("POST", "/api/register/elections/" + election + "/changes",
                "{\"registerId\":\"" + onRoll + "\",\"kind\":\"MOVED_WITHIN\",\"unitKey\":\"0102\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        var moved = admin.json("POST", "/api/register/elections/" + election + "/changes",
                "{\"registerId\":\"" + onRoll + "\",\"kind\":\"MOVED_WITHIN\",\"unitKey\":\"0102\",\"reason\":\"Ummeldung vom 3.2.\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(201);
        var died = admin.json("POST", "/api/register/elections/" + election + "/changes",
                "{\"registerId\":\"" + onRoll + "\",\"kind\":\"DIED\",\"reason\":\"Sterbefallanzeige Standesamt\"}");
        assertThat(died.statusCode()).isEqualTo(201);
        var again = admin.json("POST", "/api/register/elections/" + election + "/changes",
                "{\"registerId\":\"" + onRoll + "\",\"kind\":\"MOVED_AWAY\",\"reason\":\"doppelt\"}");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(audit("roll-change")).isEqualTo(before + 2);
        String after = jdbc.sql("select after_json from audit_log where action = 'roll-change' order by id desc limit 1")
                .query(String.class).single();
        assertThat(after).contains("DIED").contains("Sterbefallanzeige");
        var changes = admin.get("/api/register/elections/" + election + "/changes");
        assertThat(changes.body()).contains("MOVED_WITHIN").contains("Ummeldung vom 3.2.");
        // With changes recorded, the roll is never silently rebuilt or replaced.
        var rebuild = admin.json("POST", "/api/register/elections/" + election + "/build", "{}");
        assertThat(rebuild.statusCode()).isEqualTo(400);
        var reimport = csv(admin, "/api/register/days/" + dayId() + "/residents", residents(10));
        assertThat(reimport.statusCode()).isEqualTo(400);
        // The UI form records a change too.
        String other = jdbc.sql("""
                select r.register_id from roll_entry e join register_resident r on r.id = e.resident_id
                where e.election_id = :e and not e.on_roll and e.eligible and e.unit_id is null order by r.id limit 1""")
                .param("e", election).query(String.class).single();
        var form = admin.post("/admin/register/elections/" + election + "/changes",
                Map.of("registerId", other, "kind", "ADDED_BY_DECISION", "unitKey", "0201", "reason", "Entscheidung 7/2025"));
        assertThat(form.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/register/elections/" + election + "/changes").body()).contains("Entscheidung 7/2025");
    }

    @Test
    @Order(4)
    void clerksAndObserversSeeCountsOnlyAndScopedAdminsTheirDistricts() {
        long election = electionId();
        String roll = "/api/register/elections/" + election + "/units/" + unitId("0101");
        for (Role role : List.of(Role.CLERK, Role.APPROVER, Role.OBSERVER)) {
            HttpSession s = login(role, null, null);
            assertThat(s.get("/api/register/elections/" + election + "/counts").statusCode()).isEqualTo(200);
            assertThat(s.get(roll).statusCode()).isEqualTo(403);
            assertThat(s.get("/api/register/elections/" + election + "/unassigned").statusCode()).isEqualTo(403);
            assertThat(s.get("/admin/register/elections/" + election + "/units/" + unitId("0101")).statusCode())
                    .isEqualTo(403);
            assertThat(s.get("/api/register/elections/" + election + "/residents/R0").statusCode()).isEqualTo(403);
            assertThat(csv(s, "/api/register/days/" + dayId() + "/streets", streets()).statusCode()).isEqualTo(403);
            String page = s.get("/admin/register/days/" + dayId()).body();
            assertThat(page).contains("A1").doesNotContain("Verzeichnis anzeigen");
        }
        HttpSession district1 = login(Role.ADMIN, "admin", DemoElection.AGS + "-1");
        assertThat(district1.get(roll).statusCode()).isEqualTo(200);
        assertThat(district1.get("/api/register/elections/" + election + "/units/" + unitId("0201")).statusCode())
                .isEqualTo(403);
        assertThat(district1.get("/api/register/elections/" + election + "/unassigned").statusCode()).isEqualTo(403);
        HttpSession otherTown = login(Role.ADMIN, "admin", "03159016");
        assertThat(otherTown.get(roll).statusCode()).isEqualTo(403);
        assertThat(otherTown.get("/api/register/elections/" + election + "/counts").statusCode()).isIn(403, 404);
        assertThat(session().get(roll).statusCode()).isEqualTo(401);
    }
}
