package de.wahlwerk.server.pollcards;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.formats.ResidentRegisterReader;
import de.wahlwerk.core.formats.StreetIndexReader;
import de.wahlwerk.core.model.ElectionKind;
import de.wahlwerk.core.register.Assignment;
import de.wahlwerk.core.register.Eligibility;
import de.wahlwerk.core.register.EligibilityRules;
import de.wahlwerk.core.register.Reason;
import de.wahlwerk.core.register.State;
import de.wahlwerk.core.register.StreetIndex;
import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generated city of 100,000 residents (override with {@code -Dwahlwerk.city.residents=N}) through
 * the real server: register import, roll (every district's count and every reason equal to the core
 * rules recomputed from the same files: age, citizenship, secondary residence, exclusion, house
 * number 12a in a suffix range and plain 12 without rule, ranges, odd/even sides, a street split by
 * postal code, unknown streets), roll changes after the cut-off, notice numbers for everyone, and
 * polling cards: three requests each for 300 persons approved concurrently give 300 cards, 300
 * marks and A2 = 300. Timings go to the console for docs/PERFORMANCE.md; with
 * {@code -Dwahlwerk.city.print=true} a second test prints the whole print file of such a city.
 */
class CityScaleIT extends IntegrationTest {

    static final int STREETS = 400;

    @Autowired
    PollCardStore store;

    @Autowired
    RequestThrottle throttle;

    final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void forgetThrottle() {
        throttle.clear();
    }

    static String street(int i) {
        return "Gasse " + i;
    }

    /** Five kinds of street, in turn: whole, split by range, odd/even, suffix range around 12, split by postal code. */
    static String streets() {
        StringBuilder sb = new StringBuilder("strasse;plz;von;bis;seite;wahlbezirk\n");
        for (int i = 0; i < STREETS; i++) {
            String a = "%04d".formatted(i % 4 + 1);
            String b = "%04d".formatted((i + 1) % 4 + 1);
            String c = "%04d".formatted((i + 2) % 4 + 1);
            String s = street(i);
            switch (i % 5) {
                case 0 -> sb.append(s).append(";;;;A;").append(a).append('\n');
                case 1 -> sb.append(s).append(";;1;49;;").append(a).append('\n').append(s).append(";;50;;;").append(b)
                        .append('\n');
                case 2 -> sb.append(s).append(";;;;U;").append(a).append('\n').append(s).append(";;;;G;").append(b)
                        .append('\n');
                case 3 -> sb.append(s).append(";;1;11;;").append(a).append('\n').append(s).append(";;12a;12z;;")
                        .append(b).append('\n').append(s).append(";;13;;;").append(c).append('\n');
                default -> sb.append(s).append(";80331;;;A;").append(a).append('\n').append(s).append(";80333;;;A;")
                        .append(b).append('\n');
            }
        }
        return sb.toString();
    }

    static String residents(int n, LocalDate day) {
        Random random = new Random(2026);
        StringBuilder sb = new StringBuilder(n * 110).append(TestCity.HEADER).append('\n');
        String[] nats = {"DE", "DE", "DE", "DE", "DE", "DE", "DE", "DE", "DE", "DE", "DE", "DE", "DE", "DE", "DE", "DE",
            "DE", "PL", "TR", "DE,TR"};
        for (int i = 0; i < n; i++) {
            int s = random.nextInt(STREETS);
            boolean unknown = random.nextInt(50) == 0;
            String house;
            if (s % 5 == 3 && random.nextInt(3) == 0) {
                house = "12" + new String[] {"", "a", "b", "c"}[random.nextInt(4)];
            } else {
                house = (1 + random.nextInt(80)) + (random.nextInt(8) == 0 ? "a" : "");
            }
            String postal = s % 5 == 4 && random.nextBoolean() ? "80333" : "80331";
            LocalDate birth = day.minusDays(random.nextInt(95 * 365));
            LocalDate moved = random.nextInt(20) == 0 ? day.minusDays(random.nextInt(60)) : day.minusYears(3);
            sb.append('C').append(i).append(';').append("Familie").append(i % 997).append(';').append("Vorname")
                    .append(i).append(';').append(birth).append(';').append(nats[random.nextInt(nats.length)])
                    .append(';').append(unknown ? "Unbekannter Weg" : street(s)).append(';').append(house).append(';')
                    .append(postal).append(";Teststadt;").append(moved).append(';')
                    .append(random.nextInt(10) == 0 ? "J" : "N").append(';').append(random.nextInt(40) == 0 ? "N" : "H")
                    .append(';').append(random.nextInt(500) == 0 ? "J" : "N").append('\n');
        }
        return sb.toString();
    }

    Map<String, Long> apiCounts(HttpSession admin, long election) throws Exception {
        JsonNode counts = json.readTree(admin.get("/api/register/elections/" + election + "/counts").body());
        Map<String, Long> m = new TreeMap<>();
        for (JsonNode u : counts.get("units")) {
            String key = jdbc.sql("select official_key from reporting_unit where id = :id")
                    .param("id", u.get("unitId").asLong()).query(String.class).single();
            m.put(key + "/A1", u.get("a1").asLong());
            m.put(key + "/A2", u.get("a2").asLong());
        }
        return m;
    }

