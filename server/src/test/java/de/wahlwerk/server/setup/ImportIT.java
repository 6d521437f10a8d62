package de.wahlwerk.server.setup;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.Fixtures;
import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.security.TestAccounts;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import de.wahlwerk.server.support.Multipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Imports through the real HTTP endpoints: published files from shared/data are stored and
 * reproduce their totals; broken files are rejected with file, line, column and nothing is stored.
 */
class ImportIT extends IntegrationTest {

    HttpSession admin;

    @BeforeEach
    void signIn() {
        var a = accounts.create(Role.ADMIN, null, null);
        admin = session();
        admin.login(a.username(), TestAccounts.PASSWORD, a.code());
    }

    @Test
    void kerg2025BuildsTheWholeBundestagElectionAndItsTotalsAddUp() throws IOException {
        Path file = Fixtures.file("btw2025-kerg2/kerg2.csv");
        byte[] content = Files.readAllBytes(file);
        // Other tests of this run may have imported the official file already (it can be imported once only).
        var existing = jdbc.sql("select election_id from result_source where sha256 = :s and format = 'kerg2'")
                .param("s", Imports.sha256(content)).query(Long.class).optional();
        if (existing.isEmpty()) {
            long daysBefore = count("election_day");
            var r = upload("/api/setup/results", Map.of("format", "KERG2"), "kerg2.csv", content);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            assertThat(count("election_day")).isEqualTo(daysBefore + 1);
        }
        long dayId = jdbc.sql("""
                select e.election_day_id from result_source s join election e on e.id = s.election_id
                where s.sha256 = :s and s.format = 'kerg2'""").param("s", Imports.sha256(content)).query(Long.class).single();
        long daysBefore = count("election_day");

        assertThat(areas(dayId, "FEDERATION")).isEqualTo(1);
        assertThat(areas(dayId, "STATE")).isEqualTo(16);
        assertThat(areas(dayId, "CONSTITUENCY")).isEqualTo(299);
        // Every constituency hangs below a state, every state below the federation.
        assertThat(jdbc.sql("""
                select count(*) from area c join area s on s.id = c.parent_id
                where c.election_day_id = :d and c.level = 'CONSTITUENCY' and s.level = 'STATE'""")
                .param("d", dayId).query(Long.class).single()).isEqualTo(299);

        long election = jdbc.sql("select id from election where election_day_id = :d").param("d", dayId).query(Long.class).single();
        // All parties on Landeslisten, and every constituency nomination including independents.
        assertThat(jdbc.sql("select count(distinct short_name) from nomination where election_id = :e and vote_kind = 'SECOND'")
                .param("e", election).query(Long.class).single()).isGreaterThanOrEqualTo(29);
        assertThat(jdbc.sql("select count(*) from nomination where election_id = :e and group_kind = 'INDEPENDENT'")
                .param("e", election).query(Long.class).single()).isGreaterThan(0);

        long source = jdbc.sql("select id from result_source where election_id = :e and format = 'kerg2'")
                .param("e", election).query(Long.class).single();
        // Published figures (SOURCE.md): Wahlberechtigte 60,510,631, Wählende 49,928,653.
        assertThat(sum(source, "FEDERATION", "eligible")).isEqualTo(60_510_631L);
        assertThat(sum(source, "FEDERATION", "voters")).isEqualTo(49_928_653L);
        for (String column : List.of("eligible", "voters")) {
            assertThat(sum(source, "CONSTITUENCY", column)).as(column).isEqualTo(sum(source, "FEDERATION", column));
            assertThat(sum(source, "STATE", column)).as(column).isEqualTo(sum(source, "FEDERATION", column));
        }
        // Per party and vote kind: the federal row equals the sum of its 299 constituencies.
        var mismatches = jdbc.sql("""
                select f.vote_kind, f.group_key, f.votes, coalesce(c.votes, 0) as constituencies
                from (select v.vote_kind, v.group_key, v.votes from result_vote v join result_record r on r.id = v.record_id
                      where r.source_id = :s and r.area_level = 'FEDERATION') f
                left join (select v.vote_kind, v.group_key, sum(v.votes) as votes from result_vote v
                      join result_record r on r.id = v.record_id
                      where r.source_id = :s and r.area_level = 'CONSTITUENCY' group by v.vote_kind, v.group_key) c
                  on c.vote_kind = f.vote_kind and c.group_key = f.group_key
                where f.group_key not like 'Einzelbewerber%' and f.votes <> coalesce(c.votes, 0)""")
                .param("s", source).query().listOfRows();
        assertThat(mismatches).isEmpty();
        assertThat(jdbc.sql("""
                select v.votes from result_vote v join result_record r on r.id = v.record_id
                where r.source_id = :s and r.area_level = 'FEDERATION' and v.vote_kind = 'SECOND' and v.group_key = 'SPD'""")
                .param("s", source).query(Long.class).single()).isPositive();

        // The same file again is refused and changes nothing.
        long sourcesBefore = count("result_source");
        var again = upload("/api/setup/results", Map.of("format", "KERG2"), "kerg2.csv", content);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("duplicate-source");
        assertThat(count("result_source")).isEqualTo(sourcesBefore);
        assertThat(count("election_day")).isEqualTo(daysBefore);
    }

