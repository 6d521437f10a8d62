package de.wahlwerk.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Walks the audit log in id order and recomputes every hash, following each of its chains (ADR
 * 0006: within a chain, id order is append order). The first entry whose stored hash or link to its
 * chain's previous entry does not match is reported; everything after it is untrustworthy. Each
 * chain's last hash must equal its head row, else entries were cut off its end.
 */
@Component
public class AuditVerifier {

    /** Outcome of a verification: {@code firstBrokenId} is null when the chain is intact; {@code reason} is a message key. */
    public record Result(long checked, Long firstBrokenId, String reason) {
        public boolean ok() {
            return firstBrokenId == null;
        }
    }

    private final JdbcTemplate jdbc;
    private final org.springframework.transaction.support.TransactionTemplate snapshot;

    public AuditVerifier(DataSource dataSource, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
        // One snapshot for the entries and the heads: a server appending meanwhile must not look
        // like a cut-off chain (and PostgreSQL streams with the fetch size only inside a transaction).
        this.snapshot = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    public Result verify() {
        return snapshot.execute(status -> verifyInSnapshot());
    }

    private Result verifyInSnapshot() {
        java.util.Map<Integer, String> expectedPrev = new java.util.HashMap<>();
        AtomicLong checked = new AtomicLong();
        AtomicReference<Result> broken = new AtomicReference<>();
        jdbc.query("select id, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash, chain "
                + "from audit_log order by id", (RowCallbackHandler) rs -> {
                    if (broken.get() != null) {
                        return;
                    }
                    AuditEntry e = read(rs);
                    int chain = rs.getInt("chain");
                    checked.incrementAndGet();
                    if (!e.prevHash().equals(expectedPrev.getOrDefault(chain, AuditChain.GENESIS))) {
                        broken.set(new Result(checked.get(), e.id(),
                                "audit.reason.link"));
                    } else if (!AuditChain.hash(e).equals(e.hash())) {
                        broken.set(new Result(checked.get(), e.id(), "audit.reason.changed"));
                    }
                    expectedPrev.put(chain, e.hash());
                });
        if (broken.get() != null) {
            return broken.get();
        }
        for (var head : jdbc.queryForList("select id, last_hash from audit_head order by id")) {
            int chain = ((Number) head.get("id")).intValue();
            if (!expectedPrev.getOrDefault(chain, AuditChain.GENESIS).equals(head.get("last_hash"))) {
                return new Result(checked.get(), checked.get() + 1,
                        "audit.reason.truncated");
            }
        }
        return new Result(checked.get(), null, null);
    }

    private static AuditEntry read(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("entity"), rs.getString("entity_id"), rs.getString("before_json"),
                rs.getString("after_json"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
