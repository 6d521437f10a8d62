package de.wahlwerk.server.results;

import static de.wahlwerk.server.support.Responses.id;
import static de.wahlwerk.server.support.Responses.ok;
import static de.wahlwerk.server.support.Responses.reportId;
import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.Fixtures;
import de.wahlwerk.core.formats.ResultFile;
import de.wahlwerk.core.formats.ResultRow;
import de.wahlwerk.core.formats.VotemanagerCsvReader;
import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.Hierarchy;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.core.tally.AreaSnapshot;
import de.wahlwerk.server.publish.NistChecks;
import de.wahlwerk.server.publish.OpenDataRoundTrip;
import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import de.wahlwerk.server.support.Multipart;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Göttingen, Bundestag 2025, entered district by district as quick reports through the real
 * server (setup API, entry API with the two-person rule) reproduces the published city totals
 * exactly; a partly reported city shows a projection and the history of the shares.
 */
class GoettingenLiveIT extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(GoettingenLiveIT.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String AGS = "03159016";
    /** Ballot order of Wahlkreis 53 in 2025 (SOURCE.md). */
    static final List<String> PARTIES_2025 = List.of("SPD", "CDU", "GRÜNE", "FDP", "AfD", "Die Linke",
            "Tierschutzpartei", "dieBasis", "Die PARTEI", "FREIE WÄHLER", "PIRATEN", "Volt", "PdH", "MLPD",
            "BÜNDNIS DEUTSCHLAND", "BSW");
    /** 2021 (SOURCE.md); DIE LINKE under tonight's key so that the party is compared with itself. */
    static final String PARTIES_2021 = "CDU, SPD, FDP, AfD, GRÜNE, Die Linke, Die PARTEI, Tierschutzpartei, FREIE WÄHLER, "
            + "PIRATEN, NPD, V-Partei³, ÖDP, MLPD, DKP, dieBasis, du., LKR, Die Humanisten, Team Todenhöfer, Volt";

    @Autowired
    LiveTallies tallies;

    HttpSession admin;
    HttpSession clerk;
    HttpSession approver;

    @BeforeEach
    void signIn() {
        admin = login(Role.ADMIN);
        clerk = login(Role.CLERK);
        approver = login(Role.APPROVER);
    }

    record City(long day, long election, Map<String, Long> units, ResultFile file) {}

    @Test
    void everyDistrictEnteredAsReportReproducesThePublishedCityTotals() throws Exception {
        long started = System.nanoTime();
        City city = setUp("Göttingen vollständig");
        long setUpDone = System.nanoTime();
        for (ResultRow row : city.file().rows()) {
            report(city, row);
        }
        long reported = System.nanoTime();
        AreaSnapshot total = caughtUp(city.election(), city.file().rows().size());
        log.info("Göttingen: setup {} ms, {} reports entered and approved over HTTP in {} ms",
                (setUpDone - started) / 1_000_000, city.file().rows().size(), (reported - setUpDone) / 1_000_000);

        // Published figures (SOURCE.md) and the file's own sums, per field and per party.
        var all = total.all();
        assertThat(all.voters()).isEqualTo(70_227L);
        assertThat(all.invalid(VoteKind.FIRST)).isEqualTo(485L);
        assertThat(all.valid(VoteKind.FIRST)).isEqualTo(69_742L);
        assertThat(all.invalid(VoteKind.SECOND)).isEqualTo(288L);
        assertThat(all.valid(VoteKind.SECOND)).isEqualTo(69_939L);
        List<ResultRow> rows = city.file().rows();
        assertThat(all.eligible()).isEqualTo(sum(rows, c -> nz(c.eligible())));
        assertThat(all.eligibleNoCard()).isEqualTo(sum(rows, c -> nz(c.eligibleNoCard())));
        assertThat(all.eligibleWithCard()).isEqualTo(sum(rows, c -> nz(c.eligibleWithCard())));
        assertThat(all.eligibleAdded()).isEqualTo(sum(rows, c -> nz(c.eligibleAdded())));
        assertThat(all.votersWithCard()).isEqualTo(sum(rows, c -> nz(c.votersWithCard())));
        for (int p = 1; p <= PARTIES_2025.size(); p++) {
            int position = p;
            String party = PARTIES_2025.get(p - 1);
            for (VoteKind kind : List.of(VoteKind.FIRST, VoteKind.SECOND)) {
                long expected = sum(rows, c -> nz(c.votes(kind).votesFor(position)));
                long actual = all.votes(kind).getOrDefault(party, 0L);
                assertThat(actual).as(kind + " " + party).isEqualTo(expected);
            }
        }
        assertThat(total.complete()).isTrue();

        // The JSON says the same, exactly; a complete area has no projection.
        HttpResponse<String> r = approver.json("GET", "/api/results/elections/" + city.election() + "/areas/admin/" + AGS, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode j = JSON.readTree(r.body());
        assertThat(j.get("complete").asBoolean()).isTrue();
        assertThat(j.get("parts").get("ALL").get("voters").asLong()).isEqualTo(70_227L);
        assertThat(j.get("parts").get("ALL").get("voteKinds").get("SECOND").get("valid").asLong()).isEqualTo(69_939L);
        long spd = all.votes(VoteKind.SECOND, "SPD");
        JsonNode spdRow = row(j, "SECOND", "SPD");
        assertThat(spdRow.get("votes").asLong()).isEqualTo(spd);
        assertThat(spdRow.get("share").get("exact").asString())
                .isEqualTo(de.wahlwerk.core.arith.Rational.of(spd, 69_939).toString());
        assertThat(spdRow.get("share").get("percent").asString()).matches("\\d+\\.\\d\\d");
        assertThat(j.get("projection").isNull()).isTrue();

        String page = approver.get("/admin/results/elections/" + city.election() + "/areas/admin/" + AGS).body();
        assertThat(page).contains("70.227").doesNotContain("id=\"projection\"");

        // Round trip of the open data: the public votemanager file equals the published one in every cell.
        OpenDataRoundTrip.assertPublicFileEqualsPublished(admin.base(), city.election(), "admin", AGS,
                Fixtures.file("goettingen-btw-wahlbezirke/Open-Data-03159016-Bundestagswahl-Wahlbezirk.csv"), rows.size());
        // The same numbers in the NIST SP 1500-100 report, valid against NIST's schema: city and district 101.
        // Election-wide files follow the area files after a short spacing (OpenDataFiles): wait for them.
        JsonNode nist = NistChecks.fetchValid(admin.base(), city.election());
        for (long until = System.currentTimeMillis() + 15_000; !"unofficial-complete".equals(nist.get("Status").asString())
                && System.currentTimeMillis() < until; ) {
            Thread.sleep(100);
            nist = NistChecks.fetchValid(admin.base(), city.election());
        }
        assertThat(NistChecks.votes(nist, "Zweitstimmen", "SPD", "area-admin-" + AGS)).isEqualTo(spd);
        assertThat(NistChecks.votes(nist, "Zweitstimmen", "SPD", "unit-101"))
                .isEqualTo(rows.getFirst().counts().votes(VoteKind.SECOND).votesFor(1));
        assertThat(nist.get("Status").asString()).isEqualTo("unofficial-complete");
    }

    @Test
    void aPartlyReportedCityShowsAProjectionAndTheHistoryOfTheShares() throws Exception {
        City city = setUp("Göttingen teilweise");
        // The previous election (2021, district keys match) and an older file of another town,
        // where Göttingen does not exist: "not comparable".
        byte[] y2021 = Files.readAllBytes(Fixtures.file("goettingen-btw-wahlbezirke/Open-Data-Bundestagswahl2496.csv"));
        // Another test imports the file unlinked and a file can be stored once: change a name only.
        String text2021 = new String(y2021, StandardCharsets.UTF_8).replace("101 Lohberg (1)", "101 Lohberg (1) – Vergleich");
        upload(text2021.getBytes(StandardCharsets.UTF_8), "BTW 2021 Göttingen", city.election(), PARTIES_2021);
        String header = text2021.substring(0, text2021.indexOf('\n') + 1);
        String other = header + "24.09.2017;Wahl zum Deutschen Bundestag;03159999;901;901 Anderswo;1;1;100;0;0;100;50;0;0;50;0;50;"
                + "30;20;20;30" + ";0;0".repeat(19) + "\n";
        upload(other.getBytes(StandardCharsets.UTF_8), "BTW 2017 Anderswo " + System.nanoTime(), city.election(), PARTIES_2021);

        // Every third district (polling and postal) reports.
        List<ResultRow> rows = city.file().rows();
        int count = 0;
        for (int i = 0; i < rows.size(); i += 3) {
            report(city, rows.get(i));
            count++;
        }
        AreaSnapshot partial = caughtUp(city.election(), count);
        assertThat(partial.complete()).isFalse();

        HttpResponse<String> r = approver.json("GET", "/api/results/elections/" + city.election() + "/areas/admin/" + AGS, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode j = JSON.readTree(r.body());
        JsonNode projection = j.get("projection");
        assertThat(projection.isNull()).as("a projection while incomplete").isFalse();
        assertThat(projection.get("unitsReported").asInt()).isEqualTo(count);
        assertThat(projection.get("unitsExpected").asInt()).isEqualTo(rows.size());
        JsonNode spd = null;
        for (JsonNode s : projection.get("shares")) {
            if (s.get("group").asString().equals("SPD")) {
                spd = s;
            }
        }
        assertThat(spd).isNotNull();
        double projected = Double.parseDouble(spd.get("projected").get("percent").asString());
        double low = Double.parseDouble(spd.get("projected").get("low").asString());
        double high = Double.parseDouble(spd.get("projected").get("high").asString());
        assertThat(low).isLessThanOrEqualTo(projected).isGreaterThan(0);
        assertThat(high).isGreaterThanOrEqualTo(projected).isLessThan(100);
        assertThat(spd.get("counted").get("exact").asString()).isEqualTo(
                de.wahlwerk.core.arith.Rational.of(partial.all().votes(VoteKind.SECOND, "SPD"),
                        partial.all().valid(VoteKind.SECOND)).toString());
        assertThat(projection.get("turnout").get("exact").asString()).contains("/");
        log.info("Göttingen, {} of {} districts: SPD counted {} %, projected {} % [{}, {}], turnout projected {} % [{}, {}]",
                count, rows.size(), spd.get("counted").get("percent").asString(), projected, low, high,
                projection.get("turnout").get("percent").asString(),
                projection.get("turnout").path("low").asString(""), projection.get("turnout").path("high").asString(""));

        JsonNode history = j.get("history");
        assertThat(history.get("elections")).hasSize(2);
        assertThat(history.get("elections").get(0).get("comparable").asBoolean()).as("2017: another town").isFalse();
        assertThat(history.get("elections").get(1).get("comparable").asBoolean()).isTrue();
        assertThat(history.get("elections").get(1).get("date").asString()).isEqualTo("2021-09-26");
        // 2021 share of the SPD (column 2) from the file itself.
        ResultFile f2021 = new VotemanagerCsvReader().read(new java.io.ByteArrayInputStream(y2021), "2021.csv");
        long spd2021 = sum(f2021.rows(), c -> nz(c.votes(VoteKind.SECOND).votesFor(2)));
        long valid2021 = sum(f2021.rows(), c -> nz(c.votes(VoteKind.SECOND).valid()));
        JsonNode spdHistory = null;
        for (JsonNode h : history.get("rows")) {
            if (h.get("group").asString().equals("SPD")) {
                spdHistory = h;
            }
        }
        assertThat(spdHistory).isNotNull();
        assertThat(spdHistory.get("shares").get(0).isNull()).isTrue();
        assertThat(spdHistory.get("shares").get(1).get("exact").asString())
                .isEqualTo(de.wahlwerk.core.arith.Rational.of(spd2021, valid2021).toString());

        String page = approver.get("/admin/results/elections/" + city.election() + "/areas/admin/" + AGS).body();
        assertThat(page).contains("id=\"projection\"", "Hochrechnung (Zweitstimme): " + count + " von " + rows.size(),
                "id=\"history\"", "nicht vergleichbar", "BTW 2021 Göttingen");
        assertThat(page).containsPattern("\\d+,\\d % bis \\d+,\\d %");
    }

    // ------------------------------------------------------------------ set-up and entry

    private City setUp(String name) throws Exception {
        ResultFile file = new VotemanagerCsvReader().read(
                Fixtures.file("goettingen-btw-wahlbezirke/Open-Data-03159016-Bundestagswahl-Wahlbezirk.csv"));
        admin.get("/admin");
        long day = id(ok(admin.json("POST", "/api/setup/days", """
                {"name":"%s %d","date":"2025-02-23","pollsClose":"18:00","scopeHierarchy":"admin","scopeKey":"%s"}"""
                .formatted(name, System.nanoTime(), AGS))));
        ok(admin.json("POST", "/api/setup/days/" + day + "/areas",
                "{\"hierarchy\":\"admin\",\"level\":\"MUNICIPALITY\",\"officialKey\":\"" + AGS + "\",\"name\":\"Göttingen\"}"));
        long election = id(ok(admin.json("POST", "/api/setup/days/" + day + "/elections",
                "{\"kind\":\"BUNDESTAG\",\"name\":\"Bundestagswahl 2025 Göttingen\",\"seats\":630,\"hierarchy\":\"admin\"}")));
        TreeSet<Integer> firstPositions = new TreeSet<>();
        for (ResultRow row : file.rows()) {
            row.counts().votes(VoteKind.FIRST).perNomination().forEach((p, v) -> {
                if (v != null) {
                    firstPositions.add(p);
                }
            });
        }
        for (int p = 1; p <= PARTIES_2025.size(); p++) {
            String party = PARTIES_2025.get(p - 1);
            ok(admin.json("POST", "/api/setup/elections/" + election + "/nominations", nomination("SECOND", p, party)));
            if (firstPositions.contains(p)) {
                ok(admin.json("POST", "/api/setup/elections/" + election + "/nominations", nomination("FIRST", p, party)));
            }
        }
        // One room for all districts: where they vote does not matter here.
        ok(admin.json("POST", "/api/setup/days/" + day + "/stations", """
                {"stationKey":"R1","name":"Neues Rathaus","street":"Hiroshimaplatz 1","postalCode":"37083",
                 "city":"Göttingen","stepFree":true,"areaKey":"%s","areaHierarchy":"admin"}""".formatted(AGS)));
        Map<String, Long> units = new LinkedHashMap<>();
        for (ResultRow row : file.rows()) {
            Map<String, Object> unit = new LinkedHashMap<>(Map.of("kind", row.postal() ? "POSTAL" : "POLLING",
                    "officialKey", row.unitKey(), "name", row.name(), "areas", Map.of("admin", AGS)));
            if (!row.postal()) {
                unit.put("pollingStationKey", "R1");
            }
            String body = JSON.writeValueAsString(unit);
            units.put(row.unitKey(), id(ok(admin.json("POST", "/api/setup/days/" + day + "/units", body))));
        }
        return new City(day, election, units, file);
    }

    private static String nomination(String kind, int position, String party) {
        return """
                {"voteKind":"%s","ballotPosition":%d,"shortName":"%s","name":"%s","groupKind":"PARTY"}"""
                .formatted(kind, position, party, party);
    }

    /** Enters the row as a report (giving a reason for each warning the server names) and approves it. */
    private void report(City city, ResultRow row) throws Exception {
        Map<String, String> values = values(row);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitId", city.units().get(row.unitKey()));
        body.put("values", values);
        String path = "/api/entry/elections/" + city.election() + "/reports";
        HttpResponse<String> r = clerk.json("POST", path, JSON.writeValueAsString(body));
        if (r.statusCode() == 400 && r.body().contains("\"field\":\"warning.")) {
            Matcher codes = Pattern.compile("\"field\":\"warning\\.([A-Z]\\d+)\"").matcher(r.body());
            Map<String, String> reasons = new LinkedHashMap<>();
            while (codes.find()) {
                reasons.put(codes.group(1), "Veröffentlichtes Ergebnis der Stadt Göttingen");
            }
            body.put("warningReasons", reasons);
            r = clerk.json("POST", path, JSON.writeValueAsString(body));
        }
        assertThat(r.statusCode()).as(row.unitKey() + " " + r.body()).isEqualTo(201);
        HttpResponse<String> a = approver.json("POST", "/api/entry/reports/" + reportId(r.body()) + "/approve", null);
        assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
    }

    static Map<String, String> values(ResultRow row) {
        Counts c = row.counts();
        Map<String, String> v = new LinkedHashMap<>();
        if (!row.postal()) {
            v.put("A1", s(c.eligibleNoCard()));
            v.put("A2", s(c.eligibleWithCard()));
            v.put("A3", s(c.eligibleAdded()));
            v.put("A", s(c.eligible()));
        }
        v.put("B", s(c.voters()));
        v.put("B1", s(c.votersWithCard()));
        VoteCounts first = c.votes(VoteKind.FIRST);
        VoteCounts second = c.votes(VoteKind.SECOND);
        v.put("C", s(first.invalid()));
        v.put("D", s(first.valid()));
        v.put("E", s(second.invalid()));
        v.put("F", s(second.valid()));
        first.perNomination().forEach((p, n) -> {
            if (n != null) {
                v.put("D" + p, s(n));
            }
        });
        for (int p = 1; p <= PARTIES_2025.size(); p++) {
            v.put("F" + p, s(second.votesFor(p)));
        }
        return v;
    }

    private AreaSnapshot caughtUp(long election, long units) throws InterruptedException {
        AreaRef city = new AreaRef(new Hierarchy("admin"), AGS);
        long deadline = System.currentTimeMillis() + 10_000;
        AreaSnapshot s = tallies.tally(election).snapshot(city);
        while (s.unitsReported() < units && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            tallies.catchUp();
            s = tallies.tally(election).snapshot(city);
        }
        assertThat(s.unitsReported()).isEqualTo(units);
        return s;
    }

    private void upload(byte[] content, String label, long election, String parties) {
        admin.get("/admin");
        HttpResponse<String> r = admin.send(Multipart.upload(admin.base() + "/api/setup/results", admin.csrf(),
                Map.of("format", "VOTEMANAGER", "label", label, "electionId", Long.toString(election), "partyNames", parties),
                "file", label + ".csv", content, true));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private static JsonNode row(JsonNode area, String kind, String group) {
        for (JsonNode r : area.get("rows")) {
            if (r.get("voteKind").asString().equals(kind) && r.get("group").asString().equals(group)) {
                return r;
            }
        }
        throw new AssertionError(kind + " " + group);
    }

    private static long sum(List<ResultRow> rows, ToLongFunction<Counts> f) {
        return rows.stream().mapToLong(r -> f.applyAsLong(r.counts())).sum();
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }

    private static String s(Long v) {
        return v == null ? "0" : Long.toString(v);
    }

    private HttpSession login(Role role) {
        HttpSession s = signedIn(accounts, role, null, null);
        s.get("/admin");
        return s;
    }
}
