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
 * Walks the audit log in id order and recomputes every hash. The first entry whose stored hash or
 * link to its predecessor does not match is reported; everything after it is untrustworthy.
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

    public AuditVerifier(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
    }

    public Result verify() {
        AtomicReference<String> expectedPrev = new AtomicReference<>(AuditChain.GENESIS);
        AtomicLong checked = new AtomicLong();
        AtomicReference<Result> broken = new AtomicReference<>();
        jdbc.query("select id, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash "
                + "from audit_log order by id", (RowCallbackHandler) rs -> {
                    if (broken.get() != null) {
                        return;
                    }
                    AuditEntry e = read(rs);
                    checked.incrementAndGet();
                    if (!e.prevHash().equals(expectedPrev.get())) {
                        broken.set(new Result(checked.get(), e.id(),
                                "audit.reason.link"));
                    } else if (!AuditChain.hash(e).equals(e.hash())) {
                        broken.set(new Result(checked.get(), e.id(), "audit.reason.changed"));
                    }
                    expectedPrev.set(e.hash());
                });
        if (broken.get() != null) {
            return broken.get();
        }
        String head = jdbc.queryForObject("select last_hash from audit_head where id = 1", String.class);
        if (!expectedPrev.get().equals(head)) {
            return new Result(checked.get(), checked.get() + 1,
                    "audit.reason.truncated");
        }
        return new Result(checked.get(), null, null);
    }

    private static AuditEntry read(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("entity"), rs.getString("entity_id"), rs.getString("before_json"),
                rs.getString("after_json"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
