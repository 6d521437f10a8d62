package de.wahlwerk.server.results;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.Fixtures;
import de.wahlwerk.core.formats.Kerg2Reader;
import de.wahlwerk.core.formats.KergArea;
import de.wahlwerk.core.formats.KergGroup;
import de.wahlwerk.core.formats.KergResult;
import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.GroupKind;
import de.wahlwerk.core.model.Hierarchy;
import de.wahlwerk.core.model.ReportingUnit;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.core.tally.AreaSnapshot;
import de.wahlwerk.core.tally.Tally;
import de.wahlwerk.server.entry.EntryService;
import de.wahlwerk.server.entry.EntrySettings;
import de.wahlwerk.server.entry.FormField;
import de.wahlwerk.server.entry.Submission;
import de.wahlwerk.server.entry.SubmitResult;
import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.security.RoleGrant;
import de.wahlwerk.server.security.Scope;
import de.wahlwerk.server.security.StaffPrincipal;
import de.wahlwerk.server.security.TestAccounts;
import de.wahlwerk.server.setup.SetupDirectory;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import de.wahlwerk.server.support.Multipart;
import de.wahlwerk.server.web.FieldProblem;
import de.wahlwerk.server.web.InvalidInputException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bundestag 2025: one reporting unit per constituency (federation → 16 states → 299
 * constituencies, as the kerg2 import builds them), each constituency's official counts entered
 * as a quick report through the entry service in-process (the same rules as every channel: who may
 * report, checks with reasons for warnings, approval by a second person, confirmation with its
 * sequence number) and approved. Every state row and the federal row of the live tally equal
 * kerg2's rows for every party and both votes.
 */
