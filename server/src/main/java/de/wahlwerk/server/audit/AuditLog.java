package de.wahlwerk.server.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends every change to the hash-chained audit log, inside the transaction of the change: if the
 * change rolls back, so does its audit entry, and no change commits without one.
 *
 * <p>The log is {@value #CHAINS} hash chains (ADR 0006). A transaction appends all its entries to
 * one chain, whose writers are serialised by locking that chain's row of {@code audit_head}: each
 * chain stays linear across threads and nodes sharing the database, and eight transactions can
 * commit at once instead of one. Confirmations, which queue for the report sequence while they
 * hold their chain, draw from chains 1–{@value #CONFIRMATION_CHAINS}; every other transaction from
 * the others, so that it never waits behind that queue.
 */
@Component
public class AuditLog {

    /** Number of chains; the database allows 1–8 ({@code audit_head_chain}). */
    public static final int CHAINS = 8;
    /** Chains 1 to this one are for the transactions that take the report sequence. */
    public static final int CONFIRMATION_CHAINS = 4;
    private static final Object CHAIN_OF_TRANSACTION = new Object();

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

    /**
     * For a transaction that will take the report sequence (a confirmation): takes one of chains
     * 1–{@value #CONFIRMATION_CHAINS} now, before the sequence. Confirmations hold the sequence
     * one after another until commit and queue for it while holding their chain. When they drew
     * from all eight chains, on a busy night every chain was held by a waiting confirmation and
     * every entry queued behind them (a 40-second recording of the NRW replay: 46 s of waiting for
     * a chain). One chain for all confirmations was slower still: the queue then formed before
     * the chain, and the chain's round trip was added to every confirmation's turn (ADR 0006).
     * A transaction that has audited something already keeps its chain.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockConfirmationChain() {
        chainOfTransaction(true);
        lockedChain();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(String actor, String action, String entity, Object entityId, Object before, Object after) {
        ChainOfTransaction locked = lockedChain();
        int chain = locked.chain;
        String prev = locked.lastHash;
        long id = locked.takeReservedId();
        if (id < 0) {
            id = jdbc.sql("select nextval('audit_log_id_seq')").query(Long.class).single();
        }
        AuditEntry entry = new AuditEntry(id, Instant.now().truncatedTo(ChronoUnit.MICROS), actor, action, entity,
                entityId == null ? null : String.valueOf(entityId), toJson(before), toJson(after), prev, null);
        String hash = AuditChain.hash(entry);
        // The entry and the chain's new head in one statement (one round trip per entry).
        jdbc.sql("""
                with entry as (
                    insert into audit_log (id, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash, chain)
                    values (:id, :at, :actor, :action, :entity, :entityId, :before, :after, :prev, :hash, :chain))
                update audit_head set last_hash = :hash where id = :chain""")
                .param("chain", chain)
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
        locked.lastHash = hash;
    }

    /**
     * The transaction's chain with its row locked and its last hash (read once per transaction).
     * It takes a chain of its range that no other transaction holds, if there is one; only when all
     * are held does it wait, for one drawn at random. Drawn at random always, two of the eight
     * requests a node works on at once met on one chain while another chain was free: sampled
     * every 50 ms in the NRW replay, the wait for a chain was the database's most frequent state
     * (docs/PERFORMANCE.md, session of 2026-11-30 afternoon).
     */
    private ChainOfTransaction lockedChain() {
        ChainOfTransaction c = chainOfTransaction(false);
        if (c.lastHash == null) {
            // The first entry's number comes with the lock: most transactions record one entry.
            RowMapper<Void> locked = (rs, i) -> {
                c.chain = rs.getInt(1);
                c.lastHash = rs.getString(2);
                c.reservedId = rs.getLong(3);
                return null;
            };
            jdbc.sql("""
                    select h.id, h.last_hash, nextval('audit_log_id_seq') from (
                        select id, last_hash from audit_head where id between :first and :last
                        order by random() limit 1 for update skip locked) h""")
                    .param("first", c.first).param("last", c.last).query(locked).list();
            if (c.lastHash == null) {
                int chain = c.first + ThreadLocalRandom.current().nextInt(c.last - c.first + 1);
                jdbc.sql("select id, last_hash, nextval('audit_log_id_seq') from audit_head where id = :c for update")
                        .param("c", chain).query(locked).list();
            }
        }
        return c;
    }

    /**
     * The chain a transaction writes to and, once locked, the hash its next entry links to (kept
     * here, not read again per entry: Wahlwerk rolls back whole transactions only, never to a
     * savepoint, which would leave it stale).
     */
    private static final class ChainOfTransaction {
        /** The chains it may take. */
        final int first;
        final int last;
        /** The chain it took, once {@link #lastHash} is set. */
        int chain;
        String lastHash;
        /** A number taken with the lock for the next entry, or -1. */
        long reservedId = -1;

        long takeReservedId() {
            long id = reservedId;
            reservedId = -1;
            return id;
        }

        ChainOfTransaction(int first, int last) {
            this.first = first;
            this.last = last;
        }
    }

    /**
     * One chain per transaction: a transaction holding two chains' locks could deadlock with one
     * taking them the other way round.
     */
    private static ChainOfTransaction chainOfTransaction(boolean confirmation) {
        ChainOfTransaction chain = (ChainOfTransaction) TransactionSynchronizationManager.getResource(CHAIN_OF_TRANSACTION);
        if (chain == null) {
            chain = confirmation ? new ChainOfTransaction(1, CONFIRMATION_CHAINS)
                    : new ChainOfTransaction(CONFIRMATION_CHAINS + 1, CHAINS);
            TransactionSynchronizationManager.bindResource(CHAIN_OF_TRANSACTION, chain);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CHAIN_OF_TRANSACTION);
                }
            });
        }
        return chain;
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
