package de.wahlwerk.server.pollcards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wahlwerk.core.model.Election;
import de.wahlwerk.server.audit.AuditLog;
import de.wahlwerk.server.ops.WahlwerkProperties;
import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Polling notices (tagged PDF whose QR code leads to the request form), public requests with a
 * neutral answer, the office's queue, polling cards never issued twice (also under concurrency and
 * by the database itself), replacement, labels, the print file in delivery order, rate limiting,
 * and who may see personal data. Each test builds its own town and roll.
 */
class PollCardIT extends IntegrationTest {

    static final LocalDate BORN = LocalDate.of(1980, 5, 17);

    @Autowired
    RequestThrottle throttle;

    @Autowired
    PollCardStore store;

    @Autowired
    AuditLog audit;

    @Autowired
    PlatformTransactionManager tx;

    @Autowired
    MessageSource messages;

    @Autowired
    WahlwerkProperties properties;

    @Autowired
    PollCardService service;

    final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void forgetThrottle() {
        throttle.clear();
    }

    HttpSession login(Role role, String hierarchy, String key) {
        return signedIn(accounts, role, hierarchy, key);
    }

    /** Six persons: 12a (suffix range), odd and even side, ranges, and a district whose station is not step-free. */
    static List<String> residents() {
        LocalDate moved = LocalDate.of(2010, 1, 1);
        return List.of(
                TestCity.resident("P1", "Yılmaz", "Ayşe", BORN, "DE", "Hauptstraße", "12a", moved),
                TestCity.resident("P2", "Berg", "Anna", LocalDate.of(1970, 1, 2), "DE", "Lindenweg", "7", moved),
                TestCity.resident("P3", "Berg", "Bernd", LocalDate.of(1971, 2, 3), "DE", "Lindenweg", "8", moved),
                TestCity.resident("P4", "Adler", "Carla", LocalDate.of(1990, 3, 4), "DE", "Hauptstraße", "5", moved),
                TestCity.resident("P5", "Zorn", "Dieter", LocalDate.of(1960, 4, 5), "DE", "Am Markt", "1", moved),
                TestCity.resident("P6", "Ernst", "Emil", LocalDate.of(1950, 5, 6), "DE", "Hauptstraße", "20", moved),
                TestCity.resident("P7", "Kind", "Klein", LocalDate.now().minusYears(10), "DE", "Am Markt", "3", moved));
    }

    TestCity city(HttpSession admin) {
        TestCity c = TestCity.create(jdbc, 60);
        c.importAndBuild(admin, residents());
        return c;
    }

    long residentId(TestCity c, String registerId) {
        return jdbc.sql("select id from register_resident where election_day_id = :d and register_id = :r")
                .param("d", c.dayId).param("r", registerId).query(Long.class).single();
    }

    String noticeNumber(TestCity c, String registerId) {
        return jdbc.sql("select number from polling_notice where election_id = :e and resident_id = :r")
                .param("e", c.electionId).param("r", residentId(c, registerId)).query(String.class).single();
    }

