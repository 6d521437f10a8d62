package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.setup.DemoElection;
import de.wahlwerk.server.support.DemoReports;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The open-data files follow the confirmations one by one: after the first build only the changed
 * districts' rows are replaced, so a correction must replace its district's row and every total
 * above it, in large district files (built with the election-wide files) and small ones alike.
 */
class OpenDataLiveIT extends IntegrationTest {

    /** A district no other test reports (EntryIT, LiveResultsIT and the public-site tests use others). */
    private static final String UNIT = "0705";

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aCorrectionReplacesTheDistrictRowAndTheTotalsAbove() throws Exception {
        DemoReports demo = new DemoReports(jdbc);
        long election = demo.electionId();
        String dir = "/wahlen/" + election + "/admin/" + DemoElection.AGS + "/";
        HttpSession clerk = demoTownStaff(Role.CLERK);
        HttpSession approver = demoTownStaff(Role.APPROVER);

        Map<String, String> first = demo.values(UNIT);
        demo.confirm(clerk, approver, UNIT, first, null);
        Map<String, Map<String, String>> units = await(dir + "votemanager-wahlbezirke.csv",
                rows -> rows.containsKey(UNIT) && first.get("F1").equals(rows.get(UNIT).get("F1")));
        assertThat(units.get(UNIT).get("F2")).isEqualTo(first.get("F2"));

        // Five second votes typed into the wrong list, corrected with a reason.
        Map<String, String> corrected = new LinkedHashMap<>(first);
        corrected.put("F1", Long.toString(Long.parseLong(first.get("F1")) - 5));
        corrected.put("F2", Long.toString(Long.parseLong(first.get("F2")) + 5));
        demo.confirm(clerk, approver, UNIT, corrected, "Fünf Stimmen in der falschen Zeile");
        units = await(dir + "votemanager-wahlbezirke.csv",
                rows -> corrected.get("F1").equals(rows.get(UNIT).get("F1")));
        assertThat(units.get(UNIT).get("F2")).isEqualTo(corrected.get("F2"));
        // The town's file is a large one in the tests (IntegrationTest.LARGE_DISTRICT_FILE), built with
        // the election-wide files; its city district's is small and follows the change on its own.
        Map<String, Map<String, String>> cityDistrict = await(dir.replace(DemoElection.AGS + "/", DemoElection.AGS + "-7/")
                + "votemanager-wahlbezirke.csv", rows -> corrected.get("F1").equals(rows.get(UNIT).get("F1")));
        assertThat(cityDistrict).hasSize(10);

        // The town's total is the column sum of its districts, read once both files show the correction
        // (other tests confirm districts meanwhile, so compare a consistent pair).
        Map<String, String> total = null;
        long sumF1 = -1;
        long sumF2 = -1;
        for (int i = 0; i < 100; i++) {
            units = await(dir + "votemanager-wahlbezirke.csv", rows -> true);
            total = await(dir + "votemanager-gebiet.csv", rows -> true).values().iterator().next();
            sumF1 = sum(units, "F1");
            sumF2 = sum(units, "F2");
            if (Long.toString(sumF1).equals(total.get("F1")) && Long.toString(sumF2).equals(total.get("F2"))
                    && corrected.get("F1").equals(units.get(UNIT).get("F1"))) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(units.get(UNIT).get("F1")).isEqualTo(corrected.get("F1"));
        assertThat(total.get("F1")).isEqualTo(Long.toString(sumF1));
        assertThat(total.get("F2")).isEqualTo(Long.toString(sumF2));
    }

    private static long sum(Map<String, Map<String, String>> rows, String column) {
        return rows.values().stream().map(r -> r.get(column)).filter(v -> v != null && !v.isEmpty())
                .mapToLong(Long::parseLong).sum();
    }

    /** The file's cells once they satisfy the condition (at most 15 s). */
    private Map<String, Map<String, String>> await(String path, Predicate<Map<String, Map<String, String>>> until)
            throws Exception {
        Map<String, Map<String, String>> cells = Map.of();
        for (long deadline = System.currentTimeMillis() + 15_000; System.currentTimeMillis() < deadline; Thread.sleep(100)) {
            var r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 200) {
                cells = OpenDataRoundTrip.cells(r.body());
                if (until.test(cells)) {
                    return cells;
                }
            }
        }
        throw new AssertionError("the open-data file " + path + " did not show the expected numbers within 15 s: " + cells.get(UNIT));
    }
}
