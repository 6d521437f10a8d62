package de.wahlwerk.server.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends every change to the hash-chained audit log, inside the transaction of the change: if the
 * change rolls back, so does its audit entry, and no change commits without one.
 *
 * <p>Writers are serialised by locking the single row of {@code audit_head}; that keeps the chain
 * linear across threads and nodes sharing the database.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records a change by the current user. {@code before}/{@code after} are serialised as JSON. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entity, Object entityId, Object before, Object after) {
        recordAs(currentActor(), action, entity, entityId, before, after);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(String actor, String action, String entity, Object entityId, Object before, Object after) {
        String prev = jdbc.sql("select last_hash from audit_head where id = 1 for update")
                .query(String.class).single();
        long id = jdbc.sql("select nextval('audit_log_id_seq')").query(Long.class).single();
        AuditEntry entry = new AuditEntry(id, Instant.now().truncatedTo(ChronoUnit.MICROS), actor, action, entity,
                entityId == null ? null : String.valueOf(entityId), toJson(before), toJson(after), prev, null);
        String hash = AuditChain.hash(entry);
        jdbc.sql("""
                insert into audit_log (id, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash)
                values (:id, :at, :actor, :action, :entity, :entityId, :before, :after, :prev, :hash)""")
                .param("id", id)
                .param("at", java.sql.Timestamp.from(entry.at()))
                .param("actor", entry.actor())
                .param("action", entry.action())
                .param("entity", entry.entity())
                .param("entityId", entry.entityId())
                .param("before", entry.beforeJson())
                .param("after", entry.afterJson())
                .param("prev", prev)
                .param("hash", hash)
                .update();
        jdbc.sql("update audit_head set last_hash = :hash where id = 1").param("hash", hash).update();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof String s ? s : json.writeValueAsString(value);
    }

    static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }
}
