package de.wahlwerk.server.pollworkers;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.support.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A fresh election day of its own for each test (order-independent): a town with a polling
 * station, two polling districts and one postal district, a mayoral election with one candidate,
 * a resident register and street index imported and the roll built through the register API.
 */
record PollWorkerFixture(long dayId, long electionId, long unit1, long unit2, long postal, String ags) {

    /** Residents: R1 adult in 0101, R2 adult in 0102, R3 the candidate, R4 too young, R5 adult in 0101. */
    static final String RESIDENTS = """
            melderegister_id;familienname;vornamen;geburtsdatum;staatsangehoerigkeiten;strasse;hausnummer;plz;ort;zuzug;zuzug_aus_ausland;wohnungsstatus;wahlrechtsausschluss
            R1;Adler;Anna;1980-04-01;DE;Amselweg;3;99998;Prüfstadt;2000-01-01;N;H;N
            R2;Brandt;Bernd;1975-06-15;DE;Buchenweg;8;99998;Prüfstadt;2000-01-01;N;H;N
            R3;Kandidat;Karl;1970-01-01;DE;Amselweg;5;99998;Prüfstadt;2000-01-01;N;H;N
            R4;Jung;Jana;2010-01-01;DE;Amselweg;7;99998;Prüfstadt;2000-01-01;N;H;N
            R5;Zeder;Zoe;1990-09-09;DE;Amselweg;9;99998;Prüfstadt;2000-01-01;N;H;N
            """;

    static final String STREETS = """
            strasse;plz;von;bis;seite;wahlbezirk
            Amselweg;;;;A;0101
            Buchenweg;;;;A;0102
            """;

    static PollWorkerFixture create(HttpSession admin) {
        String ags = "0999" + String.format("%04d", (int) (System.nanoTime() % 10000));
        long day = id(admin.json("POST", "/api/setup/days", """
                {"name":"Wahlhelfertag %d","date":"2027-05-02","pollsClose":"18:00","scopeHierarchy":"admin","scopeKey":"%s"}"""
                .formatted(System.nanoTime(), ags)).body());
        admin.json("POST", "/api/setup/days/" + day + "/areas",
                "{\"hierarchy\":\"admin\",\"level\":\"MUNICIPALITY\",\"officialKey\":\"" + ags + "\",\"name\":\"Prüfstadt\"}");
        admin.json("POST", "/api/setup/days/" + day + "/stations", """
                {"stationKey":"S1","name":"Grundschule am Anger","street":"Angerweg 1","postalCode":"99998","city":"Prüfstadt",
                 "stepFree":true,"chairName":"Alte Angabe","chairPhone":"0999 1","areaKey":"%s"}""".formatted(ags));
        long u1 = id(admin.json("POST", "/api/setup/days/" + day + "/units", """
                {"kind":"POLLING","officialKey":"0101","name":"Anger 1","pollingStationKey":"S1","areas":{"admin":"%s"}}""".formatted(ags)).body());
        long u2 = id(admin.json("POST", "/api/setup/days/" + day + "/units", """
                {"kind":"POLLING","officialKey":"0102","name":"Anger 2","pollingStationKey":"S1","areas":{"admin":"%s"}}""".formatted(ags)).body());
        long p = id(admin.json("POST", "/api/setup/days/" + day + "/units", """
                {"kind":"POSTAL","officialKey":"BW1","name":"Briefwahl 1","areas":{"admin":"%s"}}""".formatted(ags)).body());
        long election = id(admin.json("POST", "/api/setup/days/" + day + "/elections",
                "{\"kind\":\"MAYOR\",\"name\":\"Bürgermeisterwahl\"}").body());
        long nomination = id(admin.json("POST", "/api/setup/elections/" + election + "/nominations",
                "{\"voteKind\":\"CANDIDATE\",\"ballotPosition\":1,\"shortName\":\"K\",\"name\":\"Karl Kandidat\",\"groupKind\":\"PARTY\"}").body());
        admin.json("POST", "/api/setup/nominations/" + nomination + "/candidates",
                "{\"listPosition\":1,\"familyName\":\"Kandidat\",\"givenNames\":\"Karl\",\"yearOfBirth\":1970}");
        assertThat(csv(admin, "/api/register/days/" + day + "/streets?file=sv.csv", STREETS).statusCode()).isEqualTo(201);
        var r = csv(admin, "/api/register/days/" + day + "/residents?file=mr.csv", RESIDENTS);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        var built = admin.json("POST", "/api/register/elections/" + election + "/build", "{}");
        assertThat(built.statusCode()).as(built.body()).isEqualTo(200);
        return new PollWorkerFixture(day, election, u1, u2, p, ags);
    }

    static HttpResponse<String> csv(HttpSession s, String path, String body) {
        return s.send(HttpRequest.newBuilder(URI.create(s.base() + path)).header("Content-Type", "text/csv")
                .header("Accept", "application/json").header("X-CSRF-TOKEN", s.csrf())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static long id(String body) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The text of a PDF, as a reader (or screen reader) gets it, with line breaks as single spaces. */
    static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tagged for assistive technology: marked, with language, title, a structure tree and embedded fonts. */
    static void assertTagged(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var catalog = doc.getDocumentCatalog();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getLanguage()).isEqualTo("de-DE");
            assertThat(doc.getDocumentInformation().getTitle()).contains("Berufung");
            var document = (PDStructureElement) catalog.getStructureTreeRoot().getKids().getFirst();
            assertThat(document.getStructureType()).isEqualTo("Document");
            // One section per letter, holding its heading and paragraphs.
            var letter = (PDStructureElement) document.getKids().getFirst();
            assertThat(letter.getStructureType()).isEqualTo("Sect");
            assertThat(letter.getKids()).hasSizeGreaterThan(5)
                    .allSatisfy(k -> assertThat(((PDStructureElement) k).getStructureType()).isIn("H1", "P"));
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(name).isEmbedded()).isTrue();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String portalLink(String text) {
        Matcher m = Pattern.compile("/wahlhelfer/p/([A-Za-z0-9_-]{43})").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(0);
    }
}