class BundestagLiveIT extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(BundestagLiveIT.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    EntryService entry;

    @Autowired
    SetupDirectory setup;

    @Autowired
    LiveTallies tallies;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyConstituencyEnteredAsReportReproducesTheStatesAndTheFederation() throws Exception {
        var adminAccount = accounts.create(Role.ADMIN, null, null);
        HttpSession admin = session();
        admin.login(adminAccount.username(), TestAccounts.PASSWORD, adminAccount.code());
        admin.get("/admin");
        byte[] content = Files.readAllBytes(Fixtures.file("btw2025-kerg2/kerg2.csv"));
        long election = kerg2025Election(admin, content);
        long day = setup.election(election).orElseThrow().electionDayId();
        KergResult kerg = new Kerg2Reader().read(Fixtures.file("btw2025-kerg2/kerg2.csv"));

        // One unit per constituency through the setup API (once per test run; tests share the database).
        long started = System.nanoTime();
        Set<String> existing = new HashSet<>();
        setup.units(day).forEach(u -> existing.add(u.officialKey()));
        if (!existing.contains("R1")) {
            admin.json("POST", "/api/setup/days/" + day + "/stations", """
                    {"stationKey":"R1","name":"Wahlraum","street":"Platz der Republik 1","postalCode":"11011",
                     "city":"Berlin","stepFree":true,"areaKey":"%s","areaHierarchy":"bundestag"}"""
                    .formatted(kerg.federation().key()));
        }
        for (KergArea c : kerg.constituencies()) {
            if (existing.contains(c.key())) {
                continue;
            }
            String body = JSON.writeValueAsString(Map.of("kind", "POLLING", "officialKey", c.key(), "name", c.name(),
                    "pollingStationKey", "R1", "areas", Map.of("bundestag", c.key())));
            HttpResponse<String> r = admin.json("POST", "/api/setup/days/" + day + "/units", body);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
        long unitsCreated = System.nanoTime();

        // A constituency as one unit is far larger than a polling district (E003's default ceiling is
        // 100,000 persons): the election's entry settings raise it, as an office would.
        signIn(principal(adminAccount, Role.ADMIN));
        entry.updateSettings(new EntrySettings(election, EntrySettings.TwoPersonMode.APPROVAL, "ceiling = 1000000", false));

        var clerkAccount = accounts.create(Role.CLERK, null, null);
        var approverAccount = accounts.create(Role.APPROVER, null, null);
        StaffPrincipal clerk = principal(clerkAccount, Role.CLERK);
        StaffPrincipal approver = principal(approverAccount, Role.APPROVER);
        int warned = 0;
        int entered = 0;
        for (KergArea c : kerg.constituencies()) {
            ReportingUnit unit = setup.unitByKey(day, c.key()).orElseThrow();
            boolean confirmed = jdbc.sql("select count(*) from quick_report where unit_id = :u and election_id = :e and status = 'CONFIRMED'")
                    .param("u", unit.id()).param("e", election).query(Long.class).single() > 0;
            if (confirmed) {
                continue;
            }
            signIn(clerk);
            Map<String, String> values = values(kerg, c, entry.formFor(election, unit.id()).fields());
            SubmitResult result;
            try {
                result = entry.submit(new Submission(election, unit.id(), values, Map.of(), null, Submission.Channel.API,
                        null), clerk.username());
            } catch (InvalidInputException e) {
                Map<String, String> reasons = new LinkedHashMap<>();
                for (FieldProblem p : e.problems()) {
                    assertThat(p.field()).as(c.key() + " " + e.problems()).startsWith("warning.");
                    reasons.put(p.field().substring("warning.".length()), "amtliches Ergebnis (kerg2.csv)");
                }
                warned++;
                result = entry.submit(new Submission(election, unit.id(), values, reasons, null, Submission.Channel.API,
                        null), clerk.username());
            }
            signIn(approver);
            entry.approve(result.reportId());
            entered++;
        }
        long reported = System.nanoTime();
        tallies.catchUp();
        Tally tally = tallies.tally(election);
        long caughtUp = System.nanoTime();
        log.info("Bundestag: {} units created over HTTP in {} ms; {} reports ({} with warnings) entered and approved "
                        + "in-process in {} ms ({} ms per report); tally caught up in {} ms",
                kerg.constituencies().size(), (unitsCreated - started) / 1_000_000, entered, warned,
                (reported - unitsCreated) / 1_000_000, entered == 0 ? 0 : (reported - unitsCreated) / 1_000_000 / entered,
                (caughtUp - reported) / 1_000_000);

        List<KergArea> compared = new ArrayList<>(kerg.states());
        compared.add(kerg.federation());
        int checks = 0;
        for (KergArea a : compared) {
            AreaSnapshot s = tally.snapshot(new AreaRef(new Hierarchy("bundestag"), a.key()));
            assertThat(s.complete()).as(a.name()).isTrue();
            Counts k = a.counts();
            assertThat(s.all().eligible()).as(a.name() + " eligible").isEqualTo(k.eligible());
            assertThat(s.all().voters()).as(a.name() + " voters").isEqualTo(k.voters());
            for (VoteKind kind : List.of(VoteKind.FIRST, VoteKind.SECOND)) {
                VoteCounts v = k.votes(kind);
                assertThat(s.all().invalid(kind)).as(a.name() + " invalid " + kind).isEqualTo(v.invalid());
                assertThat(s.all().valid(kind)).as(a.name() + " valid " + kind).isEqualTo(v.valid());
                Map<String, Long> tallied = s.all().votes(kind);
                for (KergGroup g : a.groups()) {
                    Long votes = v.votesFor(g.position());
                    if (g.isOthers() || g.kind() != GroupKind.PARTY || votes == null) {
                        continue; // independents are keyed per constituency in the tally; their sum is in "valid"
                    }
                    assertThat(tallied.getOrDefault(shortName(g.name()), 0L)).as(a.name() + " " + kind + " " + g.name())
                            .isEqualTo(votes);
                    checks++;
                }
            }
        }
        assertThat(checks).isGreaterThan(16 * 2 * 10);
        log.info("Bundestag: {} state and federal party figures compared, all equal", checks);

        // The federal page: complete, so no projection; the history shows the previous election from kerg2.
        HttpResponse<String> json = admin.json("GET", "/api/results/elections/" + election + "/areas/bundestag/"
                + kerg.federation().key(), null);
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        var j = JSON.readTree(json.body());
        assertThat(j.get("parts").get("ALL").get("voters").asLong()).isEqualTo(49_928_653L);
        assertThat(j.get("projection").isNull()).isTrue();
        assertThat(j.get("history").get("elections")).hasSize(1);
        assertThat(j.get("history").get("elections").get(0).get("comparable").asBoolean()).isTrue();
    }

    /** The constituency's official counts under the letters of its form. */
    private static Map<String, String> values(KergResult kerg, KergArea c, List<FormField> fields) {
        KergArea state = kerg.area(c.parentLevel(), c.parentKey()).orElseThrow();
        Counts k = c.counts();
        Map<String, String> v = new LinkedHashMap<>();
        for (FormField f : fields) {
            String l = f.letter();
            long value = switch (l) {
                case "A1", "A" -> k.eligible();
                case "A2", "A3", "B1" -> 0L; // not published per constituency
                case "B" -> k.voters();
                case "C" -> k.votes(VoteKind.FIRST).invalid();
                case "D" -> k.votes(VoteKind.FIRST).valid();
                case "E" -> k.votes(VoteKind.SECOND).invalid();
                case "F" -> k.votes(VoteKind.SECOND).valid();
                default -> {
                    int position = Integer.parseInt(l.substring(1));
                    if (l.startsWith("D")) {
                        // Constituency nominations were created at the constituency's own positions.
                        yield nz(k.votes(VoteKind.FIRST).votesFor(position));
                    }
                    // Landeslisten were created at the state's positions: match the list by name.
                    String name = state.groups().stream().filter(g -> g.position() == position).map(KergGroup::name)
                            .findFirst().orElseThrow();
                    yield c.groups().stream().filter(g -> g.name().equals(name)).findFirst()
                            .map(g -> nz(k.votes(VoteKind.SECOND).votesFor(g.position()))).orElse(0L);
                }
            };
            v.put(l, Long.toString(value));
        }
        return v;
    }

    private static String shortName(String name) {
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }

    private static StaffPrincipal principal(TestAccounts.Account a, Role role) {
        return new StaffPrincipal(a.id(), a.username(), "Test " + role, List.of(new RoleGrant(role, Scope.INSTALLATION)));
    }

    private static void signIn(StaffPrincipal p) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, List.of()));
    }

    /** The Bundestag election of 2025 from the official kerg2.csv (imported once per test run). */
    private long kerg2025Election(HttpSession admin, byte[] content) {
        Optional<Long> existing = electionOfSource(content);
        if (existing.isEmpty()) {
            HttpResponse<String> r = admin.send(Multipart.upload(admin.base() + "/api/setup/results", admin.csrf(),
                    Map.of("format", "KERG2"), "file", "kerg2.csv", content, true));
            assertThat(r.statusCode()).as(r.body()).isIn(201, 400);
            existing = electionOfSource(content);
        }
        return existing.orElseThrow();
    }

    private Optional<Long> electionOfSource(byte[] content) {
        String sha;
        try {
            sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return jdbc.sql("select election_id from result_source where sha256 = :s and format = 'kerg2'")
                .param("s", sha).query(Long.class).optional();
    }
}
