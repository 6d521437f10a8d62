package de.wahlwerk.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit chain detects a row changed directly in the database and names it. */
class AuditVerifyIT extends IntegrationTest {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    TransactionTemplate tx;

    @Test
    void tamperingWithARowIsFoundAndNamed() {
        tx.executeWithoutResult(s -> {
            audit.recordAs("test", "update", "area", 4711, "{\"name\":\"Alt\"}", "{\"name\":\"Neu\"}");
            audit.recordAs("test", "update", "area", 4712, null, "{\"name\":\"Zwei\"}");
        });
        assertThat(verifier.verify().ok()).isTrue();
        long victim = jdbc.sql("select id from audit_log where entity_id = '4711' order by id desc limit 1")
                .query(Long.class).single();

        // The application cannot rewrite the log at all …
        var refused = org.assertj.core.api.Assertions.catchThrowable(() ->
                jdbc.sql("update audit_log set after_json = '{}' where id = :id").param("id", victim).update());
        assertThat(refused).hasMessageContaining("append-only");

        // … and someone with superuser rights who bypasses the trigger is caught by the chain.
        try {
            tx.executeWithoutResult(s -> {
                jdbc.sql("set local session_replication_role = replica").update();
                jdbc.sql("update audit_log set after_json = '{\"name\":\"Gefälscht\"}' where id = :id").param("id", victim).update();
            });
            var result = verifier.verify();
            assertThat(result.ok()).isFalse();
            assertThat(result.firstBrokenId()).isEqualTo(victim);
            assertThat(result.reason()).contains("changed");
        } finally {
            repair(victim);
        }
    }

