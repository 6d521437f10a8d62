package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.formats.ResultFile;
import de.wahlwerk.core.formats.VotemanagerCsvReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The round trip of the open data: a published votemanager file, entered as quick reports, comes
 * back from the public site as a votemanager file with the same number in every cell.
 */
public final class OpenDataRoundTrip {

    private OpenDataRoundTrip() {}

    /**
     * Waits until the public district file of the area shows {@code units} reports, then compares
     * it cell by cell with the published file. Two differences are allowed and checked: the column
     * {@code wahl} holds our election's name, and columns of ballot positions nobody stood on
     * (Göttingen 2025: D17…F23, empty in every row) are not written by us.
     */
    public static void assertPublicFileEqualsPublished(String base, long election, String hierarchy, String key,
            Path published, int units) throws Exception {
        String path = "/wahlen/" + election + "/" + hierarchy + "/" + key + "/votemanager-wahlbezirke.csv";
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<byte[]> r = null;
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            r = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 200 && reported(r.body()) == units) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        byte[] ours = r.body();
        assertThat(reported(ours)).as("districts reported in " + path).isEqualTo(units);
        // Our file is a votemanager file for the vendor's reader too.
        ResultFile read = new VotemanagerCsvReader().read(new ByteArrayInputStream(ours), "public.csv");
        assertThat(read.rows()).hasSize(units);

        Map<String, Map<String, String>> expected = cells(Files.readAllBytes(published));
        Map<String, Map<String, String>> actual = cells(ours);
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((unit, row) -> row.forEach((column, value) -> {
            if (column.equals("wahl")) {
                return;
            }
            String mine = actual.get(unit).get(column);
            if (mine == null) {
                assertThat(value).as("column %s of district %s is not ours, so it must be empty", column, unit).isEmpty();
            } else {
                assertThat(mine).as("district %s, column %s", unit, column).isEqualTo(value);
            }
        }));
        // And nothing of ours that the published file lacks.
        List<String> published0 = header(Files.readAllBytes(published));
        assertThat(published0).containsAll(header(ours));
    }

    private static long reported(byte[] csv) {
        String[] lines = new String(csv, StandardCharsets.UTF_8).split("\n");
        List<String> h = Arrays.asList(lines[0].split(";", -1));
        int at = h.indexOf("anz-schnellmeldungen");
        long n = 0;
        for (int i = 1; i < lines.length; i++) {
            n += Long.parseLong(lines[i].split(";", -1)[at]);
        }
        return n;
    }

    private static List<String> header(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        return Arrays.asList(text.substring(0, text.indexOf('\n')).split(";", -1));
    }

    /** gebiet-nr → column → cell, in file order (neither file quotes). */
    static Map<String, Map<String, String>> cells(byte[] csv) {
        String[] lines = new String(csv, StandardCharsets.UTF_8).split("\n");
        String[] h = lines[0].split(";", -1);
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] c = lines[i].split(";", -1);
            assertThat(c).as("line " + (i + 1)).hasSize(h.length);
            Map<String, String> row = new LinkedHashMap<>();
            for (int j = 0; j < h.length; j++) {
                row.put(h[j], c[j]);
            }
            rows.put(row.get("gebiet-nr"), row);
        }
        return rows;
    }
}