    @Test
    void goettingenVotemanagerFilesImportWithTheirQuirks() throws IOException {
        byte[] y2025 = Files.readAllBytes(Fixtures.file("goettingen-btw-wahlbezirke/Open-Data-03159016-Bundestagswahl-Wahlbezirk.csv"));
        var r = upload("/api/setup/results", Map.of("format", "VOTEMANAGER", "label", "BTW 2025 Göttingen",
                "partyNames", "SPD, CDU, GRÜNE, FDP, AfD, Die Linke, Tierschutzpartei, dieBasis, Die PARTEI, FREIE WÄHLER, PIRATEN, Volt, PdH, MLPD, BÜNDNIS DEUTSCHLAND, BSW"),
                "Open-Data-03159016-Bundestagswahl-Wahlbezirk.csv", y2025);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        long source = jdbc.sql("select max(id) from result_source").query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from result_record where source_id = :s").param("s", source)
                .query(Long.class).single()).isEqualTo(139);
        assertThat(jdbc.sql("select count(*) from result_record where source_id = :s and postal").param("s", source)
                .query(Long.class).single()).isEqualTo(28);
        // Postal districts of 2025 have empty A fields: stored as "not reported", not as 0.
        assertThat(jdbc.sql("select count(*) from result_record where source_id = :s and postal and eligible is null")
                .param("s", source).query(Long.class).single()).isEqualTo(28);
        // City totals from SOURCE.md: B 70,227 = C 485 + D 69,742 = E 288 + F 69,939.
        assertThat(sum(source, "UNIT", "voters")).isEqualTo(70_227L);
        assertThat(voteTotal(source, "FIRST", "invalid")).isEqualTo(485L);
        assertThat(voteTotal(source, "FIRST", "valid")).isEqualTo(69_742L);
        assertThat(voteTotal(source, "SECOND", "invalid")).isEqualTo(288L);
        assertThat(voteTotal(source, "SECOND", "valid")).isEqualTo(69_939L);
        assertThat(jdbc.sql("""
                select sum(v.votes) from result_vote v join result_record r on r.id = v.record_id
                where r.source_id = :s and v.vote_kind = 'SECOND'""").param("s", source).query(Long.class).single())
                .isEqualTo(69_939L);
        assertThat(jdbc.sql("select count(distinct group_key) from result_vote v join result_record r on r.id = v.record_id where r.source_id = :s and v.group_key = 'BSW'")
                .param("s", source).query(Long.class).single()).isEqualTo(1);