    @Test
    void deletingTheNewestEntryIsFound() {
        tx.executeWithoutResult(s -> audit.recordAs("test", "create", "area", 4800, null, "{}"));
        long last = jdbc.sql("select max(id) from audit_log").query(Long.class).single();
        String before = jdbc.sql("select after_json from audit_log where id = :id").param("id", last).query(String.class).single();
        var row = jdbc.sql("select * from audit_log where id = :id").param("id", last).query().singleRow();
        tx.executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql("delete from audit_log where id = :id").param("id", last).update();
        });
        try {
            var result = verifier.verify();
            assertThat(result.ok()).isFalse();
            assertThat(result.reason()).contains("truncated");
        } finally {
            tx.executeWithoutResult(s -> {
                jdbc.sql("set local session_replication_role = replica").update();
                jdbc.sql("""
                        insert into audit_log (id, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash, chain)
                        values (:id, :at, :actor, :action, :entity, :eid, :b, :a, :p, :h, :c)""")
                        .param("c", row.get("chain"))
                        .param("id", last).param("at", row.get("at")).param("actor", row.get("actor"))
                        .param("action", row.get("action")).param("entity", row.get("entity"))
                        .param("eid", row.get("entity_id")).param("b", row.get("before_json")).param("a", before)
                        .param("p", row.get("prev_hash")).param("h", row.get("hash")).update();
            });
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    /**
     * A confirmation writes everything it audits to one of the confirmations' chains, so that while
     * it queues for the report sequence it holds no chain that others need; other transactions
     * never write to those.
     */
    @Test
    void confirmationsWriteToTheirOwnChain() {
        long before = jdbc.sql("select coalesce(max(id), 0) from audit_log").query(Long.class).single();
        tx.executeWithoutResult(s -> {
            audit.lockConfirmationChain();
            audit.recordAs("test", "supersede", "chain-test", 1, null, "{}");
            audit.recordAs("test", "confirm", "chain-test", 1, null, "{}");
        });
        tx.executeWithoutResult(s -> audit.recordAs("test", "create", "chain-test", 2, null, "{}"));
        java.util.List<Integer> chains = jdbc.sql("select chain from audit_log where id > :b and entity = 'chain-test' order by id")
                .param("b", before).query(Integer.class).list();
        assertThat(chains).hasSize(3);
        assertThat(chains.get(0)).isBetween(1, AuditLog.CONFIRMATION_CHAINS).isEqualTo(chains.get(1));
        assertThat(chains.get(2)).isBetween(AuditLog.CONFIRMATION_CHAINS + 1, AuditLog.CHAINS);
        assertThat(verifier.verify().ok()).isTrue();
    }

    /**
     * While other transactions hold all but one of its chains, a transaction takes the free one at
     * once instead of waiting for a held one (drawn at random, three in four would have waited).
     */
    @Test
    void aTransactionTakesAFreeChainInsteadOfWaitingForAHeldOne() throws Exception {
        int others = AuditLog.CHAINS - AuditLog.CONFIRMATION_CHAINS;
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.List<Thread> holders = new java.util.ArrayList<>();
        java.util.Set<Integer> held = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try {
            for (int h = 0; h < others - 1; h++) {
                int holder = h;
                java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
                holders.add(Thread.ofPlatform().start(() -> tx.executeWithoutResult(s -> {
                    audit.recordAs("test", "hold", "free-chain-test", holder, null, "{}");
                    held.add(jdbc.sql("select chain from audit_log where entity = 'free-chain-test' and entity_id = :e "
                            + "and action = 'hold' order by id desc limit 1").param("e", String.valueOf(holder))
                            .query(Integer.class).single());
                    ran.countDown();
                    try {
                        release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })));
                assertThat(ran.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("holder " + h + " took a chain").isTrue();
            }
            assertThat(held).hasSize(others - 1);
            long before = jdbc.sql("select coalesce(max(id), 0) from audit_log").query(Long.class).single();
            var writes = java.util.concurrent.CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 20; i++) {
                    int n = i;
                    tx.executeWithoutResult(s -> audit.recordAs("test", "write", "free-chain-test", 100 + n, null, "{}"));
                }
            });
            writes.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(jdbc.sql("select distinct chain from audit_log where id > :b and entity = 'free-chain-test'")
                    .param("b", before).query(Integer.class).list())
                    .singleElement().satisfies(c -> assertThat(held).doesNotContain(c))
                    .satisfies(c -> assertThat(c).isGreaterThan(AuditLog.CONFIRMATION_CHAINS));
        } finally {
            release.countDown();
            for (Thread t : holders) {
                t.join();
            }
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void concurrentWritersSpreadOverTheChainsAndEveryChainVerifies() throws Exception {
        long before = jdbc.sql("select coalesce(max(id), 0) from audit_log").query(Long.class).single();
        java.util.List<Thread> writers = new java.util.ArrayList<>();
        java.util.concurrent.ConcurrentLinkedQueue<Throwable> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            writers.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 25; i++) {
                    int n = i;
                    try {
                        // Two entries in one transaction: they must land in the same chain.
                        tx.executeWithoutResult(s -> {
                            audit.recordAs("test", "create", "stripe-test", thread * 100 + n, null, "{}");
                            audit.recordAs("test", "update", "stripe-test", thread * 100 + n, null, "{\"n\":" + n + "}");
                        });
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            }));
        }
        for (Thread w : writers) {
            w.join();
        }
        assertThat(failures).isEmpty();
        assertThat(jdbc.sql("select count(distinct chain) from audit_log where id > :b and entity = 'stripe-test'")
                .param("b", before).query(Long.class).single()).as("chains used by 400 transactions").isEqualTo(AuditLog.CHAINS - AuditLog.CONFIRMATION_CHAINS);
        assertThat(jdbc.sql("select count(*) from (select entity_id from audit_log where id > :b and entity = 'stripe-test' "
                + "group by entity_id having count(distinct chain) > 1) x").param("b", before).query(Long.class).single())
                .as("transactions split over two chains").isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where id > :b and entity = 'stripe-test' and chain <= :c")
                .param("b", before).param("c", AuditLog.CONFIRMATION_CHAINS).query(Long.class).single())
                .as("entries of other transactions in the confirmations' chains").isZero();
        assertThat(verifier.verify().ok()).isTrue();

        // An entry moved into another chain breaks the link there.
        long moved = jdbc.sql("select max(id) from audit_log where entity = 'stripe-test'").query(Long.class).single();
        int chain = jdbc.sql("select chain from audit_log where id = :id").param("id", moved).query(Integer.class).single();
        tx.executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql("update audit_log set chain = :c where id = :id").param("c", chain % 8 + 1).param("id", moved).update();
        });
        try {
            assertThat(verifier.verify().ok()).isFalse();
        } finally {
            tx.executeWithoutResult(s -> {
                jdbc.sql("set local session_replication_role = replica").update();
                jdbc.sql("update audit_log set chain = :c where id = :id").param("c", chain).param("id", moved).update();
            });
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    /** Puts the original content back so that other tests see an intact chain. */
    private void repair(long id) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql("update audit_log set after_json = '{\"name\":\"Neu\"}' where id = :id").param("id", id).update();
        });
        assertThat(verifier.verify().ok()).isTrue();
    }
}
