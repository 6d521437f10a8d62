package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.formats.FhswfOwdReader;
import de.wahlwerk.core.formats.OffeneWahldatenWriter.FileType;
import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.setup.DemoElection;
import de.wahlwerk.server.support.DemoReports;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The "Offene Wahldaten" files of the demo election follow the confirmations: after each confirmed
 * report the result file has the district's row with the confirmed numbers, and the five files
 * together pass the checks of the fhswf/wahlkarte reader.
 */
class OffeneWahldatenLiveIT extends IntegrationTest {

    /** Districts no other test reports: one in each constituency and a postal district. */
    private static final String NORTH = "0206";
    private static final String SOUTH = "0706";
    private static final String POSTAL = "BW-14";

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void theResultFileShowsEveryConfirmedReportAndPassesTheReadersChecks() throws Exception {
        DemoReports demo = new DemoReports(jdbc);
        String dir = "/wahlen/" + demo.electionId() + "/offene-wahldaten/";
        HttpSession clerk = signedIn(accounts, Role.CLERK, "admin", DemoElection.AGS);
        clerk.get("/admin");
        HttpSession approver = signedIn(accounts, Role.APPROVER, "admin", DemoElection.AGS);
        approver.get("/admin");

        Map<String, String> north = demo.values(NORTH);
        demo.confirm(clerk, approver, NORTH, north, null);
        await(dir + "wahlergebnisse.csv", text -> text.contains(";" + NORTH + ";"));
        // The next confirmation is added to the file already published.
        for (String key : List.of(SOUTH, POSTAL)) {
            demo.confirm(clerk, approver, key, demo.values(key), null);
        }
        String results = await(dir + "wahlergebnisse.csv",
                text -> text.contains(";" + SOUTH + ";") && text.contains(";" + POSTAL + ";"));

        String districts = await(dir + "wahlgebietseinteilungen.csv", text -> true);
        String ballot = await(dir + "stimmzettel.csv", text -> true);
        // Only our rows: other tests may confirm numbers on purpose that the reader would refuse.
        Map<String, Map<String, String>> rows = FhswfOwdReader.checkResults(only(results, Set.of(NORTH, SOUTH, POSTAL)),
                districts, ballot);
        for (String key : List.of(NORTH, SOUTH, POSTAL)) {
            Map<String, String> confirmed = demo.values(key);
            Map<String, String> row = rows.get(key);
            confirmed.forEach((letter, value) -> assertThat(row.get(letter)).as(key + " " + letter).isEqualTo(value));
            assertThat(row.get("version")).isEqualTo("0.3");
            assertThat(row.get("wahl-behoerde-gs")).isEqualTo(DemoElection.AGS);
            assertThat(row.get("zeitstempel-erfassung")).matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}:\\d{2}");
            // No constituency candidate stands on positions 9 and 10: empty, not 0.
            assertThat(row.get("D9")).as(key).isEmpty();
            assertThat(row.get("F9")).as(key).isEqualTo(confirmed.get("F9"));
        }
        assertThat(rows.get(NORTH).get("bezirk-name")).isEqualTo("Nordstadt 6");
        assertThat(rows.get(POSTAL)).containsEntry("A1", "0").containsEntry("A", "0");

        Map<String, Map<String, String>> units = FhswfOwdReader.read(FileType.WAHLGEBIETSEINTEILUNGEN, districts).stream()
                .collect(Collectors.toMap(r -> r.get("bezirk-nr"), r -> r));
        assertThat(units).hasSize(80);
        assertThat(units.get(POSTAL)).containsEntry("bezirk-art", "B").containsEntry("kandidat-gebiet-nr", "302")
                .containsEntry("stimmzettel-gebiet-nr", "302").containsEntry("gebiet-ebene-2-nr", DemoElection.AGS + "-7")
                .containsEntry("gebiet-ebene-3-nr", DemoElection.AGS);
        assertThat(units.get(NORTH)).containsEntry("bezirk-art", "W").containsEntry("kandidat-gebiet-nr", "301")
                .containsEntry("kandidat-gebiet-bezeichnung", "Musterstadt-Nord");

        Map<String, String> parameters = FhswfOwdReader.read(FileType.WAHLPARAMETER, await(dir + "wahlparameter.csv",
                text -> true)).getFirst();
        assertThat(parameters).containsEntry("wahl-behoerde-name", "Musterstadt")
                .containsEntry("kandidat-gebiet-bezeichnung", "Wahlkreis")
                .containsEntry("gebiet-ebene-2-bezeichnung", "Stadtbezirk")
                .containsEntry("gebiet-ebene-3-bezeichnung", "Gemeinde");
        List<Map<String, String>> positions = FhswfOwdReader.read(FileType.STIMMZETTEL, ballot);
        // One row per position: where a list and a constituency nomination share it (position 8: a list
        // and an Einzelbewerber in the demo), the list names it, as in the converter's files.
        assertThat(positions).filteredOn(p -> p.get("stimmzettel-gebiet-nr").equals("302")).hasSize(10)
                .filteredOn(p -> p.get("stimmzettel-position").equals("8")).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("partei-kurzname", "FREIE WÄHLER").containsEntry("partei-typ", "P"));
        // 10 lists of 5 and 2 × 8 constituency candidates.
        assertThat(FhswfOwdReader.read(FileType.KANDIDATEN, await(dir + "kandidaten.csv", text -> true))).hasSize(66);
    }

    /** The header and the rows of these districts. */
    private static String only(String results, Set<String> keys) {
        String[] lines = results.split("\n");
        StringBuilder out = new StringBuilder(lines[0]).append('\n');
        for (int i = 1; i < lines.length; i++) {
            if (keys.contains(lines[i].split(";")[4])) {
                out.append(lines[i]).append('\n');
            }
        }
        return out.toString();
    }

    /** The file's text once it satisfies the condition (at most 15 s). */
    private String await(String path, Predicate<String> until) throws Exception {
        String text = null;
        for (long deadline = System.currentTimeMillis() + 15_000; System.currentTimeMillis() < deadline; Thread.sleep(100)) {
            var r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
                assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
                text = r.body();
                if (until.test(text)) {
                    return text;
                }
            }
        }
        throw new AssertionError("the file " + path + " did not show the expected rows within 15 s: " + text);
    }
}
