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
 * PostgreSQL while the table has grown since its statistics were taken, as during election night:
 * each must use the index made for it. With only the old
 * (election_id, unit_id, status) index PostgreSQL read every report of the election for both, and
 * kept those plans while the table grew (V12).
 */
class ReportLookupPlansIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> BY_SEQUENCE = List.of("Index Scan quick_report_confirmed", "Index Scan quick_report_confirmed_seq_key");

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.transaction.support.TransactionTemplate tx;

    @Test
    void idempotencyKeyIsLookedUpByItsUniqueIndex() {
        java.util.function.LongFunction<List<String>> lookUp = e -> scansOfQuickReport(ReportStore.BY_IDEMPOTENCY_KEY,
                Map.of("e", e, "k", "no-such-key"));
        // Before the night (a small table: the old schema chose the unit index here) and during it.
        assertThat(lookUp.apply(firstElection())).containsExactly("Index Scan quick_report_election_id_idempotency_key_key");
        assertThat(duringANight(lookUp)).containsExactly("Index Scan quick_report_election_id_idempotency_key_key");
    }

    @Test
    void confirmedSumsReadOnlyTheConfirmationsAfterTheLastSeen() {
        java.util.function.LongFunction<List<String>> lookUp = e -> scansOfQuickReport(ConfirmedSums.SINCE, Map.of("e", e, "s",
                jdbc.sql("select coalesce(max(confirmed_seq), 0) from quick_report").query(Long.class).single()));
        // Either index on the sequence reads only the newer confirmations; the old schema read the
        // election's every report through the unit index.
        assertThat(lookUp.apply(firstElection())).singleElement().isIn(BY_SEQUENCE);
        assertThat(duringANight(lookUp)).singleElement().isIn(BY_SEQUENCE);
    }

    private long firstElection() {
        return jdbc.sql("select min(id) from election").query(Long.class).single();
    }

    @Test
    void approversWorkListReadsOnlyPendingVersions() {
        // An index scan or a bitmap scan of the partial index: either reads the pending versions only.
        assertThat(duringANight(e -> scansOfQuickReport(ReportStore.PENDING, Map.of("e", e))))
                .singleElement().isIn("Index Scan quick_report_pending", "Bitmap Heap Scan quick_report_pending");
    }

    /**
     * Plans the look-up in a transaction that is rolled back, after 3,000 reports of one election
     * were added without ANALYZE: the table has grown since PostgreSQL last looked, as during a night.
     */
    private List<String> duringANight(java.util.function.LongFunction<List<String>> lookUp) {
        return tx.execute(status -> {
            status.setRollbackOnly();
            long election = firstElection();
            long unit = jdbc.sql("""
                    select u.id from reporting_unit u join election e on e.election_day_id = u.election_day_id
                    where e.id = :e order by u.id limit 1""").param("e", election).query(Long.class).single();
            jdbc.sql("""
                    insert into quick_report (election_id, unit_id, kind, status, values_text, channel, entered_by,
                        idempotency_key, confirmed_seq)
                    select :e, :u, 'ENTRY', case when i % 3 = 0 then 'REJECTED' else 'CONFIRMED' end, 'A=1', 'API', 'plan-test',
                        'plan-test-' || i, case when i % 3 = 0 then null else -i end
                    from generate_series(1, 3000) i""").param("e", election).param("u", unit).update();
            return lookUp.apply(election);
        });
    }

    /**
     * Each scan of quick_report in the plan: node type and index (for a bitmap heap scan, the
     * indexes of the bitmap index scans below it, which name no relation themselves).
     */
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
            List<String> indexes = new ArrayList<>();
            bitmapIndexes(node, indexes);
            String index = indexes.isEmpty() ? node.path("Index Name").asString("") : String.join(" + ", indexes);
            scans.add((node.get("Node Type").asString() + " " + index).strip());
        }
        for (JsonNode child : node.path("Plans")) {
            collect(child, scans);
        }
    }

    private static void bitmapIndexes(JsonNode node, List<String> indexes) {
        for (JsonNode child : node.path("Plans")) {
            if (child.path("Node Type").asString("").equals("Bitmap Index Scan")) {
                indexes.add(child.path("Index Name").asString(""));
            }
            if (child.path("Node Type").asString("").startsWith("Bitmap")) {
                bitmapIndexes(child, indexes); // BitmapAnd / BitmapOr combine several
            }
        }
    }
}