    @Test
    void aGeneratedCityThroughImportRollChangesAndPollingCards() throws Exception {
        int n = Integer.getInteger("wahlwerk.city.residents", 100_000);
        HttpSession admin = signedIn(accounts, Role.ADMIN, null, null);
        TestCity city = TestCity.create(jdbc, 60);
        String streets = streets();
        String register = residents(n, city.date);

        long t0 = System.nanoTime();
        city.importAndBuild(admin, streets, register);
        long importAndBuild = (System.nanoTime() - t0) / 1_000_000;

        // Recompute with the core rules straight from the files.
        Eligibility rules = new Eligibility(EligibilityRules.of(ElectionKind.BUNDESTAG, State.BY, city.date,
                city.date.minusDays(42)));
        StreetIndex index = new StreetIndex(StreetIndexReader.read(
                new ByteArrayInputStream(streets.getBytes(StandardCharsets.UTF_8)), "sv.csv"));
        Map<String, Long> expected = new TreeMap<>();
        Map<Reason, Long> reasons = new EnumMap<>(Reason.class);
        Map<Assignment.Problem, Long> problems = new EnumMap<>(Assignment.Problem.class);
        ResidentRegisterReader.read(new ByteArrayInputStream(register.getBytes(StandardCharsets.UTF_8)), "mr.csv", r -> {
            var why = rules.decide(r);
            why.forEach(x -> reasons.merge(x, 1L, Long::sum));
            if (why.isEmpty()) {
                Assignment a = index.assign(r.street(), r.postalCode(), r.houseNumber());
                if (a.assigned()) {
                    expected.merge(a.unitKey() + "/A1", 1L, Long::sum);
                } else {
                    problems.merge(a.problem(), 1L, Long::sum);
                }
            }
        });
        for (String k : List.copyOf(expected.keySet())) {
            expected.put(k.replace("/A1", "/A2"), 0L);
        }
        assertThat(apiCounts(admin, city.electionId)).isEqualTo(expected);
        // Every kind of case occurred (so the comparison covered them).
        assertThat(reasons.keySet()).contains(Reason.TOO_YOUNG, Reason.NOT_GERMAN, Reason.SECONDARY_RESIDENCE,
                Reason.EXCLUDED);
        assertThat(problems.keySet()).contains(Assignment.Problem.UNKNOWN_STREET,
                Assignment.Problem.NO_RULE_FOR_NUMBER);
        Map<String, Long> dbReasons = new HashMap<>();
        jdbc.sql("select reasons from roll_entry where election_id = :e and reasons <> ''").param("e", city.electionId)
                .query(String.class).list()
                .forEach(rs -> List.of(rs.split(",")).forEach(x -> dbReasons.merge(x, 1L, Long::sum)));
        Map<String, Long> coreReasons = new HashMap<>();
        reasons.forEach((k, v) -> coreReasons.put(k.name(), v));
        assertThat(dbReasons).isEqualTo(coreReasons);
        // 12a lies in the suffix range, plain 12 has no rule.
        assertThat(jdbc.sql("""
                select count(*) from roll_entry e join register_resident r on r.id = e.resident_id
                where e.election_id = :e and e.eligible and r.house_number = 12 and r.house_suffix = 'a'
                  and r.street like 'Gasse %' and cast(substring(r.street from 7) as integer) % 5 = 3
                  and e.unit_id is null""").param("e", city.electionId).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from roll_entry e join register_resident r on r.id = e.resident_id
                where e.election_id = :e and e.eligible and r.house_number = 12 and r.house_suffix = ''
                  and r.street like 'Gasse %' and cast(substring(r.street from 7) as integer) % 5 = 3
                  and e.assignment = 'NO_RULE_FOR_NUMBER'""").param("e", city.electionId).query(Long.class).single())
                .isPositive();

        // Roll changes after the cut-off: 60 moves within the city and 40 deaths, each counted where it belongs.
        List<Object[]> sample = jdbc.sql("""
                select r.register_id, u.official_key from roll_entry e join register_resident r on r.id = e.resident_id
                join reporting_unit u on u.id = e.unit_id where e.election_id = :e and e.on_roll
                order by md5(r.register_id) limit 100""").param("e", city.electionId)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2)}).list();
        Map<String, Long> afterChanges = new TreeMap<>(expected);
        for (int i = 0; i < sample.size(); i++) {
            String id = (String) sample.get(i)[0];
            String from = (String) sample.get(i)[1];
            String body;
            if (i < 60) {
                String to = from.equals("0001") ? "0002" : "0001";
                body = "{\"registerId\":\"" + id + "\",\"kind\":\"MOVED_WITHIN\",\"unitKey\":\"" + to
                        + "\",\"reason\":\"Umzug\"}";
                afterChanges.merge(to + "/A1", 1L, Long::sum);
            } else {
                body = "{\"registerId\":\"" + id + "\",\"kind\":\"DIED\",\"reason\":\"Sterbefallanzeige\"}";
            }
            afterChanges.merge(from + "/A1", -1L, Long::sum);
            var r = admin.json("POST", "/api/register/elections/" + city.electionId + "/changes", body);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
        assertThat(apiCounts(admin, city.electionId)).isEqualTo(afterChanges);

        // Notice numbers for everyone on the roll, all distinct.
        long t1 = System.nanoTime();
        // (one person's notice gives every person on the roll a number first)
        var first = admin.getBytes("/admin/pollcards/elections/" + city.electionId + "/notices/" + sample.get(0)[0]
                + "/pdf");
        long numbering = (System.nanoTime() - t1) / 1_000_000;
        assertThat(first.statusCode()).isEqualTo(200);
        long onRoll = afterChanges.entrySet().stream().filter(e -> e.getKey().endsWith("/A1"))
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(jdbc.sql("select count(distinct number) from polling_notice where election_id = :e")
                .param("e", city.electionId).query(Long.class).single()).isEqualTo(onRoll);

        // 300 persons, three requests each, all 900 approved at once by 8 clerks: one card per person.
        List<Long> persons = jdbc.sql("""
                select e.resident_id from roll_entry e where e.election_id = :e and e.on_roll
                order by md5(e.resident_id::text) limit 300""").param("e", city.electionId).query(Long.class).list();
        List<Long> requests = new ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            for (long p : persons) {
                requests.add(store.insertRequest(city.electionId, PollCardService.randomCode(10), "FORM", null, "X",
                        "Y", LocalDate.of(1980, 1, 1), "Gasse 1", "1", "80331", "Teststadt", null, p));
            }
        }
        java.util.Collections.shuffle(requests, new Random(7));
        admin.get("/admin/pollcards/elections/" + city.electionId + "?status=ISSUED");
        long t2 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (long id : requests) {
                results.add(pool.submit(() -> admin.post("/admin/pollcards/elections/" + city.electionId
                        + "/requests/" + id + "/approve", Map.of()).statusCode()));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get()).isEqualTo(302);
            }
        } finally {
            pool.shutdown();
        }
        long approvals = (System.nanoTime() - t2) / 1_000_000;
        assertThat(store.requests(city.electionId, "ISSUED")).hasSize(300);
        assertThat(jdbc.sql("select count(*) from polling_card where election_id = :e").param("e", city.electionId)
                .query(Long.class).single()).isEqualTo(300);
        assertThat(jdbc.sql("""
                select count(*) from (select resident_id from polling_card where election_id = :e group by resident_id
                having count(*) > 1) x""").param("e", city.electionId).query(Long.class).single()).isZero();
        Map<String, Long> counts = apiCounts(admin, city.electionId);
        long a2 = counts.entrySet().stream().filter(e -> e.getKey().endsWith("/A2")).mapToLong(Map.Entry::getValue)
                .sum();
        long a1 = counts.entrySet().stream().filter(e -> e.getKey().endsWith("/A1")).mapToLong(Map.Entry::getValue)
                .sum();
        assertThat(a2).isEqualTo(300);
        assertThat(a1 + a2).isEqualTo(onRoll);

        System.out.printf("CityScaleIT: %,d residents; import + build %,d ms; notice numbers for %,d persons %,d ms;"
                + " 900 concurrent approvals (300 cards) %,d ms%n", n, importAndBuild, onRoll, numbering, approvals);
    }

    /** The print file of a whole generated city: rate and parts for docs/PERFORMANCE.md (on demand only). */
    @Test
    @EnabledIfSystemProperty(named = "wahlwerk.city.print", matches = "true")
    void printFileOfAGeneratedCity() throws Exception {
        int n = Integer.getInteger("wahlwerk.city.residents", 100_000);
        HttpSession admin = signedIn(accounts, Role.ADMIN, null, null);
        TestCity city = TestCity.create(jdbc, 60);
        city.importAndBuild(admin, streets(), residents(n, city.date));
        long onRoll = jdbc.sql("select count(*) from roll_entry where election_id = :e and on_roll")
                .param("e", city.electionId).query(Long.class).single();
        JsonNode status = null;
        long t3 = System.nanoTime();
        assertThat(admin.json("POST", "/api/pollcards/elections/" + city.electionId + "/print", null).statusCode())
                .isEqualTo(202);
        for (int i = 0; i < 36_000; i++) {
            status = json.readTree(admin.get("/api/pollcards/elections/" + city.electionId + "/print").body());
            if (!"RUNNING".equals(status.get("state").asString())) {
                break;
            }
            Thread.sleep(500);
        }
        long printing = (System.nanoTime() - t3) / 1_000_000;
        assertThat(status.get("state").asString()).isEqualTo("DONE");
        assertThat(status.get("done").asLong()).isEqualTo(onRoll);
        System.out.printf("CityScaleIT: print file %,d notices in %,d parts, %,d ms (%,d per second, %,d per CPU second"
                + " of the print thread); heap used now %,d MB%n", onRoll, status.get("parts").asLong(), printing,
                status.get("perSecond").asLong(), status.get("perCpuSecond").asLong(),
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }
}
