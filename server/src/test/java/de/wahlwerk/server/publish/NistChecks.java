package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import de.wahlwerk.core.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a published NIST SP 1500-100 report: valid against the official JSON schema (NIST's
 * {@code NIST_V2_election_results_reporting.json}, read from the fixtures folder where it lies as
 * published, see its SOURCE.md), every id it refers to is defined in it, and no selection counts
 * a unit or area twice, which the schema cannot check.
 */
public final class NistChecks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NistChecks() {}

    /** Fetches the election's report from the public site and returns it after checking it. */
    public static JsonNode fetchValid(String base, long election) throws Exception {
        var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "/wahlen/" + election + "/" + OpenDataFiles.NIST)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return valid(r.body());
    }

    static JsonNode valid(String report) throws Exception {
        String schemaText = Files.readString(Fixtures.file("nist-1500-100-schema/NIST_V2_election_results_reporting.json"));
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schemaText, InputFormat.JSON);
        List<Error> errors = schema.validate(report, InputFormat.JSON);
        assertThat(errors).as("NIST SP 1500-100 schema violations").isEmpty();

        JsonNode root = JSON.readTree(report);
        Set<String> ids = new HashSet<>();
        Set<String> refs = new HashSet<>();
        collect(root, ids, refs);
        assertThat(ids).containsAll(refs);
        // A district lies in a leaf area of each hierarchy; an election-wide contest must still count it once.
        for (JsonNode c : root.get("Election").get(0).get("Contest")) {
            for (JsonNode sel : c.get("ContestSelection")) {
                List<String> counted = new java.util.ArrayList<>();
                sel.get("VoteCounts").forEach(v -> counted.add(v.get("GpUnitId").asString()));
                assertThat(counted).as("units counted in " + sel.get("@id").asString()).doesNotHaveDuplicates();
            }
        }
        return root;
    }

    private static void collect(JsonNode node, Set<String> ids, Set<String> refs) {
        if (node.isObject()) {
            for (var e : node.properties()) {
                String name = e.getKey();
                JsonNode v = e.getValue();
                if (name.equals("@id")) {
                    assertThat(ids.add(v.asString())).as("id defined twice: " + v.asString()).isTrue();
                } else if (name.endsWith("Id") && v.isString() && !name.equals("VendorApplicationId")) {
                    refs.add(v.asString());
                } else if (name.endsWith("Ids") && v.isArray()) {
                    v.forEach(x -> refs.add(x.asString()));
                } else {
                    collect(v, ids, refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(x -> collect(x, ids, refs));
        }
    }

    /** The votes a contest of the report gives a party (by abbreviation) in a unit or area. */
    public static long votes(JsonNode report, String contestName, String party, String gpUnit) {
        String partyId = null;
        for (JsonNode p : report.get("Party")) {
            if (p.get("Abbreviation").get("Text").get(0).get("Content").asString().equals(party)) {
                partyId = p.get("@id").asString();
            }
        }
        assertThat(partyId).as(party).isNotNull();
        for (JsonNode c : report.get("Election").get(0).get("Contest")) {
            if (!c.get("Name").asString().equals(contestName)) {
                continue;
            }
            for (JsonNode s : c.get("ContestSelection")) {
                if (s.get("PartyIds").get(0).asString().equals(partyId)) {
                    for (JsonNode v : s.get("VoteCounts")) {
                        if (v.get("GpUnitId").asString().equals(gpUnit)) {
                            return v.get("Count").asLong();
                        }
                    }
                }
            }
        }
        throw new AssertionError(contestName + " " + party + " " + gpUnit);
    }
}