        byte[] y2021 = Files.readAllBytes(Fixtures.file("goettingen-btw-wahlbezirke/Open-Data-Bundestagswahl2496.csv"));
        var r21 = upload("/admin/setup/results", Map.of("format", "VOTEMANAGER", "label", "BTW 2021 Göttingen"),
                "Open-Data-Bundestagswahl2496.csv", y2021);
        assertThat(r21.statusCode()).as("UI upload redirects on success").isEqualTo(302);
        long s21 = jdbc.sql("select max(id) from result_source").query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from result_record where source_id = :s").param("s", s21).query(Long.class).single())
                .isEqualTo(165);
        assertThat(sum(s21, "UNIT", "voters")).isEqualTo(64_536L);
    }

    @Test
    void brokenFilesAreRejectedPreciselyAndStoreNothing() throws IOException {
        record Case(String resource, String code, String line, String column) {}
        List<Case> cases = List.of(
                new Case("formats/broken/wrong-column-count.csv", "wrong-column-count", "\"line\":3", null),
                new Case("formats/broken/negative-number.csv", "negative-number", "\"line\":4", "\"column\":\"D1\""),
                new Case("formats/broken/not-a-number.csv", "not-a-number", "\"line\":3", "\"column\":\"B\""),
                new Case("formats/broken/duplicate-key.csv", "duplicate-key", "\"line\":4", "gebiet-nr"),
                new Case("formats/broken/latin1.csv", "encoding", "\"line\":", null),
                new Case("formats/broken/empty.csv", "empty-file", "\"line\":0", null),
                new Case("formats/broken/missing-column.csv", "missing-column", "\"line\":1", "\"column\":\"B1\""));
        long sources = count("result_source");
        long records = count("result_record");
        for (Case c : cases) {
            var r = upload("/api/setup/results", Map.of("format", "VOTEMANAGER"), c.resource().substring(15),
                    resource(c.resource()));
            assertThat(r.statusCode()).as(c.resource()).isEqualTo(400);
            assertThat(r.body()).as(c.resource()).contains("\"code\":\"" + c.code() + "\"").contains(c.line());
            if (c.column() != null) {
                assertThat(r.body()).as(c.resource()).contains(c.column());
            }
            assertThat(r.body()).as("German message").contains("Datei " + c.resource().substring(15));
        }
        var unknownArea = upload("/api/setup/results", Map.of("format", "KERG2"), "kerg2-unknown-area.csv",
                resource("formats/broken/kerg2-unknown-area.csv"));
        assertThat(unknownArea.statusCode()).isEqualTo(400);
        assertThat(count("result_source")).isEqualTo(sources);
        assertThat(count("result_record")).isEqualTo(records);

        // The UI shows the same problems on the page, in German.
        var ui = upload("/admin/setup/results", Map.of("format", "VOTEMANAGER"), "negative-number.csv",
                resource("formats/broken/negative-number.csv"));
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("nichts gespeichert").contains("Zeile 4").contains("negativ");
    }

    @Test
    void bundleImportsIntoADayAllOrNothing() throws IOException {
        admin.get("/admin/setup/days/new");
        var created = admin.post("/admin/setup/days", Map.of("name", "BTW Bündel " + System.nanoTime(),
                "date", "2025-02-23", "pollsClose", "18:00", "scopeHierarchy", "admin", "scopeKey", "03159016"));
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        long dayId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        // A bundle with an error in the last file stores nothing at all.
        byte[] broken = zip(Map.of("units.csv", text("formats/bundle-example/units.csv").replace(";053;", ";999;")));
        long areasBefore = count("area");
        var rejected = upload("/api/setup/days/" + dayId + "/bundle", Map.of(), "bundle.zip", broken);
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(400);
        assertThat(rejected.body()).contains("bundle.zip!units.csv").contains("999");
        assertThat(count("area")).isEqualTo(areasBefore);

        var ok = upload("/api/setup/days/" + dayId + "/bundle", Map.of(), "bundle.zip", zip(Map.of()));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from area where election_day_id = :d").param("d", dayId).query(Long.class).single())
                .isEqualTo(7);
        assertThat(jdbc.sql("select count(*) from reporting_unit where election_day_id = :d").param("d", dayId)
                .query(Long.class).single()).isEqualTo(4);
        // Importing the same bundle twice would duplicate keys: refused, nothing added.
        var twice = upload("/api/setup/days/" + dayId + "/bundle", Map.of(), "bundle.zip", zip(Map.of()));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("already-exists");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'import-bundle' and entity_id = :d")
                .param("d", String.valueOf(dayId)).query(Long.class).single()).isEqualTo(1);
    }

    private HttpResponse<String> upload(String path, Map<String, String> fields, String name, byte[] content) {
        admin.get(path.startsWith("/api") ? "/admin" : "/admin/setup/results");
        return admin.send(Multipart.upload(admin.base() + path, admin.csrf(), fields, "file", name, content,
                path.startsWith("/api")));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ImportIT.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String text(String name) throws IOException {
        return new String(resource(name), StandardCharsets.UTF_8);
    }

    /** The example bundle of docs/formats, with some files replaced. */
    private static byte[] zip(Map<String, String> replaced) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String f : List.of("elections.csv", "areas.csv", "polling_stations.csv", "units.csv", "nominations.csv",
                    "candidates.csv")) {
                z.putNextEntry(new ZipEntry(f));
                String content = replaced.containsKey(f) ? replaced.get(f) : text("formats/bundle-example/" + f);
                z.write(content.getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long areas(long dayId, String level) {
        return jdbc.sql("select count(*) from area where election_day_id = :d and level = :l")
                .param("d", dayId).param("l", level).query(Long.class).single();
    }

    private long sum(long source, String level, String column) {
        return jdbc.sql("select coalesce(sum(" + column + "), 0) from result_record where source_id = :s and area_level = :l")
                .param("s", source).param("l", level).query(Long.class).single();
    }

    private long voteTotal(long source, String kind, String column) {
        return jdbc.sql("select sum(t." + column + ") from result_vote_total t join result_record r on r.id = t.record_id "
                + "where r.source_id = :s and t.vote_kind = :k").param("s", source).param("k", kind).query(Long.class).single();
    }
}
