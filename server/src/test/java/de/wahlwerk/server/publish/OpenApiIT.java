package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import de.wahlwerk.server.setup.DemoElection;
import de.wahlwerk.server.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The published OpenAPI description tells the truth: every documented path answers for the demo
 * election, every JSON answer matches its documented schema, and every address the indexes list
 * answers too.
 */
class OpenApiIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyDocumentedPathAnswersAsDocumented() throws Exception {
        long election = DemoBundestag.id(jdbc);
        HttpResponse<String> described = publicPages().await("/wahlen/openapi.yaml");
        assertThat(described.statusCode()).isEqualTo(200);
        JsonNode api = YAMLMapper.builder().build().readTree(described.body());
        assertThat(api.get("openapi").asString()).startsWith("3.1");

        List<String> checked = new ArrayList<>();
        for (var path : api.get("paths").properties()) {
            String url = path.getKey().replace("{election}", Long.toString(election)).replace("{hierarchy}", "admin")
                    .replace("{key}", DemoElection.AGS);
            HttpResponse<String> r = publicPages().await(url);
            assertThat(r.statusCode()).as(url).isEqualTo(200);
            JsonNode ok = path.getValue().get("get").get("responses").get("200");
            String ref = ok.has("$ref") ? ok.get("$ref").asString() : "";
            if (ok.has("$ref")) {
                ok = api.at(ref.substring(1));
            }
            JsonNode content = ok.get("content");
            String type = content.propertyNames().iterator().next();
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(url).startsWith(type);
            if (type.equals("application/json")) {
                assertMatches(api, content.get(type).get("schema").get("$ref").asString(), r.body(), url);
            } else if (type.equals("text/csv") && ref.endsWith("/OffeneWahldatenCsv")) {
                assertThat(r.body()).as(url).startsWith("version;wahl-behoerde-gs;");
            } else if (type.equals("text/csv")) {
                assertThat(r.body()).as(url).startsWith("datum;wahl;ags;gebiet-nr;gebiet-name;max-schnellmeldungen;");
            }
            checked.add(url);
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(13);

        // The indexes link only to what exists: the election in the list, every area's files.
        JsonNode list = JSON.readTree(publicPages().await("/wahlen/index.json").body());
        String index = null;
        for (JsonNode e : list.get("elections")) {
            if (e.get("id").asLong() == election) {
                index = e.get("index").asString();
            }
        }
        assertThat(index).isEqualTo("/wahlen/" + election + "/index.json");
        JsonNode toc = JSON.readTree(publicPages().await(index).body());
        assertThat(toc.get("offeneWahldaten").get("files")).hasSize(5);
        for (JsonNode file : toc.get("offeneWahldaten").get("files")) {
            HttpResponse<String> r = publicPages().await(file.get("path").asString());
            assertThat(r.statusCode()).as(file.get("path").asString()).isEqualTo(200);
            assertThat(r.body()).startsWith("version;wahl-behoerde-gs;");
            assertThat(file.get("fileName").asString()).startsWith(DemoElection.AGS + "_")
                    .contains("_" + file.get("type").asString() + "_V0-3_").endsWith(".csv");
        }
        assertThat(toc.get("areas").size()).isGreaterThan(1);
        for (JsonNode area : toc.get("areas")) {
            List<String> links = new ArrayList<>(List.of(area.get("html").asString(), area.get("json").asString()));
            area.get("votemanager").forEach(v -> {
                if (!v.isNull()) {
                    links.add(v.asString());
                }
            });
            for (String link : links) {
                assertThat(publicPages().await(link).statusCode()).as(link).isEqualTo(200);
            }
            assertMatches(api, "#/components/schemas/AreaDocument", publicPages().await(area.get("json").asString()).body(),
                    area.get("json").asString());
        }

        // The schema check is not vacuous.
        assertThat(errors(api, "#/components/schemas/AreaDocument", "{\"election\":1}")).isNotEmpty();
    }

    private void assertMatches(JsonNode api, String ref, String body, String url) {
        assertThat(errors(api, ref, body)).as(url + " against " + ref).isEmpty();
    }

    /** Validates against a schema of the description: OpenAPI 3.1 schemas are JSON Schema 2020-12. */
    private static List<Error> errors(JsonNode api, String ref, String body) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", ref);
        root.set("components", api.get("components"));
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(root.toString(), InputFormat.JSON).validate(body, InputFormat.JSON);
    }
}