    Map<String, String> request(String notice, String family, String given, String born, String street, String house) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("noticeNumber", notice);
        f.put("familyName", family);
        f.put("givenNames", given);
        f.put("birthDate", born);
        f.put("street", street);
        f.put("houseNumber", house);
        f.put("postalCode", "80331");
        f.put("city", "Teststadt");
        f.put("mailTo", "");
        return f;
    }

    HttpResponse<String> submit(TestCity c, Map<String, String> form) {
        HttpSession citizen = session();
        citizen.get("/wahlschein/" + c.electionId);
        return citizen.post("/wahlschein/" + c.electionId, form);
    }

    long count(String sql, long electionId) {
        return jdbc.sql(sql).param("e", electionId).query(Long.class).single();
    }

    long audits(String action) {
        return jdbc.sql("select count(*) from audit_log where action = :a").param("a", action).query(Long.class).single();
    }

    @Test
    void noticeIsATaggedPdfWhoseQrCodeOpensThePrefilledRequest() throws Exception {
        HttpSession admin = login(Role.ADMIN, null, null);
        TestCity c = city(admin);
        long readsBefore = audits("read-personal-data");
        var r = admin.getBytes("/admin/pollcards/elections/" + c.electionId + "/notices/P1/pdf");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(audits("read-personal-data")).isEqualTo(readsBefore + 1);
        String number = noticeNumber(c, "P1");
        String grouped = number.substring(0, 4) + "-" + number.substring(4, 8) + "-" + number.substring(8);
        String url = "http://localhost:" + port + "/wahlschein/" + c.electionId + "?nr=" + number;
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = Pdfs.pageText(doc, 0);
            assertThat(text).contains("Ayşe Yılmaz", "Hauptstraße 12a", "80331 Teststadt", "Wahlbenachrichtigung",
                    "Nummer dieser Wahlbenachrichtigung: " + grouped, "Ihr Wahlbezirk: 0003 Bezirk 3", "Schule C",
                    "Schulweg 3, 80331 Teststadt", "barrierefrei zugänglich: ja", "Wahlzeit: 8:00 bis 18:00 Uhr", url);
            assertThat(Pdfs.qr(doc, 0)).isEqualTo(url);
            // Tagged, with language, title shown as window title, embedded fonts, a Figure with alternative text.
            var catalog = doc.getDocumentCatalog();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getLanguage()).isEqualTo("de-DE");
            assertThat(doc.getDocumentInformation().getTitle()).startsWith("Wahlbenachrichtigung");
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(new String(catalog.getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("<pdfuaid:part>1</pdfuaid:part>");
            PDPage page = doc.getPage(0);
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
            List<PDStructureElement> elements = new ArrayList<>();
            collect(catalog.getStructureTreeRoot(), elements);
            assertThat(elements).extracting(PDStructureElement::getStructureType).contains("Document", "Sect", "H1", "P",
                    "Figure");
            assertThat(elements).filteredOn(e -> "Figure".equals(e.getStructureType()))
                    .extracting(PDStructureElement::getAlternateDescription).singleElement().asString().contains(url);
        }
        // The district whose station is not step-free says so.
        var p6 = admin.getBytes("/admin/pollcards/elections/" + c.electionId + "/notices/P6/pdf");
        assertThat(Pdfs.text(p6.body())).contains("Ihr Wahlbezirk: 0002", "barrierefrei zugänglich: nein");
        // Not on the roll (too young): no notice.
        assertThat(admin.getBytes("/admin/pollcards/elections/" + c.electionId + "/notices/P7/pdf").statusCode())
                .isEqualTo(404);
        // The link opens the public form with the number filled in, for anyone.
        HttpResponse<String> form = session().get("/wahlschein/" + c.electionId + "?nr=" + number);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"" + grouped + "\"").contains("Wahlschein beantragen");
    }

    private static void collect(PDStructureNode node, List<PDStructureElement> out) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                out.add(e);
                collect(e, out);
            }
        }
    }

    @Test
    void requestsGetOneNeutralAnswerAndTheOfficeIssuesOneCard() throws Exception {
        HttpSession admin = login(Role.ADMIN, null, null);
        TestCity c = city(admin);
        admin.getBytes("/admin/pollcards/elections/" + c.electionId + "/notices/P1/pdf"); // assigns the numbers
        String number = noticeNumber(c, "P1");

        var known = submit(c, request(number, "Yılmaz", "Ayşe", "17.05.1980", "Hauptstraße", "12a"));
        var unknown = submit(c, request("", "Niemand", "Nils", "01.01.1990", "Hauptstraße", "3"));
        var wrongBirth = submit(c, request(number, "Yılmaz", "Ayşe", "18.05.1980", "Hauptstraße", "12a"));
        var byAddress = submit(c, request("", "yılmaz", "Ayşe", "1980-05-17", "Hauptstr.", "12 a"));
        for (var r : List.of(known, unknown, wrongBirth, byAddress)) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("Antrag eingegangen");
        }
        // Apart from the reference, the answers are the same byte for byte: nothing tells who is registered.
        assertThat(neutral(known.body())).isEqualTo(neutral(unknown.body())).isEqualTo(neutral(wrongBirth.body()));

        List<PollCardStore.Request> requests = store.requests(c.electionId, "");
        assertThat(requests).hasSize(4);
        long p1 = residentId(c, "P1");
        assertThat(requests).extracting(PollCardStore.Request::residentId).containsExactly(p1, null, null, p1);
        assertThat(requests).extracting(PollCardStore.Request::channel).containsExactly("QR", "FORM", "QR", "FORM");

        // Malformed input: every field named, nothing stored.
        var bad = submit(c, request("XYZ", "", "Ayşe", "31.02.1980", "Hauptstraße", "12a"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Die Nummer hat zehn Zeichen", "gültiges Geburtsdatum",
                "<p class=\"error\" id=\"familyName-error\">Bitte ausfüllen.</p>", "Familienname: Bitte ausfüllen.");
        assertThat(store.requests(c.electionId, "")).hasSize(4);

        // The office's queue needs an administrator and is audited.
        long reads = audits("read-personal-data");
        var queue = admin.get("/admin/pollcards/elections/" + c.electionId);
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains(requests.get(0).reference(), "gefunden: P1, Wahlbezirk 0003",
                "nicht eindeutig gefunden");
        assertThat(audits("read-personal-data")).isEqualTo(reads + 1);

        // Approve: card issued, roll marked „W“, A2 counted.
        var approve = admin.post("/admin/pollcards/elections/" + c.electionId + "/requests/" + requests.get(0).id()
                + "/approve", Map.of());
        assertThat(approve.statusCode()).isEqualTo(302);
        assertThat(mark(c, p1)).isTrue();
        JsonNode counts = json.readTree(admin.get("/api/register/elections/" + c.electionId + "/counts").body());
        long a2 = 0;
        for (JsonNode u : counts.get("units")) {
            a2 += u.get("a2").asLong();
        }
        assertThat(a2).isEqualTo(1);

        // A second request of the same person cannot produce a second card.
        admin.get("/admin/pollcards/elections/" + c.electionId);
        admin.post("/admin/pollcards/elections/" + c.electionId + "/requests/" + requests.get(3).id() + "/approve",
                Map.of());
        var after = admin.get("/admin/pollcards/elections/" + c.electionId);
        assertThat(after.body()).contains("bereits ein Wahlschein erteilt");
        assertThat(count("select count(*) from polling_card where election_id = :e", c.electionId)).isEqualTo(1);
        assertThat(store.request(requests.get(3).id()).orElseThrow().status()).isEqualTo("RECEIVED");

        // Unmatched: cannot be approved; rejecting needs a reason.
        admin.post("/admin/pollcards/elections/" + c.electionId + "/requests/" + requests.get(1).id() + "/approve",
                Map.of());
        assertThat(admin.get("/admin/pollcards/elections/" + c.electionId).body()).contains("nicht gefunden; bitte ablehnen");
        admin.post("/admin/pollcards/elections/" + c.electionId + "/requests/" + requests.get(1).id() + "/reject",
                Map.of("reason", ""));
        assertThat(admin.get("/admin/pollcards/elections/" + c.electionId).body()).contains("Bitte eine Begründung angeben.");
        admin.post("/admin/pollcards/elections/" + c.electionId + "/requests/" + requests.get(1).id() + "/reject",
                Map.of("reason", "Nicht im Wählerverzeichnis; Bescheid per Post"));
        assertThat(store.request(requests.get(1).id()).orElseThrow().status()).isEqualTo("REJECTED");

        // The card and the labels as PDF.
        long card = store.requests(c.electionId, "ISSUED").getFirst().cardId();
        var cardPdf = admin.getBytes("/admin/pollcards/elections/" + c.electionId + "/cards/" + card + "/pdf");
        assertThat(cardPdf.statusCode()).isEqualTo(200);
        assertThat(Pdfs.text(cardPdf.body())).contains("Wahlschein Nr. " + card, "Ayşe Yılmaz", "geboren am 17.05.1980",
                "Wahlbezirk 0003");
        var labels = admin.getBytes("/admin/pollcards/elections/" + c.electionId + "/labels.pdf");
        assertThat(Pdfs.text(labels.body())).contains("Wahlschein " + card + " · Bezirk 0003", "Ayşe Yılmaz",
                "Hauptstraße 12a", "80331 Teststadt");

        // Lost card: replaced, the old one invalid, still exactly one valid card and the mark stays.
        admin.get("/admin/pollcards/elections/" + c.electionId + "/cards");
        admin.post("/admin/pollcards/elections/" + c.electionId + "/cards/" + card + "/replace",
                Map.of("reason", "Versicherung: Unterlagen nicht zugegangen"));
        assertThat(store.card(card).orElseThrow().valid()).isFalse();
        assertThat(count("select count(*) from polling_card where election_id = :e and valid", c.electionId))
                .isEqualTo(1);
        PollCardStore.Card replacement = store.cards(c.electionId).stream().filter(PollCardStore.Card::valid)
                .findFirst().orElseThrow();
        assertThat(replacement.replacesId()).isEqualTo(card);
        assertThat(mark(c, p1)).isTrue();
        assertThat(Pdfs.text(admin.getBytes("/admin/pollcards/elections/" + c.electionId + "/cards/"
                + replacement.id() + "/pdf").body())).contains("ersetzt den für ungültig erklärten Wahlschein Nr. " + card);
        assertThat(admin.getBytes("/admin/pollcards/elections/" + c.electionId + "/cards/" + card + "/pdf")
                .statusCode()).isEqualTo(400);

        // The database itself refuses a second valid card, whatever the code does.
        assertThatThrownBy(() -> jdbc.sql("""
                insert into polling_card (election_id, resident_id, issued_by) values (:e, :r, 'sql')""")
                .param("e", c.electionId).param("r", p1).update()).isInstanceOf(DataIntegrityViolationException.class);
        // Nor can the roll be rebuilt under issued cards (it would lose the mark).
        var rebuild = admin.json("POST", "/api/register/elections/" + c.electionId + "/build", "{}");
        assertThat(rebuild.statusCode()).isEqualTo(400);
        assertThat(audits("issue-polling-card")).isPositive();
        assertThat(audits("invalidate-polling-card")).isPositive();
    }

    private static String neutral(String body) {
        return body.replaceAll("id=\"reference\">[^<]*<", "").replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    boolean mark(TestCity c, long residentId) {
        return jdbc.sql("select polling_card from roll_entry where election_id = :e and resident_id = :r")
                .param("e", c.electionId).param("r", residentId).query(Boolean.class).single();
    }

    @Test
    void concurrentApprovalsIssueExactlyOneCard() throws Exception {
        HttpSession admin = login(Role.ADMIN, null, null);
        TestCity c = city(admin);
        int n = 8;
        for (int i = 0; i < n; i++) {
            assertThat(submit(c, request("", "Adler", "Carla", "04.03.1990", "Hauptstraße", "5")).statusCode())
                    .isEqualTo(200);
        }
        List<PollCardStore.Request> requests = store.requests(c.electionId, "RECEIVED");
        assertThat(requests).hasSize(n).allMatch(r -> r.residentId() != null);
        admin.get("/admin/pollcards/elections/" + c.electionId);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (PollCardStore.Request r : requests) {
                Callable<Integer> call = () -> admin.post("/admin/pollcards/elections/" + c.electionId + "/requests/"
                        + r.id() + "/approve", Map.of()).statusCode();
                results.add(pool.submit(call));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get()).isEqualTo(302);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(store.requests(c.electionId, "ISSUED")).hasSize(1);
        assertThat(store.requests(c.electionId, "RECEIVED")).hasSize(n - 1);
        assertThat(count("select count(*) from polling_card where election_id = :e", c.electionId)).isEqualTo(1);
        assertThat(mark(c, residentId(c, "P4"))).isTrue();
    }

    @Test
    void publicRequestsAreRateLimitedPerAddress() {
        HttpSession admin = login(Role.ADMIN, null, null);
        TestCity c = city(admin);
        throttle.clear();
        HttpSession citizen = session();
        citizen.get("/wahlschein/" + c.electionId);
        for (int i = 0; i < throttle.limit(); i++) {
            assertThat(citizen.post("/wahlschein/" + c.electionId, Map.of()).statusCode()).isEqualTo(400);
        }
        var refused = citizen.post("/wahlschein/" + c.electionId,
                request("", "Adler", "Carla", "04.03.1990", "Hauptstraße", "5"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(refused.body()).contains("Zu viele Anträge");
        assertThat(store.requests(c.electionId, "")).isEmpty();
    }

    @Test
    void printFileHoldsEveryNoticeInDeliveryOrderAndSplitsIntoParts() throws Exception {
        HttpSession admin = login(Role.ADMIN, null, null);
        TestCity c = city(admin);
        var started = admin.json("POST", "/api/pollcards/elections/" + c.electionId + "/print", null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode status = null;
        for (int i = 0; i < 300; i++) {
            status = json.readTree(admin.get("/api/pollcards/elections/" + c.electionId + "/print").body());
            if (!"RUNNING".equals(status.get("state").asString())) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(status.get("state").asString()).isEqualTo("DONE");
        assertThat(status.get("done").asLong()).isEqualTo(6).isEqualTo(status.get("total").asLong());
        var file = admin.getBytes("/admin/pollcards/elections/" + c.electionId + "/print/file");
        assertThat(file.statusCode()).isEqualTo(200);
        // Delivery order: postal code, street (Am Markt, Hauptstraße, Lindenweg), house number (5, 12a, 20), name.
        List<String> expected = List.of("Dieter Zorn", "Carla Adler", "Ayşe Yılmaz", "Emil Ernst", "Anna Berg",
                "Bernd Berg");
        List<String> names = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(file.body())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(6);
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                String text = Pdfs.pageText(doc, p);
                names.add(expected.stream().filter(text::contains).findFirst().orElse("?"));
            }
            String last = Pdfs.qr(doc, 5);
            assertThat(last).endsWith("?nr=" + noticeNumber(c, "P3"));
        }
        assertThat(names).isEqualTo(expected);

        // The same with parts of two notices: a ZIP of three PDFs, together the same order.
        Election e = service.election(c.electionId);
        PrintJobs small = new PrintJobs(store, audit, tx, messages, properties, 2);
        PrintJobs.Job job = small.start(e, service.day(e), "http://example.org", "test", service);
        for (int i = 0; i < 300 && job.state() == PrintJobs.State.RUNNING; i++) {
            Thread.sleep(100);
        }
        assertThat(job.state()).isEqualTo(PrintJobs.State.DONE);
        assertThat(job.fileName()).endsWith(".zip");
        List<String> partNames = new ArrayList<>();
        List<String> zipped = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(job.file)))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                partNames.add(entry.getName());
                try (PDDocument doc = Loader.loadPDF(zip.readAllBytes())) {
                    assertThat(doc.getNumberOfPages()).isLessThanOrEqualTo(2);
                    for (int p = 0; p < doc.getNumberOfPages(); p++) {
                        String text = Pdfs.pageText(doc, p);
                        zipped.add(expected.stream().filter(text::contains).findFirst().orElse("?"));
                    }
                }
            }
        }
        assertThat(partNames).containsExactly("teil-0001.pdf", "teil-0002.pdf", "teil-0003.pdf");
        assertThat(zipped).isEqualTo(expected);
    }

    @Test
    void personalDataOnlyForAdministratorsOfTheDay() {
        HttpSession admin = login(Role.ADMIN, null, null);
        TestCity c = city(admin);
        List<String> paths = List.of("/admin/pollcards/elections/" + c.electionId,
                "/admin/pollcards/elections/" + c.electionId + "/cards",
                "/admin/pollcards/elections/" + c.electionId + "/notices/P1/pdf",
                "/admin/pollcards/elections/" + c.electionId + "/labels.pdf",
                "/api/pollcards/elections/" + c.electionId + "/print");
        List<HttpSession> others = List.of(login(Role.CLERK, null, null), login(Role.OBSERVER, null, null),
                login(Role.APPROVER, null, null), login(Role.ADMIN, "admin", "09999001"));
        for (HttpSession s : others) {
            for (String p : paths) {
                assertThat(s.getBytes(p).statusCode()).as(p).isEqualTo(403);
            }
        }
        for (String p : paths) {
            assertThat(admin.getBytes(p).statusCode()).as(p).isEqualTo(200);
        }
    }
}
