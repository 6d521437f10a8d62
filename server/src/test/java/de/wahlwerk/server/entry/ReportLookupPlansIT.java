package de.wahlwerk.server.entry;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The look-ups made on every submission, and the approvers' work list, planned by the real
 * PostgreSQL on a small table as at the start of election night: each must use the index made for it. With only the old
 * (election_id, unit_id, status) index PostgreSQL read every report of the election for both, and
 * kept those plans while the table grew (V12).
 */
class ReportLookupPlansIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void idempotencyKeyIsLookedUpByItsUniqueIndex() {
        List<String> scans = scansOfQuickReport(ReportStore.BY_IDEMPOTENCY_KEY, Map.of("e", anyElection(), "k", "no-such-key"));
        assertThat(scans).containsExactly("Index Scan quick_report_election_id_idempotency_key_key");
    }

    @Test
    void confirmedSumsReadOnlyTheConfirmationsAfterTheLastSeen() {
        long election = anyElection();
        long last = jdbc.sql("select coalesce(max(confirmed_seq), 0) from quick_report").query(Long.class).single();
        List<String> scans = scansOfQuickReport(ConfirmedSums.SINCE, Map.of("e", election, "s", last));
        assertThat(scans).containsExactly("Index Scan quick_report_confirmed");
    }

    @Test
    void approversWorkListReadsOnlyPendingVersions() {
        List<String> scans = scansOfQuickReport(ReportStore.PENDING, Map.of("e", anyElection()));
        assertThat(scans).containsExactly("Index Scan quick_report_pending");
    }

    private long anyElection() {
        return jdbc.sql("select min(id) from election").query(Long.class).single();
    }

    /** Each scan of quick_report in the plan: node type and index. */
    private List<String> scansOfQuickReport(String sql, Map<String, Object> params) {
        var statement = jdbc.sql("explain (format json) " + sql);
        for (var p : params.entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        JsonNode plan = JSON.readTree(statement.query(String.class).single());
        List<String> scans = new ArrayList<>();
        collect(plan.get(0).get("Plan"), scans);
        return scans;
    }

    private static void collect(JsonNode node, List<String> scans) {
        if ("quick_report".equals(node.path("Relation Name").asString(""))) {
            String index = node.path("Index Name").asString("");
            scans.add((node.get("Node Type").asString() + " " + index).strip());
        }
        for (JsonNode child : node.path("Plans")) {
            collect(child, scans);
        }
    }
}
