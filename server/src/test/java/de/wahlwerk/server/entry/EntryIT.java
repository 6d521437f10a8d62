package de.wahlwerk.server.entry;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.setup.DemoElection;
import de.wahlwerk.server.support.DemoReports;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** Quick reports through the real server: the three ways in, the two-person rule, corrections, neighbours. */
class EntryIT extends IntegrationTest {

    @Autowired
    JsonMapper json;

    @Autowired
    javax.sql.DataSource dataSource;

    DemoReports demo;
    HttpSession clerk;
    HttpSession approver;

    @BeforeEach
    void setUp() {
        demo = new DemoReports(jdbc);
        clerk = demoTownStaff(Role.CLERK);
        approver = demoTownStaff(Role.APPROVER);
        jdbc.sql("delete from entry_settings where election_id = :e").param("e", demo.electionId()).update();
    }

    /**
     * The other nodes hear of a confirmation at its commit, with its number as the payload: the
     * confirming statement sends the notification (ReportStore.confirm), no statement of its own.
     */
    @Test
    void aConfirmationNotifiesTheNodesWithItsNumber() throws Exception {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute("LISTEN " + ReportChanged.CHANNEL);
            demo.confirm(clerk, approver, "0306", demo.values("0306"), "Benachrichtigung geprüft");
            long sequence = jdbc.sql("select confirmed_seq from quick_report where unit_id = :u and status = 'CONFIRMED'")
                    .param("u", demo.unitId("0306")).query(Long.class).single();
            var pg = c.unwrap(org.postgresql.PGConnection.class);
            java.util.List<String> heard = new java.util.ArrayList<>();
            for (long until = System.currentTimeMillis() + 10_000;
                    !heard.contains(String.valueOf(sequence)) && System.currentTimeMillis() < until; ) {
                var notifications = pg.getNotifications(500);
                if (notifications != null) {
                    for (var n : notifications) {
                        heard.add(n.getParameter());
                    }
                }
            }
            assertThat(heard).as("notifications on %s", ReportChanged.CHANNEL).contains(String.valueOf(sequence));
        }
    }

    @Test
    void apiReportWithIdempotencyKeyIsStoredOnceAndConfirmedByAnotherPerson() {
        long unit = demo.unitId("0102");
        String body = body(unit, demo.values("0102"), null, null);
        var first = post(clerk, body, "retry-0102");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        var retry = post(clerk, body, "retry-0102");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(id(retry.body())).isEqualTo(id(first.body()));
        assertThat(versions(unit)).isEqualTo(1);

        long report = id(first.body());
        var own = clerk.json("POST", "/api/entry/reports/" + report + "/approve", null);
        assertThat(own.statusCode()).as("the clerk has no approver role").isEqualTo(403);
        var approved = approver.json("POST", "/api/entry/reports/" + report + "/approve", null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(approved.body()).contains("\"status\":\"CONFIRMED\"").contains("\"confirmedSeq\":");
        assertThat(jdbc.sql("select count(*) from audit_log where entity = 'quick_report' and entity_id = :id")
                .param("id", String.valueOf(report)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anApproverCannotConfirmTheirOwnEntry() {
        HttpSession both = demoTownStaff(Role.ADMIN);
        long unit = demo.unitId("0103");
        var entered = post(both, body(unit, demo.values("0103"), null, null), null);
        assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
        var self = both.json("POST", "/api/entry/reports/" + id(entered.body()) + "/approve", null);
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(self.body()).contains("Vier-Augen-Prinzip");
    }

    @Test
    void errorsBlockAtTheirFieldAndStoreNothing() {
        long unit = demo.unitId("0104");
        Map<String, String> values = demo.values("0104");
        long before = versions(unit);

        Map<String, String> badSum = new LinkedHashMap<>(values);
        badSum.put("C", Long.toString(Long.parseLong(values.get("C")) + 1));
        var r = post(clerk, body(unit, badSum, null, null), null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"D\"").contains("C + D").doesNotContain("\"field\":\"F\"");

        Map<String, String> text = new LinkedHashMap<>(values);
        text.put("D1", "zwölf");
        text.put("F2", "-3");
        text.put("B1", "99999999999999");
        var t = post(clerk, body(unit, text, null, null), null);
        assertThat(t.statusCode()).isEqualTo(400);
        assertThat(t.body()).contains("\"field\":\"D1\"").contains("keine Zahl").contains("\"field\":\"F2\"")
                .contains("negativ").contains("\"field\":\"B1\"");

        Map<String, String> missing = new LinkedHashMap<>(values);
        missing.remove("F3");
        var m = post(clerk, body(unit, missing, null, null), null);
        assertThat(m.statusCode()).isEqualTo(400);
        assertThat(m.body()).contains("\"field\":\"F3\"");

        Map<String, String> unknown = new LinkedHashMap<>(values);
        unknown.put("X9", "1");
        assertThat(post(clerk, body(unit, unknown, null, null), null).body()).contains("\"field\":\"X9\"");

        var noUnit = clerk.json("POST", "/api/entry/elections/" + demo.electionId() + "/reports", "{\"values\":{}}");
        assertThat(noUnit.statusCode()).isEqualTo(400);
        assertThat(noUnit.body()).contains("\"field\":\"unitId\"");
        var unknownUnit = post(clerk, body(123456789L, values, null, null), null);
        assertThat(unknownUnit.statusCode()).isEqualTo(404);
        var garbage = clerk.json("POST", "/api/entry/elections/" + demo.electionId() + "/reports", "{\"unitId\": \"x\"");
        assertThat(garbage.statusCode()).isEqualTo(400);

        assertThat(versions(unit)).isEqualTo(before);
    }

    @Test
    void warningsNeedAReasonAndTheReasonIsKept() {
        long unit = demo.unitId("0105");
        Map<String, String> values = new LinkedHashMap<>(demo.values("0105"));
        // Half the invalid votes moved to "invalid": the invalid share jumps above the threshold.
        long invalid = Long.parseLong(values.get("E"));
        long valid = Long.parseLong(values.get("F"));
        long move = valid / 10;
        values.put("E", Long.toString(invalid + move));
        values.put("F", Long.toString(valid - move));
        values.put("F1", Long.toString(Long.parseLong(values.get("F1")) - move));
        var r = post(clerk, body(unit, values, null, null), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        Matcher codes = Pattern.compile("\"field\":\"warning\\.(W\\d+)\"").matcher(r.body());
        Map<String, String> reasons = new LinkedHashMap<>();
        while (codes.find()) {
            reasons.put(codes.group(1), "mit Wahlvorsteherin telefonisch geprüft");
        }
        assertThat(reasons).isNotEmpty();
        assertThat(r.body()).doesNotContain("\"field\":\"E\"");
        var ok = post(clerk, body(unit, values, reasons, null), null);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from quick_report_warning where report_id = :r").param("r", id(ok.body()))
                .query(Long.class).single()).isEqualTo(reasons.size());
        // The history shows each warning with its reason, read with the report.
        var history = clerk.get("/api/entry/elections/" + demo.electionId() + "/units/" + unit + "/reports");
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        var versions = json.readTree(history.body());
        assertThat(versions).hasSize(1);
        reasons.forEach((code, why) -> assertThat(versions.get(0).get("warningReasons").get(code).asString()).as(code).isEqualTo(why));
        assertThat(versions.get(0).get("warningReasons").size()).isEqualTo(reasons.size());
    }

    @Test
    void aClerkCannotReportForAUnitOutsideTheirAssignment() {
        HttpSession district8 = signedIn(accounts, Role.CLERK, "admin", DemoElection.AGS + "-8");
        var r = post(district8, body(demo.unitId("0106"), demo.values("0106"), null, null), null);
        assertThat(r.statusCode()).isEqualTo(403);
        var own = post(district8, body(demo.unitId("0801"), demo.values("0801"), null, null), null);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
    }

    @Test
    void correctionsNeedAReasonKeepEveryVersionAndReplaceTheConfirmedOne() {
        long unit = demo.unitId("0201");
        Map<String, String> values = demo.values("0201");
        long first = id(post(clerk, body(unit, values, null, null), null).body());
        approver.json("POST", "/api/entry/reports/" + first + "/approve", null);

        var noReason = post(clerk, body(unit, values, null, null), null);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"correctionReason\"");

        var correction = post(clerk, body(unit, values, null, "Zählfehler bei ungültigen Stimmen"), null);
        assertThat(correction.statusCode()).as(correction.body()).isEqualTo(201);
        long second = id(correction.body());
        assertThat(status(first)).as("still counts until the correction is confirmed").isEqualTo("CONFIRMED");
        approver.json("POST", "/api/entry/reports/" + second + "/approve", null);
        assertThat(status(first)).isEqualTo("SUPERSEDED");
        assertThat(status(second)).isEqualTo("CONFIRMED");
        var history = approver.json("GET", "/api/entry/elections/" + demo.electionId() + "/units/" + unit + "/reports", null);
        assertThat(history.body()).contains("Zählfehler bei ungültigen Stimmen").contains("\"kind\":\"CORRECTION\"");
    }

    @Autowired
    de.wahlwerk.server.results.LiveTallies tallies;

    @Test
    void aConfirmedCorrectionFlowsThroughToTheResults() {
        long unit = demo.unitId("0202");
        Map<String, String> values = new LinkedHashMap<>(demo.values("0202"));
        long first = id(post(clerk, body(unit, values, null, null), null).body());
        approver.json("POST", "/api/entry/reports/" + first + "/approve", null);
        // An approval applies its confirmation at once only if the tally writer is free; otherwise
        // the tally's background thread does it moments later: catch up before reading.
        tallies.catchUp();
        var district = new de.wahlwerk.core.tally.AreaRef(new de.wahlwerk.core.model.Hierarchy("admin"), DemoElection.AGS + "-2");
        long spdBefore = tallies.tally(demo.electionId()).snapshot(district).all()
                .votes(de.wahlwerk.core.model.VoteKind.SECOND, "SPD");

        // One second vote was counted for the wrong list: SPD −1, CDU +1; every sum still holds.
        values.put("F1", Long.toString(Long.parseLong(values.get("F1")) - 1));
        values.put("F2", Long.toString(Long.parseLong(values.get("F2")) + 1));
        long correction = id(post(clerk, body(unit, values, null, "Stapel vertauscht"), null).body());
        assertThat(tallies.tally(demo.electionId()).snapshot(district).all().votes(de.wahlwerk.core.model.VoteKind.SECOND, "SPD"))
                .as("a correction counts only once confirmed").isEqualTo(spdBefore);
        approver.json("POST", "/api/entry/reports/" + correction + "/approve", null);
        tallies.catchUp();
        assertThat(tallies.tally(demo.electionId()).snapshot(district).all().votes(de.wahlwerk.core.model.VoteKind.SECOND, "SPD"))
                .isEqualTo(spdBefore - 1);
    }

    @Test
    void doubleEntryConfirmsMatchingEntriesAndShowsDifferencesToTheApprover() {
        jdbc.sql("insert into entry_settings (election_id, two_person_mode) values (:e, 'DOUBLE_ENTRY')")
                .param("e", demo.electionId()).update();
        HttpSession second = demoTownStaff(Role.CLERK);
        long unit = demo.unitId("0301");
        Map<String, String> values = demo.values("0301");
        var a = post(clerk, body(unit, values, null, null), null);
        assertThat(a.body()).contains("\"status\":\"PENDING\"");
        var sameAgain = post(clerk, body(unit, values, null, null), null);
        assertThat(sameAgain.statusCode()).as("second entry by the same person").isEqualTo(400);
        var b = post(second, body(unit, values, null, null), null);
        assertThat(b.statusCode()).as(b.body()).isEqualTo(201);
        assertThat(b.body()).contains("\"status\":\"MATCHED\"");
        assertThat(status(id(a.body()))).isEqualTo("CONFIRMED");

        long other = demo.unitId("0302");
        Map<String, String> v1 = demo.values("0302");
        Map<String, String> v2 = new LinkedHashMap<>(v1);
        // A typist swaps two lists' numbers: sums still hold, the entries differ.
        String f1 = v2.get("F1");
        v2.put("F1", v2.get("F2"));
        v2.put("F2", f1);
        long x = id(post(clerk, body(other, v1, null, null), null).body());
        var y = post(second, body(other, v2, null, null), null);
        assertThat(y.body()).contains("\"status\":\"PENDING\"");
        var review = approver.get("/admin/entry/reports/" + x);
        assertThat(review.statusCode()).isEqualTo(200);
        assertThat(review.body()).contains("class=\"differs\"").contains("(abweichend)");
        approver.get("/admin/entry/reports/" + x);
        var decide = approver.post("/admin/entry/reports/" + x + "/approve", Map.of());
        assertThat(decide.statusCode()).isEqualTo(302);
        assertThat(status(x)).isEqualTo("CONFIRMED");
        assertThat(status(id(y.body()))).isEqualTo("SUPERSEDED");

        // A confirming transaction audits everything in a confirmations' chain (ADR 0006), the
        // matching second entry included; a plain entry never does.
        int confirmationChains = de.wahlwerk.server.audit.AuditLog.CONFIRMATION_CHAINS;
        assertThat(auditChains(id(b.body()), "%")).isNotEmpty().allSatisfy(c -> assertThat(c).isBetween(1, confirmationChains));
        assertThat(auditChains(id(a.body()), "confirm-report")).singleElement().satisfies(c -> assertThat(c).isBetween(1, confirmationChains));
        assertThat(auditChains(x, "confirm-report")).singleElement().satisfies(c -> assertThat(c).isBetween(1, confirmationChains));
        assertThat(auditChains(x, "enter%")).singleElement().satisfies(c -> assertThat(c).isGreaterThan(confirmationChains));
    }

    private java.util.List<Integer> auditChains(long report, String action) {
        return jdbc.sql("select chain from audit_log where entity = 'quick_report' and entity_id = :id and action like :a")
                .param("id", String.valueOf(report)).param("a", action).query(Integer.class).list();
    }

    @Test
    void theBoardNamesEachPollingDistrictsChairFromItsStation() {
        var board = clerk.get("/admin/entry/elections/" + demo.electionId());
        assertThat(board.statusCode()).isEqualTo(200);
        java.util.List<String> phones = jdbc.sql("""
                select distinct s.chair_phone from polling_station s join reporting_unit u on u.polling_station_id = s.id
                join election e on e.election_day_id = u.election_day_id where e.id = :e and s.chair_phone is not null""")
                .param("e", demo.electionId()).query(String.class).list();
        assertThat(phones).isNotEmpty();
        assertThat(phones).allSatisfy(phone -> assertThat(board.body()).contains("tel:" + phone));
    }

    @Test
    void aDistrictCountedWithItsNeighbourIsReportedThroughTheNeighbourOnly() {
        long small = demo.unitId("0808");
        var r = post(clerk, body(small, demo.values("0807"), null, null), null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("0807");
        var board = clerk.get("/admin/entry/elections/" + demo.electionId());
        assertThat(board.body()).contains("wird mit Nachbarbezirk ausgezählt");
    }

    @Test
    void theBoardChairsCodeOpensOnlyItsUnitAndExpiresAfterUse() {
        throttle.clear();
        HttpSession admin = demoTownStaff(Role.ADMIN);
        admin.get("/admin/entry/elections/" + demo.electionId() + "/codes");
        var sheet = admin.post("/admin/entry/elections/" + demo.electionId() + "/codes", Map.of());
        assertThat(sheet.statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("<h2>0401 [^<]*</h2>\\s*<img[^>]*>\\s*<p><span>Code:</span> <code>([A-Z0-9-]+)</code>")
                .matcher(sheet.body());
        assertThat(m.find()).as("code of unit 0401 on the sheet").isTrue();
        String code = m.group(1);

        HttpSession phone = session();
        var page = phone.get("/q/" + code);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("0401").doesNotContain("0402 ");
        Map<String, String> form = new LinkedHashMap<>();
        demo.values("0401").forEach((k, v) -> form.put("v." + k, v));
        var sent = phone.post("/q/" + code, form);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(sent.body()).contains("ist eingegangen");
        assertThat(jdbc.sql("select channel from quick_report where unit_id = :u").param("u", demo.unitId("0401"))
                .query(String.class).single()).isEqualTo("PHONE");
        assertThat(phone.get("/q/" + code).statusCode()).as("used up").isEqualTo(404);
    }

    @Autowired
    CodeThrottle throttle;

    @Test
    void wrongCodesAreThrottled() {
        throttle.clear();
        HttpSession guesser = session();
        int lastStatus = 0;
        for (int i = 0; i < CodeThrottle.MAX_WRONG + 2; i++) {
            lastStatus = guesser.get("/q/AAAA-BBBB-CC" + (char) ('A' + i % 20)).statusCode();
        }
        assertThat(lastStatus).isEqualTo(429);
        throttle.clear();
    }

    @Test
    void noReportIsAcceptedBeforePollsCloseExceptInRehearsal() {
        HttpSession admin = signedIn(accounts, Role.ADMIN, null, null);
        admin.get("/admin");
        var day = admin.json("POST", "/api/setup/days", """
                {"name":"Zukunft %d","date":"2099-05-01","pollsClose":"18:00","scopeHierarchy":"admin","scopeKey":"09999001"}"""
                .formatted(System.nanoTime()));
        long dayId = id(day.body());
        admin.json("POST", "/api/setup/days/" + dayId + "/areas",
                "{\"hierarchy\":\"admin\",\"level\":\"MUNICIPALITY\",\"officialKey\":\"09999001\",\"name\":\"Musterstadt\"}");
        long unit = id(admin.json("POST", "/api/setup/days/" + dayId + "/units",
                "{\"kind\":\"POSTAL\",\"officialKey\":\"BW-1\",\"name\":\"Briefwahl 1\",\"areas\":{\"admin\":\"09999001\"}}").body());
        long election = id(admin.json("POST", "/api/setup/days/" + dayId + "/elections",
                "{\"kind\":\"MAYOR\",\"name\":\"Bürgermeisterwahl\"}").body());
        admin.json("POST", "/api/setup/elections/" + election + "/nominations",
                "{\"voteKind\":\"CANDIDATE\",\"ballotPosition\":1,\"shortName\":\"A\",\"name\":\"Anna A\",\"groupKind\":\"PARTY\"}");
        String report = "{\"unitId\":" + unit + ",\"values\":{\"B\":\"10\",\"B1\":\"10\",\"C\":\"0\",\"D\":\"10\",\"D1\":\"10\"}}";
        var early = admin.json("POST", "/api/entry/elections/" + election + "/reports", report);
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("erst nach Schluss der Wahlhandlung");
        admin.get("/admin/entry/elections/" + election + "/settings");
        var rehearsal = admin.post("/admin/entry/elections/" + election + "/settings",
                Map.of("twoPersonMode", "APPROVAL", "rehearsal", "true", "thresholds", ""));
        assertThat(rehearsal.statusCode()).isEqualTo(302);
        var accepted = admin.json("POST", "/api/entry/elections/" + election + "/reports", report);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void theStatusBoardIsToldLiveAndShowsTheTimeline(org.springframework.boot.test.system.CapturedOutput output) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                approver.base() + "/admin/entry/elections/" + demo.electionId() + "/events"))
                .header("Accept", "text/event-stream").GET().build();
        var lines = new java.util.concurrent.LinkedBlockingQueue<String>();
        // The approver's session cookie is needed: reuse its client through a raw request on the same session.
        var stream = approver.sendAsyncLines(request, lines::add);
        try {
            Thread.sleep(300);
            long unit = demo.unitId("0601");
            assertThat(post(clerk, body(unit, demo.values("0601"), null, null), null).statusCode()).isEqualTo(201);
            String line;
            boolean seen = false;
            long deadline = System.currentTimeMillis() + 5000;
            while (!seen && (line = lines.poll(deadline - System.currentTimeMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) != null) {
                seen = line.equals("event:report");
            }
            assertThat(seen).as("an SSE event reaches the open board").isTrue();
        } finally {
            stream.cancel(true);
        }
        // The board was closed: the next changes end its stream quietly, not as an unexpected error.
        Thread.sleep(300);
        for (int i = 0; i < 3; i++) {
            assertThat(post(clerk, body(demo.unitId("0601"), demo.values("0601"), null, null), null).statusCode()).isEqualTo(201);
            Thread.sleep(200);
        }
        assertThat(output.getAll()).doesNotContain("Unexpected error in admin UI");
        var board = approver.get("/admin/entry/elections/" + demo.electionId());
        assertThat(board.body()).contains("Zeitleiste").contains("Bezirk 0601").contains("Stand je Gebiet")
                .contains("Gartenstadt (" + DemoElection.AGS + "-8)");
    }

    @Test
    void aRehearsalIsFilledFromThePreviousElectionAndWipedWithoutTrace() {
        HttpSession admin = demoTownStaff(Role.ADMIN);
        long original = demo.electionId();
        long originalReports = jdbc.sql("select count(*) from quick_report where election_id = :e").param("e", original)
                .query(Long.class).single();
        admin.get("/admin/entry/elections/" + original + "/settings");
        var created = admin.post("/admin/entry/elections/" + original + "/settings/rehearsal", Map.of("percent", "50"));
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        long copy = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        long simulated = jdbc.sql("select count(*) from quick_report where election_id = :e and status = 'CONFIRMED'")
                .param("e", copy).query(Long.class).single();
        assertThat(simulated).isBetween(20L, 60L);

        // A simulated report satisfies every error rule: re-sending it as a correction is accepted.
        var sample = jdbc.sql("select unit_id, values_text from quick_report where election_id = :e order by id limit 1")
                .param("e", copy).query().singleRow();
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : ((String) sample.get("values_text")).split("\n")) {
            String[] kv = line.split("=", 2);
            values.put(kv[0], kv[1]);
        }
        clerk.get("/admin");
        var resend = clerk.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(clerk.base()
                        + "/api/entry/elections/" + copy + "/reports"))
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", clerk.csrf())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body(((Number) sample.get("unit_id")).longValue(),
                        values, Map.of(), "Übung"))).build());
        assertThat(resend.body()).doesNotContain("\"E0");

        admin.get("/admin/entry/elections/" + copy + "/settings");
        var wiped = admin.post("/admin/entry/elections/" + copy + "/settings/wipe", Map.of());
        assertThat(wiped.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from election where id = :e").param("e", copy).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from quick_report where election_id = :e").param("e", copy).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from quick_report where election_id = :e").param("e", original)
                .query(Long.class).single()).as("the real election is untouched").isEqualTo(originalReports);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'wipe-rehearsal' and entity_id = :e")
                .param("e", String.valueOf(copy)).query(Long.class).single()).isEqualTo(1);
        // Only rehearsals can be wiped this way.
        admin.get("/admin/entry/elections/" + original + "/settings");
        assertThat(admin.post("/admin/entry/elections/" + original + "/settings/wipe", Map.of()).statusCode()).isEqualTo(400);
    }

    @Test
    void councilReportsTakeListAndCandidateVotesWithinTheCumulationCap() {
        HttpSession admin = signedIn(accounts, Role.ADMIN, null, null);
        admin.get("/admin");
        long dayId = id(admin.json("POST", "/api/setup/days", """
                {"name":"Gemeinderat %d","date":"2020-03-15","pollsClose":"18:00","scopeHierarchy":"admin","scopeKey":"09677148"}"""
                .formatted(System.nanoTime())).body());
        admin.json("POST", "/api/setup/days/" + dayId + "/areas",
                "{\"hierarchy\":\"admin\",\"level\":\"MUNICIPALITY\",\"officialKey\":\"09677148\",\"name\":\"Karlstadt\"}");
        long unit = id(admin.json("POST", "/api/setup/days/" + dayId + "/units",
                "{\"kind\":\"POSTAL\",\"officialKey\":\"BW-1\",\"name\":\"Briefwahl 1\",\"areas\":{\"admin\":\"09677148\"}}").body());
        long election = id(admin.json("POST", "/api/setup/days/" + dayId + "/elections",
                "{\"kind\":\"MUNICIPAL_COUNCIL\",\"name\":\"Stadtratswahl\",\"seats\":2,\"votesPerVoter\":2,\"maxVotesPerCandidate\":2}").body());
        for (int list = 1; list <= 2; list++) {
            long n = id(admin.json("POST", "/api/setup/elections/" + election + "/nominations",
                    "{\"voteKind\":\"CUMULATIVE\",\"ballotPosition\":" + list + ",\"shortName\":\"L" + list
                            + "\",\"name\":\"Liste " + list + "\",\"groupKind\":\"VOTERS_ASSOCIATION\"}").body());
            for (int c = 1; c <= 2; c++) {
                admin.json("POST", "/api/setup/nominations/" + n + "/candidates",
                        "{\"listPosition\":" + c + ",\"familyName\":\"Kandidat" + c + "\",\"givenNames\":\"L" + list + "\"}");
            }
        }
        var form = admin.get("/admin/entry/elections/" + election + "/units/" + unit);
        assertThat(form.body()).contains("id=\"f-D1_1\"").contains("id=\"f-D2_2\"");
        // 20 ballots, all valid: at most 2 votes each (D ≤ 40) and at most 2 × 20 per candidate.
        Map<String, String> v = new LinkedHashMap<>();
        v.put("B", "20");
        v.put("B1", "20");
        v.put("C", "0");
        v.put("D", "30");
        v.put("D1", "15");
        v.put("D1_1", "41"); // above 2 × 20: the cumulation cap is broken
        v.put("D1_2", "5");
        v.put("D2", "15");
        v.put("D2_1", "8");
        v.put("D2_2", "7");
        String json = "{\"unitId\":" + unit + ",\"values\":" + this.json.writeValueAsString(v) + "}";
        admin.get("/admin/entry/elections/" + election + "/settings");
        admin.post("/admin/entry/elections/" + election + "/settings",
                Map.of("twoPersonMode", "APPROVAL", "rehearsal", "false", "thresholds", ""));
        var capped = admin.json("POST", "/api/entry/elections/" + election + "/reports", json);
        assertThat(capped.statusCode()).isEqualTo(400);
        assertThat(capped.body()).contains("\"field\":\"D1_1\"");
        v.put("D1_1", "10");
        var ok = admin.json("POST", "/api/entry/elections/" + election + "/reports",
                "{\"unitId\":" + unit + ",\"values\":" + this.json.writeValueAsString(v) + "}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(ok.body()).doesNotContain("\"field\":\"D1_1\"").doesNotContain("\"E0");
    }

    @Test
    void referendumReportsTakeYesAndNoAndTheirSumsAreChecked() {
        HttpSession admin = signedIn(accounts, Role.ADMIN, null, null);
        admin.get("/admin");
        long dayId = id(admin.json("POST", "/api/setup/days", """
                {"name":"Bürgerentscheid %d","date":"2021-11-07","pollsClose":"18:00","scopeHierarchy":"admin","scopeKey":"09175000"}"""
                .formatted(System.nanoTime())).body());
        admin.json("POST", "/api/setup/days/" + dayId + "/areas",
                "{\"hierarchy\":\"admin\",\"level\":\"COUNTY\",\"officialKey\":\"09175000\",\"name\":\"Landkreis\"}");
        long unit = id(admin.json("POST", "/api/setup/days/" + dayId + "/units",
                "{\"kind\":\"POSTAL\",\"officialKey\":\"BW-1\",\"name\":\"Briefwahl 1\",\"areas\":{\"admin\":\"09175000\"}}").body());
        long election = id(admin.json("POST", "/api/setup/days/" + dayId + "/elections",
                "{\"kind\":\"REFERENDUM\",\"name\":\"Bürgerentscheid Klinik\"}").body());
        for (String[] answer : new String[][] {{"1", "Ja"}, {"2", "Nein"}}) {
            admin.json("POST", "/api/setup/elections/" + election + "/nominations", "{\"voteKind\":\"YES_NO\",\"ballotPosition\":"
                    + answer[0] + ",\"shortName\":\"" + answer[1] + "\",\"name\":\"" + answer[1] + "\",\"groupKind\":\"ANSWER\"}");
        }
        String wrong = "{\"unitId\":" + unit + ",\"values\":{\"B\":\"100\",\"B1\":\"100\",\"C\":\"2\",\"D\":\"98\",\"D1\":\"60\",\"D2\":\"30\"}}";
        var r = admin.json("POST", "/api/entry/elections/" + election + "/reports", wrong);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("E0");
        String right = "{\"unitId\":" + unit + ",\"values\":{\"B\":\"100\",\"B1\":\"100\",\"C\":\"2\",\"D\":\"98\",\"D1\":\"60\",\"D2\":\"38\"}}";
        var ok = admin.json("POST", "/api/entry/elections/" + election + "/reports", right);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    }

    @Test
    void theEntryFormListsTheFieldsInPaperOrder() {
        var page = clerk.get("/admin/entry/elections/" + demo.electionId() + "/units/" + demo.unitId("0501"));
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        int a1 = body.indexOf("id=\"f-A1\"");
        int b = body.indexOf("id=\"f-B\"");
        int d1 = body.indexOf("id=\"f-D1\"");
        int f10 = body.indexOf("id=\"f-F10\"");
        assertThat(a1).isPositive().isLessThan(b);
        assertThat(b).isLessThan(d1);
        assertThat(d1).isLessThan(f10);
    }

    private HttpResponse<String> post(HttpSession s, String body, String key) {
        s.get("/admin");
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.base() + "/api/entry/elections/"
                        + demo.electionId() + "/reports"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-CSRF-TOKEN", s.csrf())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return s.send(b.build());
    }

    private String body(long unit, Map<String, String> values, Map<String, String> reasons, String correction) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("unitId", unit);
        b.put("values", values);
        if (reasons != null) {
            b.put("warningReasons", reasons);
        }
        if (correction != null) {
            b.put("correctionReason", correction);
        }
        return json.writeValueAsString(b);
    }

    private long versions(long unit) {
        return jdbc.sql("select count(*) from quick_report where unit_id = :u").param("u", unit).query(Long.class).single();
    }

    private String status(long report) {
        return jdbc.sql("select status from quick_report where id = :id").param("id", report).query(String.class).single();
    }

    private static long id(String body) {
        Matcher m = Pattern.compile("\"(?:reportId|id)\":(\\d+)").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Long.parseLong(m.group(1));
    }
}
